package dev.noescape.bytecode.loop;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

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
  /** Per loop (null: the method), the immediate post-dominator of each statement of its region; {@code f.n} is the end, -1 none. */
  private final Map<LoopForest.NLoop, int[]> ipdoms = new HashMap<>();

  public IterationOrder(LoopForest f) {
    this.f = f;
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
    LoopForest.NLoop l = f.innermost[i];
    if (l != null && !l.body.get(i)) return -1; // an exception handler attached to the loop
    int[] ipdom = ipdoms.computeIfAbsent(l, this::postDominators);
    for (int p = ipdom[i], guard = 0; p >= 0 && p < f.n && guard < f.n; p = ipdom[p], guard++) {
      if (f.innermost[p] == l) return p;
    }
    return -1;
  }

  /** The immediate post-dominators within one iteration of {@code l} (null: the method), by Cooper, Harvey and Kennedy on the reversed graph ({@link Dominators}). */
  private int[] postDominators(LoopForest.NLoop l) {
    int n = f.n, exit = n;
    int[] ipdom = new int[n + 1];
    java.util.Arrays.fill(ipdom, -1);
    BitSet region = new BitSet(n);
    if (l == null) region.set(0, n);
    else region.or(l.body);
    if (region.cardinality() > MAX_REGION) return ipdom;
    // the iteration's successors of each statement: n for the end of the iteration
    int[][] next = new int[n][];
    for (int x = region.nextSetBit(0); x >= 0; x = region.nextSetBit(x + 1)) {
      int[] s = f.succ[x];
      int[] out = new int[s.length + 1];
      int k = 0;
      boolean ends = s.length == 0;
      for (int t : s) {
        if (!region.get(t) || l != null && t == l.header) ends = true;
        else out[k++] = t;
      }
      if (ends) out[k++] = exit;
      next[x] = java.util.Arrays.copyOf(out, k);
    }
    // postorder of the reversed graph from the end (a statement from which the end is not reached has no post-dominator)
    int[][] prev = new int[n + 1][];
    int[] count = new int[n + 1];
    for (int x = region.nextSetBit(0); x >= 0; x = region.nextSetBit(x + 1)) for (int t : next[x]) count[t]++;
    for (int v = 0; v <= n; v++) prev[v] = new int[count[v]];
    java.util.Arrays.fill(count, 0);
    for (int x = region.nextSetBit(0); x >= 0; x = region.nextSetBit(x + 1)) for (int t : next[x]) prev[t][count[t]++] = x;
    int[] order = new int[n + 1], cursor = new int[n + 1], stack = new int[n + 1];
    BitSet seen = new BitSet(n + 1);
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
    ipdom = Dominators.immediate(n + 1, rpo, java.util.Arrays.copyOf(next, n + 1));
    ipdom[exit] = -1;
    return ipdom;
  }
}
