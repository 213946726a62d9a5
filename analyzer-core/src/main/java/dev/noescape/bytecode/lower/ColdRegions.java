package dev.noescape.bytecode.lower;

import dev.noescape.bytecode.locals.Locals;
import dev.noescape.bytecode.loop.LoopForest;
import dev.noescape.ir.ColdPath;
import dev.noescape.models.LoggingGuards;
import java.util.Arrays;
import java.util.List;
import sootup.core.jimple.common.constant.IntConstant;
import sootup.core.jimple.common.expr.AbstractConditionExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JEqExpr;
import sootup.core.jimple.common.expr.JNeExpr;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.constant.NullConstant;
import sootup.core.jimple.common.ref.JFieldRef;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.stmt.JThrowStmt;
import sootup.core.jimple.common.stmt.Stmt;

/**
 * The bytecode side of the cold-path fact ({@link ColdPath}), per statement of one body, from its
 * control-flow graph of normal edges ({@link LoopForest}):
 *
 * <ul>
 *   <li>{@link ColdPath#ERROR}: code no normal edge reaches (exception handlers: {@code catch}
 *       blocks and the exceptional copy of a {@code finally}), and code every normal path from
 *       which ends in an {@code athrow} without going round a cycle (the least fixpoint of "is a
 *       throw, or all successors are");
 *   <li>{@link ColdPath#ASSERTION} and {@link ColdPath#LOGGING}: code dominated by the branch of an
 *       {@code if} that runs only when {@code $assertionsDisabled} is false, or when a logging
 *       level check ({@link LoggingGuards}) returned true, provided that branch has no other
 *       predecessor.
 * </ul>
 *
 * The operand of a {@code throw} is marked by the lowering itself ({@code StmtContext.inThrow}),
 * a static initializer by the IR builder.
 */
final class ColdRegions {
  private ColdRegions() {}

  static ColdPath[] of(List<Stmt> stmts, LoopForest f, Locals locals) {
    int n = stmts.size();
    ColdPath[] cold = new ColdPath[n];
    Arrays.fill(cold, ColdPath.NONE);
    for (int i = 0; i < n; i++) if (!f.reachable[i]) cold[i] = ColdPath.ERROR;
    for (int i = 0; i < n; i++) {
      if (!(stmts.get(i) instanceof JIfStmt ifs) || !f.reachable[i]) continue;
      guardedRegion(ifs, i, f, locals, cold);
    }
    for (int i = 0; i < n; i++) {
      if (stmts.get(i) instanceof JIfStmt ifs && f.reachable[i]) lazyInitialization(stmts, ifs, i, f, locals, cold);
    }
    boolean[] throwing = throwing(stmts, f);
    for (int i = 0; i < n; i++) if (throwing[i] && cold[i] == ColdPath.NONE) cold[i] = ColdPath.ERROR;
    return cold;
  }

  /** Marks what runs only when the guard tested by {@code ifs} (statement {@code i}) is on. */
  private static void guardedRegion(JIfStmt ifs, int i, LoopForest f, Locals locals, ColdPath[] cold) {
    AbstractConditionExpr c = ifs.getCondition();
    if (!(c instanceof JEqExpr || c instanceof JNeExpr) || !(c.getOp1() instanceof Local z)
        || !(c.getOp2() instanceof IntConstant k) || k.getValue() != 0) {
      return;
    }
    ColdPath kind;
    boolean onWhenNonZero;
    if (locals.def(z) instanceof AbstractInvokeExpr ie
        && LoggingGuards.isGuard(ie.getMethodSignature().getDeclClassType().getFullyQualifiedName(),
            ie.getMethodSignature().getName())) {
      kind = ColdPath.LOGGING;
      onWhenNonZero = true;
    } else if (locals.def(z) instanceof JStaticFieldRef sf
        && sf.getFieldSignature().getName().equals("$assertionsDisabled")) {
      kind = ColdPath.ASSERTION;
      onWhenNonZero = false;
    } else {
      return;
    }
    // `if z == 0 goto T` jumps when z is 0 and falls through when it is not; `!=` the other way
    boolean jumpsWhenNonZero = c instanceof JNeExpr;
    int entry = successor(f, i, jumpsWhenNonZero == onWhenNonZero);
    if (entry < 0 || entry >= cold.length || f.pred[entry].length != 1) return;
    for (int j = 0; j < cold.length; j++) {
      if (cold[j] == ColdPath.NONE && f.dominates(entry, j)) cold[j] = kind;
    }
  }

