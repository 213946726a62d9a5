package dev.noescape.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement of the method IR. Every statement names reference-typed {@link Var}s only; a
 * primitive operand or result is simply absent (null).
 */
public sealed interface Stmt
    permits Stmt.Alloc, Stmt.Copy, Stmt.Load, Stmt.Store, Stmt.StaticLoad, Stmt.StaticStore,
        Stmt.Call, Stmt.Return, Stmt.Throw, Stmt.Monitor {

  StmtContext ctx();

  /** The variable this statement assigns, or null. */
  default Var definedVar() {
    if (this instanceof Alloc a) return a.target();
    if (this instanceof Copy c) return c.target();
    if (this instanceof Load l) return l.target();
    if (this instanceof StaticLoad l) return l.target();
    if (this instanceof Call c) return c.result();
    return null;
  }

  /** {@code target = new site}. */
  record Alloc(Var target, AllocSite site, StmtContext ctx) implements Stmt {}

  /** {@code target = source} (also casts, conditional-expression arms, pattern bindings). */
  record Copy(Var target, Var source, StmtContext ctx) implements Stmt {}

  /** {@code target = base.field} ({@link FieldRef#ARRAY_ELEMENT} for {@code base[i]}). */
  record Load(Var target, Var base, FieldRef field, StmtContext ctx) implements Stmt {}

  /** {@code base.field = value}. */
  record Store(Var base, FieldRef field, Var value, StmtContext ctx) implements Stmt {}

  /** {@code target = Owner.field}. */
  record StaticLoad(Var target, FieldRef field, StmtContext ctx) implements Stmt {}

  /** {@code Owner.field = value}. */
  record StaticStore(FieldRef field, Var value, StmtContext ctx) implements Stmt {}

  /**
   * {@code result = callee(args)}.
   *
   * @param result the reference result, or null (void, primitive, or discarded)
   * @param callee the method javac or the bytecode names
   * @param args one entry per summary slot of {@code callee} ({@link MethodRef#slotCount()}):
   *     the receiver first for instance methods and constructors, then the arguments; null where
   *     the argument is primitive or a constant that cannot carry an object (null literal)
   * @param argExprs the same slots as symbolic expressions, for rules that compare sizes
   *     ({@code putAll(m)}); entries may be null
   * @param dispatchOpen true for a virtual call whose implementations may include code the
   *     analysis does not see (a subclass in another compilation unit); the engine then uses only
   *     library models, never a computed summary of {@code callee}
   * @param overrides implementations of {@code callee} that the analyzed code itself declares;
   *     their summaries are joined with {@code callee}'s
   * @param receiverType for a virtual call, the static type of the receiver as the front end sees
   *     it ({@code byte[]} for {@code bytes.clone()}, the class of {@code this} for an unqualified
   *     call), which may be more specific than {@code callee}'s owner (the class declaring the
   *     method); null when unknown or not a virtual call
   */
  record Call(
      Var result,
      MethodRef callee,
      List<Var> args,
      List<SymbolicExpr> argExprs,
      boolean dispatchOpen,
      List<MethodRef> overrides,
      String receiverType,
      StmtContext ctx)
      implements Stmt {
    public Call {
      // Not List.copyOf: args and argExprs hold nulls by design.
      args = Collections.unmodifiableList(new ArrayList<>(args));
      argExprs = Collections.unmodifiableList(new ArrayList<>(argExprs));
      overrides = List.copyOf(overrides);
      if (args.size() != callee.slotCount()) {
        throw new IllegalArgumentException(
            "call to " + callee.key() + " has " + args.size() + " slots, expected " + callee.slotCount());
      }
    }

    /** The receiver variable of an instance call (slot 0), or null. */
    public Var receiver() {
      return callee.isStatic() ? null : args.get(0);
    }

    /** The symbolic form of slot {@code i}, or null. */
    public SymbolicExpr argExpr(int i) {
      return i < argExprs.size() ? argExprs.get(i) : null;
    }

    /** The same call with other overrides and openness (resolved once the whole program is known). */
    public Call withDispatch(boolean open, List<MethodRef> impls) {
      return new Call(result, callee, args, argExprs, open, impls, receiverType, ctx);
    }
  }

  /** {@code return value}. */
  record Return(Var value, StmtContext ctx) implements Stmt {}

  /** {@code throw value}. */
  record Throw(Var value, StmtContext ctx) implements Stmt {}

  /** {@code synchronized (value)}: recorded for completeness; it does not make an object escape. */
  record Monitor(Var value, StmtContext ctx) implements Stmt {}
}
