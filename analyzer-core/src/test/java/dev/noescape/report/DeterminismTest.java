package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.noescape.pipeline.ReportFiles;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same input, same bytes: twice in a row, and whatever order the findings come in. */
class DeterminismTest {
  static final List<Function<ReportRun, String>> WRITERS =
      List.of(
          run -> TextReport.write(run),
          run -> TextReport.findings(run, true),
          run -> new SarifWriter(SOURCES).write(run),
          run -> new SarifWriter(SOURCES).withMaxResults(20).write(run),
          run -> new JsonReportWriter().write(run),
          run -> new HtmlReportWriter(SOURCES).write(run));

  static ReportRun bigRun() {
    List<ReportedFinding> findings = new ArrayList<>(sampleRun().findings());
    findings.addAll(ReportFixtures.many(200));
    // Exact duplicates and twins on other lines, which only the tie-breakers order.
    findings.add(ReportedFinding.of(BOXING));
    findings.add(ReportedFinding.of(SarifWriterTest.shifted(LAMBDA, 1)));
    return new ReportRun("0.1.0", findings, List.of("note b", "note a"));
  }

  @Test
  void sameRunTwiceGivesIdenticalBytes() {
    ReportRun run = bigRun();
    for (Function<ReportRun, String> w : WRITERS) {
      String first = w.apply(run);
      assertEquals(first, w.apply(run));
      assertFalse(first.contains("\r"));
    }
  }

  @Test
  void shuffledFindingsGiveIdenticalBytes() {
    ReportRun run = bigRun();
    for (Function<ReportRun, String> w : WRITERS) {
      String expected = w.apply(run);
      for (long seed = 1; seed <= 5; seed++) assertEquals(expected, w.apply(shuffled(run, seed)), "seed " + seed);
    }
  }

  @Test
  void filesAreTheSameBytesAsTheStrings(@TempDir Path dir) throws Exception {
    ReportRun run = sampleRun();
    List<Path> written = ReportFiles.writeAll(run, SOURCES, dir.resolve("target/noescape"));
    assertEquals(
        List.of(dir.resolve("target/noescape/noescape.sarif"), dir.resolve("target/noescape/noescape.json"),
            dir.resolve("target/noescape/index.html")),
        written);
    assertEquals(new SarifWriter(SOURCES).write(run), Files.readString(written.get(0), StandardCharsets.UTF_8));
    assertEquals(new JsonReportWriter().write(run), Files.readString(written.get(1), StandardCharsets.UTF_8));
    assertEquals(new HtmlReportWriter(SOURCES).write(run), Files.readString(written.get(2), StandardCharsets.UTF_8));
  }

  @Test
  void aFailingSourceTextOnlyCostsTheSnippets() {
    SourceText broken = file -> {
      throw new IllegalStateException("unreadable " + file);
    };
    SourceText nulls = file -> null;
    ReportRun run = sampleRun();
    assertEquals(new SarifWriter(SourceText.NONE).write(run), new SarifWriter(broken).write(run));
    assertEquals(new SarifWriter(SourceText.NONE).write(run), new SarifWriter(nulls).write(run));
    assertEquals(new HtmlReportWriter(SourceText.NONE).write(run), new HtmlReportWriter(broken).write(run));
  }
}
