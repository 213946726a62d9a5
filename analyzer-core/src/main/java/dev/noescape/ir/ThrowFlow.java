package dev.noescape.ir;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The part of a method's control flow that decides which code only runs on the way to a failure
 * once it is known which calls never return normally: the one definition of "on the way to a
 * throw" that both front ends feed and that the engine evaluates after the callees' summaries are
 * known ({@code dev.noescape.engine}).
 *
 * <p>It is a graph of nodes. A node stands for a contiguous range of the method's statements
 * ({@link MethodIR#stmts()} indexes {@code [from, to)}) and has normal successors, may itself throw
 * ({@code throw}/{@code athrow}), and may end in one call whose target might never return. A node
 * is <em>throwing</em> in the least fixpoint of
 *
 * <pre>
 *   throwing(n) = throws(n) || neverReturns(call(n)) || (succ(n) is not empty && every s in succ(n) is throwing)
 * </pre>
 *
 * Least, not greatest: a cycle (a loop, or a node without a way out) is throwing only when some
 * way round it is proven to throw; an infinite loop without exit does not count as throwing. The
 * bytecode front end replaces a loop's back edges by its exit edges ({@code
 * LoopForest.exitSuccessors}), so a loop whose every exit leads to a throw is throwing, body
 * included, and one without exit is not; the javac front end's runs include a loop that cannot
 * leave the run other than by ending ({@code ColdPaths.mayLeave}). A node
 * without successors that neither throws nor calls a never-returning method (a {@code return}, or a
 * javac region whose continuation this graph does not follow) is not throwing.
 *
 * <p>The bytecode front end gives one node per Jimple statement with its normal successors, so
 * every path is followed. The javac front end gives only block-shaped regions: the statements of
 * a block from which it always reaches its last statement, when that is a call or a {@code throw}
 * (the same tail {@code ColdPath#ERROR} already uses for a closing {@code throw}), and each call
 * statement by itself; such a node has no successors, so it is throwing only through its own call
 * or throw.
 *
 * @param from first statement of each node
 * @param to one past the last statement of each node
 * @param call the index of the node's call statement whose never returning makes the node
 *     throwing, or -1
 * @param throwsHere nodes that end in a throw
 * @param succStart CSR offsets into {@code succ}: node n's successors are
 *     {@code succ[succStart[n] .. succStart[n+1])}
 * @param succ successor node ids
 * @param entry the node the method starts at when every path of the method starts there (its
 *     never-returning decides the method's), or -1
 */
public record ThrowFlow(int[] from, int[] to, int[] call, BitSet throwsHere, int[] succStart, int[] succ, int entry) {
  /** No flow facts: nothing is decided from never-returning calls. */
  public static final ThrowFlow NONE = new ThrowFlow(new int[0], new int[0], new int[0], new BitSet(), new int[] {0},
      new int[0], -1);

  public int size() {
    return from.length;
  }

  /** Whether any node has a call that could make it throwing, or throws itself. */
  public boolean decidable() {
    if (!throwsHere.isEmpty()) return true;
    for (int c : call) if (c >= 0) return true;
    return false;
  }

  /** The throwing nodes, given which call statements never return normally (by statement index). */
  public BitSet throwing(IntPredicate neverReturns) {
    int n = size();
    BitSet t = new BitSet(n);
    if (!decidable()) return t;
    boolean[] callThrows = new boolean[n];
    for (int i = 0; i < n; i++) callThrows[i] = call[i] >= 0 && neverReturns.test(call[i]);
    boolean changed = true;
    // Successors mostly follow their node (program order), so a backward sweep settles most in one round.
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        if (t.get(i)) continue;
        boolean v = throwsHere.get(i) || callThrows[i];
        if (!v && succStart[i + 1] > succStart[i]) {
          v = true;
          for (int k = succStart[i]; k < succStart[i + 1] && v; k++) v = t.get(succ[k]);
        }
        if (v) {
          t.set(i);
          changed = true;
        }
      }
    }
    return t;
  }

  /** Whether the method never returns normally: its entry node is throwing. */
  public static boolean neverReturns(ThrowFlow f, BitSet throwing) {
    return f.entry >= 0 && throwing.get(f.entry);
  }

  /** The statements of the throwing nodes: they only run on the way to a failure. */
  public BitSet statements(BitSet throwing) {
    BitSet out = new BitSet();
    for (int i = throwing.nextSetBit(0); i >= 0; i = throwing.nextSetBit(i + 1)) {
      if (to[i] > from[i]) out.set(from[i], to[i]);
    }
    return out;
  }
}
