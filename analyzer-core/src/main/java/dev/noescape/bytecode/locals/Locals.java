package dev.noescape.bytecode.locals;

import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.SymbolicExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sootup.core.jimple.common.Immediate;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.constant.DoubleConstant;
import sootup.core.jimple.common.constant.FloatConstant;
import sootup.core.jimple.common.constant.IntConstant;
import sootup.core.jimple.common.constant.LongConstant;
import sootup.core.jimple.common.constant.NullConstant;
import sootup.core.jimple.common.constant.StringConstant;
import sootup.core.jimple.common.expr.AbstractBinopExpr;
import sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JCastExpr;
import sootup.core.jimple.common.expr.JLengthExpr;
import sootup.core.jimple.common.expr.JNegExpr;
import sootup.core.jimple.common.expr.JStaticInvokeExpr;
import sootup.core.jimple.common.ref.JArrayRef;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.Stmt;

/**
 * What the locals of one Jimple body stand for in the source.
 *
 * <p>SootUp names a local after the LocalVariableTable when the class was compiled with {@code -g}
 * ({@code head}, {@code i}); operand-stack temporaries are {@code $stackN}, cast copies {@code #lN},
 * and slots without a table entry {@code lN} — exactly javac's synthetic variables (the array copy,
 * length and index of an enhanced for, its iterator). So "has a source name" is "is not named like
 * SootUp's temporaries", and a temporary is rendered by what defines it: the symbolic forms the
 * rules print ({@code orders.size()}, {@code parts.length - 1}) come from following the single
 * definition of each temporary back to named locals, fields and constants.
 */
public final class Locals {
  private final Map<Local, Stmt> singleDef = new HashMap<>();
  private final Map<Local, Integer> defCount = new HashMap<>();
  private final String ownerClass;

  /** Source names of split locals that SootUp named after another variable of their slot. */
  private final Map<Local, String> renamed = new HashMap<>();

  /**
   * One LocalVariableTable entry: its slot, its name, and the line of the store that starts it (the
   * instruction before the entry's range).
   */
  public record Var(int slot, String name, int storeLine) {}

  public Locals(List<Stmt> stmts, String ownerClass) {
    this(stmts, ownerClass, List.of());
  }

  /**
   * @param vars the method's LocalVariableTable when it reuses slots for differently named
   *     variables (else empty): SootUp names every variable of a reused slot after one entry of the
   *     slot ({@code i#1} for the {@code orders} that took a loop's {@code i} slot, {@code i_1#1} for
   *     one that took the slot of a second {@code i}); a split local is given the name of the entry
   *     whose store is on the line of its first definition, among the entries of slots that hold
   *     the name SootUp gave it, when that is one name
   */
  public Locals(List<Stmt> stmts, String ownerClass, List<Var> vars) {
    this.ownerClass = ownerClass;
    Map<Local, Stmt> firstDef = new HashMap<>();
    for (Stmt s : stmts) {
      if (s instanceof JAssignStmt a && a.getLeftOp() instanceof Local l) {
        defCount.merge(l, 1, Integer::sum);
        singleDef.put(l, s);
        firstDef.putIfAbsent(l, s);
      }
    }
    defCount.forEach((l, c) -> {
      if (c > 1) singleDef.remove(l);
    });
    if (!vars.isEmpty()) rename(firstDef, vars);
  }

  private void rename(Map<Local, Stmt> firstDef, List<Var> vars) {
    Map<Integer, java.util.Set<String>> slotNames = new HashMap<>();
    for (Var v : vars) slotNames.computeIfAbsent(v.slot(), k -> new java.util.HashSet<>()).add(v.name());
    firstDef.forEach((l, s) -> {
      String n = l.getName();
      int h = n.indexOf('#');
      if (h <= 0 || !named(l)) return;
      String base = n.substring(0, h);
      String stripped = base.replaceFirst("_\\d+$", "");
      int line = s.getPositionInfo().getStmtPosition().getFirstLine();
      java.util.Set<String> found = new java.util.HashSet<>();
      for (Var v : vars) {
        if (v.storeLine() != line) continue;
        java.util.Set<String> names = slotNames.get(v.slot());
        if (names.contains(base) || names.contains(stripped)) found.add(v.name());
      }
      if (found.size() == 1) renamed.put(l, found.iterator().next());
    });
  }

