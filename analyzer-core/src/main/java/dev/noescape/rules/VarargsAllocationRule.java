package dev.noescape.rules;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;

/**
 * {@code VarargsAllocation} (warning): the implicit array of a variable-arity call, inside a loop or
 * a hot method.
 *
 * <p><b>Reports</b> every call that javac resolved to the variable-arity form, including one that
 * passes no variable arguments (it allocates an empty array every time):
 *
 * <pre>
 *   varargs call to String.format allocates a new Object[2] on every iteration of the loop (line 14): hoist a reused array out of the loop, or call a fixed-arity overload
 *   varargs call to Log.debug allocates an empty Object[] in hot method Engine.match: pass a shared empty array constant, or call a fixed-arity overload
 * </pre>
 *
 * <p><b>Advice</b> in the message: a reused array (hoisted out of the loop) or a fixed-arity
 * overload; only the overload when the engine says the callee keeps the array (it escapes
 * globally), since reusing one array would share it between calls; a shared empty array constant
 * when the call passes no variable arguments.
 *
 * <p><b>Stays quiet</b> about calls that pass an existing array or resolve to a fixed-arity
 * overload (no site), and, unless {@link RuleContext#reportOutsideLoops()}, about calls outside
 * loops and hot methods.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.VarargsAllocationDoc}.
 */
public final class VarargsAllocationRule extends LoopGatedSiteRule {
  public VarargsAllocationRule() {
    super(RuleId.VARARGS_ALLOCATION, s -> s.kind() == SiteKind.VARARGS_ARRAY);
  }

  @Override
  String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    String callee = "a variable-arity method";
    int count = -1;
    if (s.details() instanceof AllocSite.Varargs v) {
      if (v.callee() != null) callee = v.callee().displayName();
      count = v.elementCount();
    }
    SiteResult sr = RuleSupport.siteResult(result, s);
    boolean kept = sr != null && sr.state() == EscapeState.GLOBAL_ESCAPE;
    String array = arrayText(s.simpleType(), count);
    String advice;
    if (count == 0) {
      // An empty array has no state to share: a constant is safe even when the callee keeps it.
      advice = "pass a shared empty array constant, or call a fixed-arity overload";
    } else if (kept) {
      advice = "call a fixed-arity overload (" + callee + " keeps the array, so one cannot be reused)";
    } else if (s.loopDepth() > 0) {
      advice = "hoist a reused array out of the loop, or call a fixed-arity overload";
    } else {
      advice = "reuse one array, or call a fixed-arity overload";
    }
    return "varargs call to " + callee + " allocates " + array + " " + RuleSupport.where(m, s, context) + ": "
        + advice;
  }

  /** {@code a new Object[2]}, {@code an empty Object[]}, or {@code a new Object[]} when the count is unknown. */
  static String arrayText(String arrayType, int count) {
    String t = arrayType.endsWith("[]") ? arrayType : arrayType + "[]";
    if (count == 0) return "an empty " + t;
    if (count < 0) return "a new " + t;
    int i = t.indexOf("[]");
    return "a new " + t.substring(0, i) + "[" + count + "]" + t.substring(i + 2);
  }
}
