package dev.noescape.engine;

/**
 * The escape lattice of Choi et al. (OOPSLA 1999), as HotSpot C2 uses it. Ordered: a later state
 * is worse.
 */
public enum EscapeState {
  /** Lives and dies in the method and is never handed to a call that could keep it. C2 may scalar-replace it if the allocation is inlined or local. */
  NO_ESCAPE,
  /** Handed only to calls whose summaries say they do not keep it: dies with the method, but only inlining lets the JIT remove it. */
  ARG_ESCAPE,
  /** Outlives the method: returned, thrown, stored in a static or in something reachable from a parameter, {@code this}, the result or a static, or handed to code that keeps it or is unknown. */
  GLOBAL_ESCAPE;

  public EscapeState max(EscapeState o) {
    return compareTo(o) >= 0 ? this : o;
  }
}
