package dev.noescape.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedMethodLikeDeclaration;
import com.github.javaparser.resolution.types.ResolvedType;
import dev.noescape.finding.Finding;
import dev.noescape.finding.RuleId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the expression a finding reports on its line, as the javac front end positions it: the
 * {@code new} expression, the array creation or initializer, the boxed expression (the operand
 * converted, or the {@code valueOf} call, or the {@code x++} / {@code x += e} on a box-typed
 * variable), the variable-arity call, the lambda / bound method reference / anonymous class, the
 * {@code s += …} assignment or the {@code s + …} of {@code s = s + …}, the parameter declaration.
 */
final class SiteLocator {
  private SiteLocator() {}

  /** What kind of expression a finding is about. */
  enum Kind { NEW_OBJECT, NEW_ARRAY, BOXING, VARARGS, LAMBDA, METHOD_REF, ANONYMOUS, CONCAT, PARAM, UNKNOWN }

  static Kind kindOf(Finding f) {
    String subject = f.subject() == null ? "" : f.subject();
    String message = f.message() == null ? "" : f.message();
    RuleId r = f.rule();
    if (r == RuleId.LEAKING_PARAMETER) return Kind.PARAM;
    if (r == RuleId.BOXING_ALLOCATION) return Kind.BOXING;
    if (r == RuleId.VARARGS_ALLOCATION) return Kind.VARARGS;
    if (r == RuleId.UNPRESIZED_COLLECTION || r == RuleId.HASH_MAP_CAPACITY) return Kind.NEW_OBJECT;
    if (r == RuleId.STRING_CONCAT_IN_LOOP) return Kind.CONCAT;
    if (r == RuleId.CAPTURING_LAMBDA) {
      if (message.startsWith("lambda ") || subject.startsWith("lambda")) return Kind.LAMBDA;
      if (message.startsWith("method reference") || subject.startsWith("bound method reference")) return Kind.METHOD_REF;
      return Kind.ANONYMOUS;
    }
    return kindOfSubject(subject);
  }

  /** {@code new Foo$1()}: a class file's name for an anonymous class. */
  private static final Pattern ANONYMOUS_NAME = Pattern.compile("^new\\s+[\\w.$]*\\$\\d+\\b");

