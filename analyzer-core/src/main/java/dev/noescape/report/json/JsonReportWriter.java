package dev.noescape.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.Reason;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.report.JsonOutput;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.Reports;
import dev.noescape.report.TextEdit;
import dev.noescape.report.Waiver;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ReportRun} as plain JSON ({@code target/noescape/noescape.json}); the format is
 * documented in docs/formats/json.md. Fields are written in a fixed order, findings in
 * {@link Reports#ORDER}, unknown columns as {@code null}; the same run gives the same bytes.
 */
public final class JsonReportWriter {
  /** Bumped when a field changes meaning or disappears (new fields do not bump it). */
  public static final int FORMAT_VERSION = 1;

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The report as text, ending with a newline. */
  public String write(ReportRun run) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(JsonOutput.prettyPrinter());
      write(run, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** Writes {@link #write(ReportRun)} to {@code file} (UTF-8), creating its directory. */
  public void write(ReportRun run, Path file) {
    JsonOutput.writeFile(file, write(run));
  }

  private static void write(ReportRun run, JsonGenerator g) throws IOException {
    var findings = Reports.sorted(run.findings());
    g.writeStartObject();
    g.writeStringField("tool", "noescape");
    g.writeStringField("toolVersion", run.toolVersion());
    g.writeNumberField("formatVersion", FORMAT_VERSION);

    g.writeObjectFieldStart("summary");
    g.writeNumberField("total", findings.size());
    g.writeNumberField("files", Reports.files(findings).size());
    g.writeObjectFieldStart("byRule");
    for (Map.Entry<RuleId, Integer> e : Reports.countByRule(findings).entrySet()) {
      g.writeNumberField(e.getKey().id(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("bySeverity");
    for (Map.Entry<Severity, Integer> e : Reports.countBySeverity(findings).entrySet()) {
      g.writeNumberField(severity(e.getKey()), e.getValue());
    }
    g.writeEndObject();
    if (run.classes() == null) {
      g.writeNullField("classes");
    } else {
      g.writeObjectFieldStart("classes");
      g.writeNumberField("total", run.classes().total());
      g.writeNumberField("analyzed", run.classes().analyzed());
      g.writeEndObject();
    }
    g.writeEndObject();

    g.writeArrayFieldStart("findings");
    Map<ReportedFinding, String> keys = Reports.baselineKeys(findings);
    for (ReportedFinding rf : findings) finding(rf, keys.get(rf), g);
    g.writeEndArray();

    g.writeArrayFieldStart("notes");
    for (String note : run.notes()) g.writeString(note);
    g.writeEndArray();

    // Waived @NoAllocation contracts stay visible, with the reason the code states (null: none).
    g.writeArrayFieldStart("waived");
    for (Waiver w : run.waived()) {
      g.writeStartObject();
      g.writeStringField("rule", RuleId.ALLOCATION_CONTRACT.id());
      g.writeStringField("method", w.method());
      g.writeStringField("file", w.file());
      g.writeNumberField("line", w.line());
      g.writeStringField("reason", w.reason());
      g.writeNumberField("findings", w.findings());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void finding(ReportedFinding rf, String baselineKey, JsonGenerator g) throws IOException {
    Finding f = rf.finding();
    g.writeStartObject();
    g.writeStringField("rule", f.rule().id());
    g.writeStringField("severity", severity(f.severity()));
    g.writeStringField("file", f.file());
    g.writeNumberField("line", f.pos().line());
    numberOrNull(g, "column", f.pos().column());
    numberOrNull(g, "endColumn", f.pos().column() > 0 ? f.pos().endColumn() : 0);
    g.writeStringField("message", f.message());
    g.writeNumberField("hotness", f.hotness());
    g.writeStringField("method", f.method() == null ? null : f.method().key());
    g.writeStringField("subject", f.identity());
    g.writeStringField("baselineKey", baselineKey);
    g.writeArrayFieldStart("reasons");
    for (Reason r : f.reasons()) {
      g.writeStartObject();
      g.writeStringField("kind", r.kind() == null ? null : r.kind().name());
      g.writeStringField("text", r.text());
      numberOrNull(g, "line", r.pos() == null ? 0 : r.pos().line());
      g.writeEndObject();
    }
    g.writeEndArray();
    RuntimePrediction rt = f.runtime();
    if (rt != null) {
      g.writeObjectFieldStart("runtime");
      g.writeStringField("prediction", rt.label());
      g.writeStringField("condition", rt.condition().id());
      g.writeStringField("detail", rt.detail());
      g.writeNumberField("jdk", rt.jdk());
      g.writeStringField("hotspot", rt.condition().hotspot());
      g.writeEndObject();
    }
    if (f.fix() == null && rf.fix().isEmpty()) {
      g.writeNullField("fix");
    } else {
      g.writeObjectFieldStart("fix");
      g.writeStringField("description", f.fix() == null ? null : f.fix().description());
      g.writeArrayFieldStart("edits");
      for (TextEdit e : rf.fix()) {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeNumberField("startLine", e.startLine());
        g.writeNumberField("startColumn", e.startColumn());
        g.writeNumberField("endLine", e.endLine());
        g.writeNumberField("endColumn", e.endColumn());
        g.writeStringField("replacement", e.replacement());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void numberOrNull(JsonGenerator g, String name, int value) throws IOException {
    if (value > 0) g.writeNumberField(name, value);
    else g.writeNullField(name);
  }

  /** {@code error}, {@code warning}, {@code info}. */
  static String severity(Severity s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
