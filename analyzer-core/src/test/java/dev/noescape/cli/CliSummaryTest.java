package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.boxing;
import static dev.noescape.cli.CliHarness.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.report.ReportedFinding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summary on stderr. */
class CliSummaryTest {
  private static List<ReportedFinding> of(Finding... f) {
    return List.of(f).stream().map(ReportedFinding::of).toList();
  }

  private static Finding lambda(int line) {
    return finding(RuleId.CAPTURING_LAMBDA, "com/acme/Bus.java", line, "lambda allocates");
  }

  @Test
  void theExampleOfTheIssue() {
    List<ReportedFinding> findings = new ArrayList<>();
    for (int i = 0; i < 12; i++) findings.add(ReportedFinding.of(boxing(i + 1)));
    for (int i = 0; i < 30; i++) findings.add(ReportedFinding.of(lambda(i + 1)));
    assertEquals("noescape: 42 findings (CapturingLambda 30, BoxingAllocation 12) in 1,970 classes; wrote target/noescape/noescape.sarif",
        Summary.line(findings, 1970, 1970, List.of("target/noescape/noescape.sarif")));
  }

  @Test
  void tiesKeepRuleOrder() {
    assertEquals("BoxingAllocation 1, CapturingLambda 1", Summary.perRule(of(lambda(1), boxing(2))));
  }

  @Test
  void singularAndNone() {
    assertEquals("noescape: 1 finding (BoxingAllocation 1) in 1 class", Summary.line(of(boxing(1)), 1, 1, List.of()));
    assertEquals("noescape: no findings in 0 classes", Summary.line(List.of(), 0, 0, List.of()));
  }

  @Test
  void partlyAnalyzedClassesAreCounted() {
    assertEquals("noescape: no findings in 12,000 classes (1,001 not fully analyzed, see notes); wrote a.json, b.sarif",
        Summary.line(List.of(), 12_000, 10_999, List.of("a.json", "b.sarif")));
  }

  @Test
  void numbersHaveGroupingWhateverTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertEquals("1,234,567", Summary.number(1_234_567));
      assertEquals("analyzing: 1,000/2,000 classes, 2.5 s", ProgressLine.format("lowering", 1000, 2000, 2_500_000_000L));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }
}
