// PLACEHOLDER-UNTIL-MERGE: stands in for the SARIF, JSON and HTML writers of dev.noescape.report;
// delete this package at merge and rewire dev.noescape.cli.Pipeline#writeSarif/writeJson/writeHtml.
package dev.noescape.cli.placeholder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.noescape.finding.Finding;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal SARIF 2.1.0, JSON and HTML so the command line runs end to end before the merge. */
public final class ReportWritersPlaceholder {
  private ReportWritersPlaceholder() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static void writeSarif(ReportRun run, Path file) throws IOException {
    List<Object> results = new ArrayList<>();
    for (ReportedFinding rf : run.findings()) {
      Finding f = rf.finding();
      Map<String, Object> region = new LinkedHashMap<>();
      region.put("startLine", Math.max(1, f.pos().line()));
      if (f.pos().column() > 0) region.put("startColumn", f.pos().column());
      results.add(Map.of(
          "ruleId", f.rule().id(),
          "level", switch (f.severity()) { case INFO -> "note"; case WARNING -> "warning"; case ERROR -> "error"; },
          "message", Map.of("text", f.message()),
          "locations", List.of(Map.of("physicalLocation",
              Map.of("artifactLocation", Map.of("uri", f.file()), "region", region)))));
    }
    Map<String, Object> driver = Map.of("name", "noescape", "version", run.toolVersion());
    Map<String, Object> sarif = new LinkedHashMap<>();
    sarif.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    sarif.put("version", "2.1.0");
    sarif.put("runs", List.of(Map.of("tool", Map.of("driver", driver), "results", results)));
    JSON.writeValue(file.toFile(), sarif);
  }

  public static void writeJson(ReportRun run, Path file) throws IOException {
    List<Object> findings = new ArrayList<>();
    for (ReportedFinding rf : run.findings()) {
      Finding f = rf.finding();
      findings.add(Map.of("rule", f.rule().id(), "severity", f.severity().name().toLowerCase(java.util.Locale.ROOT),
          "file", f.file(), "line", f.pos().line(), "column", f.pos().column(), "message", f.message()));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("toolVersion", run.toolVersion());
    json.put("findings", findings);
    json.put("notes", run.notes());
    JSON.writeValue(file.toFile(), json);
  }

  public static void writeHtml(ReportRun run, Path dir) throws IOException {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>noescape</title></head><body>\n<table>\n");
    for (ReportedFinding rf : run.findings()) {
      Finding f = rf.finding();
      sb.append("<tr><td>").append(esc(f.file() + ":" + f.pos())).append("</td><td>").append(esc(f.rule().id()))
          .append("</td><td>").append(esc(f.message())).append("</td></tr>\n");
    }
    sb.append("</table>\n</body></html>\n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("index.html"), sb, StandardCharsets.UTF_8);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
