package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.sarif.SarifWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifWriterTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode sarif(ReportRun run, SourceText sources) throws Exception {
    return JSON.readTree(new SarifWriter(sources).write(run));
  }

  static JsonNode result(JsonNode log, String ruleId) {
    for (JsonNode r : log.at("/runs/0/results")) if (r.get("ruleId").asText().equals(ruleId)) return r;
    throw new AssertionError("no result for " + ruleId);
  }

  static Finding shifted(Finding f, int lines) {
    return new Finding(
        f.rule(), f.severity(), f.file(), new SourcePos(f.pos().line() + lines, f.pos().column(), f.pos().endColumn()),
        f.message(), f.reasons(), f.hotness(), f.fix(), f.method(), f.subject());
  }

  @Test
  void toolDriverListsAllTenRulesWithLevelsAndHelp() throws Exception {
    JsonNode log = sarif(sampleRun(), SOURCES);
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(SarifWriter.SCHEMA_URI, log.get("$schema").asText());
    assertEquals(1, log.get("runs").size());
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertEquals("noescape", driver.get("name").asText());
    assertEquals("0.1.0-SNAPSHOT", driver.get("version").asText());
    assertFalse(driver.has("informationUri"));
    JsonNode rules = driver.get("rules");
    assertEquals(10, rules.size());
    for (RuleId id : RuleId.values()) {
      JsonNode rule = rules.get(id.ordinal());
      assertEquals(id.id(), rule.get("id").asText());
      assertEquals(id.id(), rule.get("name").asText());
      assertEquals(id.doc().summary(), rule.at("/shortDescription/text").asText());
      assertEquals(id.doc().explanation(), rule.at("/fullDescription/text").asText());
      assertEquals(id.doc().helpText(), rule.at("/help/text").asText());
      assertEquals(id.doc().markdown(), rule.at("/help/markdown").asText());
    }
    assertEquals("note", rules.get(RuleId.HEAP_ESCAPE.ordinal()).at("/defaultConfiguration/level").asText());
    assertEquals("note", rules.get(RuleId.LEAKING_PARAMETER.ordinal()).at("/defaultConfiguration/level").asText());
    assertEquals("warning", rules.get(RuleId.BOXING_ALLOCATION.ordinal()).at("/defaultConfiguration/level").asText());
    assertEquals("error", rules.get(RuleId.ALLOCATION_CONTRACT.ordinal()).at("/defaultConfiguration/level").asText());
    assertEquals("https://example.org/noescape",
        JSON.readTree(new SarifWriter(SOURCES).withInformationUri("https://example.org/noescape").write(sampleRun()))
            .at("/runs/0/tool/driver/informationUri").asText());
  }

  @Test
  void resultWithColumnsSnippetAndFix() throws Exception {
    JsonNode r = result(sarif(sampleRun(), SOURCES), "UnpresizedCollection");
    assertEquals(RuleId.UNPRESIZED_COLLECTION.ordinal(), r.get("ruleIndex").asInt());
    assertEquals("warning", r.get("level").asText());
    assertEquals(UNPRESIZED.message(), r.at("/message/text").asText());
    assertEquals(1, r.get("locations").size());
    JsonNode phys = r.at("/locations/0/physicalLocation");
    assertEquals(ORDERS, phys.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", phys.at("/artifactLocation/uriBaseId").asText());
    assertEquals(5, phys.at("/region/startLine").asInt());
    assertEquals(22, phys.at("/region/startColumn").asInt());
    assertEquals(39, phys.at("/region/endColumn").asInt());
    assertEquals("new ArrayList<>()", phys.at("/region/snippet/text").asText());
    assertEquals(3, phys.at("/contextRegion/startLine").asInt());
    assertEquals(7, phys.at("/contextRegion/endLine").asInt());
    assertEquals(String.join("\n", ORDERS_SOURCE.subList(2, 7)), phys.at("/contextRegion/snippet/text").asText());
    assertFalse(r.has("relatedLocations"));
    JsonNode fix = r.at("/fixes/0");
    assertEquals("pass the expected size: (orders.size())", fix.at("/description/text").asText());
    JsonNode change = fix.at("/artifactChanges/0");
    assertEquals(ORDERS, change.at("/artifactLocation/uri").asText());
    JsonNode rep = change.at("/replacements/0");
    assertEquals(5, rep.at("/deletedRegion/startLine").asInt());
    assertEquals(38, rep.at("/deletedRegion/startColumn").asInt());
    assertEquals(5, rep.at("/deletedRegion/endLine").asInt());
    assertEquals(38, rep.at("/deletedRegion/endColumn").asInt());
    assertEquals("orders.size()", rep.at("/insertedContent/text").asText());
    assertTrue(r.at("/partialFingerprints/" + "noescape~1v1").asText().matches("[0-9a-f]{32}:1"));
  }

  @Test
  void resultWithoutColumnOrSourceHasLineOnlyAndNoSnippet() throws Exception {
    JsonNode r = result(sarif(sampleRun(), SOURCES), "StringConcatInLoop");
    JsonNode region = r.at("/locations/0/physicalLocation/region");
    assertEquals(14, region.get("startLine").asInt());
    assertFalse(region.has("startColumn"));
    assertFalse(region.has("endColumn"));
    assertFalse(region.has("snippet"));
    assertFalse(r.at("/locations/0/physicalLocation").has("contextRegion"));
    // A finding with a fix but no edits: no SARIF fix (there is nothing to apply).
    assertFalse(r.has("fixes"));
    // Column but no end column: startColumn only; the snippet runs to the end of the line.
    JsonNode escape = result(sarif(sampleRun(), SOURCES), "HeapEscape");
    JsonNode region2 = escape.at("/locations/0/physicalLocation/region");
    assertEquals(15, region2.get("startColumn").asInt());
    assertFalse(region2.has("endColumn"));
    assertEquals("new Entry(k, v);", region2.at("/snippet/text").asText());
    assertEquals("note", escape.get("level").asText());
    assertEquals("error", result(sarif(sampleRun(), SOURCES), "AllocationContract").get("level").asText());
    // Without any source text, no result has a snippet.
    for (JsonNode res : sarif(sampleRun(), SourceText.NONE).at("/runs/0/results")) {
      assertFalse(res.at("/locations/0/physicalLocation/region").has("snippet"));
    }
  }

  @Test
  void reasonChainBecomesRelatedLocations() throws Exception {
    JsonNode r = result(sarif(sampleRun(), SOURCES), "HeapEscape");
    JsonNode related = r.get("relatedLocations");
    assertEquals(2, related.size());
    assertEquals(1, related.get(0).get("id").asInt());
    assertEquals("stored into Cache.map", related.get(0).at("/message/text").asText());
    assertEquals(CACHE, related.get(0).at("/physicalLocation/artifactLocation/uri").asText());
    assertEquals(8, related.get(0).at("/physicalLocation/region/startLine").asInt());
    assertFalse(related.get(0).at("/physicalLocation/region").has("startColumn"));
    assertEquals(2, related.get(1).get("id").asInt());
    assertEquals("Cache instance is reachable from static field Cache.INSTANCE", related.get(1).at("/message/text").asText());
    assertEquals(4, related.get(1).at("/physicalLocation/region/startLine").asInt());
    assertEquals(3, related.get(1).at("/physicalLocation/region/startColumn").asInt());
  }

  @Test
  void notesBecomeToolExecutionNotifications() throws Exception {
    JsonNode inv = sarif(sampleRun(), SOURCES).at("/runs/0/invocations");
    assertEquals(1, inv.size());
    assertTrue(inv.get(0).get("executionSuccessful").asBoolean());
    JsonNode notes = inv.get(0).get("toolExecutionNotifications");
    assertEquals(1, notes.size());
    assertEquals("skipped com/acme/Broken.class: truncated class file", notes.get(0).at("/message/text").asText());
    assertEquals("warning", notes.get(0).get("level").asText());
  }

  @Test
  void emptyRun() throws Exception {
    JsonNode log = sarif(new ReportRun("1.0", List.of(), List.of()), SourceText.NONE);
    assertEquals(0, log.at("/runs/0/results").size());
    assertTrue(log.at("/runs/0/results").isArray());
    assertEquals(10, log.at("/runs/0/tool/driver/rules").size());
    assertTrue(log.at("/runs/0/invocations/0/executionSuccessful").asBoolean());
  }

  @Test
  void resultsAreInDeterministicOrder() throws Exception {
    JsonNode results = sarif(shuffled(sampleRun(), 42), SOURCES).at("/runs/0/results");
    List<String> got = new ArrayList<>();
    for (JsonNode r : results) got.add(r.get("ruleId").asText());
    // Files in order (cache < orders < util), then line.
    assertEquals(
        List.of("HeapEscape", "UnpresizedCollection", "BoxingAllocation", "CapturingLambda", "StringConcatInLoop", "AllocationContract"),
        got);
  }

  @Test
  void fingerprintsSurviveLineShiftsAndSeparateDuplicates() throws Exception {
    String before = fingerprint(List.of(ReportedFinding.of(BOXING), ReportedFinding.of(LAMBDA)), "BoxingAllocation", 0);
    // Ten lines inserted above: same fingerprint, although line and order changed.
    String after = fingerprint(List.of(ReportedFinding.of(LAMBDA), ReportedFinding.of(shifted(BOXING, 10))), "BoxingAllocation", 0);
    assertEquals(before, after);
    assertTrue(before.endsWith(":1"));
    // The scheme is documented: sha-256 of rule, file, method key and subject.
    assertEquals(Reports.fingerprintHash(BOXING) + ":1", before);
    // A different subject or rule gives another fingerprint.
    assertNotEquals(before, fingerprint(List.of(ReportedFinding.of(LAMBDA)), "CapturingLambda", 0));
    // Two identical findings on different lines: occurrences 1 and 2, in line order.
    List<ReportedFinding> twins = List.of(ReportedFinding.of(shifted(BOXING, 3)), ReportedFinding.of(BOXING));
    String first = fingerprint(twins, "BoxingAllocation", 0);
    String second = fingerprint(twins, "BoxingAllocation", 1);
    assertEquals(Reports.fingerprintHash(BOXING) + ":1", first);
    assertEquals(Reports.fingerprintHash(BOXING) + ":2", second);
  }

  private static String fingerprint(List<ReportedFinding> findings, String ruleId, int nth) throws Exception {
    int seen = 0;
    for (JsonNode r : sarif(new ReportRun("1", findings, List.of()), SourceText.NONE).at("/runs/0/results")) {
      if (r.get("ruleId").asText().equals(ruleId) && seen++ == nth) {
        return r.at("/partialFingerprints").get(SarifWriter.FINGERPRINT_KEY).asText();
      }
    }
    throw new AssertionError("no " + ruleId);
  }

  @Test
  void capKeepsTheHottestInOrderAndSaysSo() throws Exception {
    // Hotness: UNPRESIZED 11040, LAMBDA 11030, BOXING 11020, CONTRACT 10120, CONCAT 10050, ESCAPE 40.
    JsonNode log = JSON.readTree(new SarifWriter(SOURCES).withMaxResults(3).write(sampleRun()));
    List<String> got = new ArrayList<>();
    for (JsonNode r : log.at("/runs/0/results")) got.add(r.get("ruleId").asText());
    assertEquals(List.of("UnpresizedCollection", "BoxingAllocation", "CapturingLambda"), got);
    JsonNode notes = log.at("/runs/0/invocations/0/toolExecutionNotifications");
    assertEquals(2, notes.size());
    assertTrue(notes.get(0).at("/message/text").asText().startsWith("the SARIF report holds the 3 hottest of 6 findings (3 left out"),
        notes.get(0).at("/message/text").asText());
    assertEquals("skipped com/acme/Broken.class: truncated class file", notes.get(1).at("/message/text").asText());
  }

  @Test
  void defaultCapIsGitHubsLimit() throws Exception {
    List<ReportedFinding> many = ReportFixtures.many(Reports.MAX_SARIF_RESULTS + 7);
    JsonNode log = JSON.readTree(new SarifWriter(SourceText.NONE).write(new ReportRun("1", many, List.of())));
    JsonNode results = log.at("/runs/0/results");
    assertEquals(25_000, results.size());
    JsonNode notes = log.at("/runs/0/invocations/0/toolExecutionNotifications");
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).at("/message/text").asText().contains("25000 hottest of 25007 findings"));
    // The seven coolest findings are the ones left out.
    List<ReportedFinding> coolest = new ArrayList<>(many);
    coolest.sort(Reports.HOTTEST_FIRST);
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (JsonNode r : results) kept.add(r.at("/message/text").asText());
    for (ReportedFinding rf : coolest.subList(25_000, coolest.size())) assertFalse(kept.contains(rf.finding().message()));
    for (ReportedFinding rf : coolest.subList(0, 100)) assertTrue(kept.contains(rf.finding().message()));
  }

  @Test
  void pathsBecomeUriReferences() {
    assertEquals("src/main/java/a/Foo.java", SarifWriter.uri("src/main/java/a/Foo.java"));
    assertEquals("my%20project/src/a/Caf%C3%A9.java", SarifWriter.uri("my project\\src\\a\\Café.java"));
    assertEquals("a/%23b%25.java", SarifWriter.uri("a/#b%.java"));
  }
}
