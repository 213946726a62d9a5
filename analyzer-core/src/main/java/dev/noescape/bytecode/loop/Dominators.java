package dev.noescape.bytecode.loop;

/**
 * Immediate dominators of a flow graph by Cooper, Harvey and Kennedy's iterative algorithm ("A
 * Simple, Fast Dominance Algorithm"): the one implementation behind {@link LoopForest#idom}
 * (dominators from the method's entry) and {@link IterationOrder}'s post-dominators (dominators of
 * one iteration's reversed graph, from its end).
 */
final class Dominators {
  private Dominators() {}

  /**
   * The immediate dominator of every node of a graph of {@code size} nodes: {@code rpo} lists the
   * nodes reached from its first element (the root) in reverse postorder, {@code preds[v]} the
   * predecessors of node {@code v} (null or empty for none). The root is its own immediate
   * dominator; a node not in {@code rpo} gets -1.
   */
  static int[] immediate(int size, int[] rpo, int[][] preds) {
    int[] idom = new int[size];
    java.util.Arrays.fill(idom, -1);
    if (rpo.length == 0) return idom;
    int[] index = new int[size];
    for (int i = 0; i < rpo.length; i++) index[rpo[i]] = i;
    int root = rpo[0];
    idom[root] = root;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int b : rpo) {
        if (b == root || preds[b] == null) continue;
        int newIdom = -1;
        for (int q : preds[b]) {
          if (idom[q] < 0) continue; // not reached, or not processed yet
          newIdom = newIdom < 0 ? q : intersect(idom, index, q, newIdom);
        }
        if (newIdom >= 0 && idom[b] != newIdom) {
          idom[b] = newIdom;
          changed = true;
        }
      }
    }
    return idom;
  }

  /** The nearest common dominator of {@code a} and {@code b}: walk up from the one later in reverse postorder. */
  private static int intersect(int[] idom, int[] index, int a, int b) {
    while (a != b) {
      while (index[a] > index[b]) a = idom[a];
      while (index[b] > index[a]) b = idom[b];
    }
    return a;
  }
}
