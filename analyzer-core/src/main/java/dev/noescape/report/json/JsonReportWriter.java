package dev.noescape.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.UnpredictedCall;
import dev.noescape.ir.Reason;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.profile.Frame;
import dev.noescape.profile.HotSite;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.profile.Verdict;
import dev.noescape.report.JsonOutput;
import dev.noescape.report.ProfileText;
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
    for (ReportedFinding rf : findings) finding(rf, keys.get(rf), run.profile(), g);
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
    if (run.profile() != null) profile(run.profile(), findings, keys, g);
    if (!run.calleeAllocations().isEmpty()) objects("calleeAllocations", run.calleeAllocations(), JsonReportWriter::calleeAllocation, g);
    if (!run.unpredictedCalls().isEmpty()) objects("unpredictedCalls", run.unpredictedCalls(), JsonReportWriter::unpredictedCall, g);
    g.writeEndObject();
  }

  /** Writes one object's fields. */
  private interface Fields<T> {
    void write(T item, JsonGenerator g) throws IOException;
  }

  /** An array of objects, one per item. */
  private static <T> void objects(String name, java.util.List<T> items, Fields<T> fields, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (T item : items) {
      g.writeStartObject();
      fields.write(item, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * The C2 model's prediction for an allocation inside a callee (verbosity 2 only, so that the
   * default report stays as it was): where the call is, and the allocation as a compilation log
   * names it (method and bytecode offset).
   */
  private static void calleeAllocation(CalleeAllocation a, JsonGenerator g) throws IOException {
    call(a.caller(), a.call(), a.callee(), g);
    g.writeStringField("allocator", a.allocator());
    g.writeNumberField("allocatorBci", a.bci());
    g.writeStringField("allocation", a.what());
    runtime(a.runtime(), g);
  }

  /**
   * A call under which the C2 model does not predict what is allocated, because the receiver's
   * type profile decides which code runs (with the allocations inside callees only).
   */
  private static void unpredictedCall(UnpredictedCall c, JsonGenerator g) throws IOException {
    call(c.caller(), c.call(), c.callee(), g);
    g.writeStringField("stoppedAt", c.stoppedAt());
    g.writeStringField("prediction", "unknown");
    g.writeStringField("reason", "depends on the receiver's type profile");
  }

  /** Where a call of an analyzed method is: {@code method}, {@code line}, {@code bci} (null when unknown), {@code callee}. */
  private static void call(MethodRef caller, SourcePos at, String callee, JsonGenerator g) throws IOException {
    g.writeStringField("method", caller.key());
    g.writeNumberField("line", at.line());
    if (at.hasBci()) g.writeNumberField("bci", at.bci());
    else g.writeNullField("bci");
    g.writeStringField("callee", callee);
  }

  /**
   * The recording joined to the analysis (only with one): totals, and every sampled place of the
   * program heaviest first, with its verdict, the findings that report it, and the heaviest parts.
   */
  private static void profile(ProfileRanking p, java.util.List<ReportedFinding> findings, Map<ReportedFinding, String> keys,
      JsonGenerator g)
      throws IOException {
    ProfileText.Findings byPlace = new ProfileText.Findings(findings);
    g.writeObjectFieldStart("profile");
    g.writeArrayFieldStart("recordings");
    for (String r : p.recordings()) g.writeString(r);
    g.writeEndArray();
    g.writeNumberField("sampledBytes", p.sampledBytes());
    g.writeNumberField("programBytes", p.programBytes());
    g.writeNumberField("explainedBytes", p.explainedBytes());
    g.writeNumberField("outsideBytes", p.outsideBytes());
    share(g, "explainedShare", p.explainedShare());
    g.writeArrayFieldStart("sites");
    int rank = 0;
    for (HotSite h : p.sites()) {
      g.writeStartObject();
      g.writeNumberField("rank", ++rank);
      g.writeStringField("file", h.file());
      g.writeNumberField("line", h.line());
      if (h.bci() >= 0) g.writeNumberField("bci", h.bci());
      else g.writeNullField("bci");
      g.writeStringField("method", h.methodKey());
      if (h.siteId() >= 0) g.writeNumberField("siteId", h.siteId());
      else g.writeNullField("siteId");
      g.writeStringField("what", h.what());
      g.writeNumberField("bytes", h.bytes());
      g.writeNumberField("samples", h.samples());
      g.writeNumberField("insideBytes", h.insideBytes());
      share(g, "shareOfProgram", p.ofProgram(h.bytes()));
      share(g, "shareOfSampled", p.ofSampled(h.bytes()));
      g.writeNumberField("hotness", h.hotness());
      g.writeBooleanField("matchedByLine", h.byLine());
      verdict(h.verdict(), g);
      g.writeArrayFieldStart("findings");
      for (ReportedFinding rf : byPlace.of(h)) {
        g.writeStartObject();
        g.writeStringField("rule", rf.finding().rule().id());
        g.writeStringField("file", rf.finding().file());
        g.writeNumberField("line", rf.finding().pos().line());
        g.writeStringField("baselineKey", keys.get(rf));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("parts");
      for (HotSite.Part part : h.parts()) {
        g.writeStartObject();
        g.writeStringField("objectClass", part.objectClass());
        g.writeNumberField("bytes", part.bytes());
        g.writeArrayFieldStart("via");
        for (Frame f : part.via()) g.writeString(f.toString());
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void verdict(Verdict v, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("verdict");
    g.writeStringField("kind", ProfileText.kind(v));
    g.writeStringField("text", ProfileText.verdict(v));
    if (v instanceof Verdict.Site s) {
      g.writeStringField("state", s.state().name());
      reasons(s.chain(), g);
      if (s.runtime().isPresent()) {
        g.writeObjectFieldStart("runtime");
        g.writeStringField("prediction", s.runtime().get().label());
        g.writeStringField("condition", s.runtime().get().condition().id());
        g.writeEndObject();
      } else {
        g.writeNullField("runtime");
      }
    }
    g.writeEndObject();
  }

  private static void runtime(RuntimePrediction rt, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("runtime");
    g.writeStringField("prediction", rt.label());
    g.writeStringField("condition", rt.condition().id());
    g.writeStringField("detail", rt.detail());
    g.writeNumberField("jdk", rt.jdk());
    g.writeStringField("hotspot", rt.condition().hotspot());
    g.writeEndObject();
  }

  /** A share 0..1, rounded to four decimals so that the text is short and the same on every platform. */
  private static void share(JsonGenerator g, String name, double share) throws IOException {
    g.writeNumberField(name, Math.round(share * 10_000) / 10_000.0);
  }

  private static void finding(ReportedFinding rf, String baselineKey, ProfileRanking profile, JsonGenerator g) throws IOException {
    Finding f = rf.finding();
    g.writeStartObject();
    g.writeStringField("rule", f.rule().id());
    g.writeStringField("severity", severity(f.severity()));
    g.writeStringField("file", f.file());
    g.writeNumberField("line", f.pos().line());
    numberOrNull(g, "column", f.pos().column());
    numberOrNull(g, "endColumn", f.pos().column() > 0 ? f.pos().endColumn() : 0);
    // The bytecode offset of the site in its method (bytecode front end), as JVM logs and recordings name it.
    if (f.pos().hasBci()) g.writeNumberField("bci", f.pos().bci());
    else g.writeNullField("bci");
    g.writeStringField("message", f.message());
    g.writeNumberField("hotness", f.hotness());
    g.writeStringField("expected", f.expected() == null ? null : f.expected().name());
    g.writeStringField("method", f.method() == null ? null : f.method().key());
    g.writeStringField("subject", f.identity());
    g.writeStringField("baselineKey", baselineKey);
    reasons(f.reasons(), g);
    if (profile != null) {
      long bytes = profile.bytesOf(f);
      g.writeObjectFieldStart("measured");
      g.writeNumberField("bytes", bytes);
      share(g, "shareOfProgram", profile.ofProgram(bytes));
      share(g, "shareOfSampled", profile.ofSampled(bytes));
      g.writeEndObject();
    }
    RuntimePrediction rt = f.runtime();
    if (rt != null) runtime(rt, g);
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

  private static void reasons(java.util.List<Reason> reasons, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("reasons");
    for (Reason r : reasons) {
      g.writeStartObject();
      g.writeStringField("kind", r.kind() == null ? null : r.kind().name());
      g.writeStringField("text", r.text());
      numberOrNull(g, "line", r.pos() == null ? 0 : r.pos().line());
      g.writeEndObject();
    }
    g.writeEndArray();
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
