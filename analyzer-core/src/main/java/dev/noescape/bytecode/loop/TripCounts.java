package dev.noescape.bytecode.loop;

import dev.noescape.bytecode.hierarchy.Hierarchy;
import dev.noescape.bytecode.locals.Locals;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.FieldRanges;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.CountedLoops;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import java.util.Set;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.constant.IntConstant;
import sootup.core.jimple.common.expr.AbstractConditionExpr;
import sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JAddExpr;
import sootup.core.jimple.common.expr.JEqExpr;
import sootup.core.jimple.common.expr.JGeExpr;
import sootup.core.jimple.common.expr.JGtExpr;
import sootup.core.jimple.common.expr.JLeExpr;
import sootup.core.jimple.common.expr.JLengthExpr;
import sootup.core.jimple.common.expr.JLtExpr;
import sootup.core.jimple.common.expr.JNeExpr;
import sootup.core.jimple.common.expr.JSubExpr;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.common.stmt.JInvokeStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.types.PrimitiveType;

/**
 * The kind and trip count of a loop recognised from javac's code shapes, the bytecode counterpart
 * of the javac front end's {@code LoopTripCounts} (same texts, so the two front ends' size
 * expressions meet):
 *
 * <ul>
 *   <li>enhanced for over an array: javac copies the array, its length and an index into slots with
 *       no LocalVariableTable entry and tests {@code if index >= length} at the header:
 *       {@code FOREACH_ARRAY}, {@code arr.length} when the array is a name chain;
 *   <li>enhanced for over an Iterable: an iterator in a slot with no table entry, {@code hasNext()}
 *       at the header: {@code FOREACH_ITERABLE}, {@code coll.size()} when the receiver of
 *       {@code iterator()} is statically a {@code Collection} and a name chain (or a map view
 *       {@code keySet()/values()/entrySet()} of one: {@code map.size()}); a hand-written iterator
 *       loop has a named iterator and is a {@code WHILE} with no count;
 *   <li>counted for: a named index compared with a loop-invariant bound at the header, one update by
 *       a constant in the loop, on the header's line (a {@code while} loop with {@code i++} in its
 *       body has the increment on a line of its own: no count, as the javac front end says); an
 *       update in the header's test ({@code --i >= 0}, {@code i-- > 0}) counts when the index is set
 *       on that line too (a {@code for}: {@code int i = n; while (--i >= 0)} sets it a line above).
 *       The count is {@link CountedLoops}'s, shared with the javac front end;
 *   <li>anything else: {@code WHILE}/{@code DO_WHILE} with the reason.
 * </ul>
 */
public final class TripCounts {
  private TripCounts() {}