  static Kind kindOfSubject(String subject) {
    if (subject.startsWith("param ")) return Kind.PARAM;
    if (subject.startsWith("boxing ")) return Kind.BOXING;
    if (subject.startsWith("varargs ")) return Kind.VARARGS;
    if (subject.startsWith("lambda")) return Kind.LAMBDA;
    if (subject.startsWith("bound method reference") || subject.startsWith("method reference")) return Kind.METHOD_REF;
    if (subject.startsWith("anonymous ")) return Kind.ANONYMOUS;
    if (subject.startsWith("string +=") || subject.startsWith("string concatenation")) return Kind.CONCAT;
    if (subject.endsWith(" initializer") || subject.startsWith("{")) return Kind.NEW_ARRAY;
    if (ANONYMOUS_NAME.matcher(subject).find()) return Kind.ANONYMOUS;
    if (subject.startsWith("new ")) {
      int bracket = subject.indexOf('[');
      int paren = subject.indexOf('(');
      if (bracket >= 0 && (paren < 0 || bracket < paren)) return Kind.NEW_ARRAY;
      return Kind.NEW_OBJECT;
    }
    if (subject.contains("+=") || subject.contains("+")) return Kind.CONCAT;
    return Kind.UNKNOWN;
  }

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
      // constructors running one field initializer, an enum constant named by the message)
      if (all.size() == 1) return all.get(0);
      if (best.size() == 1 && count == 1) return best.get(0);
      return null;
    }
  }

  static Candidates find(SourceUnit u, Finding f, Kind kind, Types types) {
    if (kind == Kind.BOXING) {
      List<List<Node>> tiers = boxTiers(u, f, types);
      List<Node> best = restrictToBody(tiers.get(0), f);
      List<Node> all = new ArrayList<>(tiers.get(0));
      all.addAll(tiers.get(1));
      all.sort(java.util.Comparator.comparing((Node n) -> n.getBegin().get()));
      all = restrictToBody(all, f);
      return new Candidates(best.isEmpty() ? all : best, all);
    }
    List<Node> c = candidates(u, f, kind, types);
    return new Candidates(c, c);
  }

  private static List<List<Node>> boxTiers(SourceUnit u, Finding f, Types types) {
    List<Node> onLine = u.nodesStartingOn(f.pos().line());
    return boxes(u, onLine, f.subject() == null ? "" : f.subject(), types);
  }

  /**
   * The candidates on {@code f}'s line that match it, in source order (most specific evidence
   * first); when none starts on the line, those of the statement around it (see
   * {@link #inEnclosingStatement}).
   */
  static List<Node> candidates(SourceUnit u, Finding f, Kind kind, Types types) {
    int line = f.pos().line();
    List<Node> onLine = u.nodesStartingOn(line);
    List<Node> out = List.of();
    if (!onLine.isEmpty()) {
      out = matching(u, onLine, f, kind, types);
      if (out.isEmpty() && kind == Kind.PARAM) out = paramOfMethodAround(u, line, f, f.subject() == null ? "" : f.subject());
    }
    if (out.isEmpty() && MULTI_LINE.contains(kind)) out = inEnclosingStatement(u, f, kind, types);
    return restrictToBody(out, f);
  }

  /** Kinds whose expression may start on another line than the instruction the line table gives. */
  private static final Set<Kind> MULTI_LINE = java.util.EnumSet.of(Kind.NEW_OBJECT, Kind.ANONYMOUS, Kind.NEW_ARRAY,
      Kind.VARARGS, Kind.LAMBDA, Kind.METHOD_REF, Kind.CONCAT);

  private static List<Node> matching(SourceUnit u, List<Node> nodes, Finding f, Kind kind, Types types) {
    String subject = f.subject() == null ? "" : f.subject();
    return switch (kind) {
      case NEW_OBJECT -> newObjects(u, nodes, subject, f.message() == null ? "" : f.message(), false);
      case ANONYMOUS -> newObjects(u, nodes, subject, "", true);
      case NEW_ARRAY -> arrays(u, nodes, subject);
      case BOXING -> boxes(u, nodes, subject, types).get(0);
      case VARARGS -> varargs(nodes, f);
      // bytecode cannot tell a lambda from a method reference (both are invokedynamic): when the
      // line has none of the kind named, the other kind is taken
      case LAMBDA -> {
        List<Node> l = lambdas(nodes, f);
        yield l.isEmpty() ? methodRefs(u, nodes, subject) : l;
      }
      case METHOD_REF -> {
        List<Node> r = methodRefs(u, nodes, subject);
        yield r.isEmpty() ? lambdas(nodes, f) : r;
      }
      case CONCAT -> concats(u, nodes, f, types);
      case PARAM -> params(nodes, subject);
      default -> List.of();
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
  static List<Node> inEnclosingStatement(SourceUnit u, Finding f, Kind kind, Types types) {
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
    java.util.Comparator<Node> order = java.util.Comparator.comparing((Node n) -> n.getBegin().get());
    before.sort(order);
    after.sort(order);
    List<List<Node>> tiers = first == line ? List.of(after, before) : List.of(before, after);
    for (List<Node> tier : tiers) {
      if (tier.isEmpty()) continue;
      List<Node> m = matching(u, tier, f, kind, types);
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
    return (n instanceof Statement && !(n instanceof com.github.javaparser.ast.stmt.BlockStmt))
        || n instanceof com.github.javaparser.ast.body.FieldDeclaration;
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

  static String norm(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }

  /** The nodes whose source text is {@code subject} (white space ignored), if any. */
  private static List<Node> textual(SourceUnit u, List<? extends Node> nodes, String subject) {
    String want = norm(subject);
    List<Node> out = new ArrayList<>();
    if (want.isEmpty()) return out;
    for (Node n : nodes) if (want.equals(norm(u.source(n)))) out.add(n);
    return out;
  }

  private static String lastSegment(String name) {
    String s = name;
    int lt = s.indexOf('<');
    if (lt >= 0) s = s.substring(0, lt);
    int dot = Math.max(s.lastIndexOf('.'), s.lastIndexOf('$'));
    return dot >= 0 ? s.substring(dot + 1) : s;
  }

  private static final Pattern NEW_TYPE = Pattern.compile("^new\\s+([\\w$.]+)");

  private static final Pattern STATIC_FIELD = Pattern.compile("static field ([\\w$.]+)");

  /**
   * An enum constant creates its object without {@code new} in the source: javac positions it at
   * the constant. Several on a line are told apart by the static field the message names.
   */
  private static List<Node> enumConstants(List<Node> onLine, String subject, String message) {
    Matcher m = NEW_TYPE.matcher(subject);
    String type = m.find() ? lastSegment(m.group(1)) : null;
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof com.github.javaparser.ast.body.EnumConstantDeclaration ec && ec.getClassBody().isEmpty()
          && ec.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.EnumDeclaration ed
          && (type == null || ed.getNameAsString().equals(type))) {
        all.add(n);
      }
    }
    if (all.size() <= 1) return all;
    Matcher f = STATIC_FIELD.matcher(message);
    if (f.find()) {
      String field = lastSegment(f.group(1));
      for (Node n : all) {
        if (((com.github.javaparser.ast.body.EnumConstantDeclaration) n).getNameAsString().equals(field)) return List.of(n);
      }
    }
    return all;
  }

  private static List<Node> newObjects(SourceUnit u, List<Node> onLine, String subject, String message, boolean anonymous) {
    List<ObjectCreationExpr> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent() == anonymous) all.add(oce);
    }
    if (all.isEmpty() && !anonymous) return enumConstants(onLine, subject, message);
    if (all.size() <= 1) return new ArrayList<>(all);
    List<Node> text = textual(u, all, subject);
    if (!text.isEmpty()) return text;
    String type = null;
    if (anonymous && subject.startsWith("anonymous ")) {
      type = lastSegment(subject.substring("anonymous ".length()).trim());
    } else {
      Matcher m = NEW_TYPE.matcher(subject);
      if (m.find()) type = lastSegment(m.group(1));
    }
    if (type == null || type.isEmpty()) return new ArrayList<>(all);
    List<Node> out = new ArrayList<>();
    for (ObjectCreationExpr oce : all) if (oce.getType().getNameAsString().equals(type)) out.add(oce);
    return out;
  }

  private static List<Node> arrays(SourceUnit u, List<Node> onLine, String subject) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof ArrayCreationExpr) all.add(n);
      else if (n instanceof ArrayInitializerExpr && !(n.getParentNode().orElse(null) instanceof ArrayCreationExpr)) all.add(n);
    }
    if (all.size() <= 1) return all;
    List<Node> text = textual(u, all, subject);
    if (!text.isEmpty()) return text;
    List<Node> out = new ArrayList<>();
    if (subject.endsWith(" initializer")) {
      for (Node n : all) if (n instanceof ArrayInitializerExpr) out.add(n);
      return out;
    }
    Matcher m = NEW_TYPE.matcher(subject);
    if (!m.find()) return all;
    String elem = lastSegment(m.group(1));
    for (Node n : all) {
      if (n instanceof ArrayCreationExpr ace && lastSegment(ace.getElementType().asString()).equals(elem)) out.add(n);
    }
    return out;
  }

  // ---- boxing ----

  private static final Pattern BOXING = Pattern.compile("^boxing\\s+(\\w+)\\s+to\\s+([\\w.$]+)");

  /**
   * Boxing candidates in three tiers: the conversions whose operand type and reference target are
   * known; then those whose operand type is known but whose target could not be resolved; nothing
   * is guessed from syntax alone except literals and {@code valueOf} calls.
   */
  private static List<List<Node>> boxes(SourceUnit u, List<Node> onLine, String subject, Types types) {
    Matcher m = BOXING.matcher(subject);
    String prim = m.find() ? m.group(1) : null;
    String box = prim != null ? lastSegment(m.group(2)) : null;
    // identity sets: JavaParser nodes are equal when they look the same (two 'c's on one line)
    Set<Node> strong = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<Node> weak = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Node n : onLine) {
      // explicit valueOf
      if (n instanceof MethodCallExpr call && call.getNameAsString().equals("valueOf") && call.getArguments().size() == 1
          && call.getScope().isPresent()) {
        String scope = lastSegment(call.getScope().get().toString());
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
        if (t != null && box != null && lastSegment(t).equals(box)) strong.add(n);
        continue;
      }
      if (n instanceof AssignExpr ae && ae.getOperator() != AssignExpr.Operator.ASSIGN) {
        String t = referenceName(types.typeOf(ae.getTarget()));
        if (t != null && box != null && lastSegment(t).equals(box)) strong.add(n);
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
      if (neverAllocates(e, box)) continue;
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

  /**
   * A compile-time constant inside the box's {@code valueOf} cache (Integer, Short, Long
   * -128..127; Character 0..127), and Boolean / Byte: no allocation, so no rule reports it.
   */
  private static boolean neverAllocates(Expression e, String box) {
    if (box == null) return false;
    if (box.equals("Boolean") || box.equals("Byte")) return true;
    Long v = constant(e);
    if (v == null) return false;
    return switch (box) {
      case "Integer", "Short", "Long" -> v >= -128 && v <= 127;
      case "Character" -> v >= 0 && v <= 127;
      default -> false;
    };
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
  static String primitiveOf(Expression e, Types types) {
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
  private static int boxingContext(Expression e, Types types) {
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
          if (pt.isArray() && call.getArguments().size() != n) pt = pt.asArrayType().getComponentType();
          else if (pt.isArray() && index == n - 1) {
            // one argument in the variadic position: an array passed as is, or one element
            ResolvedType at = types.typeOf(e);
            if (at == null || !at.isArray()) pt = pt.asArrayType().getComponentType();
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

  private static int indexOf(List<? extends Node> list, Node n) {
    for (int i = 0; i < list.size(); i++) if (list.get(i) == n) return i;
    return -1;
  }

  // ---- varargs ----

  private static final Pattern VARARGS_CALLEE = Pattern.compile("\\bfor\\s+(new\\s+)?([\\w$.]+)\\s*$");
  private static final Pattern VARARGS_MESSAGE = Pattern.compile("^varargs call to (new )?([\\w$.]+) allocates (an empty|a new [^\\[]*\\[(\\d*)\\])");

  private static List<Node> varargs(List<Node> onLine, Finding f) {
    String subject = f.subject() == null ? "" : f.subject();
    boolean ctor = false;
    String callee = null;
    int count = -1;
    Matcher m = VARARGS_MESSAGE.matcher(f.message() == null ? "" : f.message());
    if (m.find()) {
      ctor = m.group(1) != null;
      callee = m.group(2);
      if (m.group(3).equals("an empty")) count = 0;
      else if (m.group(4) != null && !m.group(4).isEmpty()) count = Integer.parseInt(m.group(4));
    } else {
      Matcher s = VARARGS_CALLEE.matcher(subject);
      if (s.find()) {
        ctor = s.group(1) != null;
        callee = s.group(2);
      }
    }
    String name = callee == null ? null : (ctor ? lastSegment(callee) : callee.substring(callee.lastIndexOf('.') + 1));
    boolean ctorName = ctor || "<init>".equals(name);
    if (name != null && name.equals("<init>")) name = callee.contains(".") ? lastSegment(callee.substring(0, callee.lastIndexOf('.'))) : null;
    List<Node> out = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof MethodCallExpr mc && !ctorName) {
        if (name != null && !mc.getNameAsString().equals(name)) continue;
        if (count > 0 && mc.getArguments().size() < count) continue;
        out.add(n);
      } else if (n instanceof ObjectCreationExpr oce && (ctorName || name == null)) {
        if (name != null && !oce.getType().getNameAsString().equals(name)) continue;
        if (count > 0 && oce.getArguments().size() < count) continue;
        out.add(n);
      } else if (n instanceof ExplicitConstructorInvocationStmt ec && (ctorName || name == null)) {
        if (count > 0 && ec.getArguments().size() < count) continue;
        out.add(n);
      }
    }
    return out;
  }

  // ---- lambdas, method references ----

  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

  private static List<Node> lambdas(List<Node> onLine, Finding f) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) if (n instanceof LambdaExpr) all.add(n);
    if (all.size() <= 1) return all;
    String names = f.subject() != null && f.subject().startsWith("lambda capturing") ? f.subject()
        : f.message() != null && f.message().contains("because it captures") ? f.message().substring(f.message().indexOf("because it captures")) : "";
    List<String> captured = new ArrayList<>();
    Matcher m = QUOTED.matcher(names);
    while (m.find()) if (!m.group(1).equals("this")) captured.add(m.group(1));
    if (captured.isEmpty()) return all;
    List<Node> out = new ArrayList<>();
    for (Node n : all) {
      LambdaExpr l = (LambdaExpr) n;
      boolean every = true;
      for (String c : captured) {
        boolean used = l.getBody().findFirst(NameExpr.class, ne -> ne.getNameAsString().equals(c)).isPresent();
        boolean isParam = l.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(c));
        if (!used || isParam) every = false;
      }
      if (every) out.add(n);
    }
    return out;
  }

  private static List<Node> methodRefs(SourceUnit u, List<Node> onLine, String subject) {
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (!(n instanceof MethodReferenceExpr mr)) continue;
      // Type::m and Type::new are constants; a type name starts upper case by convention
      if (mr.getScope() instanceof TypeExpr te && Character.isUpperCase(lastSegment(te.getType().asString()).charAt(0))) continue;
      all.add(n);
    }
    if (all.size() <= 1) return all;
    String prefix = "bound method reference ";
    if (subject.startsWith(prefix)) {
      List<Node> text = textual(u, all, subject.substring(prefix.length()));
      if (!text.isEmpty()) return text;
    }
    return all;
  }

  // ---- string concatenation ----

  private static final Pattern ACCUMULATOR = Pattern.compile("^'([^']+) \\+= …'");

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

  private static List<Node> concats(SourceUnit u, List<Node> onLine, Finding f, Types types) {
    String subject = f.subject() == null ? "" : f.subject();
    Matcher m = ACCUMULATOR.matcher(f.message() == null ? "" : f.message());
    String var = m.find() ? m.group(1) : null;
    List<Node> all = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof AssignExpr ae && ae.getOperator() == AssignExpr.Operator.PLUS) {
        all.add(n);
      } else if (n instanceof BinaryExpr be && be.getOperator() == BinaryExpr.Operator.PLUS && !insidePlus(be)) {
        all.add(n);
      }
    }
    if (var != null) {
      List<Node> out = new ArrayList<>();
      for (Node n : all) {
        if (n instanceof AssignExpr ae && sameVar(ae.getTarget(), var)) out.add(n);
        else if (n instanceof BinaryExpr be && assignedTo(be) != null && sameVar(assignedTo(be), var)) out.add(n);
      }
      return out;
    }
    List<Node> text = textual(u, all, subject);
    if (!text.isEmpty()) return text;
    // "string +=" is an accumulation, "string concatenation" a + chain (of type String)
    List<Node> out = new ArrayList<>();
    for (Node n : all) {
      if (n instanceof AssignExpr) {
        if (!subject.startsWith("string concatenation")) out.add(n);
      } else if (!subject.startsWith("string +=")) {
        if (isStringConcat((BinaryExpr) n, types)) out.add(n);
      } else if (accumulates((BinaryExpr) n)) {
        // s = s + x: the accumulation javac positions at the s + x
        out.add(n);
      }
    }
    if (out.isEmpty() && subject.startsWith("string concatenation")) {
      // s += x outside a loop: the front end does not call it an accumulation
      for (Node n : all) if (n instanceof AssignExpr) out.add(n);
    }
    return out;
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

  private static List<Node> params(List<Node> onLine, String subject) {
    String name = subject.startsWith("param ") ? subject.substring("param ".length()).trim() : null;
    List<Node> out = new ArrayList<>();
    for (Node n : onLine) {
      if (n instanceof Parameter p && (name == null || p.getNameAsString().equals(name))) out.add(n);
    }
    return out;
  }

  /**
   * Class files do not know where parameters are declared: a front end may report a parameter at
   * its method's first line. The parameter of that name of the method (named as the finding's)
   * whose body holds the line, at its declaration.
   */
  private static List<Node> paramOfMethodAround(SourceUnit u, int line, Finding f, String subject) {
    if (!subject.startsWith("param ") || u.unit == null) return List.of();
    String name = subject.substring("param ".length()).trim();
    String method = f.method() == null ? null : f.method().name();
    com.github.javaparser.ast.body.CallableDeclaration<?> best = null;
    for (com.github.javaparser.ast.body.CallableDeclaration<?> c : u.unit.findAll(com.github.javaparser.ast.body.CallableDeclaration.class)) {
      if (c.getBegin().isEmpty() || c.getEnd().isEmpty()) continue;
      if (c.getBegin().get().line > line || c.getEnd().get().line < line) continue;
      boolean ctor = c instanceof com.github.javaparser.ast.body.ConstructorDeclaration;
      if (method != null && !(ctor ? method.equals("<init>") : c.getNameAsString().equals(method))) continue;
      if (best == null || c.getBegin().get().isAfter(best.getBegin().get())) best = c;
    }
    if (best == null) return List.of();
    for (Parameter p : best.getParameters()) if (p.getNameAsString().equals(name)) return List.of(p);
    return List.of();
  }
}
