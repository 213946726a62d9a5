package dev.noescape.errorprone.frontend;

import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.CountedLoops;
import dev.noescape.ir.FieldRanges;
import dev.noescape.ir.SymbolicExpr;
import java.util.HashSet;
import java.util.Set;

/**
 * The trip count of a loop when it is known before the loop starts (docs/design.md, "Loop depth"
 * and "Fills: UnpresizedCollection"), or why it is not.
 *
 * <ul>
 *   <li>Enhanced for over an array: {@code expr.length}; over a {@code java.util.Collection}:
 *       {@code expr.size()} — only when the iterable expression is a variable or a field access
 *       chain ({@code items}, {@code this.items}, {@code order.lines}); a call is not assumed to
 *       return the same collection twice, except the views {@code keySet()}, {@code values()} and
 *       {@code entrySet()} of a {@code java.util.Map} name chain: {@code map.size()}.
 *   <li>Counted {@code for}: one index initialised to {@code A}, compared with {@code <}, {@code <=},
 *       {@code >}, {@code >=} (or {@code !=} stepped by 1) against a loop-invariant bound {@code B},
 *       stepped by a constant in the update or in the condition ({@code --i >= 0}, {@code i-- > 0});
 *       the index is not assigned in the body. The count itself is {@link CountedLoops}'s, shared
 *       with the bytecode front end. A bound is invariant when it is a constant, a local or
 *       field not assigned in the loop, {@code x.length}, or {@code x.size()}/{@code x.length()}
 *       where {@code x} is not assigned and receives no mutating call in the loop, or arithmetic of
 *       such. Text: {@code B}, {@code B - A}, {@code B - A + 1}, {@code (B - A + k - 1) / k}, and the
 *       mirror images for reverse loops; a number when both ends are constants.
 *   <li>{@code while}, {@code do-while}, iterators and everything else: no trip count, with a reason.
 * </ul>
 */
final class LoopTripCounts {
  /** A trip count, or null with the reason. */
  record Result(SymbolicExpr tripCount, String reason, VarSymbol index, Boxes.Range indexRange,
      FieldRanges.Bound indexBound) {
    Result(SymbolicExpr tripCount, String reason) {
      this(tripCount, reason, null, null, null);
    }

    static Result none(String reason) {
      return new Result(null, reason);
    }
  }

  private static final Set<String> MUTATORS = Set.of(
      "add", "addAll", "put", "putAll", "remove", "removeAll", "removeIf", "retainAll", "clear", "offer",
      "offerFirst", "offerLast", "poll", "pollFirst", "pollLast", "push", "pop", "set", "addFirst", "addLast",
      "removeFirst", "removeLast", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent",
      "append", "insert", "delete", "deleteCharAt", "setLength", "replace", "replaceAll", "trimToSize");

  private final Positions positions;
  private final Types types;
  private final Type collectionType;
  private final Type mapType;

  LoopTripCounts(Positions positions, Types types, Type collectionType, Type mapType) {
    this.positions = positions;
    this.types = types;
    this.collectionType = collectionType;
    this.mapType = mapType;
  }

  // ---- enhanced for ----

  Result forEach(JCEnhancedForLoop loop) {
    JCExpression expr = TreeInfo.skipParens(loop.expr);
    Type t = expr.type;
    boolean array = t != null && t.hasTag(TypeTag.ARRAY);
    if (!array && !isCollection(t)) return Result.none("iterates an Iterable that is not a Collection");
    if (!array && mapView(expr) != null) {
      // map.keySet(), map.values(), map.entrySet(): as many elements as the map has entries
      return new Result(SymbolicExpr.sizeOf(SymbolicExpr.of(positions.text(mapView(expr)))), null);
    }
    if (!isNameChain(expr)) {
      return Result.none(expr instanceof JCMethodInvocation ? "iterable expression is a call"
          : "iterable expression is not a variable or field");
    }
    SymbolicExpr base = SymbolicExpr.of(positions.text(expr));
    return new Result(array ? SymbolicExpr.lengthOf(base) : SymbolicExpr.sizeOf(base), null);
  }

