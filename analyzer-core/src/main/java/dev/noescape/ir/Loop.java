package dev.noescape.ir;

/**
 * A loop of a method.
 *
 * @param id unique within the method
 * @param parentId id of the enclosing loop, or -1
 * @param depth loop depth of the statements directly in its body (outermost loop of a method with
 *     {@link MethodIR#baseLoopDepth()} 0 has depth 1)
 * @param tripCount the number of iterations, when it is known before the loop starts (enhanced for
 *     over a {@code Collection} or an array; a counted {@code for} with a constant step and a
 *     loop-invariant bound), else null
 * @param noTripCountReason why {@code tripCount} is null ({@code "while (cond) loop"},
 *     {@code "iterates an Iterator"}), for debug output; null when known
 * @param firstOrdinal ordinal of the first statement of the loop (condition, body or update)
 * @param lastOrdinal ordinal of its last statement
 * @param headerLine true when {@code pos} is the line of the loop statement ({@code for},
 *     {@code while}, {@code do}); false when the front end only knows the first line of the loop's
 *     body (a bytecode loop with no condition of its own, {@code for (;;)}, {@code while (true)},
 *     {@code do}, when no source told where the statement starts: {@link SourceLoops})
 * @param retry true for a retry loop (docs/design.md, "Retry loops"): a loop with no condition of
 *     its own ({@code for (;;)}, {@code while (true)}, {@code do … while (true)}) whose body ends in
 *     tests that leave the loop, so that it goes round again only when the last attempt failed
 *     ({@code for (;;) { v = map.compute(k, f); if (done[0]) return v; }}); normally its body runs
 *     once per call
 * @param indexBound when the index of this counted loop counts by one from a constant up to an
 *     integral instance field ({@code for (n = 0; n < b; n++)}), that bound, with the field's range
 *     once {@link FieldRanges} proves it; else null
 */
public record Loop(
    int id,
    int parentId,
    int depth,
    LoopKind kind,
    SourcePos pos,
    SymbolicExpr tripCount,
    String noTripCountReason,
    int firstOrdinal,
    int lastOrdinal,
    boolean headerLine,
    boolean retry,
    FieldRanges.Bound indexBound) {

  /** A loop whose index is not bounded by a field. */
  public Loop(int id, int parentId, int depth, LoopKind kind, SourcePos pos, SymbolicExpr tripCount,
      String noTripCountReason, int firstOrdinal, int lastOrdinal, boolean headerLine, boolean retry) {
    this(id, parentId, depth, kind, pos, tripCount, noTripCountReason, firstOrdinal, lastOrdinal, headerLine, retry, null);
  }

  /** This loop with another {@link #indexBound}. */
  public Loop withIndexBound(FieldRanges.Bound bound) {
    return new Loop(id, parentId, depth, kind, pos, tripCount, noTripCountReason, firstOrdinal, lastOrdinal, headerLine,
        retry, bound);
  }

  /**
   * At most how many times the loop runs: its trip count when that is a constant, else the bound
   * of its index's field when {@link FieldRanges} proved the field's range; null when neither.
   */
  public Long maxTrips() {
    if (tripCount != null && tripCount.isConstant()) return tripCount.constant();
    return indexBound == null ? null : indexBound.maxTrips();
  }

  public boolean hasTripCount() {
    return tripCount != null;
  }

  public boolean contains(int ordinal) {
    return ordinal >= firstOrdinal && ordinal <= lastOrdinal;
  }
}
