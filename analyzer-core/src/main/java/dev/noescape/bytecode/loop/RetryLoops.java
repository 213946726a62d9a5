package dev.noescape.bytecode.loop;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import sootup.core.jimple.common.stmt.JGotoStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.common.stmt.Stmt;

/**
 * Retry loops in bytecode ({@link dev.noescape.ir.Loop#retry()}, docs/design.md "Retry loops"), the
 * counterpart of the javac front end's {@code RetryLoops}. javac compiles the end of a loop body as
 * an unconditional {@code goto} back to the loop's start (a {@code do … while (cond)} ends with a
 * conditional jump instead), and a body that ends with {@code if (ok) return v;} reaches that
 * {@code goto} only from the {@code if} whose other branch leaves the loop. So a loop is a retry loop
 * when it has no condition of its own (the caller decides that: {@link TripCounts} finds no test at
 * its start, or the source says the test it found is in the body) and its last back edge is a
 * {@code goto} that only such tests reach, through nothing but other {@code goto}s ({@code if}/{@code
 * else} arms that each end in such a test). Some compilers chain that last test's jump straight to
 * the loop's start; such a body is the code of a {@code do … while (cond)} and counts only when the
 * source says the loop has no condition.
 */
public final class RetryLoops {
  private RetryLoops() {}

  /** Whether the body of {@code l} ends in tests that leave the loop (see the class comment). */
  public static boolean endsInExitTests(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, boolean knownConditionless) {
    int last = -1;
    for (int latch : l.latches) last = Math.max(last, latch);
    if (last < 0 || last == l.header) return false;
    // the last test may jump straight back (javac chains a jump to the closing goto): the same code
    // as do … while (cond), so only when the source says the loop has no condition
    if (stmts.get(last) instanceof JIfStmt) return knownConditionless && leaves(l, f, last);
    if (!(stmts.get(last) instanceof JGotoStmt)) return false;
    Deque<Integer> work = new ArrayDeque<>();
    BitSet seen = new BitSet();
    work.push(last);
    seen.set(last);
    while (!work.isEmpty()) {
      int x = work.pop();
      for (int p : f.pred[x]) {
        if (!f.reachable[p]) continue;
        if (!f.in(l, p)) return false;
        Stmt ps = stmts.get(p);
        if (ps instanceof JGotoStmt) {
          if (!seen.get(p)) {
            seen.set(p);
            work.push(p);
          }
        } else if (!(ps instanceof JIfStmt) || !leaves(l, f, p)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean leaves(LoopForest.NLoop l, LoopForest f, int branch) {
    for (int t : f.succ[branch]) if (!f.in(l, t)) return true;
    return false;
  }
}
