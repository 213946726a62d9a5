package dev.noescape.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.Boxes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which expressions on a line box, for a boxing site the bytecode front end reports by line only:
 * the operand converted to a reference type (a call argument of a reference parameter, an
 * assignment or initializer of a reference variable, a returned value, a conditional arm, an
 * element of a primitive array iterated into a reference variable), an explicit {@code valueOf},
 * or the {@code x++} / {@code x += e} on a box-typed variable. Types come from the symbol solver;
 * nothing is guessed from syntax alone except literals and {@code valueOf} calls. Several boxes on
 * one line are told apart by their order ({@link SiteLocator.Candidates#choose}), which is the
 * order both front ends number their sites in.
 */
final class BoxLocator {
  private BoxLocator() {}

  /**
   * Boxing candidates in three tiers: the conversions whose operand type and reference target are
   * known; then those whose operand type is known but whose target could not be resolved; nothing
   * is guessed from syntax alone except literals and {@code valueOf} calls.
   */
  static List<List<Node>> boxes(List<Node> onLine, String prim, String boxType, SiteLocator.Types types) {
    String box = SiteLocator.lastSegment(BinaryNames.simple(boxType));
    // identity sets: JavaParser nodes are equal when they look the same (two 'c's on one line)
    Set<Node> strong = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<Node> weak = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Node n : onLine) {
      // explicit valueOf
      if (n instanceof MethodCallExpr call && call.getNameAsString().equals("valueOf") && call.getArguments().size() == 1
          && call.getScope().isPresent()) {
        String scope = SiteLocator.lastSegment(call.getScope().get().toString());
        Expression arg = call.getArgument(0);
        if (box != null && scope.equals(box) && !(arg instanceof StringLiteralExpr) && !(arg instanceof TextBlockLiteralExpr)) {
          String t = primitiveOf(arg, types);
          if (t == null || t.equals(prim)) strong.add(n);
        }
        continue;
      }
      // x++ / x += e on a box-typed variable
      if (n instanceof UnaryExpr ue && isIncDec(ue)) {
        String t = referenceName(types.typeOf(ue.getExpression()));
        if (t != null && box != null && SiteLocator.lastSegment(t).equals(box)) strong.add(n);
        continue;
      }
      if (n instanceof AssignExpr ae && ae.getOperator() != AssignExpr.Operator.ASSIGN) {
        String t = referenceName(types.typeOf(ae.getTarget()));
        if (t != null && box != null && SiteLocator.lastSegment(t).equals(box)) strong.add(n);
      }
      if (!(n instanceof Expression e)) continue;
      int target = boxingContext(e, types);
      if (target == 0) continue;
      if (target == 3) {
        // for (Integer x : ints): each element of the primitive array is boxed, at the array expression
        ResolvedType it = types.typeOf(e);
        try {
          if (prim != null && it != null && it.isArray() && it.asArrayType().getComponentType().describe().equals(prim)) strong.add(n);
        } catch (RuntimeException ex) {
          // unknown: not a candidate
        }
        continue;
      }
      String t = primitiveOf(e, types);
      if (t == null || prim == null || !t.equals(prim)) {
        // Character c = 65; Short s = 1: a constant narrowed to the box's primitive
        boolean assignment = e.getParentNode().orElse(null) instanceof VariableDeclarator
            || e.getParentNode().orElse(null) instanceof AssignExpr;
        if (t == null || prim == null || !(assignment && t.equals("int") && isLiteral(e))) continue;
      }
      if (Boxes.neverAllocates(boxType, constant(e))) continue;
      if (target >= 2) strong.add(n);
      else weak.add(n);
    }
    List<Node> s1 = new ArrayList<>();
    List<Node> s2 = new ArrayList<>();
    for (Node n : onLine) {
      if (strong.contains(n)) s1.add(n);
      else if (weak.contains(n)) s2.add(n);
    }
    return List.of(s1, s2);
  }

  /** The value of an integral literal (through parentheses, casts and unary minus), or null. */
  static Long constant(Expression e) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) x = en.getInner();
    if (x instanceof com.github.javaparser.ast.expr.CastExpr c && c.getType().isPrimitiveType()) return constant(c.getExpression());
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      Long v = constant(u.getExpression());
      return v == null ? null : -v;
    }
    if (x instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.PLUS) return constant(u.getExpression());
    try {
      if (x instanceof IntegerLiteralExpr i) return i.asNumber().longValue();
      if (x instanceof LongLiteralExpr l) return l.asNumber().longValue();
      if (x instanceof CharLiteralExpr ch) return (long) ch.asChar();
    } catch (RuntimeException ex) {
      return null;
    }
    return null;
  }

  private static boolean isLiteral(Expression e) {
    return e instanceof IntegerLiteralExpr || e instanceof CharLiteralExpr;
  }

  private static boolean isIncDec(UnaryExpr ue) {
    UnaryExpr.Operator o = ue.getOperator();
    return o == UnaryExpr.Operator.POSTFIX_INCREMENT || o == UnaryExpr.Operator.POSTFIX_DECREMENT
        || o == UnaryExpr.Operator.PREFIX_INCREMENT || o == UnaryExpr.Operator.PREFIX_DECREMENT;
  }

  private static String referenceName(ResolvedType t) {
    try {
      if (t != null && t.isReferenceType()) return t.asReferenceType().getQualifiedName();
    } catch (RuntimeException e) {
      // unresolvable
    }
    return null;
  }

  /** The primitive type name of {@code e}, or null when it is not primitive or unknown. */
  static String primitiveOf(Expression e, SiteLocator.Types types) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) x = en.getInner();
    if (x instanceof IntegerLiteralExpr) return "int";
    if (x instanceof LongLiteralExpr) return "long";
    if (x instanceof CharLiteralExpr) return "char";
    if (x instanceof BooleanLiteralExpr) return "boolean";
    if (x instanceof DoubleLiteralExpr d) {
      String v = d.getValue();
      return v.endsWith("f") || v.endsWith("F") ? "float" : "double";
    }
    if (x instanceof com.github.javaparser.ast.expr.ConditionalExpr ce) {
      // keepNulls ? v : null is an Integer (v is boxed); both primitive: a primitive
      String a = primitiveOf(ce.getThenExpr(), types);
      String b = primitiveOf(ce.getElseExpr(), types);
      if (a == null || b == null) return null;
      if (a.equals(b)) return a;
    }
    if (x instanceof StringLiteralExpr || x instanceof TextBlockLiteralExpr || x instanceof LambdaExpr
        || x instanceof MethodReferenceExpr || x instanceof ObjectCreationExpr || x instanceof ArrayCreationExpr) {
      return null;
    }
    ResolvedType t = types.typeOf(x);
    try {
      if (t != null) return t.isPrimitive() ? t.asPrimitive().describe() : null;
    } catch (RuntimeException ex) {
      return null;
    }
    return x instanceof NameExpr ne ? declaredPrimitive(ne) : null;
  }

  /**
   * The primitive type a name was declared with, read from the declarations before it in its
   * method (parameters, locals, pattern variables), when the solver cannot tell (record patterns);
   * null when not primitive, unknown or ambiguous.
   */
  private static String declaredPrimitive(NameExpr name) {
    Node scope = name.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(c -> (Node) c)
        .or(() -> name.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class).map(c -> (Node) c)).orElse(null);
    if (scope == null || name.getBegin().isEmpty()) return null;
    String id = name.getNameAsString();
    com.github.javaparser.Position at = name.getBegin().get();
    Set<String> found = new java.util.HashSet<>();
    for (Node d : scope.findAll(Node.class, n -> n.getBegin().map(b -> b.isBefore(at)).orElse(false))) {
      Type type = null;
      if (d instanceof Parameter prm && prm.getNameAsString().equals(id)) type = prm.getType();
      else if (d instanceof VariableDeclarator v && v.getNameAsString().equals(id)) type = v.getType();
      else if (d instanceof com.github.javaparser.ast.expr.TypePatternExpr tp && tp.getNameAsString().equals(id)) type = tp.getType();
      if (type != null) found.add(type.isPrimitiveType() ? type.asString() : "");
    }
    return found.size() == 1 && !found.contains("") ? found.iterator().next() : null;
  }

  /**
   * Whether {@code e} sits where a value is converted to a declared type: 0 no, 1 yes but the
   * target type is unknown, 2 yes and the target is a reference type.
   */
  private static int boxingContext(Expression e, SiteLocator.Types types) {
    Node p = e.getParentNode().orElse(null);
    if (p == null) return 0;
    if (p instanceof NodeWithArguments<?> call && (p instanceof MethodCallExpr || p instanceof ObjectCreationExpr
        || p instanceof ExplicitConstructorInvocationStmt) && call.getArguments().contains(e)) {
      if (p instanceof MethodCallExpr mc && mc.getScope().map(s -> s == e).orElse(false)) return 0;
      int index = indexOf(call.getArguments(), e);
      if (index < 0) return 0;
      ResolvedMethodLikeDeclaration d = types.declarationOf(p);
      if (d == null) return 1;
      try {
        int n = d.getNumberOfParams();
        if (n == 0) return 0;
        ResolvedType pt;
        if (index >= n - 1 && d.hasVariadicParameter()) {
          pt = d.getLastParam().getType();
          int args = call.getArguments().size();
          // one argument in the variadic position: an array passed as is, or one element
          if (pt.isArray() && AllocSite.Varargs.isElement(index, args, n, args == n && isArray(types.typeOf(e)))) {
            pt = pt.asArrayType().getComponentType();
          }
        } else if (index < n) {
          pt = d.getParam(index).getType();
        } else {
          return 0;
        }
        return pt.isPrimitive() ? 0 : 2;
      } catch (RuntimeException ex) {
        return 1;
      }
    }
    if (p instanceof AssignExpr ae && ae.getOperator() == AssignExpr.Operator.ASSIGN && ae.getValue() == e) {
      ResolvedType t = types.typeOf(ae.getTarget());
      if (t == null) return 1;
      return t.isPrimitive() ? 0 : 2;
    }
    if (p instanceof VariableDeclarator vd && vd.getInitializer().map(i -> i == e).orElse(false)) {
      Type t = vd.getType();
      if (t.isVarType() || t.isPrimitiveType()) return 0;
      return t.isClassOrInterfaceType() || t.isArrayType() ? 2 : 1;
    }
    if (p instanceof ReturnStmt) {
      Optional<com.github.javaparser.ast.body.MethodDeclaration> md = p.findAncestor(com.github.javaparser.ast.body.MethodDeclaration.class);
      boolean inLambda = p.findAncestor(LambdaExpr.class)
          .map(l -> md.isEmpty() || l.isDescendantOf(md.get())).orElse(false);
      if (inLambda || md.isEmpty()) return 1;
      Type t = md.get().getType();
      return t.isPrimitiveType() || t.isVoidType() ? 0 : 2;
    }
    if (p instanceof ArrayInitializerExpr) {
      return 1;
    }
    if (p instanceof com.github.javaparser.ast.expr.ConditionalExpr ce && ce.getCondition() != e) {
      Expression other = ce.getThenExpr() == e ? ce.getElseExpr() : ce.getThenExpr();
      Expression o = other;
      while (o instanceof EnclosedExpr en) o = en.getInner();
      if (o instanceof com.github.javaparser.ast.expr.NullLiteralExpr) return 2;
      if (primitiveOf(other, types) != null) return 0; // a primitive conditional: boxed (if at all) as a whole
      ResolvedType ot = types.typeOf(other);
      return ot != null && !ot.isPrimitive() ? 2 : 0;
    }
    if (p instanceof com.github.javaparser.ast.stmt.YieldStmt) return 1;
    if (p instanceof ExpressionStmt es3 && es3.getExpression() == e && es3.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.SwitchEntry se
        && se.getType() == com.github.javaparser.ast.stmt.SwitchEntry.Type.EXPRESSION
        && se.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.SwitchExpr) {
      return 1;
    }
    // an expression lambda returns its body's value (boxed when the function type returns a reference)
    if (p instanceof ExpressionStmt es && es.getExpression() == e && es.getParentNode().orElse(null) instanceof LambdaExpr) return 1;
    if (p instanceof ForEachStmt fe && fe.getIterable() == e) {
      Type vt = fe.getVariable().getVariables().isEmpty() ? null : fe.getVariable().getVariable(0).getType();
      if (vt == null || vt.isPrimitiveType() || vt.isVarType()) return 0;
      ResolvedType it = types.typeOf(e);
      try {
        if (it != null && it.isArray() && it.asArrayType().getComponentType().isPrimitive()) return 3;
      } catch (RuntimeException ex) {
        return 0;
      }
      return 0;
    }
    return 0;
  }

  private static boolean isArray(ResolvedType t) {
    return t != null && t.isArray();
  }

  private static int indexOf(List<? extends Node> list, Node n) {
    for (int i = 0; i < list.size(); i++) if (list.get(i) == n) return i;
    return -1;
  }
}
