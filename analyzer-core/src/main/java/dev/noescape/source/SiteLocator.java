package dev.noescape.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.MethodReferenceForm;
import dev.noescape.ir.SiteKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the expression a finding is about on its line, from the finding's structured subject (the
 * site's kind and details, the parameter's name), as the javac front end positions it: the
 * {@code new} expression, the array creation or initializer, the boxed expression
 * ({@link BoxLocator}), the variable-arity call, the lambda / bound method reference / anonymous
 * class, the {@code s += …} assignment or the {@code s + …} of {@code s = s + …}, the parameter
 * declaration. It reads the subject, never the message.
 */
final class SiteLocator {
  private SiteLocator() {}

  /** A resolver that may fail: answers null when it cannot tell. */
  interface Types {
    /** The type of {@code e}, or null. */
    ResolvedType typeOf(Expression e);

    /** The declaration a call resolves to, or null. */
    ResolvedMethodLikeDeclaration declarationOf(Node call);
  }

  /**
   * The expressions on a line that may be a finding's: {@code best} those with the most specific
   * evidence, {@code all} every plausible one (a superset), both in source order.
   */
  record Candidates(List<Node> best, List<Node> all) {
    static final Candidates NONE = new Candidates(List.of(), List.of());

    /**
     * The {@code ordinal}-th of {@code count} findings that look the same: the only candidate, or
     * the one at that rank when the candidates and the findings are equally many; else null.
     */
    Node choose(int ordinal, int count) {
      if (ordinal < 0 || ordinal >= count) return null;
      if (best.size() == count) return best.get(ordinal);
      if (all.size() == count) return all.get(ordinal);
      // the only plausible expression: the findings differ in something else (several
      // constructors running one field initializer)
      if (all.size() == 1) return all.get(0);
      if (best.size() == 1 && count == 1) return best.get(0);
      return null;
    }
  }

  static Candidates find(SourceUnit u, Finding f, Types types) {
    Subject subject = f.subject();
    if (subject instanceof Subject.Param p) {
      List<Node> onLine = u.nodesStartingOn(f.pos().line());
      List<Node> c = params(onLine, p.name());
      if (c.isEmpty() && !onLine.isEmpty()) c = paramOfMethodAround(u, f.pos().line(), f, p.name());
      c = restrictToBody(c, f);
      return new Candidates(c, c);
    }
    AllocSite site = subject == null ? null : subject.site();
    if (site == null) return Candidates.NONE;
    if (site.kind() == SiteKind.BOXING) {
      AllocSite.Boxing b = (AllocSite.Boxing) site.details();
      List<List<Node>> tiers = BoxLocator.boxes(u.nodesStartingOn(f.pos().line()), b.primitive(), site.type(), types);
      List<Node> best = restrictToBody(tiers.get(0), f);
      List<Node> all = new ArrayList<>(tiers.get(0));
      all.addAll(tiers.get(1));
      all.sort(Comparator.comparing((Node n) -> n.getBegin().get()));
      all = restrictToBody(all, f);
      return new Candidates(best.isEmpty() ? all : best, all);
    }
    List<Node> c = candidates(u, f, site, types);
    return new Candidates(c, c);
  }

  /**
   * The candidates on {@code f}'s line that match its site, in source order (most specific
   * evidence first); when none starts on the line, those of the statement around it (see
   * {@link #inEnclosingStatement}).
   */
  private static List<Node> candidates(SourceUnit u, Finding f, AllocSite site, Types types) {
    List<Node> onLine = u.nodesStartingOn(f.pos().line());
    List<Node> out = onLine.isEmpty() ? List.of() : matching(u, onLine, site, types);
    if (out.isEmpty() && MULTI_LINE.contains(site.kind())) out = inEnclosingStatement(u, f, site, types);
    return restrictToBody(out, f);
  }

  /** Kinds whose expression may start on another line than the instruction the line table gives. */
  private static final Set<SiteKind> MULTI_LINE = EnumSet.complementOf(EnumSet.of(SiteKind.BOXING));

