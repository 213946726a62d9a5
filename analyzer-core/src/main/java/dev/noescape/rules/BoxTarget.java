package dev.noescape.rules;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Origins;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a boxed value goes, which decides whether the box is required and so what the advice is.
 * A box handed to a method that takes an object ({@code list.add(i)}, {@code adapter.write(out, n)}),
 * returned as an object, or stored into a field or an array of objects has to be an object: "keep
 * the value primitive" cannot compile there. Only a box kept in a local (an {@code Integer} local
 * used for arithmetic or comparison) can simply stay primitive.
 *
 * <p>Read from the IR, flow-insensitively: the box's variable and its copies, and the first
 * statement in program order that hands one of them on.
 *
 * @param kind where the box goes
 * @param callee for {@link Kind#ARGUMENT}: the method it is passed to
 * @param param for {@link Kind#ARGUMENT}: the declared parameter's index
 * @param field for {@link Kind#FIELD}: the field it is stored into
 * @param variable for {@link Kind#VARIABLE}: the local of a wider type it is assigned to; for
 *     {@link Kind#ARGUMENT} of an instance method: the call's receiver
 * @param call for {@link Kind#ARGUMENT}: the call it is passed to
 */
record BoxTarget(Kind kind, MethodRef callee, int param, FieldRef field, Var variable, Stmt.Call call) {
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

  private static final BoxTarget LOCAL = new BoxTarget(Kind.LOCAL, null, -1, null, null, null);

  /**
   * Where the box made at {@code box} goes in {@code m}. Temporaries (and copies into them) are
   * followed to their first use; a box assigned to a named local stops there: a local declared with
   * the box type ({@code Character ch = s.charAt(i)}) was the author's choice and can be primitive,
   * one of a wider type ({@code Object value = f}) holds an object whatever happens to it later.
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
      return box.type().equals(v.type()) ? LOCAL : new BoxTarget(Kind.VARIABLE, null, -1, null, v, null);
    }
    for (Stmt st : m.stmts()) {
      if (st instanceof Stmt.Call c) {
        int first = c.callee().isStatic() ? 0 : 1;
        for (int i = first; i < c.args().size(); i++) {
          if (vars.contains(c.args().get(i))) {
            return new BoxTarget(Kind.ARGUMENT, c.callee(), i - first, null, first == 1 ? c.args().get(0) : null, c);
          }
        }
      } else if (st instanceof Stmt.Return r && vars.contains(r.value())) {
        return new BoxTarget(Kind.RETURNED, null, -1, null, null, null);
      } else if (st instanceof Stmt.Store s && vars.contains(s.value())) {
        return FieldRef.ARRAY_ELEMENT.equals(s.field())
            ? new BoxTarget(Kind.ARRAY, null, -1, null, null, null) : new BoxTarget(Kind.FIELD, null, -1, s.field(), null, null);
      } else if (st instanceof Stmt.StaticStore s && vars.contains(s.value())) {
        return new BoxTarget(Kind.FIELD, null, -1, s.field(), null, null);
      }
    }
    return LOCAL;
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
