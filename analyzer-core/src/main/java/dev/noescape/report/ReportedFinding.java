package dev.noescape.report;

import dev.noescape.finding.Finding;
import java.util.List;

/**
 * A finding as the writers print it: the analysis' {@link Finding} (its file and position already
 * mapped to the source when sources were given) and, when the rule has a fix and the source is
 * known, the edits that apply it.
 */
public record ReportedFinding(Finding finding, List<TextEdit> fix) {
  public ReportedFinding {
    fix = List.copyOf(fix);
  }

  public static ReportedFinding of(Finding finding) {
    return new ReportedFinding(finding, List.of());
  }
}
