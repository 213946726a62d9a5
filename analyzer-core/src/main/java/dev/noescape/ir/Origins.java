package dev.noescape.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the value of a variable comes from: what one walk back over a method's definitions reached
 * ({@link Definitions#walk}). Asked by the rules (is the collection a box goes into the caller's?
 * may the value be derived from the accumulator's old one?) and by the C2 model (is the receiver's
 * class exact, an allocation of the method?).
 *
 * @param reached every variable the walk reached, the start first, in the order met (breadth first)
 * @param definitions the definitions reached that the walk does not look through, in the order met
 * @param complete false when a variable reached that is no parameter has no definition in the
 *     method (nothing is known of it: a local the IR shows no value for, as a constant)
 * @param cut true when the walk stopped with definitions still to examine: at its bound, or at a
 *     variable assigned more than once when it follows only variables assigned once
 *     ({@link Definitions.Walk})
 */
public record Origins(List<Var> reached, List<Stmt> definitions, boolean complete, boolean cut) {
  /**
   * The origins of {@code v} in {@code m} through copies (and casts, which the IR writes as copies),
   * flow-insensitively, into every definition of a variable assigned more than once:
   * {@link Definitions.Walk#COPIES}.
   */
  public static Origins of(MethodIR m, Var v) {
    return Definitions.of(m).walk(v, Definitions.Walk.COPIES);
  }

  /** The parameters reached, in the order met. */
  public List<Var> params() {
    List<Var> out = new ArrayList<>();
    for (Var v : reached) if (v.isParam()) out.add(v);
    return out;
  }

  /** Whether the walk reached a variable {@code test} accepts. */
  public boolean reaches(java.util.function.Predicate<Var> test) {
    for (Var v : reached) if (test.test(v)) return true;
    return false;
  }

  /** Whether the walk ended at a definition {@code test} accepts. */
  public boolean endsAt(java.util.function.Predicate<Stmt> test) {
    for (Stmt d : definitions) if (test.test(d)) return true;
    return false;
  }
}
