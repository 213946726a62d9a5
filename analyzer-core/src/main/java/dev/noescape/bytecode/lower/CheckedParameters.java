package dev.noescape.bytecode.lower;

import dev.noescape.bytecode.locals.Locals;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.FieldRanges;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.expr.AbstractConditionExpr;
import sootup.core.jimple.common.expr.JEqExpr;
import sootup.core.jimple.common.expr.JGeExpr;
import sootup.core.jimple.common.expr.JGtExpr;
import sootup.core.jimple.common.expr.JLeExpr;
import sootup.core.jimple.common.expr.JLtExpr;
import sootup.core.jimple.common.expr.JNeExpr;
import sootup.core.jimple.common.ref.JParameterRef;
import sootup.core.jimple.common.stmt.BranchingStmt;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JIdentityStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.common.stmt.JThrowStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.model.Body;
import sootup.core.types.PrimitiveType;

/**
 * The values of a method's {@code int} parameters at each statement, as the checks before it prove
 * them ({@link FieldRanges}: a parameter that a method checks with comparisons that throw when they
 * fail): every path from the entry along normal control flow is followed, a test of a parameter
 * against a constant narrows it on each of its two edges ({@link FieldRanges#refine}), paths that
 * end in {@code athrow} go no further, and where paths meet the ranges are joined. A parameter the
 * body assigns is not followed; a statement reached only through an exception handler has no proven
 * values. The ranges only grow at a join and only take bounds from the body's constants, so the
 * iteration ends.
 */
final class CheckedParameters {
  private final Set<Local> tracked = new HashSet<>();
  /** Per statement index, the proven values of the tracked parameters there (absent: any), or null when unreached. */
  private final Map<Local, Boxes.Range>[] at;

  @SuppressWarnings("unchecked")
  CheckedParameters(Body body, List<Stmt> stmts, Locals locals) {
    at = new Map[stmts.size()];
    Set<Local> assigned = new HashSet<>();
    for (Stmt s : stmts) {
      if (s instanceof JIdentityStmt id && id.getRightOp() instanceof JParameterRef p && p.getType() instanceof PrimitiveType.IntType) {
        tracked.add(id.getLeftOp());
      } else if (s instanceof JAssignStmt a && a.getLeftOp() instanceof Local l) {
        assigned.add(l);
      }
    }
    tracked.removeAll(assigned);
    if (tracked.isEmpty() || stmts.isEmpty()) return;
    Map<Stmt, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < stmts.size(); i++) index.put(stmts.get(i), i);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    at[0] = new HashMap<>();
    work.add(0);
    while (!work.isEmpty()) {
      int i = work.poll();
      Stmt s = stmts.get(i);
      Map<Local, Boxes.Range> in = at[i];
      if (s instanceof JThrowStmt) continue;
      Integer target = null;
      if (s.branches() && s instanceof BranchingStmt bs) {
        List<Stmt> targets = body.getBranchTargetsOf(bs);
        if (s instanceof JIfStmt && targets.size() == 1) target = index.get(targets.get(0));
        for (Stmt t : targets) {
          Integer ti = index.get(t);
          if (ti != null && (target == null || !ti.equals(target))) flow(ti, in, work);
        }
      }
      if (target != null) flow(target, test((JIfStmt) s, in, true, locals), work);
      if (s.fallsThrough() && i + 1 < stmts.size()) {
        flow(i + 1, s instanceof JIfStmt ifs ? test(ifs, in, false, locals) : in, work);
      }
    }
  }

  /** The proven values of {@code v} at statement {@code i} when it is (a copy of) an unassigned {@code int} parameter, else null. */
  Boxes.Range range(Value v, int i, Locals locals) {
    Local p = parameter(v, locals);
    return p == null || at[i] == null ? null : at[i].get(p);
  }

  private Local parameter(Value v, Locals locals) {
    for (int k = 0; k < 4 && v instanceof Local l; k++) {
      if (tracked.contains(l)) return l;
      v = locals.def(l);
    }
    return null;
  }

  /** The values after {@code s}'s test gave {@code holds}, or null when it cannot give it there. */
  private Map<Local, Boxes.Range> test(JIfStmt s, Map<Local, Boxes.Range> in, boolean holds, Locals locals) {
    AbstractConditionExpr c = s.getCondition();
    FieldRanges.Comparison cmp = c instanceof JLtExpr ? FieldRanges.Comparison.LT
        : c instanceof JLeExpr ? FieldRanges.Comparison.LE
        : c instanceof JGtExpr ? FieldRanges.Comparison.GT
        : c instanceof JGeExpr ? FieldRanges.Comparison.GE
        : c instanceof JEqExpr ? FieldRanges.Comparison.EQ
        : c instanceof JNeExpr ? FieldRanges.Comparison.NE : null;
    if (cmp == null) return in;
    Local p = parameter(c.getOp1(), locals);
    Long k = locals.constant(c.getOp2());
    if (p == null || k == null) {
      p = parameter(c.getOp2(), locals);
      k = locals.constant(c.getOp1());
      cmp = cmp.mirrored();
    }
    if (p == null || k == null) return in;
    Boxes.Range r = FieldRanges.refine(in.get(p), cmp, k, holds);
    if (r == null) return null;
    Map<Local, Boxes.Range> out = new HashMap<>(in);
    out.put(p, r);
    return out;
  }

  /** Joins {@code in} into statement {@code i}'s values; queues it when they changed. */
  private void flow(int i, Map<Local, Boxes.Range> in, ArrayDeque<Integer> work) {
    if (in == null) return;
    Map<Local, Boxes.Range> old = at[i];
    Map<Local, Boxes.Range> joined;
    if (old == null) {
      joined = in;
    } else {
      joined = new HashMap<>();
      for (var e : old.entrySet()) {
        Boxes.Range r = in.get(e.getKey());
        if (r != null) joined.put(e.getKey(), FieldRanges.hull(e.getValue(), r));
      }
      if (joined.equals(old)) return;
    }
    at[i] = joined;
    work.add(i);
  }
}
