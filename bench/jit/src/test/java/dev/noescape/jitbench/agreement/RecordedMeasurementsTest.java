package dev.noescape.jitbench.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordedMeasurementsTest {
  @Test
  void readsTheProbeTableOfTheCheckedInResults() throws IOException {
    String md = Files.readString(Path.of("results-2026-12-06.md"), StandardCharsets.UTF_8);
    JsonNode outcomes = RecordedMeasurements.parse(md, "results").get("outcomes");
    assertEquals(212, outcomes.size()); // 106 probes on two JDKs
    JsonNode first = outcomes.get(0);
    assertEquals("basic.array-holder", first.get("probe").asText());
    assertEquals("holder", first.get("group").asText());
    assertEquals(17, first.get("jdk").asInt());
    assertEquals("heap (partial)", first.get("verdict").asText());
    assertEquals("scalar-replaced", outcomes.get(1).get("verdict").asText()); // the ✗ mark is dropped
  }

  @Test
  void aFileWithoutTheTableIsAnErrorNamingIt() {
    IOException e = assertThrows(IOException.class, () -> RecordedMeasurements.parse("# nothing\n", "x.md"));
    assertEquals("x.md has no \"### Probes\" table", e.getMessage());
  }
}
