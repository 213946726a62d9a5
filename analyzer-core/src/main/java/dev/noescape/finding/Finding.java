package dev.noescape.finding;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.engine.Reason;
import dev.noescape.ir.MethodRef;
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
 * @param expected why the escape it reports is expected (reports leave such findings out unless
 *     asked for them), or null
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
    String subject,
    ExpectedEscape expected) {

  public Finding {
    reasons = List.copyOf(reasons);
  }

  /** A finding about nothing expected. */
  public Finding(RuleId rule, Severity severity, String file, SourcePos pos, String message, List<Reason> reasons,
      int hotness, Fix fix, MethodRef method, int siteId, String subject) {
    this(rule, severity, file, pos, message, reasons, hotness, fix, method, siteId, subject, null);
  }

  /** This finding marked as expected for {@code why}. */
  public Finding expected(ExpectedEscape why) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, siteId, subject, why);
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
