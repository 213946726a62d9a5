package dev.noescape.ir;

/**
 * The trip count of a counted loop, from its parts as either front end reads them: one formula
 * for the javac trees and the bytecode, so the two give the same count and the same text.
 *
 * <p>A counted loop has one index {@code i} set to {@code start} before the loop, compared with a
 * loop-invariant {@code bound}, and stepped by a constant {@code step} exactly once per iteration,
 * at one of three places ({@link Update}). Its trip count is the number of values the test
 * accepts: for a decrementing {@code for (i = len; --i >= 0;)} the test first sees {@code len - 1},
 * so the loop runs {@code len} times, not {@code len + 1}; for {@code for (i = len; i-- > 0;)} it
 * sees {@code len} first and the body {@code len - 1}: {@code len} times.
 */
public final class CountedLoops {
  private CountedLoops() {}

  /** Where the index is stepped, relative to the test. */
  public enum Update {
    /** After the body ({@code for (…; i < n; i++)}): the test sees {@code start} first, the body the tested value. */
    AFTER_BODY,
    /** In the test, before it reads the index ({@code --i >= 0}): the test and the body see {@code start + step} first. */
    BEFORE_TEST,
    /** In the test, after it reads the index ({@code i-- > 0}): the test sees {@code start} first, the body the next value. */
    AFTER_TEST
  }

  /** How the test compares the index (on its left) with the bound. */
  public enum Comparison {
    LT, LE, GT, GE, NE
  }

  /**
   * An end of the loop as the front end writes it.
   *
   * @param text its source text
   * @param constant its value when it is a constant, else null
   * @param additive its top-level operator is {@code +} or {@code -} (it needs parentheses on the
   *     right of a {@code -})
   * @param looser it binds looser than {@code +} (a conditional, a shift, an assignment): it needs
   *     parentheses on either side of a {@code -}
   * @param field when it is a read of an integral instance field ({@code b}, {@code this.b},
   *     {@code codec.b}), that field, else null
   */
  public record Operand(String text, Long constant, boolean additive, boolean looser, FieldRef field) {
    /** An operand that is not a field read. */
    public Operand(String text, Long constant, boolean additive, boolean looser) {
      this(text, constant, additive, looser, null);
    }
  }

  /**
   * The trip count and the values the index takes in the body (null when not constant), or why
   * there is no count; {@code indexBound} when the index counts by one from a constant up to a
   * field read ({@code for (n = 0; n < b; n++)}: {@link FieldRanges.Bound}), else null.
   */
  public record Count(SymbolicExpr trips, Boxes.Range indexRange, String reason, FieldRanges.Bound indexBound) {
    static Count none(String reason) {
      return new Count(null, null, reason, null);
    }
  }

  /**
   * The count of {@code for (i = start; i CMP bound; …)} stepped by {@code step} ({@code != 0})
   * at {@code update}; {@code !=} only with a step of 1 or -1 (any other step may jump over the
   * bound). A step whose direction does not approach the bound gives no count.
   */
  public static Count of(Operand start, Operand bound, long step, Comparison cmp, Update update) {
    if (step == 0) return Count.none("index step is not a constant");
    boolean forward = step > 0;
    boolean inclusive;
    switch (cmp) {
      case LT, LE -> {
        if (!forward) return Count.none("not a counted loop");
        inclusive = cmp == Comparison.LE;
      }
      case GT, GE -> {
        if (forward) return Count.none("not a counted loop");
        inclusive = cmp == Comparison.GE;
      }
      default -> {
        if (Math.abs(step) != 1) return Count.none("condition uses != with a step other than 1");
        inclusive = false;
      }
    }
    long k = Math.abs(step);
    // the first value the test sees
    boolean shifted = update == Update.BEFORE_TEST;
    Long firstC = start.constant() == null ? null : start.constant() + (shifted ? step : 0);
    Operand hi = forward ? bound : start;
    Operand lo = forward ? start : bound;
    Long hiC = forward ? bound.constant() : firstC;
    Long loC = forward ? firstC : bound.constant();
    if (hiC != null && loC != null) {
      long n = hiC - loC + (inclusive ? 1 : 0);
      n = n <= 0 ? 0 : (n + k - 1) / k;
      Boxes.Range tested = Boxes.Range.ofCountedLoop(firstC, bound.constant(), step, inclusive);
      // i-- > 0: the body sees the value after the step
      Boxes.Range range = tested == null || update != Update.AFTER_TEST ? tested
          : new Boxes.Range(tested.lo() + step, tested.hi() + step);
      if (forward && loC == 0 && k == 1 && !inclusive && !shifted) {
        // for (int i = 0; i < CAPACITY; i++): keep the name for messages and fixes
        return new Count(new SymbolicExpr(bound.text(), SymbolicExpr.canonicalKey(bound.text()), n), range, null, null);
      }
      return new Count(SymbolicExpr.constant(n), range, null, null);
    }
    String hiT = left(hi);
    String loT = right(lo);
    if (shifted && forward) loT = "(" + lo.text() + " + " + k + ")";
    if (shifted && !forward) hiT = hiT + " - " + k;
    String diff = loC != null && loC == 0 ? hiT : hiT + " - " + loT;
    if (inclusive && diff.endsWith(" - 1")) {
      // for (int i = n - 1; i >= 0; i--), for (int i = n; --i >= 0;): n iterations, not "n - 1 + 1"
      diff = diff.substring(0, diff.length() - 4);
      inclusive = false;
    }
    String text;
    if (k == 1) {
      text = inclusive ? diff + " + 1" : diff;
    } else {
      text = "(" + diff + " + " + (inclusive ? k : k - 1) + ") / " + k;
    }
    // for (n = 0; n < b; n++), n <= b: the index runs start..b - 1 (b), at most the field's largest value
    // (not with !=: below the start, the index runs past it)
    FieldRanges.Bound fieldBound = (cmp == Comparison.LT || cmp == Comparison.LE) && k == 1
        && update == Update.AFTER_BODY && start.constant() != null && bound.field() != null ? new FieldRanges.Bound(bound.field(), bound.text(), start.constant(),
            cmp == Comparison.LE ? 0 : -1, null) : null;
    return new Count(SymbolicExpr.of(text), null, null, fieldBound);
  }

  /** The operand's text on the left of {@code -}. */
  private static String left(Operand o) {
    return o.looser() ? "(" + o.text() + ")" : o.text();
  }

  /** The operand's text on the right of {@code -}. */
  private static String right(Operand o) {
    return o.looser() || o.additive() ? "(" + o.text() + ")" : o.text();
  }
}
