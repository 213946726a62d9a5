package dev.noescape.finding;

import dev.noescape.ir.MethodRef;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a finding says once the types that differ between copies of one code template are left out:
 * the same loop written once per primitive type ({@code asShortList(short[])},
 * {@code asIntList(int[])}, {@code asLongList(long[])}; or overloads of one name) gives findings that
 * read as one. The text and HTML reports group findings of one rule and file with equal keys
 * ({@code report.TemplateGroups}); JSON and SARIF keep one finding per site, since those are the
 * keys of baselines and suppressions.
 *
 * <p>The key is built by the rule layer, when the finding is made ({@code RuleSupport.finding}),
 * from the facts the message was built of, never read back by a writer: the method's class and
 * name, and the message, with the primitive types and their boxes (the types primitive overloads
 * differ in, as words of the message and as parts of the method's name: {@code short},
 * {@code Short}, {@code asShortList}) replaced by one placeholder, and the lines the message names
 * written relative to the finding's own line ({@code (line 254)} at line 255 is {@code (line @-1)}),
 * since each copy of the template sits at its own lines.
 */
public final class TemplateKey {
  private TemplateKey() {}

  private static final Pattern TYPE_WORD = Pattern.compile(
      "\\b(?:byte|short|int|long|float|double|char|boolean|Byte|Short|Integer|Long|Float|Double|Character|Boolean)\\b");
  /** In a method name: a capitalized type word at a camel-case boundary ({@code asIntList}, {@code writeChars}). */
  private static final Pattern NAME_TYPE_WORD = Pattern.compile(
      "(?:Byte|Short|Integer|Int|Long|Float|Double|Character|Char|Boolean|Bool)(?![a-z])");
  private static final Pattern LINE = Pattern.compile("\\b(lines?) (\\d+)\\b");

  /**
   * The key of a finding of {@code method} at {@code line} whose message is {@code message}; null
   * when there is no method (nothing to tell copies of a template from one another by).
   */
  public static String of(MethodRef method, int line, String message) {
    if (method == null || message == null) return null;
    String name = NAME_TYPE_WORD.matcher(method.name()).replaceAll("{T}");
    if (TYPE_WORD.matcher(method.name()).matches()) name = "{t}";
    return method.owner() + "#" + name + "|" + relativeLines(TYPE_WORD.matcher(message).replaceAll("{t}"), line);
  }

  private static String relativeLines(String message, int line) {
    if (line <= 0) return message;
    Matcher m = LINE.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long n = Long.parseLong(m.group(2));
      long d = n - line;
      m.appendReplacement(out, m.group(1) + " @" + (d >= 0 ? "+" : "") + d);
    }
    m.appendTail(out);
    return out.toString();
  }
}
