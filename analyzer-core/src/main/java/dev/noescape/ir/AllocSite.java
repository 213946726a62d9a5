package dev.noescape.ir;

import java.util.List;

/**
 * One allocating expression of a method.
 *
 * @param id unique within the method (front ends number sites in program order)
 * @param kind what allocates
 * @param type fully qualified (erased) type of the allocated object; {@code int[]} for arrays
 * @param description what the user wrote, for messages: {@code new StringBuilder()},
 *     {@code boxing int to Integer}, {@code lambda capturing 'limit'}
 * @param ctx position, loop depth and order (also the context of the {@link Stmt.Alloc})
 * @param details kind-specific facts the rules read
 */
public record AllocSite(int id, SiteKind kind, String type, String description, StmtContext ctx, Details details) {

  public SourcePos pos() {
    return ctx.pos();
  }

  public int loopDepth() {
    return ctx.loopDepth();
  }

  /** The simple name of {@link #type()}: {@code ArrayList}, {@code int[]}, {@code Map.Entry}. */
  public String simpleType() {
    return BinaryNames.simple(type);
  }

  /** Kind-specific facts. */
  /**
   * True for a boxing site that never allocates: {@code Boolean} and {@code Byte} (every value is
   * cached), and a compile-time constant inside the default {@code valueOf} caches (Integer, Short,
   * Long −128..127; Character 0..127). {@code Float} and {@code Double} always allocate; a
   * non-constant value is assumed to allocate. Every other kind of site allocates.
   */
  public boolean neverAllocates() {
    if (kind != SiteKind.BOXING) return false;
    if ("java.lang.Boolean".equals(type) || "java.lang.Byte".equals(type)) return true;
    if (!(details instanceof Boxing b) || b.constant() == null) return false;
    long v = b.constant();
    return switch (type) {
      case "java.lang.Integer", "java.lang.Short", "java.lang.Long" -> v >= -128 && v <= 127;
      case "java.lang.Character" -> v >= 0 && v <= 127;
      default -> false;
    };
  }

  public sealed interface Details permits Plain, Constructor, Boxing, Varargs, Capture, Concat {}

  /** No extra facts (arrays, sites a front end could not describe further). */
  public record Plain() implements Details {}

  /**
   * A {@code new T(...)}: the erased parameter types of the constructor javac (or the bytecode)
   * chose, and the arguments; int-valued arguments carry their symbolic form, the others a
   * {@link SymbolicExpr} of their text. Empty lists for the no-argument constructor.
   */
  public record Constructor(List<String> paramTypes, List<SymbolicExpr> args) implements Details {
    public Constructor {
      paramTypes = List.copyOf(paramTypes);
      args = List.copyOf(args);
    }

    public boolean isDefault() {
      return paramTypes.isEmpty();
    }
  }

  /**
   * A boxing conversion from {@code primitive} ({@code int}) to the site's type
   * ({@code java.lang.Integer}); {@code constant} is the value when it is a compile-time constant
   * (a {@code Long}, or a {@code Character}'s code as a {@code Long}), else null.
   */
  public record Boxing(String primitive, Long constant) implements Details {}

  /** The implicit array of a variable-arity call to {@code callee} holding {@code elementCount} elements. */
  public record Varargs(MethodRef callee, int elementCount) implements Details {}

  /**
   * A lambda, method reference or anonymous class and what it captures: source names of captured
   * locals and parameters, and {@code this} when it captures the enclosing instance. Empty for an
   * anonymous class that captures nothing (it still allocates).
   *
   * <p>{@code bodies}: the {@link MethodRef#key()}s of the code the object runs when invoked — the
   * synthetic lambda body (slot 0 = the lambda object), or the instance methods of an anonymous
   * class (slot 0 = {@code this}) together with the concrete methods it inherits from program
   * supertypes. Empty when the front end does not know them (method references); the engine then
   * assumes nothing about what invoking the object does.
   */
  public record Capture(List<String> captured, List<String> bodies) implements Details {
    public Capture {
      captured = List.copyOf(captured);
      bodies = List.copyOf(bodies);
    }

    /** What it captures, with no known bodies. */
    public Capture(List<String> captured) {
      this(captured, List.of());
    }
  }

  /**
   * A string concatenation. {@code accumulator} is set when the concatenation's result is assigned
   * back to a {@code String} variable or field whose old value it concatenates ({@code s += x},
   * {@code s = s + x}, {@code s = x + s}); null otherwise.
   */
  public record Concat(Accumulator accumulator) implements Details {}

  /**
   * The variable a concatenation accumulates into.
   *
   * @param name source name ({@code s}, or {@code this.log} for a field)
   * @param isField true for a field (which always lives across iterations)
   * @param livesAcrossIterations true when the variable is declared outside the innermost loop
   *     containing the assignment (or is a field), so its value is carried from one iteration to
   *     the next
   * @param simpleRewrite true when the front end can rewrite the accumulation to a
   *     {@code StringBuilder}: a local declared with an initializer in the block that holds the
   *     loop, used inside the loop only as {@code s += e} / {@code s = s + e}
   */
  public record Accumulator(String name, boolean isField, boolean livesAcrossIterations, boolean simpleRewrite) {}
}
