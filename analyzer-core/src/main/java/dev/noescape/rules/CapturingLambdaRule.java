package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteDescriptions;
import dev.noescape.ir.SiteKind;
import java.util.List;

/**
 * {@code CapturingLambda} (warning): a lambda or method reference that allocates because it
 * captures, or an anonymous class (which allocates on every evaluation), inside a loop or a hot
 * method — Go's "func literal escapes" for closures.
 *
 * <p><b>Reports</b> each such site with the captured names:
 *
 * <pre>
 *   lambda allocates on every iteration of the loop (line 14) because it captures 'limit', 'this': hoist it out of the loop or make it non-capturing
 *   method reference allocates in hot method Engine.match because it captures 'this': make it non-capturing, or create it once and reuse it
 *   new Runnable() {…} allocates on every iteration of the loop (line 9) (an anonymous class is instantiated on every evaluation): hoist it out of the loop or use a non-capturing lambda
 * </pre>
 *
 * <p><b>Stays quiet</b> about non-capturing lambdas and unbound method references (the front ends
 * emit no site for them), plain {@code new} of inner or local classes (ordinary allocations, see
 * {@code HeapEscape}), and, unless {@link RuleContext#reportOutsideLoops()}, everything outside
 * loops and hot methods.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.CapturingLambdaDoc}.
 */
public final class CapturingLambdaRule extends LoopGatedSiteRule {
  public CapturingLambdaRule() {
    super(RuleId.CAPTURING_LAMBDA, s -> s.kind().isFunctional());
  }

  @Override
  String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    List<String> captured = s.details() instanceof AllocSite.Capture c ? c.captured() : List.of();
    boolean inLoop = s.loopDepth() > 0;
    String head = switch (s.kind()) {
      case LAMBDA -> "lambda";
      case METHOD_REF -> "method reference";
      default -> s.description();
    };
    String why;
    String advice;
    if (!captured.isEmpty()) {
      why = " because it captures " + SiteDescriptions.quotedNames(captured);
      advice = inLoop ? "hoist it out of the loop or make it non-capturing"
          : "make it non-capturing, or create it once and reuse it";
      if (s.kind() == SiteKind.ANONYMOUS_CLASS) advice += " (a non-capturing lambda allocates nothing)";
    } else if (s.kind() == SiteKind.ANONYMOUS_CLASS) {
      why = " (an anonymous class is instantiated on every evaluation)";
      advice = inLoop ? "hoist it out of the loop or use a non-capturing lambda"
          : "use a non-capturing lambda or a static final instance";
    } else {
      // The front end says it captures but could not name what: still an allocation per evaluation.
      why = " because it captures";
      advice = inLoop ? "hoist it out of the loop or make it non-capturing"
          : "make it non-capturing, or create it once and reuse it";
    }
    return head + " allocates " + RuleSupport.where(m, s, context) + why + ": " + advice;
  }
}
