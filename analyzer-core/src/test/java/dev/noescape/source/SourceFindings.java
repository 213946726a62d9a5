package dev.noescape.source;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Findings as the bytecode front end produces them (line only), and edit application, for the source tests. */
final class SourceFindings {
  private SourceFindings() {}

  static final MethodRef METHOD = new MethodRef("a.Foo", "run", List.of(), "void", false);

  static Finding finding(RuleId rule, String file, int line, String subject, String message) {
    return finding(rule, file, line, subject, message, null, -1, METHOD);
  }

  static Finding finding(RuleId rule, String file, int line, String subject, String message, Fix fix, int siteId,
      MethodRef method) {
    return new Finding(rule, rule.defaultSeverity(), file, SourcePos.line(line), message, List.of(), 0, fix, method,
        siteId, subject);
  }

  /** {@code source} with the edits applied (they must not overlap). */
  static String apply(String source, List<TextEdit> edits) {
    int[] starts = SourceUnit.lineStarts(source);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> starts[e.startLine() - 1] + e.startColumn() - 1).reversed());
    StringBuilder sb = new StringBuilder(source);
    for (TextEdit e : sorted) {
      int s = starts[e.startLine() - 1] + e.startColumn() - 1;
      int t = starts[e.endLine() - 1] + e.endColumn() - 1;
      sb.replace(s, t, e.replacement());
    }
    return sb.toString();
  }

  /**
   * The subject the javac front end gives a finding with this message (its description; for string
   * accumulations and method references a generic one, as a front end that lost the source text
   * would write).
   */
  static String subjectOf(RuleId rule, String msg) {
    switch (rule) {
      case HEAP_ESCAPE: {
        int i = msg.indexOf(" escapes to heap");
        if (i < 0) i = msg.indexOf(" does not escape");
        return i < 0 ? msg : msg.substring(0, i);
      }
      case BOXING_ALLOCATION:
        return msg.substring(0, msg.indexOf(" allocates"));
      case VARARGS_ALLOCATION: {
        Matcher m = Pattern.compile("^varargs call to (\\S+) allocates (?:an empty|a new) (\\w+)").matcher(msg);
        return m.find() ? "varargs " + m.group(2) + "[] for " + m.group(1) : "varargs";
      }
      case CAPTURING_LAMBDA: {
        if (msg.startsWith("lambda")) {
          int i = msg.indexOf("because it captures ");
          return i < 0 ? "lambda" : "lambda capturing " + msg.substring(i + 20, msg.indexOf(':', i));
        }
        if (msg.startsWith("method reference")) return "bound method reference";
        return msg.substring(0, msg.indexOf(" allocates"));
      }
      case UNPRESIZED_COLLECTION:
      case HASH_MAP_CAPACITY: {
        int i = msg.indexOf(" grows");
        if (i < 0) i = msg.indexOf(" rehashes");
        return msg.substring(0, i);
      }
      case STRING_CONCAT_IN_LOOP:
        return "string +=";
      case LEAKING_PARAMETER: {
        String s = msg.replaceFirst("^leaking param(?: content)?: ", "");
        return "param " + s.split("[ (]")[0];
      }
      default:
        return msg;
    }
  }
}