  /**
   * {@code if (x == null) x = e;} in a loop ({@code if x != null goto L; ...; x = $t; L:}, or for a
   * field {@code $r = this.f; if $r != null goto L; ...; this.f = $t; L:}): when the arm is only the
   * assignment and the loop never stores {@code null} into {@code x}, the arm runs at most once per
   * call ({@link ColdPath#LAZY_INIT}).
   */
  private static void lazyInitialization(List<Stmt> stmts, JIfStmt ifs, int i, LoopForest f, Locals locals, ColdPath[] cold) {
    LoopForest.NLoop loop = f.innermost[i];
    AbstractConditionExpr c = ifs.getCondition();
    if (loop == null || !(c instanceof JNeExpr) || !(c.getOp1() instanceof Local tested)
        || !(c.getOp2() instanceof NullConstant)) {
      return;
    }
    // the variable: a named local, or the field the tested temporary was loaded from
    Value x = Locals.named(tested) ? tested : locals.def(tested) instanceof JFieldRef fr ? fr : null;
    if (x == null) return;
    int entry = i + 1;
    int join = -1;
    for (int s : f.succ[i]) if (s != entry) join = s;
    if (join <= entry || entry >= stmts.size() || f.pred[entry].length != 1) return;
    // the arm is entry..join-1, straight-line code in the same loop, ending in the assignment
    for (int j = entry; j < join; j++) {
      if (f.innermost[j] != loop || f.pred[j].length != 1 || f.succ[j].length != 1 || f.succ[j][0] != j + 1) return;
    }
    if (!(stmts.get(join - 1) instanceof JAssignStmt a) || !sameVariable(a.getLeftOp(), x)) return;
    for (int j = loop.body.nextSetBit(0); j >= 0; j = loop.body.nextSetBit(j + 1)) {
      if (stmts.get(j) instanceof JAssignStmt n && n.getRightOp() instanceof NullConstant && sameVariable(n.getLeftOp(), x)) return;
    }
    for (int j = entry; j < join; j++) if (cold[j] == ColdPath.NONE) cold[j] = ColdPath.LAZY_INIT;
  }

  /** Whether {@code v} is the local {@code x}, or a reference to the same field as {@code x} (on the same base for instance fields). */
  private static boolean sameVariable(Value v, Value x) {
    if (x instanceof Local) return v.equals(x);
    if (x instanceof JInstanceFieldRef xf) {
      return v instanceof JInstanceFieldRef vf && vf.getFieldSignature().equals(xf.getFieldSignature()) && vf.getBase().equals(xf.getBase());
    }
    return x instanceof JStaticFieldRef xs && v instanceof JStaticFieldRef vs && vs.getFieldSignature().equals(xs.getFieldSignature());
  }

  /**
   * A guard a cache miss may pass ({@code dev.noescape.ir.CacheMisses}): the {@code if} at
   * {@code at} tests {@code tested} for null (or, when {@code tested} is null, {@code
   * containsKey} returned false), and {@code region} holds the statements that run only when it
   * does.
   */
  record MissGuard(int at, Local tested, AbstractInvokeExpr containsKey, java.util.BitSet region) {}

  /**
   * The guards of the body: each {@code if} that tests a reference local against {@code null}, or
   * the result of a one-argument {@code containsKey} against 0, with the code dominated by the
   * branch taken on a miss ({@code x == null}, {@code containsKey} false) when that branch has no
   * other predecessor (the arm of the {@code if}, or the rest of the method after {@code if (x !=
   * null) return x;}). Whether one is a cache miss is decided from the IR.
   */
  static List<MissGuard> missGuards(List<Stmt> stmts, LoopForest f, Locals locals) {
    List<MissGuard> out = new java.util.ArrayList<>();
    for (int i = 0; i < stmts.size(); i++) {
      if (!(stmts.get(i) instanceof JIfStmt ifs) || !f.reachable[i]) continue;
      AbstractConditionExpr c = ifs.getCondition();
      if (!(c instanceof JEqExpr || c instanceof JNeExpr)) continue;
      Local tested = null;
      AbstractInvokeExpr containsKey = null;
      if (c.getOp1() instanceof Local x && c.getOp2() instanceof NullConstant) {
        tested = x;
      } else if (c.getOp2() instanceof Local x && c.getOp1() instanceof NullConstant) {
        tested = x;
      } else if (c.getOp1() instanceof Local z && c.getOp2() instanceof IntConstant k && k.getValue() == 0
          && locals.def(z) instanceof sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr ie
          && ie.getMethodSignature().getName().equals("containsKey") && ie.getArgCount() == 1) {
        containsKey = ie;
      } else {
        continue;
      }
      // `==` jumps on a miss (x is null; containsKey returned 0), `!=` falls through on one
      int entry = successor(f, i, c instanceof JEqExpr);
      if (entry < 0 || entry >= stmts.size() || f.pred[entry].length != 1) continue;
      java.util.BitSet region = new java.util.BitSet();
      for (int j = 0; j < stmts.size(); j++) if (f.dominates(entry, j)) region.set(j); // as guardedRegion's
      out.add(new MissGuard(i, tested, containsKey, region));
    }
    return out;
  }

  /** The statement the {@code if} at {@code i} goes to when it jumps ({@code jump}; -1 when it has no other successor) or falls through. */
  private static int successor(LoopForest f, int i, boolean jump) {
    if (!jump) return i + 1;
    for (int s : f.succ[i]) if (s != i + 1) return s;
    return -1;
  }

  /** Statements every normal path from which ends in a throw, cycles excluded (a least fixpoint). */
  private static boolean[] throwing(List<Stmt> stmts, LoopForest f) {
    int n = stmts.size();
    boolean[] t = new boolean[n];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        if (t[i]) continue;
        boolean v;
        if (stmts.get(i) instanceof JThrowStmt) {
          v = true;
        } else {
          v = f.succ[i].length > 0;
          for (int s : f.succ[i]) v &= t[s];
        }
        if (v) {
          t[i] = true;
          changed = true;
        }
      }
    }
    return t;
  }
}
