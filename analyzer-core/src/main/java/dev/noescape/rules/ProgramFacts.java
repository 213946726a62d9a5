package dev.noescape.rules;

import dev.noescape.ir.TypeHierarchy;
import dev.noescape.jit.SitePredictions;
import java.util.Set;

/**
 * What the rules learn from the whole program, not from the method they look at: the back end
 * computes it once per run, after the engine ran ({@code backend.BackEnd}), and hands it to the
 * rules in their {@link RuleContext}; a run of some of the methods (isolation's reruns) gets the
 * whole program's facts, so it gives the same advice. A null component is the same as its
 * "nothing known" value.
 *
 * @param predictions the C2 model's predictions ({@link SitePredictions#NONE} when the model did not run)
 * @param hierarchy the program's classes as the front end sees them ({@link TypeHierarchy#UNKNOWN}
 *     when unknown): the boxing rule asks which interfaces are the project's own functional
 *     interfaces ({@link ForcedBoxes})
 * @param privateMethods the keys ({@code MethodRef.key()}) of the program's private methods and
 *     constructors, lambda bodies left out: only their own file calls them, so their signature is
 *     the project's to change ({@code BoxingAllocation}: a box a private method's {@code Double}
 *     parameter requires goes away with a {@code double} one)
 * @param callAllocations what each varargs call of the program allocates on every call, at the
 *     least ({@code VarargsAllocation}: an array beside a callee that allocates far more is not a
 *     warning)
 * @param accumulatorResets the fields each private method of the program starts afresh on every
 *     normal path ({@code StringConcatInLoop}: netty's {@code splitHeader} assigns {@code value},
 *     so a loop that calls it on one arm does not grow {@code value} across the loop)
 */
public record ProgramFacts(SitePredictions predictions, TypeHierarchy hierarchy, Set<String> privateMethods,
    CallAllocations callAllocations, AccumulatorResets accumulatorResets) {
  /** Nothing known about the program: what a context built by hand (a test, a tool) starts from. */
  public static final ProgramFacts NONE = new ProgramFacts(null, null, null, null, null);

  public ProgramFacts {
    if (predictions == null) predictions = SitePredictions.NONE;
    if (hierarchy == null) hierarchy = TypeHierarchy.UNKNOWN;
    privateMethods = privateMethods == null ? Set.of() : Set.copyOf(privateMethods);
    if (callAllocations == null) callAllocations = CallAllocations.NONE;
    if (accumulatorResets == null) accumulatorResets = AccumulatorResets.NONE;
  }

  /** These facts with the model's predictions and the program's classes, known only once the engine ran. */
  public ProgramFacts withEngineResult(SitePredictions p, TypeHierarchy h) {
    return new ProgramFacts(p, h, privateMethods, callAllocations, accumulatorResets);
  }
}
