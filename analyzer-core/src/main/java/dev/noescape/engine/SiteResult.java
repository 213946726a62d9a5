package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Reason;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on one allocation site.
 *
 * @param site the site
 * @param state its escape state
 * @param chain the shortest chain of reasons for {@code state}, outermost step last; empty for
 *     {@link EscapeState#NO_ESCAPE}
 */
public record SiteResult(AllocSite site, EscapeState state, List<Reason> chain) {
  public SiteResult {
    chain = List.copyOf(chain);
  }

  /** {@code returned (line 20)}, or the steps joined with {@code "; "}. */
  public String renderChain() {
    return chain.stream().map(Reason::render).collect(Collectors.joining("; "));
  }
}
