package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.catalog.RuleId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} in-process on the real corpus ({@code ../testdata/target/classes}, compiled with
 * {@code -g}; the build makes it before analyzer-core): the real analysis, source mapping and
 * writers, no fakes.
 */
@Tag("e2e")
class CliEndToEndTest {
  static final String CLASSES = "../testdata/target/classes";
  static final String SOURCES = "../testdata/src/main/java";
  static final Set<String> DEFAULT_RULES = Set.of("BoxingAllocation", "VarargsAllocation", "CapturingLambda",
      "UnpresizedCollection", "HashMapCapacity", "StringConcatInLoop", "AllocationContract");
  static final Pattern LINE = Pattern.compile("^(\\S+\\.java):(\\d+)(?::(\\d+))?: (.+) \\[(\\w+)]$");
  static final Pattern SUMMARY = Pattern.compile("^noescape: [\\d,]+ findings? \\((\\w+ [\\d,]+)(, \\w+ [\\d,]+)*\\) in [\\d,]+ classes.*$");

  @TempDir Path dir;

  record Run(int status, List<String> out, List<String> err) {
    String last() {
      return err.isEmpty() ? "" : err.get(err.size() - 1);
    }
  }

  static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void defaultRulesOnTheCorpusPrintGoStyleLinesAndExitOne() {
    assertTrue(Files.isDirectory(Path.of(CLASSES)), "build the testdata module first: " + Path.of(CLASSES).toAbsolutePath());
    Run r = main(CLASSES);
    assertEquals(1, r.status(), "the corpus has warnings\n" + String.join("\n", r.err()));
    assertFalse(r.out().isEmpty());
    for (String line : r.out()) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "Go-style line: " + line);
      assertTrue(m.group(1).startsWith("corpus/"), "class-file-derived path without --source: " + line);
      assertTrue(DEFAULT_RULES.contains(m.group(5)), "only default rules: " + line);
    }
    Set<String> rules = r.out().stream().map(l -> l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).collect(Collectors.toSet());
    for (String rule : List.of("BoxingAllocation", "VarargsAllocation", "CapturingLambda", "StringConcatInLoop")) {
      assertTrue(rules.contains(rule), rule + " among " + rules);
    }
    assertTrue(SUMMARY.matcher(r.last()).matches(), r.last());
    assertTrue(r.last().startsWith("noescape: " + Summary.number(r.out().size()) + " finding"), r.last());
    assertFalse(String.join("\n", r.err()).contains("SLF4J"), "no slf4j noise");
    assertFalse(String.join("\n", r.err()).contains("\tat "), "no stack trace");
  }

  @Test
  void reportsWithSourcesAllRulesAndFailOnNever() throws IOException {
    Path sarif = dir.resolve("noescape/noescape.sarif");
    Path json = dir.resolve("noescape/noescape.json");
    Path html = dir.resolve("noescape/html");
    Run r = main("--all", "--fail-on", "never", "--source", SOURCES, "--sarif", sarif.toString(), "--json", json.toString(),
        "--html", html.toString(), CLASSES);
    assertEquals(0, r.status(), String.join("\n", r.err()));
    assertEquals(List.of(), r.out(), "reports, not text, on stdout");
    assertTrue(SUMMARY.matcher(r.last()).matches(), r.last());
    assertTrue(r.last().endsWith("; wrote " + sarif + ", " + json + ", " + html.resolve("index.html")), r.last());
    assertTrue(r.last().contains("HeapEscape"), "--all reports escapes: " + r.last());

    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    assertEquals("2.1.0", log.path("version").asText());
    JsonNode results = log.path("runs").path(0).path("results");
    assertTrue(results.size() > 0);
    boolean column = false;
    for (JsonNode result : results) {
      assertTrue(RuleId.byId(result.path("ruleId").asText()) != null, result.toString());
      JsonNode loc = result.path("locations").path(0).path("physicalLocation");
      assertTrue(loc.path("artifactLocation").path("uri").asText().endsWith(".java"), loc.toString());
      column |= loc.path("region").path("startColumn").asInt() > 0;
    }
    assertTrue(column, "source mapping gives columns");
    assertTrue(Files.size(json) > 0);
    assertTrue(Files.size(html.resolve("index.html")) > 0);
  }

  @Test
  void textWithSourcesHasColumnsAndSourcePaths() {
    Run r = main("--source", SOURCES, CLASSES);
    assertEquals(1, r.status(), String.join("\n", r.err()));
    boolean column = false;
    for (String line : r.out()) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), line);
      assertTrue(m.group(1).contains("testdata/src/main/java/corpus/"), "path relative to the project root: " + line);
      column |= m.group(3) != null;
    }
    assertTrue(column, "source mapping gives columns");
  }
}
