package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The skeleton of the rules that judge a method's allocation sites one at a time: each site gives
 * at most one finding, reported at the site and about it. The rule itself (its class comment says
 * what the code does; users read its declaration in {@code dev.noescape.catalog}) says which sites
 * it reports and how, in {@link #checkSite}.
 */
abstract class SiteRule implements Rule {
  private final RuleId id;

  SiteRule(RuleId id) {
    this.id = id;
  }

  @Override
  public final RuleId id() {
    return id;
  }

  @Override
  public final List<Finding> check(MethodResult result, RuleContext context) {
    MethodIR m = result.method();
    List<Finding> out = new ArrayList<>();
    for (AllocSite s : m.sites()) {
      Finding f = checkSite(result, m, s, context);
      if (f != null && JitAwareWarnings.RULES.contains(id)) f = JitAwareWarnings.apply(f, m, s, context);
      if (f != null) out.add(f);
    }
    return out;
  }

  /** The finding of this rule about site {@code s} of {@code m} ({@code result.method()}), or null. */
  abstract Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context);

  /** A finding of this rule about site {@code s}. */
  final Finding siteFinding(MethodIR m, AllocSite s, String message, List<Reason> reasons, int hotness, Fix fix) {
    return RuleSupport.finding(id, m, s.pos(), message, reasons, hotness, fix, new Subject.Site(s));
  }
}
