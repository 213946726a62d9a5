package dev.noescape.ir;

/**
 * What HotSpot C2 is predicted to do with one allocation site: allocate it on the heap, or
 * scalar-replace it (the model: {@code dev.noescape.jit}). Structure on a finding; the writers
 * render it ({@code runtime.prediction}, {@code runtime.condition}), nothing parses it back.
 *
 * @param heap true when C2 is predicted to allocate it
 * @param condition why ({@link C2Condition#NONE} when scalar-replaced)
 * @param detail what the condition is about, for messages, or null: the call not inlined and why
 *     ({@code Opaque.consume: native}), the length ({@code n}), the merge's line
 * @param jdk the JDK release whose C2 the prediction is for
 * @param coldUse for a scalar-replaced prediction, the use of the object that would keep it on the
 *     heap were it compiled, and that C2 does not compile while the program runs as profiled (on the
 *     way to a throw, in an assertion), or the call that would keep it there were another
 *     implementation of its method loaded ({@link ColdUse.Kind#CLASS_HIERARCHY}); null when no
 *     such use decides
 */
public record RuntimePrediction(boolean heap, C2Condition condition, String detail, int jdk, ColdUse coldUse) {
  /** A prediction that does not depend on a use C2 leaves uncompiled. */
  public RuntimePrediction(boolean heap, C2Condition condition, String detail, int jdk) {
    this(heap, condition, detail, jdk, null);
  }

  /**
   * A use of the object that C2 compiles away only while the program runs as it did when C2
   * compiled it: code C2 does not compile while the program runs as it was profiled (issue 13:
   * javapoet's {@code Util.checkState} formats its varargs array only when it throws), or a call C2
   * binds to the one implementation loaded. The prediction holds only while that stays so.
   *
   * @param kind where the use is
   * @param method the method whose code uses it ({@code Util.checkState}); for
   *     {@link Kind#CLASS_HIERARCHY}, the one implementation the call runs
   */
  public record ColdUse(Kind kind, String method) {
    public enum Kind {
      /**
       * On the way to a throw: C2 compiles a branch its profile never saw taken as an uncommon trap
       * (parse2.cpp {@code Parse::do_if}, {@code seems_never_taken}; graphKit.cpp
       * {@code GraphKit::uncommon_trap}); the object is only in the trap's debug information and
       * is rematerialized on deoptimization.
       */
      THROW,
      /**
       * In an {@code assert} statement: without {@code -ea} its guard, the static final
       * {@code $assertionsDisabled}, is a constant C2 folds (ciField.cpp {@code ciField::is_constant}),
       * so the assertion's code is not compiled at all.
       */
      ASSERTION,
      /**
       * Handed to a virtual or interface call whose method has one implementation in the program:
       * C2's class hierarchy analysis binds the call to it without a profile and inlines it, and
       * records a dependency that deoptimizes the code when a class with another implementation is
       * loaded (doCall.cpp {@code Compile::optimize_inlining}, ciMethod.cpp
       * {@code ciMethod::find_monomorphic_target}, dependencies.cpp
       * {@code Dependencies::find_unique_concrete_method}).
       */
      CLASS_HIERARCHY
    }

    /** The prediction's detail: {@code used only on the way to a throw in Util.checkState, which C2 compiles as an uncommon trap while it does not throw}. */
    public String detail() {
      return switch (kind) {
        case THROW -> "used only on the way to a throw in " + method
            + ", which C2 compiles as an uncommon trap while it does not throw";
        case ASSERTION -> "used only in an assertion in " + method + ", which C2 does not compile while assertions are disabled";
        case CLASS_HIERARCHY -> "C2 inlines the only implementation in the program, " + method
            + ", through class hierarchy analysis; another loaded implementation would deoptimize it";
      };
    }

    /**
     * Why C2 removes the object while the proviso holds: {@code it does not escape, and
     * Util.checkState uses it only on the way to a throw, which C2 compiles as an uncommon trap}.
     */
    public String why() {
      return switch (kind) {
        case THROW -> "it does not escape, and " + method + " uses it only on the way to a throw, which C2 compiles as an uncommon trap";
        case ASSERTION -> "it does not escape, and " + method + " uses it only in an assertion, which C2 does not compile without -ea";
        case CLASS_HIERARCHY -> detail();
      };
    }

    /** What the prediction holds only while: {@code Util.checkState does not throw}. */
    public String proviso() {
      return switch (kind) {
        case THROW -> method + " does not throw";
        case ASSERTION -> "assertions are disabled (no -ea)";
        case CLASS_HIERARCHY -> "no other implementation is loaded";
      };
    }
  }
  /** {@code heap} or {@code scalar-replaced}: the JSON and SARIF value. */
  public String label() {
    return heap ? "heap" : "scalar-replaced";
  }

  /**
   * The condition in words, with what it is about, for messages (NotScalarReplaced, the profile
   * view): {@code its length n is not a constant (C2 scalar-replaces arrays of constant length ≤ 64)}.
   */
  public String reason() {
    String d = detail;
    return switch (condition) {
      case ARRAY_LENGTH_NOT_CONSTANT -> "its length" + (d == null || d.isEmpty() ? "" : " " + d)
          + " is not a constant (C2 scalar-replaces arrays of constant length ≤ 64)";
      case ARRAY_TOO_LONG -> "its length " + d + " is above 64 (EliminateAllocationArraySizeLimit)";
      case MULTI_ARRAY -> "a multi-dimensional array C2 allocates whole (" + d + ")";
      case INDEX_NOT_CONSTANT -> "an element is accessed at an index that is not a constant (" + d + ")";
      case ELEMENT_IN_LOOP -> "its elements are accessed in a loop it is created outside of (" + d + ")";
      case LOOP_CARRIED -> "it is carried from one iteration of the loop at " + d + " to the next";
      case MERGED -> "it is merged with another object or null at a join of paths C2 cannot reduce ("
          + (d != null ? d : "JDK " + jdk + " reduces no allocation merges") + ")";
      case ARRAY_HOLDER -> "it is held by an array (" + d + ")";
      case NOT_INLINED -> "it is passed to a call C2 does not inline (" + d + ")";
      case SPECIAL_CLASS -> d;
      case TOO_MANY_FIELDS -> "its class has " + d + " instance fields (C2 scalar-replaces at most 512)";
      case EXCEPTION -> "it is an exception, whose constructor C2 never inlines outside Throwable code";
      case INTRINSIC -> d;
      case JDK_BUFFER -> "the JDK allocates " + d + " for it, which C2 on JDK " + jdk + " does not remove";
      case KEPT_BY_CALLEE -> "the callee keeps it (" + d + ")";
      case ESCAPES, NONE -> condition.id();
    };
  }
}
