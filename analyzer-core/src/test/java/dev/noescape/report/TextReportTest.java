package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {
  @Test
  void goStyleLinesHottestFirst() {
    // hotness 11040, 11030, 11020, 10120, 10050, 40
    assertEquals(
        ORDERS + ":5:22: " + UNPRESIZED.message() + " [UnpresizedCollection]\n"
            + ORDERS + ":10:21: " + LAMBDA.message() + " [CapturingLambda]\n"
            + ORDERS + ":9:7: " + BOXING.message() + " [BoxingAllocation]\n"
            + UTIL + ":30:12: " + CONTRACT.message() + " [AllocationContract]\n"
            + UTIL + ":14: " + CONCAT.message() + " [StringConcatInLoop]\n"
            + CACHE + ":7:15: new Entry(k, v) escapes to heap: stored into Cache.map (line 8) [HeapEscape]\n",
        TextReport.findings(shuffled(sampleRun(), 7), false));
  }

  @Test
  void equallyHotFindingsKeepFileAndLineOrder() {
    ReportRun run = new ReportRun("1", ReportFixtures.many(40), List.of());
    List<ReportedFinding> order = TextReport.order(run);
    for (int i = 1; i < order.size(); i++) {
      var a = order.get(i - 1).finding();
      var b = order.get(i).finding();
      assertTrue(a.hotness() > b.hotness()
          || a.hotness() == b.hotness() && dev.noescape.finding.Finding.ORDER.compare(a, b) <= 0, a + " before " + b);
    }
    assertEquals(order, TextReport.order(shuffled(run, 5)));
  }

  @Test
  void copiesOfOneTemplateForOtherTypesAreOneLineWithTheOthersLines() {
    String text = TextReport.findings(new ReportRun("1", templateCopies(), List.of()), false);
    String head = REPRESENTER + ":";
    assertEquals(
        head + "255:18: " + templateCopies().get(0).finding().message() + " [BoxingAllocation]\n"
            + "    and 2 overloads: lines 264 (asIntList), 273 (asLongList)\n"
            + head + "282:18: " + templateCopies().get(3).finding().message() + " [BoxingAllocation]\n"
            + "    and 1 overload: line 291 (asDoubleList)\n"
            + head + "300:18: " + templateCopies().get(5).finding().message() + " [BoxingAllocation]\n",
        text);
    // the summary still counts every finding
    assertTrue(TextReport.summary(new ReportRun("1", templateCopies(), List.of())).contains("6 findings"));
  }

  @Test
  void findingsWithoutATemplateKeyOrInOneMethodStayApart() {
    ReportedFinding a = templateCopies().get(0);
    ReportedFinding sameMethod = ReportedFinding.of(a.finding().at(a.finding().file(), dev.noescape.ir.SourcePos.of(256, 18)));
    ReportedFinding keyless = ReportedFinding.of(templateCopies().get(1).finding().withTemplate(null));
    String text = TextReport.findings(new ReportRun("1", List.of(a, sameMethod, keyless), List.of()), false);
    assertEquals(3, text.lines().count(), text);
    assertTrue(!text.contains("overload"), text);
  }

  @Test
  void reasonChainsIndented() {
    String text = TextReport.findings(new ReportRun("1", List.of(ReportedFinding.of(ESCAPE)), List.of()), true);
    assertEquals(
        CACHE + ":7:15: new Entry(k, v) escapes to heap: stored into Cache.map (line 8) [HeapEscape]\n"
            + "    stored into Cache.map (line 8)\n"
            + "    Cache instance is reachable from static field Cache.INSTANCE (line 4)\n",
        text);
  }

  @Test
  void summaryBlock() {
    assertEquals(
        "noescape 0.1.0-SNAPSHOT: 6 findings (1 error, 4 warnings, 1 info) in 3 files\n"
            + "  HeapEscape                   1\n"
            + "  BoxingAllocation             1\n"
            + "  CapturingLambda              1\n"
            + "  UnpresizedCollection         1\n"
            + "  StringConcatInLoop           1\n"
            + "  AllocationContract           1\n"
            + "  total                        6\n"
            + "note: skipped com/acme/Broken.class: truncated class file\n",
        TextReport.summary(shuffled(sampleRun(), 3)));
    assertEquals(
        "noescape 1: 0 findings (0 errors, 0 warnings, 0 info) in 0 files\n  total                        0\n",
        TextReport.summary(new ReportRun("1", List.of(), List.of())));
  }

  @Test
  void writeIsLinesBlankLineSummary() {
    ReportRun run = new ReportRun("1", List.of(ReportedFinding.of(BOXING)), List.of());
    assertEquals(
        ORDERS + ":9:7: " + BOXING.message() + " [BoxingAllocation]\n\n"
            + "noescape 1: 1 finding (0 errors, 1 warning, 0 info) in 1 file\n"
            + "  BoxingAllocation             1\n"
            + "  total                        1\n",
        TextReport.write(run));
  }

  @Test
  void summarySaysWhenSarifIsCapped() {
    ReportRun run = new ReportRun("1", ReportFixtures.many(Reports.MAX_SARIF_RESULTS + 1), List.of());
    String summary = TextReport.summary(run);
    assertTrue(summary.contains("  BoxingAllocation         25001\n"), summary);
    assertTrue(summary.contains("note: the SARIF report holds the 25000 hottest of 25001 findings (1 left out;"), summary);
    assertTrue(!TextReport.summary(new ReportRun("1", ReportFixtures.many(100), List.of())).contains("note:"));
  }
}
