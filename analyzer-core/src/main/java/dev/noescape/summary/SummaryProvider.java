package dev.noescape.summary;

import dev.noescape.ir.MethodRef;
import java.util.Optional;

/**
 * Summaries of methods outside the analyzed program: hand-checked JDK models, summaries shipped in
 * dependency jars. An empty answer means "unknown": the engine then uses
 * {@link MethodSummary#unknown(int)}.
 */
@FunctionalInterface
public interface SummaryProvider {
  Optional<MethodSummary> lookup(MethodRef method);

  SummaryProvider NONE = m -> Optional.empty();

  /** This provider's answer, or {@code next}'s when this one has none. */
  default SummaryProvider orElse(SummaryProvider next) {
    return m -> {
      Optional<MethodSummary> s = lookup(m);
      return s.isPresent() ? s : next.lookup(m);
    };
  }
}
