package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.finding.Subject;
import dev.noescape.jit.ArrayCopies;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NotScalarReplaced} (info): an allocation that does not escape but that HotSpot C2 is
 * predicted to allocate anyway, with the condition ({@link C2Condition}) from the model
 * ({@code dev.noescape.jit.C2Model}, whose predictions the back end puts into the context):
 *
 * <pre>
 *   new int[n] does not escape, but C2 (JDK 25) will still allocate it: its length n is not a constant (C2 scalar-replaces arrays of constant length ≤ 64)
 * </pre>
 *
 * At verbosity 2 the non-escaping sites C2 is predicted to remove are reported too:
 * {@code new Point(x, y) does not escape (scalar-replaced by C2, JDK 25)}. Escaping sites are
 * {@code HeapEscape}'s. Users read its declaration, {@link dev.noescape.catalog.NotScalarReplacedDoc}.
 */
public final class NotScalarReplacedRule extends SiteRule {
  public NotScalarReplacedRule() {
    super(RuleId.NOT_SCALAR_REPLACED);
  }

  @Override
  Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    SiteResult sr = RuleSupport.siteResult(result, s);
    if (sr == null || sr.state() == EscapeState.GLOBAL_ESCAPE || s.neverAllocates()) return null;
    RuntimePrediction p = context.predictions().get(m.ref(), s.id());
    if (p == null) return null;
    String message;
    if (p.heap()) {
      message = s.description() + " does not escape, but C2 (JDK " + p.jdk() + ") will still allocate it: "
          + p.reason() + advice(p.condition());
    } else if (context.verbosity() >= 2) {
      message = s.description() + " does not escape (scalar-replaced by C2"
          + (p.coldUse() == null ? "" : " while " + p.coldUse().proviso()) + ", JDK " + p.jdk() + ")";
    } else {
      return null;
    }
    return siteFinding(m, s, message, sr.chain(), Hotness.of(m, s), null);
  }

  /**
   * The copies the method's calls make ({@code a.clone()}, {@code Arrays.copyOf}: the model's
   * {@code ArrayCopies}), which are no sites of the program but allocate as one: reported at the
   * call as a site is, with the model's prediction on the finding.
   */
  @Override
  List<Finding> checkBeyondSites(MethodResult result, MethodIR m, RuleContext context) {
    List<Finding> out = new ArrayList<>();
    List<Stmt> stmts = m.stmts();
    for (int k = 0; k < stmts.size(); k++) {
      if (!(stmts.get(k) instanceof Stmt.Call c)) continue;
      RuntimePrediction p = context.predictions().copy(m.ref(), k);
      if (p == null || p.condition() == C2Condition.ESCAPES || result.callResult(k) == EscapeState.GLOBAL_ESCAPE) continue;
      String call = ArrayCopies.shown(c);
      String message;
      if (p.heap()) {
        message = call + " does not escape, but C2 (JDK " + p.jdk() + ") will still allocate its copy: " + p.reason()
            + advice(p.condition());
      } else if (context.verbosity() >= 2) {
        message = call + " does not escape (its copy is scalar-replaced by C2"
            + (p.coldUse() == null ? "" : " while " + p.coldUse().proviso()) + ", JDK " + p.jdk() + ")";
      } else {
        continue;
      }
      int hotness = Hotness.rank(c.ctx().loopDepth(), false, m.hot(), SiteKind.NEW_ARRAY);
      out.add(RuleSupport.finding(id(), m, c.ctx().pos(), message, List.of(), hotness, null, new Subject.Call(c.callee()))
          .withRuntime(p));
    }
    return out;
  }

  /** A rewrite that removes the condition, where one exists. */
  static String advice(C2Condition c) {
    return switch (c) {
      case ARRAY_LENGTH_NOT_CONSTANT, ARRAY_TOO_LONG -> ": use a constant size ≤ 64, or hoist the array and reuse it";
      case INDEX_NOT_CONSTANT, ELEMENT_IN_LOOP -> ": use local variables instead of the array's elements, or hoist and reuse it";
      case LOOP_CARRIED -> ": carry its fields in local variables instead of the object";
      case MERGED -> ": merge the values, not the objects (one allocation after the join)";
      default -> "";
    };
  }
}