  private static List<Node> matching(SourceUnit u, List<Node> nodes, AllocSite site, Types types) {
    AllocSite.Details d = site.details();
    return switch (site.kind()) {
      case NEW_OBJECT -> newObjects(u, nodes, site);
      case ANONYMOUS_CLASS -> anonymous(nodes, ((AllocSite.Anonymous) d).supertype());
      case NEW_ARRAY -> arrays(u, nodes, site.type(), (AllocSite.NewArray) d);
      case BOXING -> BoxLocator.boxes(nodes, ((AllocSite.Boxing) d).primitive(), site.type(), types).get(0);
      case VARARGS_ARRAY -> varargs(nodes, (AllocSite.Varargs) d);
      // bytecode cannot tell a lambda from a method reference (both are invokedynamic): when the
      // line has none of the kind named, the other kind is taken
      case LAMBDA, METHOD_REF -> {
        AllocSite.Capture c = (AllocSite.Capture) d;
        List<Node> first = site.kind() == SiteKind.LAMBDA ? lambdas(nodes, c) : methodRefs(u, nodes, c);
        yield !first.isEmpty() ? first : site.kind() == SiteKind.LAMBDA ? methodRefs(u, nodes, c) : lambdas(nodes, c);
      }
      case STRING_CONCAT -> concats(u, nodes, (AllocSite.Concat) d, types);
    };
  }

  /**
   * Multi-line statements: the line table gives an instruction the line of its statement (or of
   * the last call before it), not the line where the reported expression starts
   * ({@code out.append(⏎ String.format(…))}, {@code addListener(⏎ new Listener() {…})},
   * {@code s = s + a ⏎ + b.c()}). The expressions of the smallest statement (or field declaration)
   * around the line, outside its nested statements, that start on other lines: first those after
   * the line when the statement starts on it, else those before it; then the rest. A tier is taken
   * only when it holds a match; the caller still needs as many as there are findings.
   */
  private static List<Node> inEnclosingStatement(SourceUnit u, Finding f, AllocSite site, Types types) {
    int line = f.pos().line();
    Node s = enclosingStatement(u, line);
    if (s == null) return List.of();
    int first = s.getBegin().get().line;
    List<Node> before = new ArrayList<>();
    List<Node> after = new ArrayList<>();
    s.walk(Node.TreeTraversal.PREORDER, n -> {
      if (n.getBegin().isEmpty() || n.getBegin().get().line == line || owner(n) != s) return;
      (n.getBegin().get().line < line ? before : after).add(n);
    });
    Comparator<Node> order = Comparator.comparing((Node n) -> n.getBegin().get());
    before.sort(order);
    after.sort(order);
    for (List<Node> tier : first == line ? List.of(after, before) : List.of(before, after)) {
      if (tier.isEmpty()) continue;
      List<Node> m = matching(u, tier, site, types);
      if (!m.isEmpty()) return m;
    }
    return List.of();
  }

  /** The smallest statement (not a block) or field declaration whose range holds {@code line}, or null. */
  private static Node enclosingStatement(SourceUnit u, int line) {
    if (u.unit == null) return null;
    Node best = null;
    for (Node n : u.unit.findAll(Node.class, SiteLocator::isStatementLike)) {
      if (n.getBegin().isEmpty() || n.getEnd().isEmpty()) continue;
      if (n.getBegin().get().line > line || n.getEnd().get().line < line) continue;
      if (best == null || (n.getBegin().get().isAfterOrEqual(best.getBegin().get())
          && n.getEnd().get().isBeforeOrEqual(best.getEnd().get()))) {
        best = n;
      }
    }
    return best;
  }

  private static boolean isStatementLike(Node n) {
    return (n instanceof Statement && !(n instanceof BlockStmt)) || n instanceof FieldDeclaration;
  }

