package dev.noescape.report;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.Reason;
import dev.noescape.profile.ProfileRanking;
import java.util.List;
import java.util.Map;

/**
 * The plain-text report, as Go's {@code -m} prints it: one line per finding
 * ({@link Finding#toTextLine()}; copies of one code template for other types once, with the others'
 * lines: {@link TemplateGroups}), hottest first ({@link #order}), optionally the reason chain indented under it ({@code -m=2}), then
 * a per-rule summary block. Lines end with {@code \n}.
 *
 * <pre>
 * src/main/java/a/Foo.java:12:17: new StringBuilder() escapes to heap: returned (line 20) [HeapEscape]
 *
 * noescape 0.1.0: 3 findings (0 errors, 2 warnings, 1 info) in 1 file
 *   BoxingAllocation        2
 *   HeapEscape              1
 *   total                   3
 * </pre>
 */
public final class TextReport {
  private TextReport() {}

  /** Width of the rule column in the summary: the longest rule ID plus two. */
  private static final int RULE_COLUMN = 24;

  /** The text line of one finding: {@code path:line:col: message [RuleId]}. */
  public static String line(ReportedFinding rf) {
    return rf.finding().toTextLine();
  }

  /**
   * The text line of one finding, followed, when a recording ranks the run and samples were
   * credited to it, by what was measured:
   * {@code path:line:col: message [RuleId] (measured: 12.3 MB, 41.2 % of the sampled program bytes)}.
   * The line keeps the {@code path:line:col: message} shape editors and CI parse.
   */
  public static String line(ReportedFinding rf, ProfileRanking profile) {
    String line = line(rf);
    String measured = profile == null ? null : profile.measured(rf.finding());
    return measured == null ? line : line + " (" + measured + ")";
  }

  /**
   * The findings in the order the text prints them, hottest first ({@link Reports#ranked}): by the
   * bytes a recording measured when one ranks the run, else by static hotness; ties in
   * {@link Reports#ORDER} (file, line, column, rule, message), so the order is the same on every run.
   * The hot path leads, as in the HTML report's "hottest" table.
   */
  public static List<ReportedFinding> order(ReportRun run) {
    return Reports.ranked(run.findings(), run.profile());
  }

  /**
   * Every finding, one line each ({@link #line(ReportedFinding, ProfileRanking)}, in {@link #order});
   * with {@code reasonChains} each finding's reason chain follows, one step per line indented by four
   * spaces ({@code     stored into Cache.map (line 20)}). Copies of one code template for other types
   * ({@link TemplateGroups}) are one line, where the first is, followed by the others' lines
   * ({@code     and 2 overloads: lines 264 (asIntList), 273 (asLongList)}).
   */
  public static String findings(ReportRun run, boolean reasonChains) {
    StringBuilder sb = new StringBuilder();
    for (TemplateGroups.Group g : TemplateGroups.of(order(run))) {
      ReportedFinding rf = g.lead();
      sb.append(line(rf, run.profile())).append('\n');
      if (!g.others().isEmpty()) sb.append("    ").append(g.othersPhrase()).append('\n');
      if (reasonChains) {
        for (Reason r : rf.finding().reasons()) sb.append("    ").append(r.render()).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The summary block: a headline with totals, one line per rule that reported something (rule
   * order of {@link RuleId}), the total, then one {@code note:} line per run note, and a note when
   * the SARIF report will be capped at {@link Reports#MAX_SARIF_RESULTS}.
   */
  public static String summary(ReportRun run) {
    List<ReportedFinding> all = run.findings();
    Map<RuleId, Integer> byRule = Reports.countByRule(all);
    var bySeverity = Reports.countBySeverity(all);
    int files = Reports.files(all).size();
    StringBuilder sb = new StringBuilder();
    sb.append("noescape ").append(run.toolVersion()).append(": ")
        .append(plural(all.size(), "finding")).append(" (")
        .append(plural(bySeverity.get(dev.noescape.catalog.Severity.ERROR), "error")).append(", ")
        .append(plural(bySeverity.get(dev.noescape.catalog.Severity.WARNING), "warning")).append(", ")
        .append(bySeverity.get(dev.noescape.catalog.Severity.INFO)).append(" info)")
        .append(" in ").append(plural(files, "file")).append('\n');
    for (Map.Entry<RuleId, Integer> e : byRule.entrySet()) {
      if (e.getValue() > 0) sb.append(row(e.getKey().id(), e.getValue()));
    }
    sb.append(row("total", all.size()));
    if (all.size() > Reports.MAX_SARIF_RESULTS) {
      sb.append("note: ").append(capNote(Reports.MAX_SARIF_RESULTS, all.size())).append('\n');
    }
    for (String note : run.notes()) sb.append("note: ").append(note).append('\n');
    return sb.toString();
  }

  /** {@link #findings} without reason chains, a blank line, then {@link #summary}. */
  public static String write(ReportRun run) {
    String findings = findings(run, false);
    return findings.isEmpty() ? summary(run) : findings + "\n" + summary(run);
  }

  /** The notice written when the SARIF report keeps only the {@code kept} hottest of {@code total} findings. */
  public static String capNote(int kept, int total) {
    return "the SARIF report holds the " + kept + " hottest of " + total + " findings ("
        + (total - kept) + " left out; GitHub code scanning accepts at most "
        + Reports.MAX_SARIF_RESULTS + " results per run); the text, JSON and HTML reports hold all of them";
  }

  private static String row(String label, int count) {
    StringBuilder sb = new StringBuilder("  ").append(label);
    int pad = Math.max(1, RULE_COLUMN - label.length());
    sb.append(" ".repeat(pad)).append(String.format("%6d", count)).append('\n');
    return sb.toString();
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
