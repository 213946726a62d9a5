package dev.noescape.bytecode.lower;

import dev.noescape.bytecode.locals.Locals;
import dev.noescape.bytecode.loop.LoopForest;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.OnceBranches;
import dev.noescape.models.LoggingGuards;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import sootup.core.jimple.common.constant.IntConstant;
import sootup.core.jimple.common.expr.AbstractConditionExpr;
import sootup.core.jimple.common.expr.AbstractIntBinopExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JCmpExpr;
import sootup.core.jimple.common.expr.JCmpgExpr;
import sootup.core.jimple.common.expr.JCmplExpr;
import sootup.core.jimple.common.expr.JEqExpr;
import sootup.core.jimple.common.expr.JNeExpr;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.constant.NullConstant;
import sootup.core.jimple.common.ref.JFieldRef;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.constant.Constant;
import sootup.core.jimple.common.stmt.AbstractDefinitionStmt;
import sootup.core.jimple.common.stmt.JReturnStmt;
import sootup.core.jimple.common.stmt.JReturnVoidStmt;
import sootup.core.types.PrimitiveType;
import sootup.core.types.Type;
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
 *       which ends in an {@code athrow}, a loop counting by where its exits lead (the least
 *       fixpoint of "is a throw, or all successors are" on {@link LoopForest#exitSuccessors});
 *   <li>{@link ColdPath#ASSERTION} and {@link ColdPath#LOGGING}: code dominated by the branch of an
 *       {@code if} that runs only when {@code $assertionsDisabled} is false, or when a logging
 *       level check ({@link LoggingGuards}) returned true, provided that branch has no other
 *       predecessor;
 *   <li>{@link ColdPath#ONCE_BRANCH}: the arm of an {@code if} in a loop that stores into the flag or
 *       sentinel its guard tests what turns the guard off, or every path from which reaches such a
 *       store after it before the loop goes round again ({@link #onceBranch}).
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
      if (!(stmts.get(i) instanceof JIfStmt ifs) || !f.reachable[i] || f.innermost[i] == null) continue;
      for (OnceGuard g : onceGuards(ifs.getCondition(), locals)) onceBranch(stmts, g, i, f, locals, cold);
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
   * A once-branch ({@link OnceBranches}): the {@code if} at {@code i}, in a loop, tests a variable
   * {@code x} against a sentinel ({@code g}, {@link #onceGuards}), and the branch taken when {@code
   * x} is the sentinel has no other predecessor; the arm is the code that branch dominates (what the
   * other operands of an {@code &&} test included). {@code x} is a field where the sentinel allows
   * one ({@link OnceBranches#fieldMayBeTested}) or a local defined before the outermost loop around
   * the {@code if} (it outlives the loops), and every store into it in that loop keeps the guard
   * off. The stores that turn it off, in the {@code if}'s own loop: in the arm ({@link
   * OnceBranches#turnsOff}), or outside it ({@link OnceBranches#turnsOffAfter}: after the arm, when
   * every path from the arm reaches one before the loop goes round again). Then the code of the arm
   * in the {@code if}'s own loop that comes after a store in the arm (is dominated by it), or from
   * which every path reaches a store before it leaves the arm, or, for a store after the arm,
   * before it leaves the loop or comes back to the loop's header, runs at most once per call. In
   * source terms that is the arm from the store on, and before it back to the last statement that
   * may jump out: javac's {@code ColdPaths.onceStatements}.
   */
  private static void onceBranch(List<Stmt> stmts, OnceGuard g, int i, LoopForest f, Locals locals, ColdPath[] cold) {
    LoopForest.NLoop loop = f.innermost[i];
    if (g.x() instanceof JFieldRef && !OnceBranches.fieldMayBeTested(g.sentinel())) return;
    LoopForest.NLoop outermost = loop;
    while (outermost.parent != null) outermost = outermost.parent;
    int entry = successor(f, i, g.trueOnJump());
    int n = stmts.size();
    if (entry < 0 || entry >= n || f.pred[entry].length != 1) return;
    // the stores first (a null check in a loop is common; most have none that qualifies), the arm after
    BitSet stores = new BitSet(); // in the arm
    BitSet after = new BitSet(); // after it
    boolean outlives = !(g.x() instanceof Local); // a field does; a local when it has a value from before the loops
    for (int j = 0; j < n; j++) {
      if (!(stmts.get(j) instanceof AbstractDefinitionStmt d) || !sameVariable(d.getLeftOp(), g.x())) continue;
      if (!outermost.body.get(j)) {
        outlives |= f.reachable[j];
        continue;
      }
      boolean inArm = f.dominates(entry, j);
      OnceBranches.Stored v = stored(d.getRightOp(), g.sentinel(), locals);
      if (!OnceBranches.keepsOff(g.sentinel(), v, inArm)) return;
      if (f.innermost[j] != loop) continue;
      if (inArm && OnceBranches.turnsOff(g.sentinel(), v)) stores.set(j);
      if (!inArm && OnceBranches.turnsOffAfter(g.sentinel(), v)) after.set(j);
    }
    if (!outlives || stores.isEmpty() && after.isEmpty()) return;
    BitSet arm = new BitSet();
    for (int j = outermost.body.nextSetBit(0); j >= 0; j = outermost.body.nextSetBit(j + 1)) {
      if (f.dominates(entry, j)) arm.set(j);
    }
    // every path reaches a store before it leaves the arm (or, to a store after the arm, before it
    // leaves the loop or comes back to its header): the greatest fixpoint, so a path that goes round
    // a loop inside the arm for ever does not count against it; a return leaves, a throw is no
    // normal path
    BitSet reaches = (BitSet) arm.clone();
    if (!after.isEmpty()) {
      reaches.or(loop.body);
      reaches.clear(loop.header);
      stores.or(after);
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int j = reaches.nextSetBit(0); j >= 0; j = reaches.nextSetBit(j + 1)) {
        if (stores.get(j)) continue;
        boolean all = !(stmts.get(j) instanceof JReturnStmt || stmts.get(j) instanceof JReturnVoidStmt);
        for (int s : f.succ[j]) all &= reaches.get(s);
        if (!all) {
          reaches.clear(j);
          changed = true;
        }
      }
    }
    for (int j = arm.nextSetBit(0); j >= 0; j = arm.nextSetBit(j + 1)) {
      if (f.innermost[j] != loop || cold[j] != ColdPath.NONE) continue; // a loop inside the arm repeats
      boolean dominated = false; // by a store in the arm
      for (int a = stores.nextSetBit(0); a >= 0 && !dominated; a = stores.nextSetBit(a + 1)) {
        dominated = arm.get(a) && f.dominates(a, j);
      }
      if (dominated || reaches.get(j)) cold[j] = ColdPath.ONCE_BRANCH;
    }
  }

  /** What a once-branch's {@code if} tests: the variable, its sentinel, and whether the {@code if} jumps when {@code x} is the sentinel. */
  private record OnceGuard(Value x, OnceBranches.Sentinel sentinel, boolean trueOnJump) {}

  /**
   * {@code if x != null goto L} ({@link OnceBranches.Sentinel#NULL}); {@code if x != 0 goto L} on a
   * boolean, which is two guards: of the code where {@code x} is false ({@link
   * OnceBranches.Sentinel#FALSE}: {@code !x}, {@code x == false}) and of the code where it is true
   * ({@link OnceBranches.Sentinel#TRUE}: {@code x}); {@code if x != c goto L} on an int, short, byte
   * or char, and {@code $c = cmp x, c; if $c != 0 goto L} on a long, float or double ({@link
   * OnceBranches.Sentinel#NUMBER}); each also with {@code ==}, which jumps when {@code x} is the
   * sentinel. {@code x} is a named local or the field the tested temporary was loaded from. Else
   * none.
   */
  private static List<OnceGuard> onceGuards(AbstractConditionExpr c, Locals locals) {
    if (!(c instanceof JEqExpr || c instanceof JNeExpr)) return List.of();
    Value tested = c.getOp2() instanceof Constant ? c.getOp1() : c.getOp2();
    Value k = tested == c.getOp1() ? c.getOp2() : c.getOp1();
    if (!(tested instanceof Local t) || !(k instanceof Constant)) return List.of();
    boolean trueOnJump = c instanceof JEqExpr;
    if (k instanceof NullConstant) {
      Value x = variable(t, locals);
      return x == null ? List.of() : List.of(new OnceGuard(x, OnceBranches.Sentinel.NULL, trueOnJump));
    }
    if (!(k instanceof IntConstant ik)) return List.of();
    if (!Locals.named(t) && locals.def(t) instanceof AbstractIntBinopExpr cmp
        && (cmp instanceof JCmpExpr || cmp instanceof JCmplExpr || cmp instanceof JCmpgExpr)) {
      // `cmp x, c` is 0 exactly when x == c
      Value v = cmp.getOp2() instanceof Constant ? cmp.getOp1() : cmp.getOp2();
      Value kc = v == cmp.getOp1() ? cmp.getOp2() : cmp.getOp1();
      Value x = v instanceof Local vl && kc instanceof Constant && ik.getValue() == 0 ? variable(vl, locals) : null;
      return x == null ? List.of() : List.of(new OnceGuard(x, OnceBranches.Sentinel.NUMBER, trueOnJump));
    }
    Value x = variable(t, locals);
    Type type = x instanceof Local l ? l.getType() : x instanceof JFieldRef fr ? fr.getFieldSignature().getType() : null;
    if (type instanceof PrimitiveType.BooleanType) {
      // javac compares a boolean with 0 only; `== 0` jumps when it is false, `!= 0` when it is true
      return ik.getValue() != 0 ? List.of() : List.of(new OnceGuard(x, OnceBranches.Sentinel.FALSE, trueOnJump),
          new OnceGuard(x, OnceBranches.Sentinel.TRUE, !trueOnJump));
    }
    return type instanceof PrimitiveType.IntType ? List.of(new OnceGuard(x, OnceBranches.Sentinel.NUMBER, trueOnJump)) : List.of();
  }

  /** The variable a tested local stands for: itself when named, else the field it was loaded from; else null. */
  private static Value variable(Local tested, Locals locals) {
    return Locals.named(tested) ? tested : locals.def(tested) instanceof JFieldRef fr ? fr : null;
  }

  /** What a store puts into a once-branch's variable ({@link OnceBranches.Stored}), through temporaries. */
  private static OnceBranches.Stored stored(Value right, OnceBranches.Sentinel s, Locals locals) {
    Value v = right;
    for (int k = 0; k < 4 && v instanceof Local l && !Locals.named(l) && locals.def(l) != null; k++) v = locals.def(l);
    if (v instanceof NullConstant) return OnceBranches.Stored.NULL;
    if (!(v instanceof Constant)) return OnceBranches.Stored.COMPUTED;
    // a boolean's true is the int 1 in bytecode, its false the int 0
    boolean flag = s == OnceBranches.Sentinel.FALSE || s == OnceBranches.Sentinel.TRUE;
    if (!flag || !(v instanceof IntConstant b)) return OnceBranches.Stored.CONSTANT;
    return b.getValue() == 0 ? OnceBranches.Stored.FALSE : OnceBranches.Stored.TRUE;
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

  /**
   * Statements every normal path from which ends in a throw, a loop counting by its exits
   * ({@link LoopForest#exitSuccessors}: a loop whose every exit leads to the throw is on the way to
   * it, one without exit is not); the least fixpoint.
   */
  private static boolean[] throwing(List<Stmt> stmts, LoopForest f) {
    int n = stmts.size();
    int[][] succ = f.exitSuccessors();
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
          v = succ[i].length > 0;
          for (int s : succ[i]) v &= t[s];
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