  boolean isCollection(Type t) {
    if (t == null || collectionType == null || !t.hasTag(TypeTag.CLASS) && !t.hasTag(TypeTag.TYPEVAR)) return false;
    try {
      return types.isSubtype(types.erasure(t), types.erasure(collectionType));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The map of {@code map.keySet()}/{@code values()}/{@code entrySet()} when it is a name chain, else null. */
  private JCExpression mapView(JCExpression e) {
    if (!(e instanceof JCMethodInvocation mi) || !mi.args.isEmpty() || !(mi.meth instanceof JCFieldAccess fa)) return null;
    String n = fa.name.toString();
    if (!n.equals("keySet") && !n.equals("values") && !n.equals("entrySet")) return null;
    if (!isNameChain(fa.selected) || mapType == null || fa.selected.type == null) return null;
    try {
      return types.isSubtype(types.erasure(fa.selected.type), types.erasure(mapType)) ? fa.selected : null;
    } catch (RuntimeException ex) {
      return null;
    }
  }

  /** {@code items}, {@code this.items}, {@code order.lines}: no calls, no indexing. */
  static boolean isNameChain(JCExpression e) {
    e = TreeInfo.skipParens(e);
    if (e instanceof JCIdent) return true;
    if (e instanceof JCFieldAccess fa) return isNameChain(fa.selected);
    return false;
  }

  // ---- while / do-while ----

  static String whileReason(JCExpression cond, boolean doWhile) {
    String[] found = new String[1];
    new TreeScanner() {
      @Override
      public void visitApply(JCMethodInvocation tree) {
        Symbol s = TreeInfo.symbol(tree.meth);
        if (s != null && found[0] == null) {
          switch (s.name.toString()) {
            case "hasNext" -> found[0] = "iterates an Iterator";
            case "hasMoreElements", "hasMoreTokens" -> found[0] = "iterates an Enumeration";
            case "find" -> found[0] = "Matcher.find loop";
            case "readLine", "read", "ready" -> found[0] = "reads a stream";
            default -> { }
          }
        }
        super.visitApply(tree);
      }
    }.scan(cond);
    if (found[0] == null) {
      // e.g. while ((line = reader.readLine()) != null)
      found[0] = doWhile ? "do-while loop" : "while (cond) loop";
    }
    return found[0];
  }

  // ---- counted for ----

  Result forLoop(JCForLoop loop) {
    if (loop.init.size() != 1 || loop.step.size() > 1 || loop.cond == null) return Result.none("not a counted loop");
    VarSymbol index;
    JCExpression start;
    JCStatement init = loop.init.head;
    if (init instanceof JCVariableDecl v && v.init != null) {
      index = v.sym;
      start = v.init;
    } else if (init instanceof JCExpressionStatement es && es.expr instanceof JCAssign a
        && TreeInfo.symbol(a.lhs) instanceof VarSymbol vs && Captures.isLocal(vs)) {
      index = vs;
      start = a.rhs;
    } else {
      return Result.none("not a counted loop");
    }
    if (index == null || !isIntegral(index.type)) return Result.none("not a counted loop");

    // condition: i < B, i <= B, i > B, i >= B, i != B (or mirrored); the index may be stepped in
    // it (--i >= 0, i-- > 0) when the for has no update of its own
    if (!(TreeInfo.skipParens(loop.cond) instanceof JCBinary cond)) return Result.none("not a counted loop");
    Tag op = cond.getTag();
    JCExpression bound;
    JCExpression indexSide;
    if (indexOperand(cond.lhs, index)) {
      indexSide = TreeInfo.skipParens(cond.lhs);
      bound = cond.rhs;
    } else if (indexOperand(cond.rhs, index)) {
      indexSide = TreeInfo.skipParens(cond.rhs);
      bound = cond.lhs;
      op = switch (op) {
        case LT -> Tag.GT;
        case LE -> Tag.GE;
        case GT -> Tag.LT;
        case GE -> Tag.LE;
        default -> op;
      };
    } else {
      return Result.none("condition does not compare the index");
    }
    CountedLoops.Comparison cmp = switch (op) {
      case LT -> CountedLoops.Comparison.LT;
      case LE -> CountedLoops.Comparison.LE;
      case GT -> CountedLoops.Comparison.GT;
      case GE -> CountedLoops.Comparison.GE;
      case NE -> CountedLoops.Comparison.NE;
      default -> null;
    };
    if (cmp == null) return Result.none("not a counted loop");

    // update: i++, ++i, i--, --i, i += k, i -= k, i = i + k, i = i - k; or in the condition
    Long step;
    CountedLoops.Update update;
    if (indexSide instanceof JCUnary u) {
      if (!loop.step.isEmpty()) return Result.none("index assigned in the loop body");
      step = step(u, index);
      update = u.getTag() == Tag.PREINC || u.getTag() == Tag.PREDEC ? CountedLoops.Update.BEFORE_TEST
          : CountedLoops.Update.AFTER_TEST;
    } else {
      if (loop.step.isEmpty()) return Result.none("index step is not a constant");
      step = step(loop.step.head.expr, index);
      update = CountedLoops.Update.AFTER_BODY;
    }
    if (step == null || step == 0) return Result.none("index step is not a constant");

    Assigned assigned = new Assigned();
    if (update == CountedLoops.Update.AFTER_BODY) assigned.scan(loop.cond);
    else assigned.scan(bound);
    assigned.scan(loop.body);
    if (assigned.symbols.contains(index)) return Result.none("index assigned in the loop body");
    if (!invariant(bound, assigned)) return Result.none("bound is not loop-invariant");

    CountedLoops.Count count = CountedLoops.of(operand(start), operand(bound), step, cmp, update);
    if (count.trips() == null) return Result.none(count.reason());
    return count.indexRange() == null && count.trips().constant() == null && count.indexBound() == null
        ? new Result(count.trips(), null)
        : new Result(count.trips(), null, index, count.indexRange(), count.indexBound());
  }

  /** The index itself, or the index stepped by one in the condition ({@code --i}, {@code i--}, {@code ++i}, {@code i++}). */
  private static boolean indexOperand(JCExpression e, VarSymbol index) {
    JCExpression s = TreeInfo.skipParens(e);
    if (isIdent(s, index)) return true;
    return s instanceof JCUnary u && step(u, index) != null;
  }

  /** An end of the loop as {@link CountedLoops} reads it: its text, constant and how loosely it binds. */
  private CountedLoops.Operand operand(JCExpression e) {
    JCExpression s = TreeInfo.skipParens(e);
    boolean looser = s == e && (s instanceof JCTree.JCConditional || s instanceof JCAssign || s instanceof JCAssignOp
        || (s instanceof JCBinary b && TreeInfo.opPrec(b.getTag()) < TreeInfo.addPrec));
    boolean additive = s == e && s instanceof JCBinary b && TreeInfo.opPrec(b.getTag()) == TreeInfo.addPrec;
    VarSymbol field = Descriptors.integralField(e);
    return new CountedLoops.Operand(positions.text(e), constant(e), additive, looser,
        field == null ? null : Descriptors.fieldRef(field));
  }

  private static boolean isIntegral(Type t) {
    if (t == null) return false;
    return switch (t.getTag()) {
      case INT, LONG, SHORT, BYTE, CHAR -> true;
      default -> false;
    };
  }

  private static boolean isIdent(JCExpression e, Symbol sym) {
    return TreeInfo.skipParens(e) instanceof JCIdent id && id.sym == sym;
  }

  private static Long step(JCExpression update, VarSymbol index) {
    update = TreeInfo.skipParens(update);
    if (update instanceof JCUnary u && isIdent(u.arg, index)) {
      return switch (u.getTag()) {
        case POSTINC, PREINC -> 1L;
        case POSTDEC, PREDEC -> -1L;
        default -> null;
      };
    }
    if (update instanceof JCAssignOp a && isIdent(a.lhs, index)) {
      Long k = constant(a.rhs);
      if (k == null || k <= 0) return null;
      return a.getTag() == Tag.PLUS_ASG ? k : a.getTag() == Tag.MINUS_ASG ? -k : null;
    }
    if (update instanceof JCAssign a && isIdent(a.lhs, index) && TreeInfo.skipParens(a.rhs) instanceof JCBinary b
        && isIdent(b.lhs, index)) {
      Long k = constant(b.rhs);
      if (k == null || k <= 0) return null;
      return b.getTag() == Tag.PLUS ? k : b.getTag() == Tag.MINUS ? -k : null;
    }
    return null;
  }

  static Long constant(JCExpression e) {
    Object c = ASTHelpers.constValue(e);
    if (c instanceof Character ch) return (long) ch;
    if (c instanceof Number n && !(c instanceof Float) && !(c instanceof Double)) return n.longValue();
    return null;
  }

  private boolean invariant(JCExpression e, Assigned assigned) {
    e = TreeInfo.skipParens(e);
    if (constant(e) != null) return true;
    if (e instanceof JCIdent id) return invariantSymbol(id.sym, assigned);
    if (e instanceof JCFieldAccess fa) {
      if (fa.name.contentEquals("length") && fa.selected.type != null && fa.selected.type.hasTag(TypeTag.ARRAY)) {
        return invariant(fa.selected, assigned);
      }
      if (!(fa.sym instanceof VarSymbol)) return false;
      return invariantSymbol(fa.sym, assigned) && (fa.sym.isStatic() || invariant(fa.selected, assigned));
    }
    if (e instanceof JCMethodInvocation mi && mi.args.isEmpty() && mi.meth instanceof JCFieldAccess fa
        && (fa.name.contentEquals("size") || fa.name.contentEquals("length"))) {
      Symbol receiver = TreeInfo.symbol(fa.selected);
      return isNameChain(fa.selected) && invariant(fa.selected, assigned)
          && (receiver == null || !assigned.mutated.contains(receiver));
    }
    if (e instanceof JCBinary b) {
      return switch (b.getTag()) {
        case PLUS, MINUS, MUL, DIV, MOD, SL, SR, USR -> invariant(b.lhs, assigned) && invariant(b.rhs, assigned);
        default -> false;
      };
    }
    if (e instanceof JCUnary u && (u.getTag() == Tag.NEG || u.getTag() == Tag.POS)) return invariant(u.arg, assigned);
    if (e instanceof JCTree.JCTypeCast c) return invariant(c.expr, assigned);
    return false;
  }

  /**
   * Whether a boxed value {@code e} is the same on every iteration of {@code loop}, as {@link Boxes}
   * defines it for both front ends (stricter than a bound's invariance above, which trusts fields
   * and {@code size()}: a box must never be advised out of a loop where its value changes): a
   * constant, a local that {@code declaredInside} does not hold (declared in the loop: assigned on
   * every iteration) and that the loop does not assign, or arithmetic, negation, complement or a
   * cast of such values. A {@code for} loop's initializers run once, before it, so they are not
   * part of it.
   */
  static boolean invariantValue(JCExpression e, JCTree loop, java.util.function.Predicate<Symbol> declaredInside) {
    Assigned assigned = new Assigned();
    if (loop instanceof JCForLoop f) {
      assigned.scan(f.cond);
      assigned.scan(f.step);
      assigned.scan(f.body);
    } else {
      assigned.scan(loop);
    }
    return invariantValue(e, assigned, declaredInside);
  }

  private static boolean invariantValue(JCExpression e, Assigned assigned, java.util.function.Predicate<Symbol> inside) {
    e = TreeInfo.skipParens(e);
    if (e.type != null && e.type.constValue() != null) return true;
    if (e instanceof JCIdent id) {
      return id.sym instanceof VarSymbol v && Captures.isLocal(v) && !inside.test(v) && !assigned.symbols.contains(v);
    }
    if (e instanceof JCBinary b) return invariantValue(b.lhs, assigned, inside) && invariantValue(b.rhs, assigned, inside);
    if (e instanceof JCUnary u) {
      return switch (u.getTag()) {
        case NEG, POS, COMPL, NOT -> invariantValue(u.arg, assigned, inside);
        default -> false;
      };
    }
    if (e instanceof JCTree.JCTypeCast c) return invariantValue(c.expr, assigned, inside);
    return false;
  }

  private static boolean invariantSymbol(Symbol s, Assigned assigned) {
    if (!(s instanceof VarSymbol v)) return false;
    if (Captures.isLocal(v)) return !assigned.symbols.contains(v);
    if ((v.flags() & Flags.FINAL) != 0) return true;
    return !assigned.symbols.contains(v);
  }

  /** Variables and fields assigned in a loop, and receivers of mutating calls there. */
  private static final class Assigned extends TreeScanner {
    final Set<Symbol> symbols = new HashSet<>();
    final Set<Symbol> mutated = new HashSet<>();

    @Override
    public void visitAssign(JCAssign tree) {
      target(tree.lhs);
      super.visitAssign(tree);
    }

    @Override
    public void visitAssignop(JCAssignOp tree) {
      target(tree.lhs);
      super.visitAssignop(tree);
    }

    @Override
    public void visitUnary(JCUnary tree) {
      switch (tree.getTag()) {
        case PREINC, PREDEC, POSTINC, POSTDEC -> target(tree.arg);
        default -> { }
      }
      super.visitUnary(tree);
    }

    @Override
    public void visitApply(JCMethodInvocation tree) {
      if (tree.meth instanceof JCFieldAccess fa && MUTATORS.contains(fa.name.toString())) {
        Symbol r = TreeInfo.symbol(fa.selected);
        if (r != null) mutated.add(r);
      }
      super.visitApply(tree);
    }

    private void target(JCExpression lhs) {
      Symbol s = TreeInfo.symbol(TreeInfo.skipParens(lhs));
      if (s != null) symbols.add(s);
    }
  }
}
