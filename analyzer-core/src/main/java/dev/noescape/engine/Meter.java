package dev.noescape.engine;

/**
 * Counts the work of one method analysis against its {@link Budget} and stops it, by throwing
 * {@link Exceeded}, when the limit is reached. The connection graph charges it from its inner
 * loops; the clock (only with a deadline) is read every {@link #CLOCK_EVERY} units, not per unit.
 */
final class Meter {
  private static final long CLOCK_EVERY = 1L << 20;

  /** Unwinds an analysis over budget; carries no stack trace (it is control flow, not a bug). */
  static final class Exceeded extends RuntimeException {
    final boolean deadline;

    Exceeded(boolean deadline) {
      super(deadline ? "deadline" : "work", null, false, false);
      this.deadline = deadline;
    }
  }

  /** A meter that never stops anything (graphs built outside a budgeted analysis). */
  static Meter unlimited() {
    return new Meter(Long.MAX_VALUE, Budget.NO_DEADLINE);
  }

  private final long limit;
  private final long deadlineNanos;
  private long used;
  private long nextClock = CLOCK_EVERY;

  Meter(long limit, long deadlineNanos) {
    this.limit = limit;
    this.deadlineNanos = deadlineNanos;
  }

  void charge(long units) {
    used += units;
    if (used > limit) throw new Exceeded(false);
    if (deadlineNanos != Budget.NO_DEADLINE && used >= nextClock) {
      nextClock = used + CLOCK_EVERY;
      if (System.nanoTime() - deadlineNanos > 0) throw new Exceeded(true);
    }
  }

  long used() {
    return used;
  }
}
