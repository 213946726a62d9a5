package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
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
      if (f != null && result.oneTime() != null) f = f.withHotness(Hotness.inOneTimeMethod(f.hotness(), m, s));
      if (f != null && reportsRepetition() && result.cold(s).isCold()) {
        f = context.verbosity() >= 2 ? coldInformation(f, RuleSupport.coldPhrase(result, s)) : null;
      } else if (f != null && reportsRepetition()) {
        Loop retry = RuleSupport.onlyRetryLoop(m, s, context);
        if (retry != null) f = context.verbosity() >= 2 ? retryInformation(f, m, retry) : null;
      }
      if (f != null && JitAwareWarnings.RULES.contains(id)) f = JitAwareWarnings.apply(f, m, s, context);
      if (f != null) out.add(f);
    }
    return out;
  }

  /**
   * Whether this rule reports an allocation because it repeats (in a loop, in a hot method): such a
   * finding about a site on a cold path ({@link MethodResult#cold}: an error path, the way to a call
   * that never returns,
   * an assertion, a logging branch, a static initializer, a method only class initialization
   * calls) is no warning, only information at
   * verbosity 2, because the allocation does not repeat in normal operation.
   */
  boolean reportsRepetition() {
    return false;
  }

  /** {@code f} as information: its message says which cold path ({@code why}), and it offers no fix. */
  private static Finding coldInformation(Finding f, String why) {
    return new Finding(f.rule(), Severity.INFO, f.file(), f.pos(),
        f.message() + " (not a warning: " + why + ")", f.reasons(), f.hotness(), null, f.method(),
        f.subject());
  }

  /**
   * {@code f} about a site whose only loop is a retry loop ({@link RuleSupport#onlyRetryLoop}), as
   * information: it runs once per call unless an attempt fails, so it is no loop warning.
   */
  private static Finding retryInformation(Finding f, MethodIR m, Loop retry) {
    String loop = RuleSupport.loopPhrase(m, retry.id(), true, "a retry loop");
    return new Finding(f.rule(), Severity.INFO, f.file(), f.pos(),
        f.message() + " (not a warning: in " + loop + " that normally runs once)", f.reasons(), f.hotness(), null,
        f.method(), f.subject());
  }

  /** The finding of this rule about site {@code s} of {@code m} ({@code result.method()}), or null. */
  abstract Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context);

  /** A finding of this rule about site {@code s}. */
  final Finding siteFinding(MethodIR m, AllocSite s, String message, List<Reason> reasons, int hotness, Fix fix) {
    return RuleSupport.finding(id, m, s.pos(), message, reasons, hotness, fix, new Subject.Site(s));
  }
}
