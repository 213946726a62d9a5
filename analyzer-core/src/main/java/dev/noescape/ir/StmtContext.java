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
 *     {@code break} or {@code return} that could skip it, unless that jump is the loop's leading
 *     exit test (docs/design.md, "Loop depth": {@code while (true) { x = next(); if (x == null)
 *     break; … }} is {@code while ((x = next()) != null)}). False outside loops.
 * @param ordinal position in program (source or bytecode) order, increasing; used to tell
 *     "before the loop" from "inside" and "after" ({@link Loop#firstOrdinal()})
 * @param inThrow true when the statement evaluates part of the operand of a {@code throw}
 *     statement ({@code throw new IllegalStateException("bad " + x)}: the {@code new}, the
 *     concatenation, the constructor call): the failure path, which the {@code @NoAllocation}
 *     contract allows to allocate
 * @param conditional true when the statement runs only on some paths through its innermost loop's
 *     iteration or, outside loops, through the method: under an {@code if}, {@code switch},
 *     conditional expression, short-circuit operand or {@code catch}. C2 inlines less at such call
 *     sites when they are rarely taken (the model of C2, {@code dev.noescape.jit})
 * @param cold why the statement runs only rarely or once whatever loop it is in (an error path,
 *     an assertion, a logging branch, class initialization), or {@link ColdPath#NONE}; never null
 */
public record StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal, boolean inThrow,
    boolean conditional, ColdPath cold) {
  public StmtContext {
    if (cold == null) cold = inThrow ? ColdPath.ERROR : ColdPath.NONE;
  }

  /** A statement whose cold path the front end did not record (it follows from {@code inThrow} alone). */
  public StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal, boolean inThrow,
      boolean conditional) {
    this(pos, loopId, loopDepth, oncePerIteration, ordinal, inThrow, conditional, null);
  }

  /** A statement whose conditionality the front end did not record. */
  public StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal, boolean inThrow,
      ColdPath cold) {
    this(pos, loopId, loopDepth, oncePerIteration, ordinal, inThrow, false, cold);
  }

  /** A statement outside any {@code throw}, on no cold path. */
  public StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal) {
    this(pos, loopId, loopDepth, oncePerIteration, ordinal, false, false, ColdPath.NONE);
  }

  /** A statement whose cold path follows from {@code inThrow} alone (the operand of a throw is {@link ColdPath#ERROR}). */
  public StmtContext(SourcePos pos, int loopId, int loopDepth, boolean oncePerIteration, int ordinal, boolean inThrow) {
    this(pos, loopId, loopDepth, oncePerIteration, ordinal, inThrow, false, (ColdPath) null);
  }

  /** Whether the statement is on a cold path ({@link #cold()} is not {@link ColdPath#NONE}). */
  public boolean isCold() {
    return cold.isCold();
  }

  public boolean inLoop() {
    return loopDepth > 0;
  }
}
