package dev.noescape.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Subject;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.SourceText;
import dev.noescape.report.Waiver;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waived {@code @NoAllocation} contracts: found by the source mapping, listed by every report. */
class ContractWaiversTest {
  @TempDir Path project;

  private static final String SRC = """
      package a;

      class Engine {
        Object last;

        @NoAllocation(reason = "boxes once per session")
        @SuppressWarnings("AllocationContract")
        void withReason(long p) {
          last = p;
          last = new long[] {p};
        }

        @NoAllocation
        @SuppressWarnings("AllocationContract")
        void withoutReason(long p) {
          last = p;
        }

        @NoAllocation
        void kept(long p) {
          last = p;
        }
      }
      """;

  private static Finding contract(String method, int line, String message) {
    return new Finding(RuleId.ALLOCATION_CONTRACT, Severity.ERROR, "a/Engine.java", SourcePos.line(line), message,
        List.of(), 100, null, new MethodRef("a.Engine", method, List.of("long"), "void", false),
        new Subject.Call(new MethodRef("a.Engine", "helper", List.of(), "void", false)));
  }

  @Test
  void waiversAreCollectedWithTheirReasons_andAMissingReasonIsAWarning() throws Exception {
    Path file = project.resolve("src/main/java/a/Engine.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, SRC);
    SourceMapper mapper = new SourceMapper(List.of(project.resolve("src/main/java")), project);
    List<ReportedFinding> mapped = mapper.mapAll(List.of(
        contract("withReason", 9, "boxes long to Long"),
        contract("withReason", 10, "allocates new long[] {p}"),
        contract("withoutReason", 16, "boxes long to Long"),
        contract("kept", 21, "boxes long to Long")));

    String rel = "src/main/java/a/Engine.java";
    assertEquals(List.of(
            new Waiver(rel, 6, "Engine.withReason", "boxes once per session", 2),
            new Waiver(rel, 13, "Engine.withoutReason", null, 1)),
        mapper.waived());
    List<String> lines = mapped.stream().map(r -> r.finding().pos().line() + " " + r.finding().severity() + " "
        + r.finding().message()).toList();
    assertEquals(List.of(
        "13 WARNING @SuppressWarnings(\"AllocationContract\") waives the contract of Engine.withoutReason without a"
            + " reason: state it with @NoAllocation(reason = \"...\")",
        "21 ERROR boxes long to Long"), lines);

    ReportRun run = new ReportRun("1", mapped, List.of(), null, mapper.waived());
    ObjectMapper json = new ObjectMapper();
    JsonNode doc = json.readTree(new JsonReportWriter().write(run));
    assertEquals(2, doc.get("waived").size());
    assertEquals("boxes once per session", doc.at("/waived/0/reason").asText());
    assertEquals(2, doc.at("/waived/0/findings").asInt());
    assertTrue(doc.at("/waived/1/reason").isNull());

    JsonNode sarif = json.readTree(new SarifWriter(SourceText.NONE).write(run));
    JsonNode results = sarif.at("/runs/0/results");
    JsonNode waived = results.get(results.size() - 2);
    assertEquals("AllocationContract", waived.get("ruleId").asText());
    assertEquals("inSource", waived.at("/suppressions/0/kind").asText());
    assertEquals("boxes once per session", waived.at("/suppressions/0/justification").asText());
    assertEquals(6, waived.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertTrue(results.get(results.size() - 1).at("/suppressions/0/justification").isMissingNode());

    String html = new HtmlReportWriter(SourceText.NONE).write(run);
    assertTrue(html.contains("Waived @NoAllocation contracts"), html);
    assertTrue(html.contains("Engine.withReason (src/main/java/a/Engine.java:6, 2 findings): boxes once per session"), html);
    assertTrue(html.contains("<em>no reason given</em>"), html);
  }
}
