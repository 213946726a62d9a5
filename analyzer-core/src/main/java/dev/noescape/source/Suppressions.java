package dev.noescape.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @SuppressWarnings} as the javac plugin applies it: the finding's tree path is walked up and
 * every enclosing variable declaration (local, field, parameter, enum constant), method,
 * constructor and class is asked; the rule ID or {@code "all"} in its {@code @SuppressWarnings}
 * (or Android's {@code @SuppressLint}) silences the finding. That is Error Prone 2.52's
 * {@code SuppressionInfo}: {@code "all"} counts there too. A lambda has no annotations of its own,
 * so a finding in a lambda body is silenced by the method around the lambda.
 */
final class Suppressions {
  private Suppressions() {}

  /** Whether a declaration enclosing {@code anchor} (itself included) suppresses {@code ruleId}. */
  static boolean suppressed(Node anchor, String ruleId) {
    for (Node n = anchor; n != null; n = n.getParentNode().orElse(null)) {
      if (isDeclaration(n) && n instanceof NodeWithAnnotations<?> a && suppresses(a.getAnnotations(), ruleId, n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDeclaration(Node n) {
    return n instanceof VariableDeclarationExpr || n instanceof FieldDeclaration || n instanceof Parameter
        || n instanceof EnumConstantDeclaration || n instanceof CallableDeclaration<?>
        || n instanceof CompactConstructorDeclaration || n instanceof AnnotationMemberDeclaration
        || n instanceof TypeDeclaration<?>;
  }

  private static boolean suppresses(List<AnnotationExpr> annotations, String ruleId, Node context) {
    for (AnnotationExpr a : annotations) {
      String name = a.getNameAsString();
      if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")
          && !name.equals("SuppressLint") && !name.equals("android.annotation.SuppressLint")) {
        continue;
      }
      Expression value = null;
      if (a instanceof SingleMemberAnnotationExpr s) {
        value = s.getMemberValue();
      } else if (a instanceof NormalAnnotationExpr na) {
        for (MemberValuePair p : na.getPairs()) if (p.getNameAsString().equals("value")) value = p.getValue();
      }
      if (value == null) continue;
      List<String> keys = new ArrayList<>();
      strings(value, context, keys, 0);
      if (keys.contains(ruleId) || keys.contains("all")) return true;
    }
    return false;
  }

  /** The strings of an annotation value: literals, arrays of them, concatenations, constants of the unit. */
  private static void strings(Expression e, Node context, List<String> out, int depth) {
    if (depth > 8) return;
    if (e instanceof StringLiteralExpr s) {
      out.add(s.asString());
    } else if (e instanceof ArrayInitializerExpr arr) {
      for (Expression v : arr.getValues()) strings(v, context, out, depth + 1);
    } else if (e instanceof EnclosedExpr en) {
      strings(en.getInner(), context, out, depth + 1);
    } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      List<String> l = new ArrayList<>();
      List<String> r = new ArrayList<>();
      strings(b.getLeft(), context, l, depth + 1);
      strings(b.getRight(), context, r, depth + 1);
      if (l.size() == 1 && r.size() == 1) out.add(l.get(0) + r.get(0));
    } else if (e instanceof NameExpr || e instanceof FieldAccessExpr) {
      String name = e instanceof NameExpr ne ? ne.getNameAsString() : ((FieldAccessExpr) e).getNameAsString();
      CompilationUnit cu = context.findCompilationUnit().orElse(null);
      if (cu == null) return;
      for (VariableDeclarator v : cu.findAll(VariableDeclarator.class)) {
        if (v.getNameAsString().equals(name) && v.getParentNode().orElse(null) instanceof FieldDeclaration fd
            && fd.isFinal() && v.getInitializer().isPresent()) {
          strings(v.getInitializer().get(), context, out, depth + 1);
          return;
        }
      }
    }
  }
}
