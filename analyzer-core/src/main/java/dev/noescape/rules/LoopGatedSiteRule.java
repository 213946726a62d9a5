package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link SiteRule} for allocations that matter because they repeat: it reports the sites it
 * {@code reports} that pass {@link RuleSupport#gated} (in a loop, in a hot method, or everywhere when
 * {@link RuleContext#reportOutsideLoops()}), with the rule's message, no reasons and no fix.
 */
abstract class LoopGatedSiteRule extends SiteRule {
  private final Predicate<AllocSite> reports;

  LoopGatedSiteRule(RuleId id, Predicate<AllocSite> reports) {
    super(id);
    this.reports = reports;
  }

  @Override
  final boolean reportsRepetition() {
    return true;
  }

  @Override
  final boolean oneAllocationPerEvaluation() {
    return true;
  }

  @Override
  final Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    if (!reports(m, s, context)) return null;
    return siteFinding(m, s, message(result, m, s, context), List.of(), Hotness.of(m, s), null);
  }

  /** Whether this rule reports site {@code s}: a site it is about, past the gate. */
  final boolean reports(MethodIR m, AllocSite s, RuleContext context) {
    return reports.test(s) && RuleSupport.gated(m, s, context);
  }

  /** The message for a reported site that passed the gate. */
  abstract String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context);
}
