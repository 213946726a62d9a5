package dev.noescape.jitbench.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.jitbench.probe.Expect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The probe suite's verdicts as {@code measurements.json} records them (its {@code outcomes}). */
final class Measurements {
  /** One probe on one JDK; {@code measured} null when the probe is invalid. */
  record Verdict(String probe, String group, int jdk, String verdict, Expect measured) {}

  private Measurements() {}

  static List<Verdict> read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.path("outcomes").isArray()) {
      throw new IOException(file + " is not a measurements.json of the probe suite (no outcomes)");
    }
    List<Verdict> out = new ArrayList<>();
    for (JsonNode o : root.get("outcomes")) {
      String v = o.path("verdict").asText();
      Expect measured = v.startsWith("heap") ? Expect.HEAP : v.equals("scalar-replaced") ? Expect.SCALAR_REPLACED : null;
      out.add(new Verdict(o.path("probe").asText(), o.path("group").asText(), o.path("jdk").asInt(), v, measured));
    }
    return out;
  }
}