  /** What {@link #of} found. */
  public record Shape(LoopKind kind, SymbolicExpr tripCount, String reason, Local index, Boxes.Range indexRange,
      FieldRanges.Bound indexBound) {
    public Shape(LoopKind kind, SymbolicExpr tripCount, String reason) {
      this(kind, tripCount, reason, null, null, null);
    }
  }

  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "put", "putAll", "remove", "removeAll", "removeIf", "retainAll", "clear", "offer",
      "offerFirst", "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "set", "addFirst", "addLast",
      "removeFirst", "removeLast", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent",
      "append", "insert", "delete", "deleteCharAt", "setLength", "replace", "replaceAll", "trimToSize");

  public static Shape of(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, Locals locals, Hierarchy h) {
    // the header's test: the first conditional branch from the header along fall-through
    JIfStmt test = null;
    int testIdx = -1;
    for (int i = l.header; i < stmts.size() && i <= l.header + 6; i++) {
      Stmt s = stmts.get(i);
      if (s instanceof JIfStmt ifs) {
        boolean exits = false;
        for (int t : f.succ[i]) if (!f.in(l, t)) exits = true;
        if (exits) {
          test = ifs;
          testIdx = i;
        }
        break;
      }
      if (f.succ[i].length != 1 || f.succ[i][0] != i + 1) break;
    }
    if (test == null) return new Shape(LoopKind.DO_WHILE, null, whileReason(l, f, stmts, true));
    AbstractConditionExpr cond = test.getCondition();
    // enhanced for over an Iterable: $z = it.hasNext(); if $z == 0
    if (cond.getOp1() instanceof Local z && locals.def(z) instanceof AbstractInstanceInvokeExpr hn
        && hn.getMethodSignature().getName().equals("hasNext")) {
      Local it = hn.getBase();
      if (Locals.reliablyNamed(it)) return new Shape(LoopKind.WHILE, null, "iterates an Iterator");
      return forEachIterable(it, locals, h);
    }
    // enhanced for over an array: if idx >= len, len = lengthof copy
    if (cond.getOp1() instanceof Local idx && !Locals.reliablyNamed(idx) && cond.getOp2() instanceof Local len
        && !Locals.reliablyNamed(len) && locals.def(len) instanceof JLengthExpr le && le.getOp() instanceof Local arr
        && !f.in(l, indexOfDef(len, locals, stmts))) {
      Value src = Locals.reliablyNamed(arr) || locals.def(arr) == null ? arr : uncast(locals.def(arr));
      if (src == null) return new Shape(LoopKind.FOREACH_ARRAY, null, "iterable expression is not a variable or field");
      if (!nameChain(src, locals)) {
        return new Shape(LoopKind.FOREACH_ARRAY, null, src instanceof AbstractInvokeExpr
            ? "iterable expression is a call" : "iterable expression is not a variable or field");
      }
      return new Shape(LoopKind.FOREACH_ARRAY, SymbolicExpr.lengthOf(SymbolicExpr.of(locals.text(src, 0))), null);
    }
    Shape counted = counted(l, f, stmts, locals, test, testIdx);
    if (counted != null) return counted;
    return new Shape(LoopKind.WHILE, null, whileReason(l, f, stmts, false));
  }

  private static Shape forEachIterable(Local it, Locals locals, Hierarchy h) {
    if (!(locals.def(it) instanceof AbstractInstanceInvokeExpr iter)) {
      return new Shape(LoopKind.FOREACH_ITERABLE, null, "iterable expression is not a variable or field");
    }
    Local base = iter.getBase();
    String owner = iter.getMethodSignature().getDeclClassType().getFullyQualifiedName();
    String baseType = base.getType().toString();
    if (!h.isSubtype(owner, "java.util.Collection") && !h.isSubtype(baseType, "java.util.Collection")) {
      return new Shape(LoopKind.FOREACH_ITERABLE, null, "iterates an Iterable that is not a Collection");
    }
    // the receiver of iterator() is often a cast copy: javac reuses the slots of earlier loops' variables,
    // and SootUp types such a reused slot Object ((java.util.List) orders before the call)
    Value src = Locals.reliablyNamed(base) || locals.def(base) == null ? base : uncast(locals.def(base));
    if (src instanceof AbstractInstanceInvokeExpr view && view.getArgs().isEmpty()
        && Set.of("keySet", "values", "entrySet").contains(view.getMethodSignature().getName())
        && h.isSubtype(view.getMethodSignature().getDeclClassType().getFullyQualifiedName(), "java.util.Map")
        && nameChain(view.getBase(), locals)) {
      return new Shape(LoopKind.FOREACH_ITERABLE, SymbolicExpr.sizeOf(SymbolicExpr.of(locals.text(view.getBase(), 0))), null);
    }
    if (src == null || !nameChain(src, locals)) {
      return new Shape(LoopKind.FOREACH_ITERABLE, null, src instanceof AbstractInvokeExpr
          ? "iterable expression is a call" : "iterable expression is not a variable or field");
    }
    return new Shape(LoopKind.FOREACH_ITERABLE, SymbolicExpr.sizeOf(SymbolicExpr.of(locals.text(src, 0))), null);
  }

  /** The operand of a cast, else the value. */
  private static Value uncast(Value v) {
    return v instanceof sootup.core.jimple.common.expr.JCastExpr c ? c.getOp() : v;
  }

  private static int indexOfDef(Local l, Locals locals, List<Stmt> stmts) {
    Stmt d = locals.defStmt(l);
    for (int i = 0; i < stmts.size(); i++) if (stmts.get(i) == d) return i;
    return 0;
  }

  /** A named local, {@code this}, a field of a name chain, a static field; through unnamed copies. */
  static boolean nameChain(Value v, Locals locals) {
    for (int i = 0; i < 8; i++) {
      if (v instanceof Local l) {
        if (Locals.reliablyNamed(l)) return true;
        Value d = locals.def(l);
        if (Locals.named(l) && !Locals.copyLike(d)) return true;
        v = d;
        if (v instanceof sootup.core.jimple.common.expr.JCastExpr c) v = c.getOp();
        continue;
      }
      if (v instanceof JStaticFieldRef) return true;
      if (v instanceof JInstanceFieldRef fr) {
        v = fr.getBase();
        continue;
      }
      return false;
    }
    return false;
  }

  private static Shape counted(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, Locals locals, JIfStmt test,
      int testIdx) {
    AbstractConditionExpr c = test.getCondition();
    // the branch leaves the loop, so the source condition is its negation
    boolean jumpExits = false;
    for (int t : f.succ[testIdx]) if (t != testIdx + 1 && !f.in(l, t)) jumpExits = true;
    CountedLoops.Comparison op;
    if (c instanceof JGeExpr) op = jumpExits ? CountedLoops.Comparison.LT : CountedLoops.Comparison.GE;
    else if (c instanceof JGtExpr) op = jumpExits ? CountedLoops.Comparison.LE : CountedLoops.Comparison.GT;
    else if (c instanceof JLeExpr) op = jumpExits ? CountedLoops.Comparison.GT : CountedLoops.Comparison.LE;
    else if (c instanceof JLtExpr) op = jumpExits ? CountedLoops.Comparison.GE : CountedLoops.Comparison.LT;
    else if (c instanceof JEqExpr && jumpExits || c instanceof JNeExpr && !jumpExits) op = CountedLoops.Comparison.NE;
    else return null;
    Value idxV = c.getOp1();
    Value bound = c.getOp2();
    if (indexLocal(idxV, locals) == null) {
      if (indexLocal(bound, locals) != null) {
        Value t = idxV;
        idxV = bound;
        bound = t;
        op = switch (op) {
          case LT -> CountedLoops.Comparison.GT;
          case LE -> CountedLoops.Comparison.GE;
          case GT -> CountedLoops.Comparison.LT;
          case GE -> CountedLoops.Comparison.LE;
          default -> op;
        };
      } else {
        return null;
      }
    }
    Local idx = indexLocal(idxV, locals);
    // index: one update in the loop (i = i ± k), one initialisation before it
    Long step = null;
    int updateLine = -1;
    int updateIdx = -1;
    Value start = null;
    int startLine = -1;
    for (int i = 0; i < stmts.size(); i++) {
      if (!(stmts.get(i) instanceof JAssignStmt a) || !a.getLeftOp().equals(idx)) continue;
      if (f.in(l, i)) {
        if (step != null) return new Shape(LoopKind.FOR, null, "index assigned in the loop body");
        Value r = a.getRightOp();
        if ((r instanceof JAddExpr || r instanceof JSubExpr) && ((sootup.core.jimple.common.expr.AbstractBinopExpr) r).getOp1().equals(idx)
            && ((sootup.core.jimple.common.expr.AbstractBinopExpr) r).getOp2() instanceof IntConstant k) {
          step = r instanceof JAddExpr ? (long) k.getValue() : -(long) k.getValue();
          updateLine = a.getPositionInfo().getStmtPosition().getFirstLine();
          updateIdx = i;
        } else {
          return new Shape(LoopKind.FOR, null, "index step is not a constant");
        }
      } else if (i < l.header) {
        start = a.getRightOp();
        startLine = a.getPositionInfo().getStmtPosition().getFirstLine();
      }
    }
    if (step == null || step == 0 || start == null) return null;
    int headerLine = test.getPositionInfo().getStmtPosition().getFirstLine();
    if (updateLine != headerLine) return new Shape(LoopKind.WHILE, null, "while (cond) loop");
    // stepped in the test (--i >= 0, i-- > 0): before the test, in the header's straight-line block
    CountedLoops.Update update = CountedLoops.Update.AFTER_BODY;
    if (updateIdx >= l.header && updateIdx < testIdx) {
      // a for loop sets the index on its own line; int i = n; while (--i >= 0) sets it a line above,
      // and the javac front end counts only for loops
      if (startLine != headerLine) return new Shape(LoopKind.WHILE, null, "while (cond) loop");
      boolean oldValue = !idxV.equals(idx) && indexOfDef((Local) idxV, locals, stmts) < updateIdx;
      update = oldValue ? CountedLoops.Update.AFTER_TEST : CountedLoops.Update.BEFORE_TEST;
    }
    if (!invariant(bound, l, f, stmts, locals, 0)) return new Shape(LoopKind.FOR, null, "bound is not loop-invariant");
    CountedLoops.Operand from = operand(start, locals);
    CountedLoops.Operand to = operand(bound, locals);
    if (from == null || to == null) return new Shape(LoopKind.FOR, null, "bound cannot be rendered");
    CountedLoops.Count count = CountedLoops.of(from, to, step, op, update);
    if (count.trips() == null) return new Shape(LoopKind.FOR, null, count.reason());
    if (count.trips().constant() == null && count.indexBound() == null) return new Shape(LoopKind.FOR, count.trips(), null);
    return new Shape(LoopKind.FOR, count.trips(), null, idx, count.indexRange(), count.indexBound());
  }

  /**
   * The named local a test compares: the index itself, or the copy of it a test takes before
   * stepping it ({@code i-- > 0}: {@code $t = i; i = i - 1; if $t <= 0}); else null.
   */
  private static Local indexLocal(Value v, Locals locals) {
    if (!(v instanceof Local l)) return null;
    if (Locals.named(l)) return l;
    return locals.def(l) instanceof Local src && Locals.named(src) ? src : null;
  }

  /** An end of a counted loop as {@link CountedLoops} reads it, or null when it cannot be rendered. */
  private static CountedLoops.Operand operand(Value v, Locals locals) {
    String t = locals.text(v, 0);
    if (t == null) return null;
    boolean looser = t.matches(".* (<<|>>|>>>|&|\\||\\^) .*");
    return new CountedLoops.Operand(t, locals.constant(v), t.contains(" + ") || t.contains(" - "), looser,
        fieldRead(v, locals));
  }

  /** The types {@link FieldRanges} follows: {@code int}, {@code short}, {@code byte}, {@code char}, {@code long}. */
  public static boolean integral(sootup.core.types.Type t) {
    return t instanceof PrimitiveType.IntType || t instanceof PrimitiveType.ShortType || t instanceof PrimitiveType.ByteType
        || t instanceof PrimitiveType.CharType || t instanceof PrimitiveType.LongType;
  }

  /** The integral instance field {@code v} holds when it is a temporary that reads one ({@code this.b}), else null. */
  public static FieldRef fieldRead(Value v, Locals locals) {
    if (!(v instanceof Local l) || Locals.named(l) || !(locals.def(l) instanceof JInstanceFieldRef f)
        || !integral(f.getType())) {
      return null;
    }
    return new FieldRef(f.getFieldSignature().getDeclClassType().getFullyQualifiedName(), f.getFieldSignature().getName(), false);
  }

  private static boolean invariant(Value v, LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, Locals locals, int depth) {
    if (depth > 6) return false;
    if (locals.constant(v) != null) return true;
    if (v instanceof Local x) {
      if (Locals.named(x)) return !assignedIn(x, l, f, stmts);
      Value d = locals.def(x);
      return d != null && invariant(d, l, f, stmts, locals, depth + 1);
    }
    if (v instanceof sootup.core.jimple.common.expr.JCastExpr c) return invariant(c.getOp(), l, f, stmts, locals, depth + 1);
    if (v instanceof JLengthExpr le) return invariant(le.getOp(), l, f, stmts, locals, depth + 1);
    if (v instanceof JStaticFieldRef sf) return !fieldStoredIn(sf.getFieldSignature().toString(), l, f, stmts);
    if (v instanceof JInstanceFieldRef fr) {
      return !fieldStoredIn(fr.getFieldSignature().toString(), l, f, stmts) && invariant(fr.getBase(), l, f, stmts, locals, depth + 1);
    }
    if (v instanceof AbstractInstanceInvokeExpr ie && ie.getArgs().isEmpty()
        && (ie.getMethodSignature().getName().equals("size") || ie.getMethodSignature().getName().equals("length"))) {
      Value base = ie.getBase();
      return nameChain(base, locals) && invariant(base, l, f, stmts, locals, depth + 1) && !mutatedIn(base, l, f, stmts, locals);
    }
    if (v instanceof sootup.core.jimple.common.expr.AbstractBinopExpr b && !(v instanceof AbstractConditionExpr)) {
      return invariant(b.getOp1(), l, f, stmts, locals, depth + 1) && invariant(b.getOp2(), l, f, stmts, locals, depth + 1);
    }
    return false;
  }

  private static boolean assignedIn(Local x, LoopForest.NLoop l, LoopForest f, List<Stmt> stmts) {
    for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
      if (stmts.get(i) instanceof JAssignStmt a && a.getLeftOp().equals(x)) return true;
    }
    return false;
  }

  private static boolean fieldStoredIn(String sig, LoopForest.NLoop l, LoopForest f, List<Stmt> stmts) {
    for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
      if (stmts.get(i) instanceof JAssignStmt a) {
        if (a.getLeftOp() instanceof JInstanceFieldRef fr && fr.getFieldSignature().toString().equals(sig)) return true;
        if (a.getLeftOp() instanceof JStaticFieldRef fr && fr.getFieldSignature().toString().equals(sig)) return true;
      }
    }
    return false;
  }

  private static boolean mutatedIn(Value base, LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, Locals locals) {
    String key = locals.text(base, 0);
    for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
      AbstractInvokeExpr ie = invoke(stmts.get(i));
      if (ie instanceof AbstractInstanceInvokeExpr ii && MUTATORS.contains(ii.getMethodSignature().getName())) {
        String t = locals.text(ii.getBase(), 0);
        if (t != null && t.equals(key)) return true;
      }
    }
    return false;
  }

  static AbstractInvokeExpr invoke(Stmt s) {
    if (s instanceof JInvokeStmt is) return is.getInvokeExpr().orElse(null);
    if (s instanceof JAssignStmt a && a.getRightOp() instanceof AbstractInvokeExpr ie) return ie;
    return null;
  }

  private static String whileReason(LoopForest.NLoop l, LoopForest f, List<Stmt> stmts, boolean doWhile) {
    for (int i = l.body.nextSetBit(0); i >= 0; i = l.body.nextSetBit(i + 1)) {
      boolean inTest = i == l.header || l.latches.contains(i) || (i > l.header && i <= l.header + 4);
      if (!inTest) continue;
      AbstractInvokeExpr ie = invoke(stmts.get(i));
      if (ie == null) continue;
      switch (ie.getMethodSignature().getName()) {
        case "hasNext": return "iterates an Iterator";
        case "hasMoreElements", "hasMoreTokens": return "iterates an Enumeration";
        case "find": return "Matcher.find loop";
        case "readLine", "read", "ready": return "reads a stream";
        default: break;
      }
    }
    return doWhile ? "do-while loop" : "while (cond) loop";
  }
}
