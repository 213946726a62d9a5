package dev.noescape.bytecode.loop;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Natural loops of one method body from its control-flow graph (normal edges only: an exception
 * handler is reached by no normal edge, so it belongs to no loop by dominance and is attached to
 * the loop it jumps back into, see {@link #innermost}).
 *
 * <p>Statements are numbered {@code 0..n-1} in SootUp's linear order, which for javac output is
 * bytecode order. Dominators by the iterative algorithm of Cooper, Harvey and Kennedy over reverse
 * postorder. A back edge is {@code j → h} with {@code h} dominating {@code j}; the natural loop of
 * {@code h} is {@code h} plus every node that reaches a latch backwards without passing {@code h};
 * back edges to one header form one loop, as javac emits one header per source loop.
 */
public final class LoopForest {
  /** One natural loop. */
  public static final class NLoop {
    public final int header;
    public final BitSet body = new BitSet();
    public final List<Integer> latches = new ArrayList<>();
    public NLoop parent;
    public final List<NLoop> children = new ArrayList<>();
    public int index;

    NLoop(int header) {
      this.header = header;
    }

    public int depth() {
      int d = 1;
      for (NLoop p = parent; p != null; p = p.parent) d++;
      return d;
    }
  }

  public final int n;
  public final int[][] succ;
  public final int[][] pred;
  public final int[] idom;
  public final boolean[] reachable;
  public final List<NLoop> loops = new ArrayList<>();
  /** Innermost loop of every statement, or null. */
  public final NLoop[] innermost;

  public LoopForest(int[][] succ) {
    this.n = succ.length;
    this.succ = succ;
    List<List<Integer>> p = new ArrayList<>();
    for (int i = 0; i < n; i++) p.add(new ArrayList<>());
    for (int i = 0; i < n; i++) for (int s : succ[i]) p.get(s).add(i);
    pred = new int[n][];
    for (int i = 0; i < n; i++) pred[i] = p.get(i).stream().mapToInt(Integer::intValue).toArray();
    reachable = new boolean[n];
    int[] rpo = reversePostorder();
    idom = Dominators.immediate(n, rpo, pred);
    findLoops();
    innermost = new NLoop[n];
    for (NLoop l : loops) { // loops are sorted outer first
      for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) innermost[i] = l;
    }
    attachUnreachable();
  }

  private int[] reversePostorder() {
    int[] order = new int[n];
    int k = n;
    if (n == 0) return new int[0];
    int[] stack = new int[n];
    int[] next = new int[n];
    int sp = 0;
    stack[sp++] = 0;
    reachable[0] = true;
    while (sp > 0) {
      int v = stack[sp - 1];
      if (next[v] < succ[v].length) {
        int w = succ[v][next[v]++];
        if (!reachable[w]) {
          reachable[w] = true;
          stack[sp++] = w;
        }
      } else {
        sp--;
        order[--k] = v;
      }
    }
    return java.util.Arrays.copyOfRange(order, k, n);
  }

  /**
   * The normal successors with every edge that goes round a loop again replaced by the loop's
   * exits: an edge from {@code j} to the header of a loop whose body holds {@code j} (a latch's
   * back edge, a {@code continue}) becomes edges to the targets of the loop's exit edges (from its
   * body to outside it), themselves replaced the same way when one goes round an enclosing loop
   * again. A loop without exits contributes none. The graph is then acyclic, and "every path from
   * {@code j} ends in X" on it means: every path ends in X, or goes round loops whose every exit
   * leads to X ({@code for (…) { … } throw e;}), where a loop that never exits leads nowhere. Both
   * uses of "on the way to a throw" read it ({@code ColdRegions}, {@link dev.noescape.ir.ThrowFlow}).
   */
  public int[][] exitSuccessors() {
    if (exitSuccessors == null) exitSuccessors = computeExitSuccessors();
    return exitSuccessors;
  }

  /** {@link #exitSuccessors}, computed on first use (the cold regions and the throw flow share it). */
  private int[][] exitSuccessors;

  private int[][] computeExitSuccessors() {
    int[][] out = new int[n][];
    java.util.Map<NLoop, int[]> exits = new java.util.HashMap<>();
    for (int j = 0; j < n; j++) {
      java.util.TreeSet<Integer> to = new java.util.TreeSet<>();
      for (int s : succ[j]) {
        NLoop again = goesRound(j, s);
        if (again == null) to.add(s);
        else for (int e : exitsOf(again, exits)) to.add(e);
      }
      out[j] = to.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The loop headed by {@code s} whose body holds {@code j} (the edge goes round it again), or null. */
  private NLoop goesRound(int j, int s) {
    for (NLoop l = innermost[s]; l != null && l.header == s; l = l.parent) if (l.body.get(j)) return l;
    return null;
  }

  /** The targets of {@code l}'s exit edges, as {@link #exitSuccessors} replaces them (memoized in {@code memo}). */
  private int[] exitsOf(NLoop l, java.util.Map<NLoop, int[]> memo) {
    int[] known = memo.get(l);
    if (known != null) return known;
    memo.put(l, new int[0]); // an exit going round l again cannot happen; this only guards the recursion
    java.util.TreeSet<Integer> to = new java.util.TreeSet<>();
    for (int j = l.body.nextSetBit(0); j >= 0; j = l.body.nextSetBit(j + 1)) {
      for (int s : succ[j]) {
        if (l.body.get(s)) continue;
        NLoop again = goesRound(j, s);
        if (again == null) to.add(s);
        else for (int e : exitsOf(again, memo)) to.add(e);
      }
    }
    int[] out = to.stream().mapToInt(Integer::intValue).toArray();
    memo.put(l, out);
    return out;
  }

  /** Whether {@code a} dominates {@code b} (both reachable). */
  public boolean dominates(int a, int b) {
    if (!reachable[a] || !reachable[b]) return false;
    for (int x = b; ; x = idom[x]) {
      if (x == a) return true;
      if (x == 0 || idom[x] == x || idom[x] < 0) return x == a;
    }
  }

  private void findLoops() {
    NLoop[] byHeader = new NLoop[n];
    for (int j = 0; j < n; j++) {
      if (!reachable[j]) continue;
      for (int h : succ[j]) {
        if (dominates(h, j)) {
          NLoop l = byHeader[h];
          if (l == null) {
            l = byHeader[h] = new NLoop(h);
            l.body.set(h);
            loops.add(l);
          }
          l.latches.add(j);
          int[] work = new int[n];
          int sp = 0;
          if (!l.body.get(j)) {
            l.body.set(j);
            work[sp++] = j;
          }
          while (sp > 0) {
            int v = work[--sp];
            for (int q : pred[v]) {
              if (reachable[q] && !l.body.get(q)) {
                l.body.set(q);
                work[sp++] = q;
              }
            }
          }
        }
      }
    }
    // outer loops first: bigger bodies contain smaller ones
    loops.sort((a, b) -> a.body.cardinality() != b.body.cardinality()
        ? Integer.compare(b.body.cardinality(), a.body.cardinality()) : Integer.compare(a.header, b.header));
    for (int i = 0; i < loops.size(); i++) {
      NLoop l = loops.get(i);
      for (int k = i - 1; k >= 0; k--) {
        NLoop o = loops.get(k);
        if (o.body.get(l.header) && contains(o.body, l.body)) {
          l.parent = o;
          o.children.add(l);
          break;
        }
      }
    }
    loops.sort((a, b) -> Integer.compare(a.depth(), b.depth()) != 0 ? Integer.compare(a.depth(), b.depth())
        : Integer.compare(a.header, b.header));
  }

  private static boolean contains(BitSet outer, BitSet inner) {
    BitSet x = (BitSet) inner.clone();
    x.andNot(outer);
    return x.isEmpty();
  }

  /**
   * Exception handlers and code only they reach: no normal edge enters them, so dominance puts them
   * in no loop. A {@code catch} inside a loop body jumps back into the body when it ends; it gets the
   * innermost loop of the first statement it reaches that has one (conditionally: it is never
   * once per iteration).
   */
  private void attachUnreachable() {
    for (int i = 0; i < n; i++) {
      if (reachable[i] || innermost[i] != null) continue;
      NLoop found = null;
      BitSet seen = new BitSet();
      int[] work = new int[n];
      int sp = 0;
      work[sp++] = i;
      seen.set(i);
      while (sp > 0 && found == null) {
        int v = work[--sp];
        for (int s : succ[v]) {
          if (reachable[s]) {
            if (innermost[s] != null && (found == null || found.depth() < innermost[s].depth())) found = innermost[s];
          } else if (!seen.get(s)) {
            seen.set(s);
            work[sp++] = s;
          }
        }
      }
      innermost[i] = found;
    }
  }

  /** Whether statement {@code i} is in loop {@code l} (directly or in a nested loop). */
  public boolean in(NLoop l, int i) {
    for (NLoop x = innermost[i]; x != null; x = x.parent) if (x == l) return true;
    return false;
  }
}
