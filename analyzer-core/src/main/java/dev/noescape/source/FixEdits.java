package dev.noescape.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithParameters;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.noescape.finding.Fix;
import dev.noescape.finding.FixText;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.report.TextEdit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The edits of a finding's {@link Fix} on the mapped source, the same rewrites the javac plugin's
 * {@code FixBuilder} makes:
 *
 * <ul>
 *   <li>{@link Fix.AddCapacity}: the size inserted right after the {@code (} of the empty argument
 *       list of the constructor call;
 *   <li>{@link Fix.UseFactory}: the whole constructor call replaced by
 *       {@code Qualifier.<TypeArgs>factory(size)}, the qualifier written as the source wrote the
 *       class when the factory is the constructed class's own, else the factory class imported when
 *       its simple name is free (else fully qualified);
 *   <li>{@link Fix.ReplaceCapacity}: the first constructor argument replaced.
 * </ul>
 *
 * <p>Size texts are taken from the source when they denote the same value: the expression the
 * source already passes ({@code new HashMap<>(names.size())}), or the iterated expression of the
 * filling loop ({@code for (User u : this.users)} gives {@code this.users.size()}). Every name a
 * size starts with must be in scope at the allocation (declared before it, a parameter, a field, or
 * a type name), else there is no fix, as in the javac plugin.
 *
 * <p>{@link Fix.UseStringBuilder}: see {@link StringBuilderEdits}.
 */
final class FixEdits {
  private FixEdits() {}

  static List<TextEdit> edits(SourceUnit u, Node site, Fix fix, String file, SiteLocator.Types types) {
    if (fix instanceof Fix.UseStringBuilder sb) return StringBuilderEdits.edits(u, site, sb, file, types);
    if (fix == null || !(unparen(site) instanceof ObjectCreationExpr oce)) return List.of();
    if (fix instanceof Fix.AddCapacity a) return addCapacity(u, oce, a, file);
    if (fix instanceof Fix.UseFactory uf) return useFactory(u, oce, uf, file);
    if (fix instanceof Fix.ReplaceCapacity r) return replaceCapacity(u, oce, r, file);
    return List.of();
  }

  private static Node unparen(Node n) {
    while (n instanceof EnclosedExpr e) n = e.getInner();
    return n;
  }

  // ---- AddCapacity ----

  private static List<TextEdit> addCapacity(SourceUnit u, ObjectCreationExpr oce, Fix.AddCapacity fix, String file) {
    if (!oce.getArguments().isEmpty() || fix.size() == null) return List.of();
    String size = sourceSize(u, oce, fix.size().text(), fix.sizeLine());
    if (!inScope(size, oce)) return List.of();
    int typeEnd = u.end(oce.getType());
    int limit = u.end(oce);
    if (typeEnd < 0 || limit < 0) return List.of();
    int open = FixText.nextCodeChar(u.text, typeEnd, limit);
    if (open < 0 || u.text.charAt(open) != '(') return List.of();
    return List.of(edit(u, file, open + 1, open + 1, size));
  }

  // ---- UseFactory ----

  private static List<TextEdit> useFactory(SourceUnit u, ObjectCreationExpr oce, Fix.UseFactory fix, String file) {
    if (oce.getAnonymousClassBody().isPresent() || oce.getScope().isPresent() || fix.size() == null) return List.of();
    String size = sourceSize(u, oce, fix.size().text(), fix.sizeLine());
    if (!inScope(size, oce)) return List.of();
    ClassOrInterfaceType type = oce.getType();
    String typeArgs = "";
    if (type.getTypeArguments().isPresent() && !type.getTypeArguments().get().isEmpty()) {
      List<String> args = new ArrayList<>();
      for (Type t : type.getTypeArguments().get()) {
        String src = u.source(t);
        if (src == null) return List.of();
        args.add(src);
      }
      typeArgs = "<" + String.join(", ", args) + ">";
    }
    String written = type.getNameWithScope();
    List<TextEdit> edits = new ArrayList<>();
    String qualifier;
    String factorySimple = fix.simpleClass();
    if (written.equals(fix.factoryClass()) || (!written.contains(".") && written.equals(factorySimple)
        && constructedIs(u.unit, written, fix.factoryClass()))) {
      qualifier = rawTypeSource(u, type);
      if (qualifier == null) return List.of();
    } else {
      qualifier = qualifyType(u, fix.factoryClass(), file, edits);
    }
    int s = u.start(oce);
    int e = u.end(oce);
    if (s < 0 || e < 0) return List.of();
    edits.add(0, edit(u, file, s, e, qualifier + "." + typeArgs + fix.factoryMethod() + "(" + size + ")"));
    return edits;
  }

  /** Whether the simple name {@code simple} written in the unit names {@code qualified}. */
  private static boolean constructedIs(CompilationUnit cu, String simple, String qualified) {
    if (cu == null) return false;
    String pkg = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) continue;
      String n = i.getNameAsString();
      if (!i.isAsterisk() && n.endsWith("." + simple)) return n.equals(qualified);
    }
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
      if (t.getNameAsString().equals(simple)) return false; // a class of its own with that name
    }
    if (pkg.equals("java.lang")) return true;
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isStatic() && i.isAsterisk() && i.getNameAsString().equals(pkg)) return true;
    }
    return cu.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(pkg.isEmpty());
  }

  /** The type as written without its type arguments: {@code HashMap}, {@code java.util.HashMap}. */
  private static String rawTypeSource(SourceUnit u, ClassOrInterfaceType type) {
    String src = u.source(type);
    if (src == null) return null;
    int lt = src.indexOf('<');
    return (lt >= 0 ? src.substring(0, lt) : src).strip();
  }

  /**
   * Error Prone's {@code SuggestedFixes.qualifyType}: the simple name when it already names the
   * class here (imported, or its package imported on demand); else the simple name plus an import
   * when no other class of the unit's imports or declarations has that simple name; else the fully
   * qualified name.
   */
  private static String qualifyType(SourceUnit u, String qualified, String file, List<TextEdit> edits) {
    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
    String pkg = qualified.contains(".") ? qualified.substring(0, qualified.lastIndexOf('.')) : "";
    CompilationUnit cu = u.unit;
    if (cu == null) return qualified;
    for (ImportDeclaration i : cu.getImports()) {
      if (i.isStatic()) continue;
      String n = i.getNameAsString();
      if (!i.isAsterisk() && n.equals(qualified)) return simple;
      if (!i.isAsterisk() && n.endsWith("." + simple)) return qualified;
    }
    for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
      if (t.getNameAsString().equals(simple)) return qualified;
    }
    for (ImportDeclaration i : cu.getImports()) {
      if (!i.isStatic() && i.isAsterisk() && i.getNameAsString().equals(pkg)) return simple;
    }
    if (cu.getPackageDeclaration().map(p -> p.getNameAsString().equals(pkg)).orElse(false)) return simple;
    TextEdit imp = importEdit(u, qualified, file);
    if (imp == null) return qualified;
    edits.add(imp);
    return simple;
  }

  /** Inserts {@code import qualified;} at its sorted place among the non-static imports. */
  private static TextEdit importEdit(SourceUnit u, String qualified, String file) {
    CompilationUnit cu = u.unit;
    NodeList<ImportDeclaration> imports = cu.getImports();
    ImportDeclaration lastNonStatic = null;
    for (ImportDeclaration i : imports) {
      if (i.isStatic()) continue;
      String n = i.getNameAsString() + (i.isAsterisk() ? ".*" : "");
      if (n.compareTo(qualified) > 0) {
        int s = u.start(i);
        if (s < 0) return null;
        return edit(u, file, s, s, "import " + qualified + ";\n");
      }
      lastNonStatic = i;
    }
    if (lastNonStatic != null) {
      int e = u.end(lastNonStatic);
      return e < 0 ? null : edit(u, file, e, e, "\nimport " + qualified + ";");
    }
    if (!imports.isEmpty()) {
      int e = u.end(imports.get(imports.size() - 1));
      return e < 0 ? null : edit(u, file, e, e, "\n\nimport " + qualified + ";");
    }
    if (cu.getPackageDeclaration().isPresent()) {
      int e = u.end(cu.getPackageDeclaration().get());
      return e < 0 ? null : edit(u, file, e, e, "\n\nimport " + qualified + ";");
    }
    return edit(u, file, 0, 0, "import " + qualified + ";\n\n");
  }

  // ---- ReplaceCapacity ----

  private static List<TextEdit> replaceCapacity(SourceUnit u, ObjectCreationExpr oce, Fix.ReplaceCapacity fix, String file) {
    if (oce.getArguments().isEmpty() || fix.newArgument() == null) return List.of();
    Expression arg = oce.getArgument(0);
    String argument = fix.newArgument();
    String argSource = u.source(arg);
    String ceilSize = FixText.ceilCapacitySize(argument);
    if (argSource != null && ceilSize != null && key(ceilSize).equals(key(argSource))) {
      argument = FixText.ceilCapacity(argSource);
    }
    if (!inScope(argument, oce)) return List.of();
    int s = u.start(arg);
    int e = u.end(arg);
    if (s < 0 || e < 0) return List.of();
    return List.of(edit(u, file, s, e, argument));
  }

  // ---- size expressions from the source ----

  /**
   * The size text for the fix: {@code text} as the rule wrote it, or the source's own spelling of
   * the same value (the constructor's argument; {@code E.size()} / {@code E.length} /
   * the bound of {@code for (int i = 0; i < N; i++)} of the loop at {@code loopLine} whose trip
   * count the size is).
   */
  static String sourceSize(SourceUnit u, ObjectCreationExpr oce, String text, int loopLine) {
    List<String> known = new ArrayList<>();
    for (Expression a : oce.getArguments()) {
      String src = u.source(a);
      if (src != null) known.add(src);
    }
    if (loopLine > 0) {
      for (Node n : u.nodesStartingOn(loopLine)) {
        if (n instanceof ForEachStmt fe) {
          String it = u.source(fe.getIterable());
          if (it != null) {
            // the trip count of a for-each, as both front ends write it
            SymbolicExpr iterated = SymbolicExpr.of(FixText.operand(it));
            known.add(SymbolicExpr.sizeOf(iterated).text());
            known.add(SymbolicExpr.lengthOf(iterated).text());
          }
          break;
        }
        if (n instanceof ForStmt fs && fs.getCompare().isPresent()
            && fs.getCompare().get() instanceof com.github.javaparser.ast.expr.BinaryExpr cmp
            && cmp.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.LESS) {
          String bound = u.source(cmp.getRight());
          if (bound != null) known.add(bound);
          break;
        }
      }
    }
    String k = key(text);
    for (String s : known) if (key(s).equals(k)) return s;
    String ceilSize = FixText.ceilCapacitySize(text);
    if (ceilSize != null) {
      String inner = key(ceilSize);
      for (String s : known) if (key(s).equals(inner)) return FixText.ceilCapacity(s);
    }
    return text;
  }

  /** Canonical form for comparing value texts: {@link SymbolicExpr#canonicalKey}, {@code this.} dropped. */
  static String key(String text) {
    return SymbolicExpr.canonicalKey(text.replaceAll("\\bthis\\s*\\.\\s*", ""));
  }

  // ---- scope ----

  /**
   * The javac plugin's {@code inScope} on the source: every name an expression starts a name chain
   * with ({@link FixText#namesToResolve}) is declared before {@code at} in an enclosing block, a parameter of an enclosing method or
   * lambda, a variable of an enclosing {@code for}/catch/try/pattern, a field of the unit, or a type
   * name (upper case by convention).
   */
  static boolean inScope(String expressionText, Node at) {
    Set<String> visible = null;
    for (String name : FixText.namesToResolve(expressionText)) {
      if (Character.isUpperCase(name.charAt(0))) continue;
      if (visible == null) visible = visibleNames(at);
      if (!visible.contains(name)) return false;
    }
    return true;
  }

  private static Set<String> visibleNames(Node at) {
    Set<String> names = new HashSet<>();
    int atStart = at.getBegin().map(p -> p.line * 100_000 + p.column).orElse(Integer.MAX_VALUE);
    Node child = at;
    for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
      if (p instanceof BlockStmt || p instanceof SwitchEntry) {
        List<Statement> stmts = p instanceof BlockStmt b ? b.getStatements() : ((SwitchEntry) p).getStatements();
        for (Statement s : stmts) {
          if (s == child) break;
          if (s instanceof com.github.javaparser.ast.stmt.ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr v) {
            v.getVariables().forEach(d -> names.add(d.getNameAsString()));
          }
        }
      }
      if (p instanceof NodeWithParameters<?> np) {
        for (Parameter prm : np.getParameters()) names.add(prm.getNameAsString());
      }
      if (p instanceof com.github.javaparser.ast.expr.LambdaExpr l) {
        for (Parameter prm : l.getParameters()) names.add(prm.getNameAsString());
      }
      if (p instanceof ForStmt fs) {
        for (Expression e : fs.getInitialization()) {
          if (e instanceof VariableDeclarationExpr v) v.getVariables().forEach(d -> names.add(d.getNameAsString()));
        }
      }
      if (p instanceof ForEachStmt fe && child != fe.getIterable()) {
        fe.getVariable().getVariables().forEach(d -> names.add(d.getNameAsString()));
      }
      if (p instanceof CatchClause cc) names.add(cc.getParameter().getNameAsString());
      if (p instanceof TryStmt ts) {
        for (Expression r : ts.getResources()) {
          if (r instanceof VariableDeclarationExpr v) v.getVariables().forEach(d -> names.add(d.getNameAsString()));
        }
      }
      if (p instanceof RecordDeclaration rd) {
        for (Parameter prm : rd.getParameters()) names.add(prm.getNameAsString());
      }
    }
    at.findCompilationUnit().ifPresent(cu -> {
      for (FieldDeclaration fd : cu.findAll(FieldDeclaration.class)) {
        for (VariableDeclarator v : fd.getVariables()) names.add(v.getNameAsString());
      }
      for (com.github.javaparser.ast.body.EnumConstantDeclaration ec : cu.findAll(com.github.javaparser.ast.body.EnumConstantDeclaration.class)) {
        names.add(ec.getNameAsString());
      }
      // pattern variables declared before the site (instanceof patterns flow into following code)
      for (PatternExpr pe : cu.findAll(PatternExpr.class)) {
        if (pe.getBegin().map(q -> q.line * 100_000 + q.column).orElse(Integer.MAX_VALUE) < atStart) {
          pe.findAll(com.github.javaparser.ast.expr.TypePatternExpr.class).forEach(t -> names.add(t.getNameAsString()));
        }
      }
    });
    return names;
  }

  // ---- text helpers ----

  private static TextEdit edit(SourceUnit u, String file, int start, int end, String replacement) {
    return new TextEdit(file, u.lineOf(start), u.columnOf(start), u.lineOf(end), u.columnOf(end), replacement);
  }
}
