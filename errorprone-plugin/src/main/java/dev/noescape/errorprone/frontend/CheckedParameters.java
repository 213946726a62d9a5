package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCThrow;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.FieldRanges;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of a method's {@code int} parameters that the checks before an assignment prove
 * ({@link FieldRanges}), from the trees: the method's top-level statements in order, where an
 * {@code if} without {@code else} whose arm is only a {@code throw} narrows every parameter its
 * condition compares with a constant: after {@code if (p < lo || p > hi) throw …;} every
 * {@code ||} operand was false ({@link FieldRanges#refine}). Only an assignment that is itself a
 * top-level statement gets the values: one in a nested block may run on a path that skipped no
 * check, but the trees do not say which, so it is not proven. A parameter the body assigns is not
 * followed. The bytecode front end follows every path instead; on these shapes the two agree.
 */
final class CheckedParameters {
  /** The proven values of the parameter each top-level {@code f = p} assigns, by assignment. */
  private final Map<JCAssign, Boxes.Range> proven = new IdentityHashMap<>();

  CheckedParameters(JCBlock body) {
    Set<Symbol> assigned = new HashSet<>();
    new TreeScanner() {
      @Override
      public void visitAssign(JCAssign t) {
        assigned.add(TreeInfo.symbol(TreeInfo.skipParens(t.lhs)));
        super.visitAssign(t);
      }

      @Override
      public void visitAssignop(JCAssignOp t) {
        assigned.add(TreeInfo.symbol(TreeInfo.skipParens(t.lhs)));
        super.visitAssignop(t);
      }

      @Override
      public void visitUnary(JCUnary t) {
        if (t.getTag() == Tag.PREINC || t.getTag() == Tag.PREDEC || t.getTag() == Tag.POSTINC || t.getTag() == Tag.POSTDEC) {
          assigned.add(TreeInfo.symbol(TreeInfo.skipParens(t.arg)));
        }
        super.visitUnary(t);
      }
    }.scan(body);
    Map<Symbol, Boxes.Range> ranges = new HashMap<>();
    for (JCStatement st : body.stats) {
      if (st instanceof JCIf i && i.elsepart == null && throwsOnly(i.thenpart)) {
        if (!narrow(i.cond, ranges, assigned)) return; // the check always throws: nothing after it runs
      } else if (st instanceof JCExpressionStatement es && es.expr instanceof JCAssign a) {
        VarSymbol p = parameter(a.rhs, assigned);
        if (p != null && ranges.containsKey(p)) proven.put(a, ranges.get(p));
      }
    }
  }

  /** The values the top-level assignment {@code a} is proven to store when it assigns a checked parameter, else null. */
  Boxes.Range at(JCAssign a) {
    return proven.get(a);
  }

  private static boolean throwsOnly(JCStatement s) {
    if (s instanceof JCBlock b) return b.stats.size() == 1 && b.stats.head instanceof JCThrow;
    return s instanceof JCThrow;
  }

  /**
   * Narrows {@code ranges} by the knowledge that {@code cond} is false: each {@code ||} operand that
   * compares an unassigned {@code int} parameter with a constant; false when no value passes.
   */
  private static boolean narrow(JCExpression cond, Map<Symbol, Boxes.Range> ranges, Set<Symbol> assigned) {
    JCExpression c = TreeInfo.skipParens(cond);
    if (!(c instanceof JCBinary bin)) return true;
    if (bin.getTag() == Tag.OR) return narrow(bin.lhs, ranges, assigned) && narrow(bin.rhs, ranges, assigned);
    FieldRanges.Comparison cmp = switch (bin.getTag()) {
      case LT -> FieldRanges.Comparison.LT;
      case LE -> FieldRanges.Comparison.LE;
      case GT -> FieldRanges.Comparison.GT;
      case GE -> FieldRanges.Comparison.GE;
      case EQ -> FieldRanges.Comparison.EQ;
      case NE -> FieldRanges.Comparison.NE;
      default -> null;
    };
    if (cmp == null) return true;
    VarSymbol p = parameter(bin.lhs, assigned);
    Long k = LoopTripCounts.constant(bin.rhs);
    if (p == null || k == null) {
      p = parameter(bin.rhs, assigned);
      k = LoopTripCounts.constant(bin.lhs);
      cmp = cmp.mirrored();
    }
    if (p == null || k == null) return true;
    Boxes.Range r = FieldRanges.refine(ranges.get(p), cmp, k, false);
    if (r == null) return false;
    ranges.put(p, r);
    return true;
  }

  /** The {@code int} parameter (not assigned in the body) that {@code e} names, else null. */
  private static VarSymbol parameter(JCExpression e, Set<Symbol> assigned) {
    Symbol s = TreeInfo.symbol(TreeInfo.skipParens(e));
    if (!(s instanceof VarSymbol v) || v.getKind() != javax.lang.model.element.ElementKind.PARAMETER
        || assigned.contains(v) || v.type == null) {
      return null;
    }
    return switch (v.type.getTag()) {
      case INT, SHORT, BYTE, CHAR -> v;
      default -> null;
    };
  }
}
