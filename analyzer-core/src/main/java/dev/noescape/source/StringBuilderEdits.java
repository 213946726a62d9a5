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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link Fix.UseStringBuilder} on the source: the javac plugin's rewrite, with the same shape
 * checks. Operands are split and checked by their static type as javac's is; when the solver
 * cannot type an operand, or an operand may be a compile-time constant the source mapping cannot
 * evaluate (an upper-case name), there is no fix rather than a different one.
 */
final class StringBuilderEdits {
  private StringBuilderEdits() {}

  /**
   * One appended operand: a source span, with its expression (null for a run of adjacent string
   * literals, which javac's parser folds into one literal spanning them: {@code "" + "x"}).
   */
  private record Part(int start, int end, Expression expr) {}

  private record Accumulation(Expression expression, List<Part> parts) {}

  static List<TextEdit> edits(SourceUnit u, Node site, Fix.UseStringBuilder fix, String file, SiteLocator.Types types) {
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
        || !target.getNameAsString().equals(fix.variable())) {
      return List.of();
    }
    String var = fix.variable();
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
    if (block == null) return List.of();
    List<Statement> stmts = block.getStatements();
    int declIndex = indexOf(stmts, declStmt);
    int holderIndex = indexOf(stmts, holder);
    if (holderIndex <= declIndex) return List.of();
    VariableDeclarationExpr decl = (VariableDeclarationExpr) declStmt.getExpression();
    if (decl.getVariables().size() != 1) return List.of();
    VariableDeclarator vd = decl.getVariable(0);
    if (vd.getInitializer().isEmpty() || vd.getInitializer().get() instanceof NullLiteralExpr) return List.of();
    Expression init = vd.getInitializer().get();
    if (!isStringDeclared(vd, types)) return List.of();
    for (int i = declIndex + 1; i < holderIndex; i++) if (uses(stmts.get(i), var)) return List.of();

    List<Accumulation> accumulations = new ArrayList<>();
    if (!collect(u, holder, var, types, accumulations) || accumulations.isEmpty()) return List.of();

    String builderName = freshName(var + "Builder", site);
    String sbType = qualify(u, "StringBuilder");
    String stringType = qualify(u, "String");
    List<TextEdit> edits = new ArrayList<>();
    int declStart = u.start(decl);
    int initEnd = u.end(init);
    String initSource = u.source(init);
    if (declStart < 0 || initEnd < 0 || initSource == null) return List.of();
    boolean emptyLiteral = (init instanceof StringLiteralExpr s && s.asString().isEmpty())
        || (init instanceof TextBlockLiteralExpr t && t.asString().isEmpty());
    edits.add(edit(u, file, declStart, initEnd,
        sbType + " " + builderName + " = new " + sbType + "(" + (emptyLiteral ? "" : initSource) + ")"));
    for (Accumulation a : accumulations) {
      StringBuilder call = new StringBuilder(builderName);
      for (Part part : a.parts()) {
        if (part.start() < 0 || part.end() < part.start()) return List.of();
        call.append(".append(").append(u.text, part.start(), part.end()).append(')');
      }
      int s = u.start(a.expression());
      int e = u.end(a.expression());
      if (s < 0 || e < 0) return List.of();
      edits.add(edit(u, file, s, e, call.toString()));
    }
    int holderEnd = u.end(holder);
    if (holderEnd < 0) return List.of();
    edits.add(edit(u, file, holderEnd, holderEnd,
        "\n" + indentation(u, holder) + stringType + " " + var + " = " + builderName + ".toString();"));
    return edits;
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

  /** The accumulation statements on {@code var} in {@code holder}; false when it is used otherwise or an operand cannot be appended. */
  private static boolean collect(SourceUnit u, Statement holder, String var, SiteLocator.Types types, List<Accumulation> out) {
    Set<Node> accounted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ExpressionStmt es : holder.findAll(ExpressionStmt.class)) {
      if (es.getParentNode().orElse(null) instanceof LambdaExpr) continue; // javac: an expression body, no statement
      AssignExpr a = es.getExpression() instanceof AssignExpr ae ? ae : null;
      if (a == null || !(a.getTarget() instanceof NameExpr t) || !t.getNameAsString().equals(var)) continue;
      List<Part> parts = new ArrayList<>();
      if (a.getOperator() == AssignExpr.Operator.PLUS) {
        if (!concatOperands(u, a.getValue(), types, parts)) return false;
      } else if (a.getOperator() == AssignExpr.Operator.ASSIGN) {
        List<Expression> chain = chain(a.getValue());
        if (chain.size() < 2 || !(chain.get(0) instanceof NameExpr n) || !n.getNameAsString().equals(var)) continue;
        if (!operands(u, chain.subList(1, chain.size()), types, parts)) return false;
        accounted.add(chain.get(0));
      } else {
        continue;
      }
      for (Part part : parts) {
        if (part.expr() != null && (!appendable(part.expr(), types) || uses(part.expr(), var))) return false;
      }
      accounted.add(t);
      out.add(new Accumulation(a, parts));
    }
    for (NameExpr n : holder.findAll(NameExpr.class, n -> n.getNameAsString().equals(var))) {
      if (!accounted.contains(n)) return false;
    }
    out.sort(java.util.Comparator.comparing((Accumulation a) -> a.expression().getBegin().get()));
    return true;
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

  /** {@code base}, {@code base2}, ...: a name used nowhere in the top-level class. */
  private static String freshName(String base, Node site) {
    Node top = site;
    while (top.getParentNode().isPresent() && !(top.getParentNode().get() instanceof com.github.javaparser.ast.CompilationUnit)) {
      top = top.getParentNode().get();
    }
    Set<String> names = new HashSet<>();
    top.findAll(SimpleName.class).forEach(n -> names.add(n.getIdentifier()));
    top.findAll(Name.class).forEach(n -> names.add(n.getIdentifier()));
    String name = base;
    for (int i = 2; names.contains(name); i++) name = base + i;
    return name;
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

  private static String indentation(SourceUnit u, Node n) {
    int start = u.start(n);
    if (start < 0) return "";
    int i = start;
    while (i > 0 && u.text.charAt(i - 1) != '\n' && u.text.charAt(i - 1) != '\r') i--;
    String prefix = u.text.substring(i, start);
    return prefix.chars().allMatch(c -> c == ' ' || c == '\t') ? prefix : "";
  }

  private static TextEdit edit(SourceUnit u, String file, int start, int end, String replacement) {
    return new TextEdit(file, u.lineOf(start), u.columnOf(start), u.lineOf(end), u.columnOf(end), replacement);
  }
}
