package dev.noescape.ir;

/**
 * The forms of a method reference (JLS 15.13) and which of them allocate: the one place both
 * source readers (the javac front end, the command line's source mapping) ask. Class files do not
 * show the form, only what the {@code invokedynamic} captures, which is the same answer.
 */
public enum MethodReferenceForm {
  /** {@code Type::staticMethod}. */
  STATIC,
  /** {@code Type::instanceMethod}: the receiver is the first argument. */
  UNBOUND,
  /** {@code Type::new} of a top-level or static nested class. */
  CONSTRUCTOR,
  /** {@code int[]::new}. */
  ARRAY_CONSTRUCTOR,
  /** {@code expr::method}, {@code this::method}: the receiver is evaluated once and held. */
  BOUND,
  /** {@code super::method}, {@code Outer.super::method}: holds {@code this}. */
  SUPER,
  /** {@code Inner::new} of an inner class: holds the enclosing instance. */
  INNER_CONSTRUCTOR;

  /**
   * Whether evaluating the reference creates an object holding what it captured (a site of kind
   * {@link SiteKind#METHOD_REF}); the other forms are constants, created once per call site.
   */
  public boolean captures() {
    return this == BOUND || this == SUPER || this == INNER_CONSTRUCTOR;
  }
}
