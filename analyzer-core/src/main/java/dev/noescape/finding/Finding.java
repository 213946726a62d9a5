package dev.noescape.finding;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.RuntimePrediction;
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
 * @param message the full message, for people: what allocates, why it is on the heap, what to write
 *     instead. Nothing reads it back; what the finding is about is {@code subject}
 * @param reasons the reason chain (escape rules), for related locations and {@code -m=2} output
 * @param hotness rank for "top N" views: higher is hotter (see {@link Hotness})
 * @param fix the suggested fix, or null
 * @param method the method that contains it
 * @param subject what it is about, as structure: the site (with its details), the parameter, the
 *     call; its line-independent name is {@link SubjectIdentity#of}
 * @param expected why the escape it reports is expected (reports leave such findings out unless
 *     asked for them), or null
 * @param runtime for a finding about an allocation site, what HotSpot C2 is predicted to do with
 *     it (heap or scalar-replaced, and why); null for other subjects or when no prediction was made
 * @param template what the finding says with the types that differ between copies of one code
 *     template left out ({@link TemplateKey}), for the reports that group such copies; null when
 *     the finding is not to be grouped (its message was amended after the rule made it)
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
    Subject subject,
    ExpectedEscape expected,
    RuntimePrediction runtime,
    String template) {

  public Finding {
    reasons = List.copyOf(reasons);
  }

  /** A finding that is not grouped with copies of its code template ({@link #template()} null). */
  public Finding(RuleId rule, Severity severity, String file, SourcePos pos, String message, List<Reason> reasons,
      int hotness, Fix fix, MethodRef method, Subject subject, ExpectedEscape expected, RuntimePrediction runtime) {
    this(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, expected, runtime, null);
  }

  /** A finding about nothing expected, without a runtime prediction (the back end adds it: {@link #withRuntime}). */
  public Finding(RuleId rule, Severity severity, String file, SourcePos pos, String message, List<Reason> reasons,
      int hotness, Fix fix, MethodRef method, Subject subject) {
    this(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, null, null, null);
  }

  /** This finding marked as expected for {@code why}. */
  public Finding expected(ExpectedEscape why) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, why, runtime, template);
  }

  /** This finding with C2's predicted treatment of its site. */
  public Finding withRuntime(RuntimePrediction r) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, expected, r, template);
  }

  /** This finding about {@code s} (the same site standing for others: {@link Subject.Site#also}). */
  public Finding withSubject(Subject s) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, s, expected, runtime, template);
  }

  /** This finding with another rank ({@link Hotness#inOneTimeMethod}). */
  public Finding withHotness(int h) {
    return new Finding(rule, severity, file, pos, message, reasons, h, fix, method, subject, expected, runtime, template);
  }

  /** The allocation site id within {@link #method()}, or -1 when the subject is not a site. */
  public int siteId() {
    return subject instanceof Subject.Site s ? s.site().id() : -1;
  }

  /** {@link SubjectIdentity#of} the subject. */
  public String identity() {
    return SubjectIdentity.of(subject);
  }

  /** This finding at another file and position (source mapping). */
  public Finding at(String file, SourcePos pos) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, expected, runtime,
        template);
  }

  /** This finding with its {@link TemplateKey template key}. */
  public Finding withTemplate(String key) {
    return new Finding(rule, severity, file, pos, message, reasons, hotness, fix, method, subject, expected, runtime, key);
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