  /** The source name of a named local: {@link #sourceName}, corrected for reused slots. */
  public String name(Local l) {
    String r = renamed.get(l);
    return r != null ? r : sourceName(l);
  }

  /** Whether the local has a name from the LocalVariableTable (or is {@code this}). */
  public static boolean named(Local l) {
    String n = l.getName();
    if (n.startsWith("$") || n.startsWith("#")) return false;
    if (n.indexOf('#') > 0) n = n.substring(0, n.indexOf('#'));
    if (n.length() > 1 && n.charAt(0) == 'l' && n.chars().skip(1).allMatch(Character::isDigit)) return false;
    return true;
  }

  /**
   * Named, and the name is certain: SootUp names every version of a reused slot after a
   * LocalVariableTable entry of that slot and marks the split versions {@code x#n}, so a
   * {@code #}-suffixed name may belong to a later variable of the same slot (javac reuses the slots
   * of its synthetic loop variables). Loop shapes ask this; messages use {@link #sourceName}.
   */
  public static boolean reliablyNamed(Local l) {
    return named(l) && l.getName().indexOf('#') < 0;
  }

  /**
   * A definition javac's synthetic loop variables have: a copy of a local or field (the array of an
   * enhanced for), possibly cast. A {@code #}-named local defined otherwise is the variable its name
   * says.
   */
  public static boolean copyLike(Value d) {
    if (d instanceof JCastExpr c) d = c.getOp();
    if (d instanceof Local l) return named(l);
    return d instanceof JInstanceFieldRef || d instanceof JStaticFieldRef;
  }

  /** The source name of a named local: SootUp's local splitter appends {@code #n} to the versions of one variable. */
  public static String sourceName(Local l) {
    String n = l.getName();
    int h = n.indexOf('#');
    return h > 0 ? n.substring(0, h) : n;
  }

  /** The right-hand side of the one assignment to {@code l}, or null. */
  public Value def(Local l) {
    Stmt s = singleDef.get(l);
    return s instanceof JAssignStmt a ? a.getRightOp() : null;
  }

  public Stmt defStmt(Local l) {
    return singleDef.get(l);
  }

  public int defs(Local l) {
    return defCount.getOrDefault(l, 0);
  }

  /** Follows copies and casts of unnamed temporaries back to the local they copy. */
  public Local root(Local l) {
    for (int i = 0; i < 8; i++) {
      if (reliablyNamed(l)) return l;
      Value d = def(l);
      if (d instanceof JCastExpr c && c.getOp() instanceof Local x) l = x;
      else if (d instanceof Local x) l = x;
      else return l;
    }
    return l;
  }

  /** The symbolic form of a value: source-like text, with the constant value when it is one. */
  public SymbolicExpr symbolic(Value v) {
    String t = text(v, 0);
    if (t == null) return null;
    Long c = constant(v);
    return c == null ? SymbolicExpr.of(t) : new SymbolicExpr(t, SymbolicExpr.canonicalKey(t), c);
  }

  /**
   * What a value was computed from: temporaries and locals assigned once are followed to their
   * definition (a call's result, an expression); {@code v} itself otherwise.
   */
  public Value origin(Value v) {
    for (int i = 0; i < 4 && v instanceof Local l && (!named(l) || defs(l) == 1) && def(l) != null; i++) v = def(l);
    return v;
  }

  /** The integral constant a value has, following temporaries, or null. */
  public Long constant(Value v) {
    for (int i = 0; i < 4 && v instanceof Local l && !named(l); i++) v = def(l);
    if (v instanceof IntConstant c) return (long) c.getValue();
    if (v instanceof LongConstant c) return c.getValue();
    return null;
  }

