package dev.noescape.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.noescape.finding.Fix;
import dev.noescape.report.TextEdit;
import dev.noescape.rewrite.StringBuilderRewrite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link Fix.UseStringBuilder} on the source: reads the JavaParser tree around the site into the
 * {@link StringBuilderRewrite.Shape} the javac plugin's {@code FixBuilder} reads off javac's, and
 * lets {@link StringBuilderRewrite} decide and write the rewrite. Operands are split and checked by
 * their static type as javac's are; when the solver cannot type an operand, or an operand may be a
 * compile-time constant the source mapping cannot evaluate (an upper-case name), there is no fix
 * rather than a different one.
 */
final class StringBuilderEdits {
  private StringBuilderEdits() {}

  /**
   * One appended operand: a source span, with its expression (null for a run of adjacent string
   * literals, which javac's parser folds into one literal spanning them: {@code "" + "x"}).
   */
  private record Part(int start, int end, Expression expr) {}

  static List<TextEdit> edits(SourceUnit u, Node site, Fix.UseStringBuilder fix, String file, SiteLocator.Types types) {
    StringBuilderRewrite.Shape shape = shape(u, site, fix.variable(), types);
    if (shape == null) return List.of();
    List<TextEdit> out = new ArrayList<>();
    for (StringBuilderRewrite.Edit e : StringBuilderRewrite.edits(shape, u.text).orElse(List.of())) {
      out.add(new TextEdit(file, u.lineOf(e.start()), u.columnOf(e.start()), u.lineOf(e.end()), u.columnOf(e.end()),
          e.replacement()));
    }
    return out;
  }