  /** The statement or field declaration an expression belongs to directly (not through a nested one), or null. */
  private static Node owner(Node n) {
    for (Node c = n; c != null; c = c.getParentNode().orElse(null)) {
      if (isStatementLike(c)) return c;
      if (c instanceof com.github.javaparser.ast.body.BodyDeclaration<?>) return null;
    }
    return null;
  }

  /**
   * A finding in a lambda body ({@code lambda$…}) is about an expression inside a lambda on the
   * line, one in the enclosing method about an expression outside of them, when that tells them
   * apart.
   */
  private static List<Node> restrictToBody(List<Node> nodes, Finding f) {
    if (nodes.size() < 2 || f.method() == null) return nodes;
    boolean inLambda = f.method().name() != null && f.method().name().startsWith("lambda$");
    List<Node> kept = new ArrayList<>();
    for (Node n : nodes) {
      boolean insideLambda = n.findAncestor(LambdaExpr.class).isPresent();
      if (insideLambda == inLambda) kept.add(n);
    }
    return kept.isEmpty() ? nodes : kept;
  }

  /** {@code s} without white space, for comparing code texts. */
  static String norm(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }

  /** Whether the source text of {@code n} is {@code text}, white space ignored. */
  private static boolean sourceIs(SourceUnit u, Node n, String text) {
    return text != null && !text.isEmpty() && norm(text).equals(norm(u.source(n)));
  }

