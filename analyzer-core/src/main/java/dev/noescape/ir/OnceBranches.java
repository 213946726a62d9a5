package dev.noescape.ir;

/**
 * The one definition of which stores keep a once-branch's guard off ({@link ColdPath#ONCE_BRANCH}).
 * A once-branch is the arm of an {@code if} inside a loop whose guard tests a variable {@code x}
 * against a sentinel, and which sets {@code x} to something else, in the arm or right after it:
 * once the arm has run, the guard fails for the rest of the loop, so the arm runs at most once per
 * call. HdrHistogram's log processor: {@code if (firstStartTime == 0.0 && …) { firstStartTime =
 * reader.getStartTimeSec(); outputStartTime(log, firstStartTime); }}, and the one-time flag {@code
 * if (!legendWritten) { legendWritten = true; … }}; javapoet's {@code if (emitTagNewline &&
 * !javadoc.isEmpty()) builder.add("\n"); emitTagNewline = false;} clears its flag after the arm.
 *
 * <p>The front ends find the shape, each in the terms of its input (javac: {@code ColdPaths.onceGuards};
 * bytecode: {@code ColdRegions.onceBranch}): the guard, or one operand of an {@code &&} that is the
 * guard, is {@code !x} or {@code x == false} ({@link Sentinel#FALSE}, {@code x} a boolean), {@code
 * x} or {@code x == true} ({@link Sentinel#TRUE}), {@code x == null} ({@link Sentinel#NULL}), or
 * {@code x == c} for a numeric constant {@code c} ({@link Sentinel#NUMBER}), and the arm is the
 * {@code then} arm (for the negations, {@code x != null}, {@code x != c}, the other flag test, or an
 * operand of {@code ||}, the {@code else} arm, or the rest of the block after an {@code if} without
 * {@code else} whose arm always jumps: {@code if (done) continue;}); {@code x} is a local that
 * outlives every loop around the {@code if}, or a field where the sentinel allows it ({@link
 * #fieldMayBeTested}); the arm stores into {@code x} unconditionally what turns the guard off
 * ({@link #turnsOff}), or every path from the arm reaches, before the loop goes round again, a store
 * after the arm that does ({@link #turnsOffAfter}); every store into {@code x} anywhere in the
 * outermost loop around the {@code if} keeps it off ({@link #keepsOff}). Both front ends classify a
 * stored value the same way ({@link Stored}) and ask this class.
 *
 * <p>The assumption behind {@link Stored#COMPUTED}: a value the code computes for a sentinel variable
 * in the arm is not the sentinel again (a start time read from a log is not 0.0, an object a lazy
 * initialization creates or fetches is not null). A field another method resets while the loop
 * runs (a call in the loop, another thread), and an exception caught inside the loop before the
 * arm's store, are not seen: they would run the arm again.
 */
public final class OnceBranches {
  private OnceBranches() {}

  /** What the guard compares the variable with. */
  public enum Sentinel {
    /** {@code !x}, {@code x == false}: a one-time flag, set to {@code true} once done. */
    FALSE,
    /**
     * {@code x}, {@code x == true}: a flag that holds until the first time, cleared then ({@code
     * first = false}): javapoet's {@code emitTagNewline}, the {@code first} of a separator loop.
     */
    TRUE,
    /** {@code x == null}: a lazily set reference. */
    NULL,
    /** {@code x == c}, {@code c} a numeric (or char) constant: a value not yet known. */
    NUMBER
  }

  /** What a store puts into the variable. */
  public enum Stored {
    /** The constant {@code true}. */
    TRUE,
    /** The constant {@code null}. */
    NULL,
    /** The constant {@code false}. */
    FALSE,
    /** Any other compile-time constant ({@code 0.0}, {@code -1}, a string). */
    CONSTANT,
    /** Anything else: a call's result, a new object, a computation, a compound assignment, an increment. */
    COMPUTED
  }

  /**
   * Whether the arm's own store turns the guard off: a flag is set to the other constant ({@code
   * true} for {@code !x}, {@code false} for {@code x}); a reference to anything but {@code null}; a
   * number to a computed value (a constant would make {@code x} a state variable, which the
   * once-branch does not follow: {@code if (x == 0) x = 1;} is not one).
   */
  public static boolean turnsOff(Sentinel s, Stored v) {
    return switch (s) {
      case FALSE -> v == Stored.TRUE;
      case TRUE -> v == Stored.FALSE;
      case NULL -> v != Stored.NULL;
      case NUMBER -> v == Stored.COMPUTED;
    };
  }

  /**
   * Whether a store after the arm, which every path from the arm reaches before the loop goes round
   * again (javac: later in the block that holds the {@code if}), turns the guard off: only a
   * constant that does ({@code if (first && …) sep(); first = false;}). Such a store runs on every
   * iteration, the arm's or not, so a computed value there is the loop's data, which may well be
   * the sentinel ({@code prev = item;} after {@code if (prev == null)}: a null item), and a
   * number stored outside the arm is never followed ({@link #keepsOff}).
   */
  public static boolean turnsOffAfter(Sentinel s, Stored v) {
    return v != Stored.COMPUTED && turnsOff(s, v);
  }

  /**
   * Whether {@code x} may be a field for this sentinel. A flag tested true and cleared ({@link
   * Sentinel#TRUE}) may not: on a field that is the shape of a signal something else raises and the
   * loop acknowledges ({@code if (reloadRequested) { reloadRequested = false; reload(); }}, set by
   * another thread or by a method the loop calls), which runs as often as it is raised. A local has
   * no writer the front end does not see.
   */
  public static boolean fieldMayBeTested(Sentinel s) {
    return s != Sentinel.TRUE;
  }

  /**
   * Whether a store anywhere in the loop ({@code inArm}: inside the guarded arm) keeps the guard off:
   * a flag is only ever set to the constant that turns it off and a reference never to {@code null},
   * wherever; a number is stored nowhere but in the arm (a store elsewhere, {@code x = 0.0} or
   * {@code x--}, may bring back the sentinel, as a countdown does).
   */
  public static boolean keepsOff(Sentinel s, Stored v, boolean inArm) {
    return s == Sentinel.NUMBER ? inArm && turnsOff(s, v) : turnsOff(s, v);
  }
}
