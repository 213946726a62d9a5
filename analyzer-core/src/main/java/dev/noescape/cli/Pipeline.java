package dev.noescape.cli;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.finding.Finding;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.SourceText;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import dev.noescape.source.SourceMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place the command line calls the analysis, the source mapping and the report writers.
 * Everything else in {@code dev.noescape.cli} works with the contracts only ({@link
 * BytecodeAnalysis.Options}/{@code Result}, {@link ReportRun}, {@link ReportedFinding}, {@link
 * SourceText}).
 */
final class Pipeline {
  private Pipeline() {}

  /** The real analysis. */
  static final Analyzer BYTECODE = BytecodeAnalysis::run;

  /**
   * Findings as the writers print them, the source text for snippets, and what the mapping could
   * not do (one note per line, naming the file).
   */
  record Mapped(List<ReportedFinding> findings, SourceText sourceText, List<String> notes) {
    Mapped {
      findings = List.copyOf(findings);
      notes = List.copyOf(notes);
    }
  }

  /** Without {@code --source}: the class-file-derived paths and line numbers, no snippets or fixes. */
  static Mapped unmapped(List<Finding> findings) {
    return new Mapped(findings.stream().map(ReportedFinding::of).toList(), SourceText.NONE, List.of());
  }

  /**
   * With {@code --source}: columns, paths relative to {@code projectRoot}, fix edits, snippets;
   * findings suppressed with {@code @SuppressWarnings("RuleId")} are dropped.
   */
  static Mapped mapToSources(List<Finding> findings, List<Path> sourceRoots, Path projectRoot) {
    SourceMapper mapper = new SourceMapper(sourceRoots, projectRoot);
    List<ReportedFinding> mapped = mapper.mapAll(findings);
    return new Mapped(mapped, mapper.sourceText(), mapper.problems());
  }

  /** One Go-style line per finding ({@code path:line:col: message [RuleId]}). */
  static void printText(ReportRun run, PrintStream out) {
    for (ReportedFinding f : run.findings()) out.println(f.finding().toTextLine());
    out.flush();
  }

  /** SARIF 2.1.0 to {@code file} (its parent exists). */
  static void writeSarif(ReportRun run, SourceText sourceText, Path file) throws IOException {
    new SarifWriter(sourceText).write(run, file);
  }

  /** The JSON report to {@code file} (its parent exists). */
  static void writeJson(ReportRun run, Path file) throws IOException {
    new JsonReportWriter().write(run, file);
  }

  /** The HTML report into {@code dir} (it exists), entry page {@link #htmlEntry}. */
  static void writeHtml(ReportRun run, SourceText sourceText, Path dir) throws IOException {
    new HtmlReportWriter(sourceText).write(run, htmlEntry(dir));
  }

  /** The page the summary names for {@code --html dir}. */
  static Path htmlEntry(Path dir) {
    return dir.resolve("index.html");
  }
}