  /** The shape around the site, or null when the site is not an assignment to a String local or an operand cannot be told. */
  private static StringBuilderRewrite.Shape shape(SourceUnit u, Node site, String var, SiteLocator.Types types) {
    // the accumulating assignment that contains the site
    Expression accumulation = null;
    for (Node n = site; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof AssignExpr a) {
        accumulation = a;
        break;
      }
      if (n instanceof Statement || n instanceof CallableDeclaration<?> || n instanceof TypeDeclaration<?> || n instanceof LambdaExpr) break;
    }
    if (!(accumulation instanceof AssignExpr acc) || !(acc.getTarget() instanceof NameExpr target)
        || !target.getNameAsString().equals(var)) {
      return null;
    }
    // the block declaring the local, its declaration, and the statement of that block holding the site
    BlockStmt block = null;
    Statement holder = null;
    ExpressionStmt declStmt = null;
    Node child = site;
    for (Node p = site.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof CallableDeclaration<?> || p instanceof TypeDeclaration<?> || p instanceof LambdaExpr) break;
      if (p instanceof BlockStmt b) {
        ExpressionStmt d = declaration(b, var);
        if (d != null) {
          block = b;
          holder = (Statement) child;
          declStmt = d;
          break;
        }
      }
    }
    if (block == null) return null;
    List<Statement> stmts = block.getStatements();
    int declIndex = indexOf(stmts, declStmt);
    int holderIndex = indexOf(stmts, holder);
    if (holderIndex <= declIndex) return null;
    VariableDeclarationExpr decl = (VariableDeclarationExpr) declStmt.getExpression();
    VariableDeclarator vd = decl.getVariables().stream().filter(d -> d.getNameAsString().equals(var)).findFirst().orElseThrow();
    Expression init = vd.getInitializer().orElse(null);
    if (init != null && !(init instanceof NullLiteralExpr) && !isStringDeclared(vd, types)) return null;
    boolean usedBefore = false;
    for (int i = declIndex + 1; i < holderIndex; i++) usedBefore |= uses(stmts.get(i), var);
    List<StringBuilderRewrite.Accumulation> accumulations = new ArrayList<>();
    Boolean otherUses = collect(u, holder, var, types, accumulations);
    if (otherUses == null) return null;
    return new StringBuilderRewrite.Shape(var, span(u, decl), decl.getVariables().size() != 1,
        init == null ? null : span(u, init), init instanceof NullLiteralExpr,
        (init instanceof StringLiteralExpr sl && sl.asString().isEmpty()) || (init instanceof TextBlockLiteralExpr t && t.asString().isEmpty()),
        usedBefore, span(u, holder), accumulations, otherUses, namesIn(site), qualify(u, "StringBuilder"), qualify(u, "String"));
  }

  private static StringBuilderRewrite.Span span(SourceUnit u, Node n) {
    return new StringBuilderRewrite.Span(u.start(n), u.end(n));
  }

  private static ExpressionStmt declaration(BlockStmt b, String var) {
    for (Statement s : b.getStatements()) {
      if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
        for (VariableDeclarator d : v.getVariables()) if (d.getNameAsString().equals(var)) return es;
      }
    }
    return null;
  }

  private static boolean isStringDeclared(VariableDeclarator vd, SiteLocator.Types types) {
    String t = vd.getType().asString();
    if (t.equals("String") || t.equals("java.lang.String")) return true;
    if (vd.getType().isVarType()) return isString(types.typeOf(vd.getInitializer().get()));
    return false;
  }

  private static boolean isString(ResolvedType t) {
    try {
      return t != null && t.isReferenceType() && t.asReferenceType().getQualifiedName().equals("java.lang.String");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int indexOf(List<Statement> stmts, Node n) {
    for (int i = 0; i < stmts.size(); i++) if (stmts.get(i) == n) return i;
    return -1;
  }

  private static boolean uses(Node tree, String var) {
    return tree.findFirst(NameExpr.class, n -> n.getNameAsString().equals(var)).isPresent();
  }

  /**
   * The accumulation statements on {@code var} in {@code holder}, into {@code out}; returns whether
   * {@code var} is used there otherwise, or null when an operand's type cannot be told.
   */
  private static Boolean collect(SourceUnit u, Statement holder, String var, SiteLocator.Types types,
      List<StringBuilderRewrite.Accumulation> out) {
    Set<Node> accounted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ExpressionStmt es : holder.findAll(ExpressionStmt.class)) {
      if (es.getParentNode().orElse(null) instanceof LambdaExpr) continue; // javac: an expression body, no statement
      AssignExpr a = es.getExpression() instanceof AssignExpr ae ? ae : null;
      if (a == null || !(a.getTarget() instanceof NameExpr t) || !t.getNameAsString().equals(var)) continue;
      List<Part> parts = new ArrayList<>();
      if (a.getOperator() == AssignExpr.Operator.PLUS) {
        if (!concatOperands(u, a.getValue(), types, parts)) return null;
      } else if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
        List<Expression> chain = chain(a.getValue());
        if (chain.size() < 2 || !(chain.get(0) instanceof NameExpr n) || !n.getNameAsString().equals(var)) continue;
        if (!operands(u, chain.subList(1, chain.size()), types, parts)) return null;
        accounted.add(chain.get(0));
      } else {
        continue;
      }
      List<StringBuilderRewrite.Part> appended = new ArrayList<>();
      for (Part part : parts) {
        Expression e = part.expr();
        appended.add(new StringBuilderRewrite.Part(new StringBuilderRewrite.Span(part.start(), part.end()),
            e == null || appendable(e, types), e != null && uses(e, var)));
        // the operands' uses of the variable are the rewrite's to judge, not "other uses"
        if (e != null) accounted.addAll(e.findAll(NameExpr.class, n -> n.getNameAsString().equals(var)));
      }
      accounted.add(t);
      out.add(new StringBuilderRewrite.Accumulation(span(u, a), appended));
    }
    boolean otherUses = false;
    for (NameExpr n : holder.findAll(NameExpr.class, n -> n.getNameAsString().equals(var))) otherUses |= !accounted.contains(n);
    out.sort(java.util.Comparator.comparingInt((StringBuilderRewrite.Accumulation a) -> a.expression().start()));
    return otherUses;
  }

  /** The operands of a left-nested {@code +} chain, left to right (not through parentheses). */
  private static List<Expression> chain(Expression e) {
    List<Expression> ops = new ArrayList<>();
    Expression node = e;
    while (node instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
      ops.add(0, b.getRight());
      node = b.getLeft();
    }
    ops.add(0, node);
    return ops;
  }

  private static boolean isStringLiteral(Expression e) {
    return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
  }

  /** Chain operands as parts: runs of two or more string literals folded as javac's parser does, the others split further. */
  private static boolean operands(SourceUnit u, List<Expression> ops, SiteLocator.Types types, List<Part> out) {
    for (int i = 0; i < ops.size(); ) {
      int j = i;
      while (j < ops.size() && isStringLiteral(ops.get(j))) j++;
      if (j - i >= 2) {
        out.add(new Part(u.start(ops.get(i)), u.end(ops.get(j - 1)), null));
        i = j;
        continue;
      }
      if (!concatOperands(u, ops.get(i), types, out)) return false;
      i++;
    }
    return true;
  }

  /**
   * The operands a concatenation converts, left to right: a String-typed non-constant {@code +}
   * (through parentheses) is split; false when its type cannot be told.
   */
  private static boolean concatOperands(SourceUnit u, Expression e, SiteLocator.Types types, List<Part> out) {
    Expression inner = e;
    while (inner instanceof EnclosedExpr en) inner = en.getInner();
    if (inner instanceof BinaryExpr bin && bin.getOperator() == BinaryExpr.Operator.PLUS) {
      if (allLiterals(bin)) {
        out.add(new Part(u.start(e), u.end(e), e)); // a constant: appended whole
        return true;
      }
      if (mayBeConstant(bin)) return false;
      ResolvedType t = types.typeOf(bin);
      if (t == null) return false;
      if (isString(t)) return operands(u, chain(bin), types, out);
    }
    out.add(new Part(u.start(e), u.end(e), e));
    return true;
  }

  /** A {@code +} whose leaves are literals or upper-case names (possible constants the mapper cannot evaluate). */
  private static boolean mayBeConstant(BinaryExpr bin) {
    for (Expression leaf : leaves(bin)) {
      if (leaf instanceof LiteralExpr && !(leaf instanceof NullLiteralExpr)) continue;
      String name = leaf instanceof NameExpr n ? n.getNameAsString() : leaf instanceof FieldAccessExpr f ? f.getNameAsString() : null;
      if (name != null && name.equals(name.toUpperCase(java.util.Locale.ROOT)) && Character.isLetter(name.charAt(0))) continue;
      return false;
    }
    return true;
  }

  private static boolean allLiterals(BinaryExpr bin) {
    for (Expression leaf : leaves(bin)) if (!(leaf instanceof LiteralExpr) || leaf instanceof NullLiteralExpr) return false;
    return true;
  }

  private static List<Expression> leaves(Expression e) {
    List<Expression> out = new ArrayList<>();
    List<Expression> work = new ArrayList<>();
    work.add(e);
    while (!work.isEmpty()) {
      Expression x = work.remove(work.size() - 1);
      while (x instanceof EnclosedExpr en) x = en.getInner();
      if (x instanceof BinaryExpr b) {
        work.add(b.getRight());
        work.add(b.getLeft());
      } else {
        out.add(x);
      }
    }
    return out;
  }

  /** Whether {@code sb.append(e)} appends the same text as {@code s + e}: a known type, not {@code char[]}, not {@code null}. */
  private static boolean appendable(Expression e, SiteLocator.Types types) {
    Expression x = e;
    while (x instanceof EnclosedExpr en) x = en.getInner();
    if (x instanceof NullLiteralExpr) return false;
    if (x instanceof LiteralExpr) return true;
    ResolvedType t = types.typeOf(x);
    if (t == null) return false;
    try {
      return !(t.isArray() && t.asArrayType().getComponentType().isPrimitive()
          && t.asArrayType().getComponentType().asPrimitive().describe().equals("char"));
    } catch (RuntimeException ex) {
      return false;
    }
  }

  /** The names used in the top-level class around {@code site}, which a new local must avoid. */
  private static Set<String> namesIn(Node site) {
    Node top = site;
    while (top.getParentNode().isPresent() && !(top.getParentNode().get() instanceof com.github.javaparser.ast.CompilationUnit)) {
      top = top.getParentNode().get();
    }
    Set<String> names = new HashSet<>();
    top.findAll(SimpleName.class).forEach(n -> names.add(n.getIdentifier()));
    top.findAll(Name.class).forEach(n -> names.add(n.getIdentifier()));
    return names;
  }

  /** {@code simple} unless the unit declares or imports another type of that name (then {@code java.lang.simple}). */
  private static String qualify(SourceUnit u, String simple) {
    if (u.unit == null) return simple;
    for (var i : u.unit.getImports()) {
      if (!i.isStatic() && !i.isAsterisk() && i.getNameAsString().endsWith("." + simple)
          && !i.getNameAsString().equals("java.lang." + simple)) {
        return "java.lang." + simple;
      }
    }
    for (TypeDeclaration<?> t : u.unit.findAll(TypeDeclaration.class)) {
      if (t.getNameAsString().equals(simple)) return "java.lang." + simple;
    }
    return simple;
  }
}
