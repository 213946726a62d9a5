package dev.noescape.ir;

/**
 * A read or write of an instance field or array element, of any type ({@code p.x}, {@code a[i] = 3}
 * included, which the statements leave out because they move no reference). The escape engine
 * does not need these; the model of C2's scalar replacement does: C2 replaces an array by its
 * elements only when every access names a constant index, not when an element is accessed in a
 * loop the array is created outside of (one memory slice, merged at the loop head), and it reduces
 * an allocation merge only when no access of the merged object follows a call.
 *
 * @param base the object or array variable
 * @param field the field, or {@link FieldRef#ARRAY_ELEMENT}
 * @param constantIndex for an element, the index is a compile-time constant (true for fields)
 * @param write a store ({@code a[i] += v} is recorded once, as a write)
 * @param ctx where: position, loop and order, as a statement's
 */
public record Access(Var base, FieldRef field, boolean constantIndex, boolean write, StmtContext ctx) {
  public boolean isElement() {
    return field.equals(FieldRef.ARRAY_ELEMENT);
  }
}
