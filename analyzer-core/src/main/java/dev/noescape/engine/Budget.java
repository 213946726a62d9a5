package dev.noescape.engine;

/**
 * How much work the engine may spend before it gives up on a method or a component and treats it
 * conservatively (its summary unknown), so that no input makes a run hang or run out of memory.
 *
 * <p>Work is counted, not timed, so the same input always hits the same budgets and the output
 * stays deterministic: one unit is one word (64 objects) of a points-to set copied along an
 * edge, or one constraint applied to one object (the cost of the inclusion solver), plus one per
 * statement of every method analysis. A wall-clock deadline is available on top (opt-in: the
 * command line's {@code --budget-seconds}); output then depends on the machine's speed.
 *
 * @param methodStatements a method with more IR statements and allocation sites than this is not
 *     analyzed at all (its graph alone could not be built within the work budget)
 * @param methodWork work units one analysis of one method may spend
 * @param componentWork work units the fixpoint of one recursive component may spend over all its
 *     rounds before its members fall back to unknown summaries
 * @param deadlineNanos a {@link System#nanoTime()} after which no further method is analyzed;
 *     {@link #NO_DEADLINE} for none
 */
public record Budget(int methodStatements, long methodWork, long componentWork, long deadlineNanos) {
  public static final long NO_DEADLINE = Long.MAX_VALUE;

  /**
   * The default: generous for real code, tight enough that one run over a pathological jar stays
   * in seconds and a few hundred megabytes per method. Measured with {@link WorkPeaks} (the
   * command line's {@code --debug}, 2026-11-24): the costliest single method analyses are
   * java.base's generated {@code SystemModules$1.moduleDescriptors()} at 22.4M units (22 % of
   * {@code methodWork}), groovy 4.0.31's 200-parameter {@code Maps.of} at 16.9M, javaparser's
   * {@code JavaParserMetaModel.initializePropertyMetaModels()} at 8.7M, guava's at 0.03M; the
   * costliest recursive component, 0.74M units over 358 methods (jgit, byte-buddy, javaparser and
   * seven more jars together), is under 0.1 % of {@code componentWork}, which is there for
   * pathological components, not real ones.
   */
  public static final Budget DEFAULT = new Budget(40_000, 100_000_000L, 2_000_000_000L, NO_DEADLINE);

  /** No limit at all (tests comparing precise fixpoints). */
  public static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, NO_DEADLINE);

  /** This budget with a wall-clock deadline ({@link System#nanoTime()} based). */
  public Budget withDeadline(long deadlineNanos) {
    return new Budget(methodStatements, methodWork, componentWork, deadlineNanos);
  }

  boolean hasDeadline() {
    return deadlineNanos != NO_DEADLINE;
  }
}
