package dev.noescape.finding;

/**
 * Why an escape is expected, so that reports can leave it out by default and lead with the escapes
 * in loops, on hot paths and the surprising leaks: the rule that reports the escape sets it on the
 * {@link Finding}. A finding without one is not expected.
 */
public enum ExpectedEscape {
  /** The object is thrown, or held by a thrown object: a failure path. */
  THROWN,
  /**
   * The object is created by a static initializer (a static field's value, an enum constant, a
   * constant table): once per class, and meant to live as long as the class.
   */
  STATIC_INITIALIZER,
  /** The object is returned, or held by a returned object: what a factory or builder is for. */
  RETURNED
}
