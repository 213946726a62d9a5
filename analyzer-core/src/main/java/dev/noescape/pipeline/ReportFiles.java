package dev.noescape.pipeline;

import dev.noescape.report.ReportRun;
import dev.noescape.report.SourceText;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The report files of one run in one directory ({@code target/noescape/}), for the command line
 * and the Maven goals: {@value #SARIF}, {@value #JSON} and {@value #HTML}. Here, above the writers
 * ({@code report.sarif}, {@code report.json}, {@code report.html}), which depend on {@code report}.
 */
public final class ReportFiles {
  private ReportFiles() {}

  public static final String SARIF = "noescape.sarif";
  public static final String JSON = "noescape.json";
  public static final String HTML = "index.html";

  /**
   * Writes the SARIF, JSON and HTML reports of {@code run} into {@code dir} (created if missing) and
   * returns their paths in that order. {@code sources} gives the snippets ({@link SourceText#NONE}
   * for none). Throws {@link java.io.UncheckedIOException} naming the file that could not be written.
   */
  public static List<Path> writeAll(ReportRun run, SourceText sources, Path dir) {
    Path sarif = dir.resolve(SARIF);
    Path json = dir.resolve(JSON);
    Path html = dir.resolve(HTML);
    new SarifWriter(sources).write(run, sarif);
    new JsonReportWriter().write(run, json);
    new HtmlReportWriter(sources).write(run, html);
    return List.of(sarif, json, html);
  }
}
