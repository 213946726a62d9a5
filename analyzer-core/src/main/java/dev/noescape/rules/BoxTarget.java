package dev.noescape.rules;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Origins;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.Var;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a boxed value goes, which decides whether the box is required and so what the advice is.
 * A box handed to a method that takes an object ({@code list.add(i)}, {@code adapter.write(out, n)}),
 * returned as an object, or stored into a field or an array of objects has to be an object: "keep
 * the value primitive" cannot compile there. Only a box kept in a local (an {@code Integer} local
 * used for arithmetic or comparison, or handed on only after its loop) can simply stay primitive.
 *
 * <p>Read from the IR, flow-insensitively: the box's variable and its copies, and the first
 * statement in program order that hands one of them on. A box kept in a local of its own type
 * ({@code Integer x = v;}, {@code final Integer x = Integer.valueOf(v);}) is followed to its uses
 * in the same iteration ({@link #of}): when one of them hands it on where an object is required
 * ({@code list.add(i, x)}), the box is required there as much as in {@code list.add(i, v)}, and the
 * target is that use, with its line ({@link #kept}, {@link #at}).
 *
 * @param kind where the box goes
 * @param callee for {@link Kind#ARGUMENT}: the method it is passed to
 * @param param for {@link Kind#ARGUMENT}: the declared parameter's index
 * @param field for {@link Kind#FIELD}: the field it is stored into
 * @param variable for {@link Kind#VARIABLE}: the local of a wider type it is assigned to; for
 *     {@link Kind#ARGUMENT} of an instance method: the call's receiver
 * @param call for {@link Kind#ARGUMENT}: the call it is passed to
 * @param kept the named local of the box's own type the box is kept in on its way to the use that
 *     requires it in the same iteration; null when the box goes there straight (through
 *     temporaries only) or requires nothing
 * @param useLine when {@code kept} is not null: the line of that use
 */
record BoxTarget(Kind kind, MethodRef callee, int param, FieldRef field, Var variable, Stmt.Call call, Var kept, int useLine) {
  enum Kind {
    /** Passed to a method parameter (of an object type: that is why it was boxed). */
    ARGUMENT,
    /** Returned by the method (its return type is an object type). */
    RETURNED,
    /** Stored into a field. */
    FIELD,
    /** Stored into an array of objects. */
    ARRAY,
    /** Assigned to a local of a wider object type ({@code Object}, {@code Number}). */
    VARIABLE,
    /** None of the above: kept in a local or used as a receiver. */
    LOCAL
  }

  private static final BoxTarget LOCAL = new BoxTarget(Kind.LOCAL, null, -1, null, null, null, null, -1);

  /**
   * Where the box made at {@code box} goes in {@code m}. Temporaries (and copies into them) are
   * followed to their first use. A box assigned to a local of a wider type ({@code Object value = f})
   * holds an object whatever happens to it later. A local declared with the box type
   * ({@code Character ch = s.charAt(i)}) was the author's choice and can be primitive, unless a use
   * that runs whenever the box is made, later in the same iteration ({@link #sameIteration}), hands
   * the box on where an object is required: then every box is needed there, and keeping the local
   * primitive would only move the box to that use. A use after the loop ({@code Long ticks} counted
   * in the loop, added once after it) or a return from it needs one box, made there, and a use under
   * a condition of its own fewer boxes than the local: the local can stay primitive in the loop.
   */
  static BoxTarget of(MethodIR m, AllocSite box) {
    Set<Var> vars = new HashSet<>();
    for (Stmt st : m.stmts()) if (st instanceof Stmt.Alloc a && a.site().id() == box.id()) vars.add(a.target());
    if (vars.isEmpty()) return LOCAL;
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Stmt st : m.stmts()) {
        if (st instanceof Stmt.Copy c && vars.contains(c.source())) grew |= vars.add(c.target());
      }
    }
    for (Var v : vars) {
      if (v.isTemporary()) continue;
      if (!box.type().equals(v.type())) return new BoxTarget(Kind.VARIABLE, null, -1, null, v, null, null, -1);
      BoxTarget use = handedOn(m, vars, box.ctx(), v);
      return use != null ? use : LOCAL;
    }
    BoxTarget use = handedOn(m, vars, null, null);
    return use != null ? use : LOCAL;
  }

  /**
   * Whether {@code use}, later than the box made at {@code box} in program order, hands on that
   * iteration's box: it is in the box's innermost loop, up to its end (outside loops: in the rest of
   * the method), and runs whenever the box is made, so that a primitive local would be boxed there
   * as often. It runs once per iteration, or outside loops on every path, or in the arm of a branch
   * the box is made in or an arm enclosing it ({@link dev.noescape.ir.Arms#runsWhenever}). A use under
   * a condition of its own runs on fewer iterations than the box: keeping the local primitive and
   * boxing there saves the others (snakeyaml's {@code Emitter.writeDoubleQuoted}: a {@code Character}
   * read on every iteration, looked up in a map only for the characters it escapes). A use in a loop
   * nested in the box's is not counted either: the IR does not say whether that loop runs. A return
   * in a loop runs once, on the way out of it, where one box made at the return would do (and the
   * bytecode's loop does not hold it).
   */
  private static boolean sameIteration(MethodIR m, StmtContext box, Stmt use) {
    StmtContext u = use.ctx();
    if (u.ordinal() <= box.ordinal()) return false;
    Loop l = RuleSupport.loop(m, box.loopId());
    if (l != null && (use instanceof Stmt.Return || u.ordinal() > l.lastOrdinal() || u.loopId() != l.id())) return false;
    boolean always = l != null ? u.oncePerIteration() : !u.conditional();
    return always || m.control().arms().runsWhenever(u.ordinal(), box.ordinal());
  }

  /**
   * The first statement in program order that hands one of {@code vars} on where an object is
   * required (an argument other than the receiver, a returned value, a value stored into a field or
   * an array), as a target; null when none does. With {@code box}, the context of a box kept in the
   * named local {@code kept}: only a use that hands on the box of the same iteration counts
   * ({@link #sameIteration}), and the target names its line.
   */
  private static BoxTarget handedOn(MethodIR m, Set<Var> vars, StmtContext box, Var kept) {
    for (Stmt st : m.stmts()) {
      if (box != null && !sameIteration(m, box, st)) continue;
      int line = kept == null ? -1 : st.ctx().pos().line();
      if (st instanceof Stmt.Call c) {
        int first = c.callee().isStatic() ? 0 : 1;
        for (int i = first; i < c.args().size(); i++) {
          if (vars.contains(c.args().get(i))) {
            return new BoxTarget(Kind.ARGUMENT, c.callee(), i - first, null, first == 1 ? c.args().get(0) : null, c, kept, line);
          }
        }
      } else if (st instanceof Stmt.Return r && vars.contains(r.value())) {
        return new BoxTarget(Kind.RETURNED, null, -1, null, null, null, kept, line);
      } else if (st instanceof Stmt.Store s && vars.contains(s.value())) {
        return FieldRef.ARRAY_ELEMENT.equals(s.field())
            ? new BoxTarget(Kind.ARRAY, null, -1, null, null, null, kept, line)
            : new BoxTarget(Kind.FIELD, null, -1, s.field(), null, null, kept, line);
      } else if (st instanceof Stmt.StaticStore s && vars.contains(s.value())) {
        return new BoxTarget(Kind.FIELD, null, -1, s.field(), null, null, kept, line);
      }
    }
    return null;
  }

  /**
   * Where the message says the use is, after "takes an object", "holds an object": its line when
   * the box reaches it through a local ({@code " (line 12)"}), else nothing (the use is the box's
   * own expression).
   */
  String at() {
    return kept == null ? "" : " (line " + useLine + ")";
  }

  /**
   * Whether the box is kept in a named local: one the author declared (a declaration a
   * {@code @SuppressWarnings} can sit on), of the box's type or a wider one.
   */
  boolean inNamedLocal() {
    return kind == Kind.LOCAL || kind == Kind.VARIABLE || kept != null;
  }

  /** Whether the value has to be an object where it goes. */
  boolean requiresBox() {
    return kind != Kind.LOCAL;
  }

  /**
   * Whether the box is passed to a {@code java.util} or {@code java.util.concurrent} collection or
   * map: the boxes a primitive collection would remove.
   */
  boolean isCollection() {
    if (kind != Kind.ARGUMENT) return false;
    String owner = callee.owner();
    String pkg = owner.substring(0, Math.max(owner.lastIndexOf('.'), 0));
    if (!pkg.equals("java.util") && !pkg.equals("java.util.concurrent")) return false;
    String name = owner.substring(owner.lastIndexOf('.') + 1);
    return name.equals("Collection") || name.endsWith("List") || name.endsWith("Set") || name.endsWith("Map")
        || name.endsWith("Queue") || name.endsWith("Deque") || name.equals("Vector") || name.equals("Stack")
        || name.equals("Hashtable");
  }

  /**
   * The parameter of {@code m} the collection the box goes into comes from ({@link #isCollection}):
   * the caller's collection ({@code retainAll(Collection<?> c)}, {@code equals(Object o)} cast to a
   * {@code Map}), whose type is the caller's choice and the method's signature, so "use a primitive
   * collection" cannot apply to it; null when the collection is the project's own (a local, a field,
   * what a call returns) or the box goes into no collection. Agrona's own primitive maps box their
   * keys to look them up in the other map of {@code equals}: "use a primitive collection (Agrona)"
   * was said inside Agrona.
   */
  Var callersCollection(MethodIR m) {
    if (!isCollection() || variable == null) return null;
    // the receiver is a parameter, or holds only what one holds: every definition of it, and of
    // what it is copied from, a copy or cast of that one parameter
    Origins o = Origins.of(m, variable);
    return o.complete() && o.definitions().isEmpty() && o.params().size() == 1 ? o.params().get(0) : null;
  }

  /**
   * The primitive specialization of the {@code java.util.function} interface the box is passed to
   * ({@code IntPredicate} for {@code Predicate.test} of an {@code int}), or null when there is none or
   * when the functional object is a parameter of the method (changing its type changes the signature).
   */
  String primitiveFunctionalInterface(String primitive) {
    if (kind != Kind.ARGUMENT || !callee.owner().startsWith("java.util.function.")) return null;
    // a functional object the method receives is part of its signature, which may be public API:
    // only one the method makes or reads itself is the project's own to change
    if (variable != null && variable.isParam()) return null;
    String prefix = switch (primitive) {
      case "int", "short", "char", "byte" -> "Int";
      case "long" -> "Long";
      case "double", "float" -> "Double";
      default -> null;
    };
    String base = FUNCTIONAL.get(callee.owner().substring("java.util.function.".length()));
    return prefix == null || base == null ? null : prefix + base;
  }

  /** The {@code java.util.function} interfaces whose one-argument form has {@code Int}/{@code Long}/{@code Double} versions. */
  private static final Map<String, String> FUNCTIONAL = Map.of(
      "Predicate", "Predicate",
      "Function", "Function",
      "Consumer", "Consumer",
      "UnaryOperator", "UnaryOperator",
      "BinaryOperator", "BinaryOperator");

  /** How the message names where the box goes: {@code List.add}, {@code the return value}, {@code field Foo.count}. */
  String describe() {
    return switch (kind) {
      case ARGUMENT -> callee.displayName();
      case RETURNED -> "the return value";
      case FIELD -> "field " + field.owner().substring(field.owner().lastIndexOf('.') + 1).replace('$', '.') + "." + field.name();
      case ARRAY -> "an array of objects";
      // not named: a class file's local names can be wrong where javac reused a slot
      case VARIABLE -> "a local of type " + BinaryNames.simple(variable.type());
      case LOCAL -> "a local";
    };
  }
}