  /** Source-like text of a value, or null when it cannot be rendered. */
  public String text(Value v, int depth) {
    if (v == null || depth > 8) return null;
    if (v instanceof Local l) {
      if (reliablyNamed(l)) return name(l);
      Value d = def(l);
      if (named(l) && !copyLike(d)) return name(l);
      return d == null ? (named(l) ? name(l) : null) : text(d, depth + 1);
    }
    if (v instanceof IntConstant c) return Integer.toString(c.getValue());
    if (v instanceof LongConstant c) return c.getValue() + "L";
    if (v instanceof FloatConstant c) return c.getValue() + "f";
    if (v instanceof DoubleConstant c) return Double.toString(c.getValue());
    if (v instanceof StringConstant c) return literal(c.getValue());
    if (v instanceof NullConstant) return "null";
    if (v instanceof JCastExpr c) return text(c.getOp(), depth + 1);
    if (v instanceof JLengthExpr le) {
      String b = text(le.getOp(), depth + 1);
      return b == null ? null : b + ".length";
    }
    if (v instanceof JNegExpr ne) {
      String b = text(ne.getOp(), depth + 1);
      return b == null ? null : "-" + b;
    }
    if (v instanceof JInstanceFieldRef f) {
      String b = text(f.getBase(), depth + 1);
      if (b == null) return null;
      String name = f.getFieldSignature().getName();
      return b.equals("this") ? name : b + "." + name;
    }
    if (v instanceof JStaticFieldRef f) {
      String owner = f.getFieldSignature().getDeclClassType().getFullyQualifiedName();
      String name = f.getFieldSignature().getName();
      return owner.equals(ownerClass) ? name : BinaryNames.simple(owner) + "." + name;
    }
    if (v instanceof JArrayRef a) {
      String b = text(a.getBase(), depth + 1);
      String i = text(a.getIndex(), depth + 1);
      return b == null || i == null ? null : b + "[" + i + "]";
    }
    if (v instanceof AbstractBinopExpr b) {
      String op = b.getSymbol().trim();
      if (op.equals("cmp") || op.equals("cmpl") || op.equals("cmpg")) return null;
      String l = text(b.getOp1(), depth + 1);
      String r = text(b.getOp2(), depth + 1);
      if (l == null || r == null) return null;
      if (b.getOp2() instanceof Local rl && !named(rl) && def(rl) instanceof AbstractBinopExpr) r = "(" + r + ")";
      return l + " " + op + " " + r;
    }
    if (v instanceof AbstractInvokeExpr ie) {
      StringBuilder sb = new StringBuilder();
      if (ie instanceof AbstractInstanceInvokeExpr ii) {
        String b = text(ii.getBase(), depth + 1);
        if (b == null) return null;
        if (!b.equals("this")) sb.append(b).append('.');
      } else if (ie instanceof JStaticInvokeExpr) {
        String owner = ie.getMethodSignature().getDeclClassType().getFullyQualifiedName();
        if (!owner.equals(ownerClass)) sb.append(BinaryNames.simple(owner)).append('.');
      } else {
        return null;
      }
      sb.append(ie.getMethodSignature().getName()).append('(');
      List<Immediate> args = ie.getArgs();
      for (int i = 0; i < args.size(); i++) {
        String a = text(args.get(i), depth + 1);
        if (a == null) return null;
        if (i > 0) sb.append(", ");
        sb.append(a);
      }
      return sb.append(')').toString();
    }
    return null;
  }

  /**
   * A string constant as source writes it: {@code " \t\n"}. Messages are one line each (the text
   * report and the reason chains are line-oriented), so control characters are never written raw.
   */
  static String literal(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      int escape = ESCAPED.indexOf(ch);
      if (escape >= 0) {
        sb.append('\\').append(ESCAPES.charAt(escape));
      } else if (ch < ' ' || Character.getType(ch) == Character.LINE_SEPARATOR
          || Character.getType(ch) == Character.PARAGRAPH_SEPARATOR) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }

  /** The characters a Java string literal escapes with a letter, and those letters. */
  private static final String ESCAPED = "\"\\\n\r\t\f\b", ESCAPES = "\"\\nrtfb";
}
