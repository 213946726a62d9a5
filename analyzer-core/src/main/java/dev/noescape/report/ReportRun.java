package dev.noescape.report;

import java.util.List;

/**
 * Everything one run reports, in the order writers print it. Writers add nothing that varies
 * between runs over the same input (no timestamps, no absolute paths unless the findings carry
 * them), so the same input gives byte-identical files.
 *
 * @param toolVersion noescape's version ({@code 0.1.0-SNAPSHOT})
 * @param findings sorted with {@link dev.noescape.finding.Finding#ORDER}
 * @param notes what the run could not do, one line each, naming the input:
 *     {@code skipped com/acme/Broken.class: truncated class file}
 */
public record ReportRun(String toolVersion, List<ReportedFinding> findings, List<String> notes) {
  public ReportRun {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }
}
