package dev.noescape.ir;

import java.util.List;

/**
 * One allocating expression of a method.
 *
 * <p>A site holds what the front end knew about the expression, as data ({@link Details}); it
 * holds no prose. How messages name it is rendered from the details, in one place for both front
 * ends ({@link SiteDescriptions}).
 *
 * @param id unique within the method (front ends number sites in program order)
 * @param kind what allocates
 * @param type fully qualified (erased) type of the allocated object; {@code int[]} for arrays
 * @param ctx position, loop depth and order (also the context of the {@link Stmt.Alloc})
 * @param details kind-specific facts the rules, the descriptions and the source mapping read
 */
public record AllocSite(int id, SiteKind kind, String type, StmtContext ctx, Details details) {

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

  /**
   * True for a boxing site that hits a {@code valueOf} cache ({@link Boxes#neverAllocates}); every
   * other site allocates.
   */
  public boolean neverAllocates() {
    if (kind != SiteKind.BOXING) return false;
    return details instanceof Boxing b ? Boxes.neverAllocates(type, b.constant(), b.range()) : Boxes.neverAllocates(type, null);
  }

  /**
   * What the user wrote, for messages: {@code new StringBuilder()}, {@code boxing int to Integer},
   * {@code lambda capturing 'limit'} ({@link SiteDescriptions#describe}).
   */
  public String description() {
    return SiteDescriptions.describe(this);
  }

  /** Kind-specific facts. */
  public sealed interface Details permits Constructor, NewArray, Boxing, Varargs, Capture, Concat {}

  /**
   * A {@code new T(...)}: the erased parameter types of the constructor javac (or the bytecode)
   * chose, and the arguments; int-valued arguments carry their symbolic form, the others a
   * {@link SymbolicExpr} of their text ({@code …} when the bytecode front end cannot write one).
   * Empty lists for the no-argument constructor.
   *
   * @param typeText the constructed type as written: {@code ArrayList<>}, {@code HashMap<String, Integer>},
   *     {@code OrderBook.Fill}; a front end without the source writes the simple name, with
   *     {@code <>} when the class is generic
   * @param written the whole expression's source text when the front end has the source, else null
   */
  public record Constructor(List<String> paramTypes, List<SymbolicExpr> args, String typeText, String written)
      implements Details {
    public Constructor {
      paramTypes = List.copyOf(paramTypes);
      args = List.copyOf(args);
    }

    public boolean isDefault() {
      return paramTypes.isEmpty();
    }
  }

