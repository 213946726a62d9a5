package dev.noescape.ir;

/**
 * Which statements run whenever another one runs, within one iteration of their loop (or, outside
 * loops, within one run of the body, which a lambda or anonymous-class body with an inherited loop
 * depth repeats): the straight-line code around a statement, also after an early {@code return},
 * {@code continue} or {@code break} under an {@code if} that {@link Arms} (if/else arms only) and
 * {@link StmtContext#oncePerIteration()} (every path through the iteration) do not cover. The one
 * place that decides it is {@link #runsWhenever}.
 *
 * <p>Statement {@code S} runs whenever statement {@code X} runs when both are directly in the same
 * loop (not in a nested one), or both outside loops, and either {@code S} precedes {@code X} on
 * every path to {@code X} within the iteration ({@code S} dominates {@code X}) or {@code S} follows
 * {@code X} on every normal path from {@code X} to the end of the iteration ({@code S}
 * post-dominates {@code X}; the iteration ends where the loop goes round again or is left, at a
 * {@code return} or a {@code throw}; exceptions that calls may throw are ignored).
 *
 * <p>The relation is carried as places: statements of one place run together (the bytecode front
 * end's place is one Jimple statement, the javac front end's one IR statement). Each place has the
 * nearest place of its loop that dominates it and the nearest one that post-dominates it: the
 * dominator and post-dominator trees restricted to the places directly in one loop, so {@code S}
 * runs whenever {@code X} does exactly when {@code S}'s place is on one of the two chains from
 * {@code X}'s place.
 *
 * <p>The bytecode front end computes both trees from its control-flow graph (normal edges only, the
 * iteration's graph cut at the loop header and at the loop's exits). The javac front end reads them
 * from the trees: a statement directly in a block (not under a condition or in a nested loop within
 * it) dominates the later statements of that block and of the blocks nested in it, and
 * post-dominates the earlier ones when no {@code break}, {@code continue}, {@code yield}, {@code
 * return} or {@code throw} that leaves their block is lowered between them (a {@code break} of a
 * {@code switch} counts as leaving: conservative). Statements of no block (a loop's condition or
 * update, an expression lambda) are in no place.
 *
 * @param placeOf the place of each statement by {@link StmtContext#ordinal()}, or -1 for none
 * @param before per place, the nearest place of its loop that dominates it, or -1
 * @param after per place, the nearest place of its loop that post-dominates it, or -1
 */
public record Dominance(int[] placeOf, int[] before, int[] after) {
  /** No places known: nothing is known to run whenever another statement does. */
  public static final Dominance NONE = new Dominance(new int[0], new int[0], new int[0]);

  /**
   * Whether the statement at ordinal {@code stmt} runs whenever the statement at ordinal {@code
   * other} runs, in the same iteration: both in one place, or {@code stmt}'s place dominates or
   * post-dominates {@code other}'s (see the class comment). False when either is in no place.
   */
  public boolean runsWhenever(int stmt, int other) {
    int s = place(stmt), x = place(other);
    if (s < 0 || x < 0) return false;
    return s == x || onChain(before, x, s) || onChain(after, x, s);
  }

  private int place(int ordinal) {
    return ordinal >= 0 && ordinal < placeOf.length ? placeOf[ordinal] : -1;
  }

  /** Whether {@code target} is on the chain {@code next} gives from {@code from} (excluded). */
  private static boolean onChain(int[] next, int from, int target) {
    for (int p = at(next, from), guard = 0; p >= 0 && guard <= next.length; p = at(next, p), guard++) {
      if (p == target) return true;
    }
    return false;
  }

  private static int at(int[] a, int i) {
    return i < a.length ? a[i] : -1;
  }
}
