package dev.noescape.ir;


/**
 * One step of the chain that explains why an object escapes, from the allocation outwards:
 * {@code stored into Cache.map (line 20)}, then {@code Cache instance is reachable from static
 * field Cache.INSTANCE (line 21)}.
 *
 * @param kind what happened
 * @param text the step in words, without position: {@code returned}, {@code stored into Cache.map}
 * @param pos where it happened in the method's source
 */
public record Reason(Kind kind, String text, SourcePos pos) {
  public enum Kind {
    RETURNED,
    THROWN,
    STORED_STATIC,
    /** Stored into a field or element of another object; the next step says why that one escapes. */
    STORED_INTO,
    /** Stored into (something reachable from) a parameter or {@code this}. */
    STORED_INTO_PARAM,
    /** Handed to a call whose summary says the argument escapes. */
    PASSED_TO_CALL,
    /** Handed to a call with no summary (unknown or open dispatch). */
    PASSED_TO_UNKNOWN,
    /** Loaded from (or reachable from) an object that escapes: a global or a parameter's content. */
    REACHABLE_FROM_GLOBAL,
    /** Captured by a lambda or anonymous class that escapes. */
    CAPTURED,
    /** ArgEscape only: handed to a call that does not keep it. */
    PASSED_TO_NON_ESCAPING_CALL
  }

  /** {@code returned (line 20)}. */
  public String render() {
    return pos != null && pos.line() > 0 ? text + " (line " + pos.line() + ")" : text;
  }

  @Override
  public String toString() {
    return render();
  }
}
