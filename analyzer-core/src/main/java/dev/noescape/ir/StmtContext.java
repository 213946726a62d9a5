package dev.noescape.ir;

/**
 * Where a statement sits: its source position, its innermost loop and loop depth, whether it
 * runs exactly once per iteration of that loop, and its place in program order.
 *
 * @param pos source position of the expression the statement comes from
 * @param loopId id of the innermost enclosing {@link Loop} of this method, or -1
 * @param loopDepth number of loops that run this statement once per iteration, including the
 *     depth a lambda or anonymous-class body inherits from the expression that creates it
 *     ({@link MethodIR#baseLoopDepth()})
 * @param oncePerIteration true when the statement runs on every path through one iteration of
 *     its innermost loop, exactly once: not under an {@code if}, {@code switch}, conditional
 *     expression, short-circuit operand or {@code catch}, and not after a {@code continue},
 *     {@code break} or {@code return} that could skip it. False outside loops.
 * @param ordinal position in program (source or bytecode) order, increasing; used to tell
 *     "before the loop" from "inside" and "after" ({@link Loop#firstOrdinal()})
 */
public record StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal) {
  public boolean inLoop() {
    return loopDepth > 0;
  }
}
