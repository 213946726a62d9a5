package dev.noescape.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java text of a {@link Fix}, in one place for the rules that compose it and the two writers
 * that apply it (the javac plugin's {@code FixBuilder} on javac trees, the command line's
 * {@code FixEdits} on JavaParser trees), so a fix reads the same to the character whichever front
 * end reports it.
 *
 * <p>Everything here works on text only: what needs a parsed tree (whether a name resolves at the
 * site, where the constructor call starts) stays with the writer.
 */
public final class FixText {
  private FixText() {}

  /** A name, a literal, or a chain of fields and no-argument calls: {@code this.users.size()}. */
  private static final Pattern PLAIN_CHAIN =
      Pattern.compile("[A-Za-z0-9_$.]+(\\(\\))?(\\.[A-Za-z0-9_$]+(\\(\\))?)*");

  private static final Pattern CEIL_CAPACITY = Pattern.compile("^\\(int\\) Math\\.ceil\\((.*) / 0\\.75\\)$");

  /** Where a name chain starts: an identifier not preceded by a name character or a dot. */
  private static final Pattern NAME_CHAIN_START = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)");

  private static final Pattern STRING_OR_CHAR_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'");

  private static final Set<String> KEYWORDS = Set.of("int", "long", "short", "byte", "char", "double", "float",
      "boolean", "this", "super", "null", "true", "false", "new", "instanceof");

  /** Whether {@code text} (stripped) is a plain chain: an operand that needs no parentheses. */
  public static boolean isPlainChain(String text) {
    return PLAIN_CHAIN.matcher(text.strip()).matches();
  }

  /** {@code text}, parenthesized unless it is a plain chain or already one parenthesized group. */
  public static String operand(String text) {
    String t = text.strip();
    return isPlainChain(t) || wrapped(t) ? t : "(" + t + ")";
  }

  /** {@code (int) Math.ceil(size / 0.75)}: the capacity that holds {@code size} entries at load factor 0.75. */
  public static String ceilCapacity(String sizeText) {
    return "(int) Math.ceil(" + operand(sizeText) + " / 0.75)";
  }

  /**
   * The size text of a capacity written by {@link #ceilCapacity} ({@code n} for
   * {@code (int) Math.ceil(n / 0.75)}), or null when {@code capacityText} is not one; a writer
   * uses it to write the capacity again around the source's own spelling of the size.
   */
  public static String ceilCapacitySize(String capacityText) {
    Matcher m = CEIL_CAPACITY.matcher(capacityText);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * The names an expression text starts a name chain with ({@code users} in {@code users.size()},
   * {@code Math} in {@code (int) Math.ceil(n / 0.75)}), in order: each must resolve, as a variable
   * or a type, where the fix puts the text, since the size a rule names may be a local declared
   * after the allocation. Keywords, names inside string and char literals, and unqualified method
   * calls (resolved by the enclosing class, not the scope) are left out.
   */
  public static List<String> namesToResolve(String expressionText) {
    String code = STRING_OR_CHAR_LITERAL.matcher(expressionText).replaceAll("\"\"");
    Matcher m = NAME_CHAIN_START.matcher(code);
    List<String> names = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      if (KEYWORDS.contains(name)) continue;
      if (code.substring(m.end()).stripLeading().startsWith("(")) continue;
      names.add(name);
    }
    return names;
  }

  /**
   * The position of the first character at or after {@code from} that is not white space or inside
   * a comment, before {@code limit} (negative: the end of {@code src}); -1 if none. An
   * {@link Fix.AddCapacity} goes right after the {@code (} found this way after the constructed
   * type, whatever comments the source puts between them.
   */
  public static int nextCodeChar(CharSequence src, int from, int limit) {
    if (src == null) return -1;
    int end = limit < 0 ? src.length() : Math.min(limit, src.length());
    int i = from;
    while (i < end) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < end && src.charAt(i + 1) == '*') {
        int close = src.toString().indexOf("*/", i + 2);
        if (close < 0) return -1;
        i = close + 2;
      } else if (c == '/' && i + 1 < end && src.charAt(i + 1) == '/') {
        while (i < end && src.charAt(i) != '\n') i++;
      } else {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code t} is one parenthesized group: {@code (a + b)}, not {@code (a) + (b)}. */
  private static boolean wrapped(String t) {
    if (t.length() < 2 || t.charAt(0) != '(' || t.charAt(t.length() - 1) != ')') return false;
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch == '(') depth++;
      else if (ch == ')' && --depth == 0 && i < t.length() - 1) return false;
    }
    return depth == 0;
  }
}
