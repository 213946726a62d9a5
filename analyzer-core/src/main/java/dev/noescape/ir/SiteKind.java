package dev.noescape.ir;

/** What kind of expression allocates at a site. */
public enum SiteKind {
  /** {@code new T(...)}, including inner and local classes (not anonymous ones). */
  NEW_OBJECT,
  /** {@code new T[n]}, {@code new T[]{...}}, array initializers. */
  NEW_ARRAY,
  /** A boxing conversion, implicit or an explicit {@code valueOf}; may hit a cache (see {@link AllocSite.Boxing}). */
  BOXING,
  /** The implicit array of a variable-arity call. */
  VARARGS_ARRAY,
  /** A lambda that captures a local, parameter or {@code this} (non-capturing lambdas are constants and have no site). */
  LAMBDA,
  /** A bound method reference ({@code obj::m}, {@code this::m}, {@code super::m}) or a constructor/array reference that captures. */
  METHOD_REF,
  /** {@code new T() { ... }}: allocates on every evaluation, capturing or not. */
  ANONYMOUS_CLASS,
  /** Non-constant string concatenation ({@code a + b}, {@code s += x}). */
  STRING_CONCAT;

  /** Lambda, method reference or anonymous class: what {@code CapturingLambda} reports. */
  public boolean isFunctional() {
    return this == LAMBDA || this == METHOD_REF || this == ANONYMOUS_CLASS;
  }
}