  /**
   * A {@code new T[n]}, {@code new T[]{...}} or array initializer {@code {a, b}}.
   *
   * @param sizeText the first dimension's expression as the front end can write it ({@code ""}
   *     when the creation gives no size, as a multi-dimensional one may), or null when it cannot
   * @param initializer true for an array initializer without {@code new} ({@code int[] a = {1, 2}})
   * @param written the expression's source text when the front end has the source, else null
   * @param lengths one entry per dimension the creation gives ({@code new int[2][n]}: two; an
   *     initializer: one, its element count), each the compile-time constant length or null when
   *     it is not one; empty when the front end does not know. C2 scalar-replaces only arrays of
   *     constant length ({@code dev.noescape.jit})
   * @param lengthCall when the first dimension's length is not a constant but is directly the
   *     result of a call that binds statically (a static or private method: {@code new int[size()]}),
   *     that method, else null: C2 inlines it and may fold its result into a constant
   */
  public record NewArray(String sizeText, boolean initializer, String written, List<Long> lengths, MethodRef lengthCall)
      implements Details {
    public NewArray {
      // Not List.copyOf: a non-constant dimension is a null entry.
      lengths = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lengths));
    }

    /** A creation whose lengths are constants or unknown expressions. */
    public NewArray(String sizeText, boolean initializer, String written, List<Long> lengths) {
      this(sizeText, initializer, written, lengths, null);
    }

    /** A creation whose dimension lengths the front end does not know. */
    public NewArray(String sizeText, boolean initializer, String written) {
      this(sizeText, initializer, written, List.of());
    }

    /** {@code multianewarray}: more than one dimension given. */
    public boolean multiDimensional() {
      return lengths.size() > 1;
    }
  }

  /**
   * A boxing conversion from {@code primitive} ({@code int}) to the site's type
   * ({@code java.lang.Integer}); {@code constant} is the value when it is a compile-time constant
   * (a {@code Long}, or a {@code Character}'s code as a {@code Long}), else null; {@code range} the
   * values a front end proved it takes ({@link Boxes.Range}), else null; {@code value} which value
   * is boxed ({@link Boxes.Value}: a local, a field read, a constant), so that two boxes of the same
   * value can be told apart from two boxes that merely look alike, else null; {@code loopInvariant}
   * whether the front end proved the boxed value the same on every iteration of the site's
   * innermost loop (as {@link Boxes} defines it), so that "box it once before the loop" is advice
   * only where it is true; {@code bound} when the boxed value is an integral instance field's or
   * the index of a loop counted up to one ({@link FieldRanges.Bound}), else null: {@link
   * FieldRanges#apply} sets {@code range} from it when the field's range is proven; {@code
   * unboxedFrom} the source text of the call whose result, of the site's own box type, the boxed
   * value was unboxed from ({@code entry.getKey()} for {@code final int id = entry.getKey(); …
   * map.get(id)}), when the boxed value is a local of the source that this one unboxing assigns and
   * nothing else does (a {@code final} or effectively final local), else null: that box could have
   * been kept instead of making a new one.
   */
  public record Boxing(String primitive, Long constant, Boxes.Range range, Boxes.Value value, boolean loopInvariant,
      FieldRanges.Bound bound, String unboxedFrom) implements Details {
    /** A boxing of a value not unboxed from a call's result. */
    public Boxing(String primitive, Long constant, Boxes.Range range, Boxes.Value value, boolean loopInvariant,
        FieldRanges.Bound bound) {
      this(primitive, constant, range, value, loopInvariant, bound, null);
    }

    /** A boxing of a value no field bounds. */
    public Boxing(String primitive, Long constant, Boxes.Range range, Boxes.Value value, boolean loopInvariant) {
      this(primitive, constant, range, value, loopInvariant, null);
    }

    /** A boxing whose loop invariance the front end did not prove. */
    public Boxing(String primitive, Long constant, Boxes.Range range, Boxes.Value value) {
      this(primitive, constant, range, value, false);
    }

    /** A boxing whose value the front end does not name. */
    public Boxing(String primitive, Long constant, Boxes.Range range) {
      this(primitive, constant, range, null);
    }

    /** A boxing with no proven range. */
    public Boxing(String primitive, Long constant) {
      this(primitive, constant, null, null);
    }
  }

  /**
   * The implicit array of a variable-arity call to {@code callee} holding {@code elementCount}
   * elements. The arity rule is here for every reader of a call's arguments ({@link #elementCount},
   * {@link #isElement}); which call takes the variable-arity form is javac's resolution, or for
   * class files a fresh array passed as the last argument of a method the class file declares
   * variable-arity.
   */
  public record Varargs(MethodRef callee, int elementCount) implements Details {
    /** The elements a variable-arity call packs when it passes {@code arguments} to {@code parameters} declared parameters. */
    public static int elementCount(int arguments, int parameters) {
      return arguments - (parameters - 1);
    }

    /**
     * Whether argument {@code index} of a call passing {@code arguments} to a variable-arity method
     * with {@code parameters} declared parameters is an element of the implicit array: one in the
     * variable-arity position, unless it is the only one there and already an array
     * ({@code argumentIsArray}), which is passed as is.
     */
    public static boolean isElement(int index, int arguments, int parameters, boolean argumentIsArray) {
      return index >= parameters - 1 && (arguments != parameters || !argumentIsArray);
    }
  }

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
  public sealed interface Capture extends Details permits Lambda, MethodReference, Anonymous {
    List<String> captured();

    List<String> bodies();
  }

  /** A capturing lambda. */
  public record Lambda(List<String> captured, List<String> bodies) implements Capture {
    public Lambda {
      captured = List.copyOf(captured);
      bodies = List.copyOf(bodies);
    }
  }

  /**
   * A bound method reference {@code receiver::method}: {@code receiver} is the receiver expression
   * as the front end can write it ({@code this}, {@code list}, {@code super}), {@code method} the
   * method's name ({@code new} for a constructor), {@code captured} what the object holds.
   */
  public record MethodReference(String receiver, String method, List<String> captured) implements Capture {
    public MethodReference {
      captured = List.copyOf(captured);
    }

    @Override
    public List<String> bodies() {
      return List.of();
    }
  }

  /**
   * {@code new T() { ... }}: {@code supertype} is the binary name of {@code T} (the interface it
   * implements, or the class it extends; see {@link #supertypeOf}), null when unknown.
   */
  public record Anonymous(String supertype, List<String> captured, List<String> bodies) implements Capture {
    public Anonymous {
      captured = List.copyOf(captured);
      bodies = List.copyOf(bodies);
    }

    /**
     * What an anonymous class is "an anonymous" of, from its class declaration (both front ends ask
     * here): the one interface of a class that extends {@code Object} and implements exactly one
     * ({@code new Runnable() {...}}), else its superclass.
     */
    public static String supertypeOf(String superclass, List<String> interfaces) {
      if ("java.lang.Object".equals(superclass) && interfaces.size() == 1) return interfaces.get(0);
      return superclass;
    }
  }

  /**
   * A string concatenation. {@code accumulator} is set when the concatenation's result is assigned
   * back to a {@code String} variable or field whose old value it concatenates ({@code s += x},
   * {@code s = s + x}, {@code s = x + s}); null otherwise.
   *
   * @param written the expression's source text when the front end has the source, else null
   */
  public record Concat(Accumulator accumulator, String written) implements Details {}

  /**
   * The variable a concatenation accumulates into.
   *
   * @param name source name ({@code s}, or {@code this.log} for a field)
   * @param isField true for a field (which always lives across iterations)
   * @param livesAcrossIterations true when the variable is declared outside the innermost loop
   *     containing the assignment (or is a field), so its value is carried from one iteration to
   *     the next
   */
  public record Accumulator(String name, boolean isField, boolean livesAcrossIterations) {}
}