  /** The nodes whose source text is {@code text} (white space ignored), if any. */
  private static List<Node> textual(SourceUnit u, List<? extends Node> nodes, String text) {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) if (sourceIs(u, n, text)) out.add(n);
    return out;
  }

  /** The last segment of a (simple or dotted) type name, without type arguments: {@code Entry} of {@code Map.Entry<K, V>}. */
  static String lastSegment(String name) {
    String s = name;
    int lt = s.indexOf('<');
    if (lt >= 0) s = s.substring(0, lt);
    int dot = Math.max(s.lastIndexOf('.'), s.lastIndexOf('$'));
    return dot >= 0 ? s.substring(dot + 1) : s;
  }

  // ---- objects ----

  /**
   * {@code new T(...)}, told apart by the source the front end wrote (javac), else by the
   * constructed type as the site writes it and the arguments' texts, else by the type's name.
   */
  private static List<Node> newObjects(SourceUnit u, List<Node> onLine, AllocSite site) {
    // Foo$1: an anonymous class the front end did not see as one (its class file was not read)
    if (site.type().matches(".*\\$\\d+")) return anonymous(onLine, null);
    AllocSite.Constructor c = (AllocSite.Constructor) site.details();
    List<ObjectCreationExpr> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isEmpty()) all.add(oce);
    }
    if (all.isEmpty()) return enumConstants(onLine, site, c);
    if (all.size() <= 1) return new ArrayList<>(all);
    List<Node> same = c.written() != null ? textual(u, all, c.written()) : new ArrayList<>();
    for (ObjectCreationExpr oce : all) if (c.written() == null && writtenAs(u, oce, c)) same.add(oce);
    if (!same.isEmpty()) return same;
    return ofType(all, site.simpleType());
  }

  /** Whether {@code oce} is {@code new} + the site's type text + its arguments' texts (white space ignored). */
  private static boolean writtenAs(SourceUnit u, ObjectCreationExpr oce, AllocSite.Constructor c) {
    if (oce.getScope().isPresent() || oce.getArguments().size() != c.args().size() || !sourceIs(u, oce.getType(), c.typeText())) {
      return false;
    }
    for (int i = 0; i < c.args().size(); i++) {
      if (!sourceIs(u, oce.getArgument(i), c.args().get(i).text())) return false;
    }
    return true;
  }

  private static List<Node> ofType(List<ObjectCreationExpr> creations, String type) {
    String name = type == null ? "" : lastSegment(type);
    List<Node> out = new ArrayList<>();
    for (ObjectCreationExpr oce : creations) if (oce.getType().getNameAsString().equals(name)) out.add(oce);
    return out;
  }

  /**
   * An enum constant creates its object without {@code new} in the source: javac positions it at
   * the constant. Several on a line are told apart by their names, which the bytecode passes as the
   * constructor's first argument.
   */
  private static List<Node> enumConstants(List<Node> onLine, AllocSite site, AllocSite.Constructor c) {
    String type = lastSegment(site.simpleType());
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof EnumConstantDeclaration ec && ec.getClassBody().isEmpty()
          && ec.getParentNode().orElse(null) instanceof EnumDeclaration ed && ed.getNameAsString().equals(type)) {
        all.add(n);
      }
    }
    if (all.size() <= 1 || c.args().isEmpty()) return all;
    String name = c.args().get(0).text();
    for (Node n : all) {
      if (('"' + ((EnumConstantDeclaration) n).getNameAsString() + '"').equals(name)) return List.of(n);
    }
    return all;
  }

  /** {@code new T() {...}}: by the supertype's name when several are on the line. */
  private static List<Node> anonymous(List<Node> onLine, String supertype) {
    List<ObjectCreationExpr> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) all.add(oce);
    }
    if (all.size() <= 1 || supertype == null) return new ArrayList<>(all);
    return ofType(all, BinaryNames.simple(supertype));
  }

  /**
   * Array creations and initializers: by the source text (javac), else a creation with the site's
   * element type and first dimension, else an initializer for an initializer site, else by the
   * element type.
   */
  private static List<Node> arrays(SourceUnit u, List<Node> onLine, String arrayType, AllocSite.NewArray a) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof ArrayCreationExpr) all.add(n);
      else if (n instanceof ArrayInitializerExpr && !(n.getParentNode().orElse(null) instanceof ArrayCreationExpr)) all.add(n);
    }
    if (all.size() <= 1) return all;
    String elem = BinaryNames.simple(arrayType.substring(0, arrayType.indexOf('[')));
    int dims = (arrayType.length() - arrayType.indexOf('[')) / 2;
    List<Node> out = a.written() != null ? textual(u, all, a.written()) : new ArrayList<>();
    if (a.written() == null) {
      for (Node n : all) {
        if (n instanceof ArrayCreationExpr ace && ace.getInitializer().isEmpty() && ace.getLevels().size() == dims
            && norm(ace.getElementType().asString()).equals(norm(elem)) && a.sizeText() != null
            && norm(ace.getLevels().get(0).getDimension().map(u::source).orElse("")).equals(norm(a.sizeText()))
            && ace.getLevels().stream().skip(1).allMatch(l -> l.getDimension().isEmpty())) {
          out.add(n);
        }
      }
    }
    if (!out.isEmpty()) return out;
    for (Node n : all) {
      if (a.initializer() ? n instanceof ArrayInitializerExpr
          : n instanceof ArrayCreationExpr ace && lastSegment(ace.getElementType().asString()).equals(lastSegment(elem))) {
        out.add(n);
      }
    }
    return out;
  }

  // ---- varargs ----

  /** Calls of the site's callee (by name; a constructor by its class) that pass at least its element count. */
  private static List<Node> varargs(List<Node> onLine, AllocSite.Varargs v) {
    MethodRef callee = v.callee();
    boolean ctor = callee != null && callee.isConstructor();
    String name = callee == null ? null : ctor ? lastSegment(BinaryNames.simple(callee.owner())) : callee.name();
    int count = v.elementCount();
    List<Node> out = new ArrayList<>();
    for (Node n : onLine) {
      List<Expression> args;
      if (n instanceof MethodCallExpr mc && !ctor && (name == null || mc.getNameAsString().equals(name))) {
        args = mc.getArguments();
      } else if (n instanceof ObjectCreationExpr oce && (ctor || name == null)
          && (name == null || oce.getType().getNameAsString().equals(name))) {
        args = oce.getArguments();
      } else if (n instanceof ExplicitConstructorInvocationStmt ec && (ctor || name == null)) {
        args = ec.getArguments();
      } else {
        continue;
      }
      if (args.size() >= count) out.add(n);
    }
    return out;
  }

  // ---- lambdas, method references ----

  /** Lambdas on the line; several are told apart by the names they capture (not {@code this}). */
  private static List<Node> lambdas(List<Node> onLine, AllocSite.Capture c) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) if (n instanceof LambdaExpr) all.add(n);
    if (all.size() <= 1) return all;
    List<String> captured = new ArrayList<>(c.captured());
    captured.remove("this");
    if (captured.isEmpty()) return all;
    List<Node> out = new ArrayList<>();
    for (Node n : all) {
      LambdaExpr l = (LambdaExpr) n;
      boolean every = true;
      for (String name : captured) {
        boolean used = l.getBody().findFirst(NameExpr.class, ne -> ne.getNameAsString().equals(name)).isPresent();
        boolean isParam = l.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name));
        if (!used || isParam) every = false;
      }
      if (every) out.add(n);
    }
    return out;
  }

  /** The method references on the line that capture; several are told apart by receiver and name. */
  private static List<Node> methodRefs(SourceUnit u, List<Node> onLine, AllocSite.Capture c) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) if (n instanceof MethodReferenceExpr mr && form(mr).captures()) all.add(n);
    if (all.size() <= 1 || !(c instanceof AllocSite.MethodReference r)) return all;
    List<Node> text = textual(u, all, r.receiver() + "::" + r.method());
    return text.isEmpty() ? all : text;
  }

  /**
   * The form of a method reference as far as the parser tells: {@code Type::m} (a type name starts
   * upper case by convention) is taken for a static or unbound reference, {@code Type::new} for a
   * top-level constructor; {@code super::m} is one; any other scope is a bound receiver.
   */
  private static MethodReferenceForm form(MethodReferenceExpr mr) {
    if (mr.getScope() instanceof TypeExpr te && Character.isUpperCase(lastSegment(te.getType().asString()).charAt(0))) {
      return mr.getIdentifier().equals("new") ? MethodReferenceForm.CONSTRUCTOR : MethodReferenceForm.STATIC;
    }
    return mr.getScope() instanceof SuperExpr ? MethodReferenceForm.SUPER : MethodReferenceForm.BOUND;
  }

  // ---- string concatenation ----

  /**
   * {@code s += …} and outermost {@code +} chains on the line: by the source text (javac); for an
   * accumulation, those that assign its variable; else the accumulations ({@code s += …},
   * {@code s = s + …}), or the {@code +} chains of type String for a plain concatenation.
   */
  private static List<Node> concats(SourceUnit u, List<Node> onLine, AllocSite.Concat c, Types types) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof AssignExpr ae && ae.getOperator() == AssignExpr.Operator.PLUS) {
        all.add(n);
      } else if (n instanceof BinaryExpr be && be.getOperator() == BinaryExpr.Operator.PLUS && !insidePlus(be)) {
        all.add(n);
      }
    }
    if (c.written() != null) {
      List<Node> text = textual(u, all, c.written());
      if (!text.isEmpty()) return text;
    }
    List<Node> out = new ArrayList<>();
    if (c.accumulator() != null) {
      String var = c.accumulator().name();
      for (Node n : all) {
        Expression target = n instanceof AssignExpr ae ? ae.getTarget() : assignedTo((BinaryExpr) n);
        if (target != null && sameVar(target, var)) out.add(n);
      }
      if (!out.isEmpty()) return out;
      for (Node n : all) if (n instanceof AssignExpr || accumulates((BinaryExpr) n)) out.add(n);
      return out;
    }
    for (Node n : all) if (n instanceof BinaryExpr be && isStringConcat(be, types)) out.add(n);
    if (out.isEmpty()) {
      // s += x outside a loop: the front end does not call it an accumulation
      for (Node n : all) if (n instanceof AssignExpr) out.add(n);
    }
    return out;
  }

  private static boolean isStringConcat(BinaryExpr be, Types types) {
    List<Expression> work = new ArrayList<>();
    work.add(be);
    while (!work.isEmpty()) {
      Expression x = work.remove(work.size() - 1);
      while (x instanceof EnclosedExpr en) x = en.getInner();
      if (x instanceof StringLiteralExpr || x instanceof TextBlockLiteralExpr) return true;
      if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
        work.add(b.getLeft());
        work.add(b.getRight());
      }
    }
    ResolvedType t = types.typeOf(be);
    try {
      return t != null && t.isReferenceType() && t.asReferenceType().getQualifiedName().equals("java.lang.String");
    } catch (RuntimeException ex) {
      return false;
    }
  }

  /** {@code s = s + … } or {@code s = … + s}: assigned to a variable that is one of its operands. */
  private static boolean accumulates(BinaryExpr be) {
    Expression target = assignedTo(be);
    if (target == null) return false;
    String t = norm(target.toString());
    List<Expression> work = new ArrayList<>(List.of(be));
    while (!work.isEmpty()) {
      Expression x = work.remove(work.size() - 1);
      while (x instanceof EnclosedExpr en) x = en.getInner();
      if (x instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
        work.add(b.getLeft());
        work.add(b.getRight());
      } else if (norm(x.toString()).equals(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code be} is an operand (through parentheses) of an enclosing {@code +}. */
  private static boolean insidePlus(BinaryExpr be) {
    Node p = withParens(be).getParentNode().orElse(null);
    return p instanceof BinaryExpr pb && pb.getOperator() == BinaryExpr.Operator.PLUS;
  }

  /** The variable {@code be} is assigned to ({@code s = s + x}, through parentheses), or null. */
  private static Expression assignedTo(BinaryExpr be) {
    Node c = withParens(be);
    Node p = c.getParentNode().orElse(null);
    if (p instanceof AssignExpr ae && ae.getOperator() == AssignExpr.Operator.ASSIGN && ae.getValue() == c) return ae.getTarget();
    return null;
  }

  /** {@code e} with the parentheses written around it: the outermost of them, or {@code e} itself. */
  private static Node withParens(Node e) {
    Node n = e;
    while (n.getParentNode().orElse(null) instanceof EnclosedExpr en) n = en;
    return n;
  }

  private static boolean sameVar(Expression target, String var) {
    String t = norm(target.toString());
    String v = norm(var);
    return t.equals(v) || ("this." + t).equals(v) || t.equals("this." + v)
        || (target instanceof FieldAccessExpr fa && fa.getNameAsString().equals(v));
  }

  // ---- parameters ----

  private static List<Node> params(List<Node> onLine, String name) {
    List<Node> out = new ArrayList<>();
    for (Node n : onLine) if (n instanceof Parameter p && p.getNameAsString().equals(name)) out.add(n);
    return out;
  }

  /**
   * Class files do not know where parameters are declared: a front end may report a parameter at
   * its method's first line. The parameter of that name of the method (named as the finding's)
   * whose body holds the line, at its declaration.
   */
  private static List<Node> paramOfMethodAround(SourceUnit u, int line, Finding f, String name) {
    if (u.unit == null) return List.of();
    String method = f.method() == null ? null : f.method().name();
    CallableDeclaration<?> best = null;
    for (CallableDeclaration<?> c : u.unit.findAll(CallableDeclaration.class)) {
      if (c.getBegin().isEmpty() || c.getEnd().isEmpty()) continue;
      if (c.getBegin().get().line > line || c.getEnd().get().line < line) continue;
      boolean ctor = c instanceof ConstructorDeclaration;
      if (method != null && !(ctor ? method.equals(MethodRef.CONSTRUCTOR) : c.getNameAsString().equals(method))) continue;
      if (best == null || c.getBegin().get().isAfter(best.getBegin().get())) best = c;
    }
    if (best == null) return List.of();
    for (Parameter p : best.getParameters()) if (p.getNameAsString().equals(name)) return List.of(p);
    return List.of();
  }
}
