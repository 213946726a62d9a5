package dev.noescape.bytecode.loop;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import sootup.core.jimple.common.constant.IntConstant;
import sootup.core.jimple.common.constant.NullConstant;
import sootup.core.jimple.common.expr.AbstractConditionExpr;
import sootup.core.jimple.common.expr.JEqExpr;
import sootup.core.jimple.common.expr.JNeExpr;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.stmt.JGotoStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.types.PrimitiveType;
import sootup.core.types.ReferenceType;

/**
 * Retry loops in bytecode ({@link dev.noescape.ir.Loop#retry()}, docs/design.md "Retry loops"), the
 * counterpart of the javac front end's {@code RetryLoops}. javac compiles the end of a loop body as
 * an unconditional {@code goto} back to the loop's start (a {@code do … while (cond)} ends with a
 * conditional jump instead), and a body that ends with {@code if (ok) return v;} reaches that
 * {@code goto} only from the {@code if} whose other branch leaves the loop. So a loop is a retry loop
 * when it has no condition of its own (the caller decides that: {@link TripCounts} finds no test at
 * its start, or the source says the test it found is in the body) and its last back edge is a
 * {@code goto} that only such tests reach, through nothing but other {@code goto}s ({@code if}/{@code
 * else} arms that each end in such a test), and one of those tests leaves when the attempt succeeded
 * ({@link #leavesOnSuccess}). Some compilers chain that last test's jump straight to
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
    if (stmts.get(last) instanceof JIfStmt) return knownConditionless && leavesOnSuccess(l, f, stmts, last);
    if (!(stmts.get(last) instanceof JGotoStmt)) return false;
    Deque<Integer> work = new ArrayDeque<>();
    BitSet seen = new BitSet();
    work.push(last);
    seen.set(last);
    boolean onSuccess = false;
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
        } else {
          onSuccess |= chainLeavesOnSuccess(l, f, stmts, p);
        }
      }
    }
    // one of the final tests leaves on the attempt's success; the others may leave on another
    // outcome of it (if (v != null) return v; else if (future == null) return null;)
    return onSuccess;
  }

  /**
   * Whether the exit test at {@code test}, or one of the exit tests right before it whose staying
   * branch leads to it ({@code if (a) return v; if (b) return null;}, an {@code else if} chain), leaves
   * on the attempt's success.
   */
  private static boolean chainLeavesOnSuccess(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, int test) {
    BitSet seen = new BitSet();
    for (int t = test; t >= 0 && !seen.get(t); ) {
      seen.set(t);
      if (leavesOnSuccess(l, f, stmts, t)) return true;
      int before = -1;
      for (int q : f.pred[t]) {
        if (f.reachable[q] && f.in(l, q) && stmts.get(q) instanceof JIfStmt && leaves(l, f, q)) before = q;
      }
      t = before;
    }
    return false;
  }

  private static boolean leaves(LoopForest.NLoop l, LoopForest f, int branch) {
    for (int t : f.succ[branch]) if (!f.in(l, t)) return true;
    return false;
  }

  /**
   * Whether the test at {@code branch} leaves the loop when an attempt succeeded: a boolean that
   * holds ({@code if (cas(…)) break;}, compiled {@code if z != 0} towards the exit) or a reference
   * that is there ({@code if (v != null) return v;}). A test that leaves when a boolean does not hold
   * ({@code if (!more()) break;}), when a reference is null ({@code if (next == null) break;}) or on
   * a comparison of numbers leaves when the input is exhausted: the loop is a data loop.
   */
  private static boolean leavesOnSuccess(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, int branch) {
    int fallThrough = branch + 1;
    boolean leavesOnJump = false;
    boolean leavesOnFall = false;
    for (int t : f.succ[branch]) {
      if (f.in(l, t)) continue;
      if (t == fallThrough) leavesOnFall = true;
      else leavesOnJump = true;
    }
    if (leavesOnJump == leavesOnFall) return false;
    AbstractConditionExpr c = ((JIfStmt) stmts.get(branch)).getCondition();
    boolean whenEqual;
    if (c instanceof JEqExpr) whenEqual = leavesOnJump;
    else if (c instanceof JNeExpr) whenEqual = !leavesOnJump;
    else return false;
    // leaves on "is there" (z != 0, v != null), i.e. not when the two sides are equal
    return !whenEqual && presenceTest(c.getOp1(), c.getOp2());
  }

  /** {@code z} against {@code 0} for a boolean {@code z}, or a reference against {@code null}. */
  private static boolean presenceTest(Value a, Value b) {
    if (a instanceof NullConstant) return b.getType() instanceof ReferenceType;
    if (b instanceof NullConstant) return a.getType() instanceof ReferenceType;
    if (b instanceof IntConstant i && i.getValue() == 0) return a.getType() instanceof PrimitiveType.BooleanType;
    if (a instanceof IntConstant i && i.getValue() == 0) return b.getType() instanceof PrimitiveType.BooleanType;
    return false;
  }
}
