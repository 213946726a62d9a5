package dev.noescape.finding;

import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a rule reports.
 *
 * @param rule which rule
 * @param severity how loudly
 * @param file source path as the front end knows it
 * @param pos where: the allocating expression, the parameter, the call
 * @param message the full message: what allocates, why it is on the heap, what to write instead
 * @param reasons the reason chain (escape rules), for related locations and {@code -m=2} output
 * @param hotness rank for "top N" views: higher is hotter (see {@link Hotness})
 * @param fix the suggested fix, or null
 * @param method the method that contains it
 * @param siteId the allocation site id within {@code method}, or -1 (parameters)
 * @param subject what the finding is about, stable across line shifts, for baseline keys:
 *     {@code new StringBuilder()}, {@code param items}
 */
public record Finding(
    RuleId rule,
    Severity severity,
    String file,
    SourcePos pos,
    String message,
    List<Reason> reasons,
    int hotness,
    Fix fix,
    MethodRef method,
    int siteId,
    String subject) {

  public Finding {
    reasons = List.copyOf(reasons);
  }

  /** The line-independent baseline key {@code RuleId:Signature}. */
  public String baselineKey() {
    return rule.id() + ":" + method.key() + ":" + subject;
  }

  /** Deterministic report order: file, line, column, rule, message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingInt(f -> f.pos().line())
          .thenComparingInt(f -> f.pos().column())
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message);

  /** {@code path:line:col: message [RuleId]}, as Go's {@code -m} prints. */
  public String toTextLine() {
    String where = pos.column() > 0 ? pos.line() + ":" + pos.column() : Integer.toString(pos.line());
    return file + ":" + where + ": " + message + " [" + rule.id() + "]";
  }
}
