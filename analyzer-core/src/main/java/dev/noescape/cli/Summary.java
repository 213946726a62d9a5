package dev.noescape.cli;

import dev.noescape.catalog.RuleId;
import dev.noescape.report.ReportedFinding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line summary on stderr:
 * {@code noescape: 42 findings (BoxingAllocation 12, VarargsAllocation 30) in 1,970 classes; wrote target/noescape/noescape.sarif}.
 */
final class Summary {
  private Summary() {}

  /**
   * @param classesTotal classes in the inputs
   * @param classesAnalyzed of those, the ones analyzed completely (the rest are named in notes)
   * @param wrote the files written, as the user named them; empty for text output
   */
  static String line(List<ReportedFinding> findings, int classesTotal, int classesAnalyzed, List<String> wrote) {
    StringBuilder sb = new StringBuilder("noescape: ");
    int n = findings.size();
    if (n == 0) {
      sb.append("no findings");
    } else {
      sb.append(number(n)).append(n == 1 ? " finding" : " findings").append(" (").append(perRule(findings)).append(')');
    }
    sb.append(" in ").append(number(classesTotal)).append(classesTotal == 1 ? " class" : " classes");
    int partial = classesTotal - classesAnalyzed;
    if (partial > 0) sb.append(" (").append(number(partial)).append(" not fully analyzed, see notes)");
    if (!wrote.isEmpty()) sb.append("; wrote ").append(String.join(", ", wrote));
    return sb.toString();
  }

  /** {@code BoxingAllocation 12, VarargsAllocation 3}: most findings first, ties in rule order. */
  static String perRule(List<ReportedFinding> findings) {
    Map<RuleId, Integer> counts = new EnumMap<>(RuleId.class);
    for (ReportedFinding f : findings) counts.merge(f.finding().rule(), 1, Integer::sum);
    List<Map.Entry<RuleId, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<RuleId, Integer>comparingByValue().reversed()); // stable: ties keep rule order
    List<String> parts = new ArrayList<>(entries.size());
    for (Map.Entry<RuleId, Integer> e : entries) parts.add(e.getKey().id() + " " + number(e.getValue()));
    return String.join(", ", parts);
  }

  /** {@code 1,970}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
