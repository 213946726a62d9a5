package dev.noescape.bytecode.loop;

import java.util.BitSet;

/**
 * What runs whenever a statement runs within one iteration, found in the control flow
 * ({@link dev.noescape.ir.Dominance} for the bytecode front end): per statement, the nearest
 * statement directly in its innermost loop (outside loops: outside every loop) that dominates it,
 * and the nearest that post-dominates it.
 *
 * <p>Dominance is the method's ({@link LoopForest#idom}): a statement of the loop that dominates
 * another dominates it within each iteration, since every path to either passes the header first.
 * Post-dominance is over the graph of one iteration: the loop's body (nested loops included) with
 * its normal edges, where an edge back to the header or out of the loop, and a statement without
 * successors (a return or a throw), ends the iteration; outside loops, the method's graph, which
 * returns and throws end. Exceptions that calls may throw are not edges here.
 */
public final class IterationOrder {
  /** Regions larger than this (statements) get no post-dominators: the fixpoint is quadratic in the worst case. */
  static final int MAX_REGION = 5_000;

  private final LoopForest f;
  /** Per statement, the answer of {@link #after}: computed for every region at once, since every statement is asked. */
  private final int[] after;

  public IterationOrder(LoopForest f) {
    this.f = f;
    after = new int[f.n];
    java.util.Arrays.fill(after, -1);
    int[] local = new int[f.n];
    postDominators(null, local);
    for (LoopForest.NLoop l : f.loops) postDominators(l, local);
  }

  /** The nearest statement of {@code i}'s loop that dominates {@code i}, or -1. */
  public int before(int i) {
    if (i <= 0 || !f.reachable[i]) return -1;
    for (int d = f.idom[i], guard = 0; d >= 0 && guard < f.n; d = f.idom[d], guard++) {
      if (f.innermost[d] == f.innermost[i]) return d;
      if (d == 0 || f.idom[d] == d) break;
    }
    return -1;
  }

  /** The nearest statement of {@code i}'s loop that post-dominates {@code i} within the iteration, or -1. */
  public int after(int i) {
    return after[i];
  }

  /**
   * The answers of {@link #after} for the statements directly in {@code l} (null: outside loops):
   * the immediate post-dominators within one iteration of {@code l}, by Cooper, Harvey and Kennedy
   * on the reversed graph ({@link Dominators}), followed up to the first statement directly in
   * {@code l}. The region's statements are numbered {@code 0..m-1} in statement order ({@code
   * local}, scratch shared by the regions), {@code m} the end of the iteration, so that the graph
   * costs the region's size, not the method's.
   */
  private void postDominators(LoopForest.NLoop l, int[] local) {
    BitSet region = l == null ? null : l.body;
    int m = region == null ? f.n : region.cardinality();
    if (m > MAX_REGION || m == 0) return;
    int[] member = new int[m];
    for (int k = 0, x = region == null ? 0 : region.nextSetBit(0); k < m;
        k++, x = region == null ? x + 1 : region.nextSetBit(x + 1)) {
      member[k] = x;
      local[x] = k;
    }
    int exit = m;
    // the iteration's successors of each statement: m for the end of the iteration
    int[][] next = new int[m + 1][];
    int[] count = new int[m + 1];
    for (int k = 0; k < m; k++) {
      int[] s = f.succ[member[k]];
      int[] out = new int[s.length + 1];
      int j = 0;
      boolean ends = s.length == 0;
      for (int t : s) {
        if (region != null && (!region.get(t) || t == l.header)) ends = true;
        else out[j++] = local[t];
      }
      if (ends) out[j++] = exit;
      next[k] = java.util.Arrays.copyOf(out, j);
      for (int t : next[k]) count[t]++;
    }
    next[exit] = new int[0];
    // postorder of the reversed graph from the end (a statement from which the end is not reached has no post-dominator)
    int[][] prev = new int[m + 1][];
    for (int v = 0; v <= m; v++) prev[v] = new int[count[v]];
    java.util.Arrays.fill(count, 0);
    for (int k = 0; k < m; k++) for (int t : next[k]) prev[t][count[t]++] = k;
    int[] order = new int[m + 1], cursor = count, stack = new int[m + 1];
    java.util.Arrays.fill(cursor, 0);
    BitSet seen = new BitSet(m + 1);
    int size = 0, sp = 0;
    stack[sp++] = exit;
    seen.set(exit);
    while (sp > 0) {
      int v = stack[sp - 1];
      if (cursor[v] < prev[v].length) {
        int w = prev[v][cursor[v]++];
        if (!seen.get(w)) {
          seen.set(w);
          stack[sp++] = w;
        }
      } else {
        sp--;
        order[size++] = v;
      }
    }
    // the reversed graph's reverse postorder starts at the end; a statement's predecessors there are its successors
    int[] rpo = new int[size];
    for (int k = 0; k < size; k++) rpo[k] = order[size - 1 - k];
    int[] ipdom = Dominators.immediate(m + 1, rpo, next);
    for (int k = 0; k < m; k++) {
      int i = member[k];
      if (f.innermost[i] != l) continue;
      for (int p = ipdom[k], guard = 0; p >= 0 && p < m && guard < m; p = ipdom[p], guard++) {
        if (f.innermost[member[p]] == l) {
          after[i] = member[p];
          break;
        }
      }
    }
  }
}
