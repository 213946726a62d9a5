package dev.noescape.showcase.book;

/** Prices as integer ticks of 0.01, parsed and printed without floating point. */
public final class Ticks {
  private Ticks() {}

  /** "101.25" to 10125; "101" and "101.2" are accepted too. */
  public static long parse(CharSequence text, int from, int to) {
    long whole = 0;
    long cents = 0;
    int fractionDigits = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' && fractionDigits < 0) {
        fractionDigits = 0;
      } else if (c >= '0' && c <= '9') {
        if (fractionDigits < 0) {
          whole = whole * 10 + (c - '0');
        } else if (fractionDigits < 2) {
          cents = cents * 10 + (c - '0');
          fractionDigits++;
        }
      } else {
        throw new NumberFormatException("not a price: " + text.subSequence(from, to));
      }
    }
    if (fractionDigits == 1) {
      cents *= 10;
    }
    return whole * 100 + cents;
  }

  public static String format(long ticks) {
    long cents = ticks % 100;
    return (ticks / 100) + (cents < 10 ? ".0" : ".") + cents;
  }
}
