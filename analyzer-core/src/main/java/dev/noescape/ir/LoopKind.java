package dev.noescape.ir;

/** How a loop is written; the trip-count rules differ per kind. */
public enum LoopKind {
  /** {@code for (init; cond; update)}. */
  FOR,
  /** {@code for (T x : array)}. */
  FOREACH_ARRAY,
  /** {@code for (T x : iterable)}. */
  FOREACH_ITERABLE,
  WHILE,
  DO_WHILE,
  /** A back edge found in bytecode that matches none of the above. */
  OTHER
}
