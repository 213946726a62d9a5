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
import dev.noescape.ir.Stmt;
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
      if (f != null) {
        f = f.withHotness(Hotness.inColdMethod(f.hotness(), m, s, result.methodCold(s, RuleSupport.perOperation(m, context))));
      }
      if (f != null && reportsRepetition()) {
        String why = notAWarning(result, m, s, context);
        if (why != null) f = context.verbosity() >= 2 ? information(f, why) : null;
      }
      if (f != null && JitAwareWarnings.RULES.contains(id)) f = JitAwareWarnings.apply(f, m, s, context);
      if (f != null) out.add(f);
    }
    out.addAll(checkBeyondSites(result, m, context));
    return out;
  }

  /**
   * This rule's findings about what the method allocates other than at its sites (the copies its
   * calls make: {@link NotScalarReplacedRule}); none by default.
   */
  List<Finding> checkBeyondSites(MethodResult result, MethodIR m, RuleContext context) {
    return List.of();
  }

  /**
   * Whether this rule reports an allocation because it repeats (in a loop, in a hot method): such a
   * finding about a site on a cold path ({@link RuleSupport#cold}: an error path, the way to a call
   * that never returns, an assertion, a logging branch, a static initializer, a method only class
   * initialization calls, set-up code) is no warning, only information at verbosity 2, because the allocation
   * does not repeat in normal operation; nor is one whose only
   * loop is a retry loop, or one the rule itself says no one can act on ({@link #notAWarningHere}).
   */
  boolean reportsRepetition() {
    return false;
  }

  /**
   * Why a finding of this rule about {@code s}, reported because it repeats, is no warning, or null
   * when it is one: the site is on a cold path ({@link RuleSupport#cold}); its only loop is a retry
   * loop ({@link RuleSupport#onlyRetryLoop}), which runs once per call unless an attempt fails; or
   * the rule's own reason ({@link #notAWarningHere}).
   */
  final String notAWarning(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    if (RuleSupport.cold(result, s, context).isCold()) return RuleSupport.coldPhrase(result, s, context);
    Loop retry = RuleSupport.onlyRetryLoop(m, s, context);
    if (retry != null) return "in " + RuleSupport.loopPhrase(m, retry.id(), true, "a retry loop") + " that normally runs once";
    String own = notAWarningHere(result, m, s, context);
    if (own != null || !oneAllocationPerEvaluation()) return own;
    Stmt.Call io = CostlyCalls.ioWhenever(m, s.ctx().loopId(), s.ctx());
    if (io == null) return null;
    String what = CostlyCalls.kind(io.callee()) == CostlyCalls.Kind.IO ? "does file-system I/O" : "writes output";
    int line = io.ctx().pos() != null ? io.ctx().pos().line() : 0;
    // outside loops: a body that repeats with the loop it is created in (CostlyCalls.ioWhenever)
    String which = s.ctx().loopId() < 0 ? "every run of this body (which repeats with the enclosing loop) that allocates it"
        : "every iteration of " + RuleSupport.loopPhrase(m, s.ctx().loopId(), true)
            + (io.ctx().oncePerIteration() ? "" : " that allocates it");
    return which + " " + what + " (" + io.callee().displayName() + (line > 0 ? ", line " + line : "")
        + "), which costs far more than the allocation";
  }

  /**
   * Whether what this rule reports costs one small allocation each time the code runs (a box, a
   * varargs array, a lambda), which a loop that does I/O on every iteration dwarfs
   * ({@link CostlyCalls#ioEveryIteration}); not so for growth that repeats with a fill, or a
   * concatenation whose copies grow with the loop.
   */
  boolean oneAllocationPerEvaluation() {
    return false;
  }

  /**
   * This rule's own reason why a finding about {@code s} that repeats is no warning (a sentence
   * that follows {@code "not a warning: "}), or null: none by default ({@link ForcedBoxes} for
   * boxing).
   */
  String notAWarningHere(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    return null;
  }

  /** {@code f} as information: its message says why it is not a warning, and it offers no fix. */
  private static Finding information(Finding f, String why) {
    return new Finding(f.rule(), Severity.INFO, f.file(), f.pos(), f.message() + " (not a warning: " + why + ")",
        f.reasons(), f.hotness(), null, f.method(), f.subject());
  }

  /** The finding of this rule about site {@code s} of {@code m} ({@code result.method()}), or null. */
  abstract Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context);

  /** A finding of this rule about site {@code s}. */
  final Finding siteFinding(MethodIR m, AllocSite s, String message, List<Reason> reasons, int hotness, Fix fix) {
    return RuleSupport.finding(id, m, s.pos(), message, reasons, hotness, fix, new Subject.Site(s, List.of(), lineMates(m, s)));
  }

  /** The other sites of {@code m} of {@code s}'s kind on its line ({@link Subject.Site#lineMates}). */
  private static List<AllocSite> lineMates(MethodIR m, AllocSite s) {
    if (s.pos() == null) return List.of();
    List<AllocSite> out = null;
    for (AllocSite o : m.sites()) {
      if (o.id() == s.id() || o.kind() != s.kind() || o.pos() == null || o.pos().line() != s.pos().line()) continue;
      if (out == null) out = new ArrayList<>();
      out.add(o);
    }
    return out == null ? List.of() : out;
  }
}
