package dev.noescape.ir;

/**
 * An int-valued expression the rules talk about: a loop's trip count, a capacity argument, the
 * size of a collection handed to {@code putAll}.
 *
 * @param text the source text to print in messages and suggested fixes ({@code orders.size()})
 * @param key canonical form used to decide that two expressions are the same value: the text
 *     with all white space removed and redundant parentheses dropped. Both front ends produce
 *     keys the same way, so {@code new HashMap<>(orders.size())} and a loop over {@code orders}
 *     meet.
 * @param constant the value when it is a compile-time constant, else null
 */
public record SymbolicExpr(String text, String key, Long constant) {
  public static SymbolicExpr of(String text) {
    return new SymbolicExpr(text, canonicalKey(text), null);
  }

  public static SymbolicExpr constant(long value) {
    String t = Long.toString(value);
    return new SymbolicExpr(t, t, value);
  }

  /** The size of a collection named by {@code base}: {@code base.size()}. */
  public static SymbolicExpr sizeOf(SymbolicExpr base) {
    return of(base.text() + ".size()");
  }

  /** The length of an array named by {@code base}: {@code base.length}. */
  public static SymbolicExpr lengthOf(SymbolicExpr base) {
    return of(base.text() + ".length");
  }

  public boolean isConstant() {
    return constant != null;
  }

  /** White space removed, and one pair of parentheses around the whole expression dropped. */
  public static String canonicalKey(String text) {
    String k = withoutWhiteSpace(text);
    while (k.length() > 2 && k.charAt(0) == '(' && k.charAt(k.length() - 1) == ')' && balanced(k.substring(1, k.length() - 1))) {
      k = k.substring(1, k.length() - 1);
    }
    return k;
  }

  /**
   * {@code text} without the characters of the regex class {@code \s} ({@code [ \t\n\x0B\f\r]}):
   * {@code replaceAll("\\s+", "")} without compiling the pattern for every expression the front ends
   * lower (a measurable share of the javac plugin's allocation), and the text itself when it has none.
   */
  private static String withoutWhiteSpace(String text) {
    int i = 0;
    while (i < text.length() && !isWhiteSpace(text.charAt(i))) i++;
    if (i == text.length()) return text;
    StringBuilder b = new StringBuilder(text.length()).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isWhiteSpace(c)) b.append(c);
    }
    return b.toString();
  }

  private static boolean isWhiteSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean balanced(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && --depth < 0) return false;
    }
    return depth == 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
