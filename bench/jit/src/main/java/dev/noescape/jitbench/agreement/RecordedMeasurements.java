package dev.noescape.jitbench.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The measured verdicts of a checked-in results file ({@code results-YYYY-MM-DD.md}, its "Probes"
 * table) written as the {@code measurements.json} the joiner reads ({@code outcomes}: probe, group,
 * jdk, verdict), so that noescape's side can be re-run against a recorded measurement without
 * measuring the JVMs again (the probes must be unchanged since).
 *
 * <p>Usage: {@code RecordedMeasurements --results bench/jit/results-2026-12-06.md --out measurements.json}.
 */
public final class RecordedMeasurements {
  private RecordedMeasurements() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args, List.of("--results", "--out"));
    Path results = Path.of(o.get("--results"));
    ObjectNode root = parse(Files.readString(results, StandardCharsets.UTF_8), results.toString());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(Path.of(o.get("--out")).toFile(), root);
    System.out.println("jitbench: wrote " + o.get("--out") + " (" + root.get("outcomes").size() + " outcomes from " + results + ")");
  }

  /** The outcomes of the results file's probe table; an error naming the file when it has none. */
  static ObjectNode parse(String markdown, String name) throws IOException {
    String[] lines = markdown.split("\n");
    int start = -1;
    for (int i = 0; i < lines.length; i++) if (lines[i].equals("### Probes")) start = i;
    if (start < 0) throw new IOException(name + " has no \"### Probes\" table");
    ObjectNode root = new ObjectMapper().createObjectNode();
    ArrayNode out = root.putArray("outcomes");
    String group = null;
    for (int i = start + 1; i < lines.length && !lines[i].startsWith("### "); i++) {
      String l = lines[i];
      if (!l.startsWith("|") || l.startsWith("| probe") || l.startsWith("|---")) continue;
      String[] cells = l.substring(1, l.length() - 1).split("\\|", -1);
      String first = cells[0].trim();
      if (first.startsWith("**")) {
        group = first.replace("*", "");
        continue;
      }
      // probe | site | expect 17 | measured 17 | … (7 columns per JDK) | expect 25 | measured 25 | …
      add(out, first, group, 17, cells[3]);
      add(out, first, group, 25, cells[10]);
    }
    if (out.isEmpty()) throw new IOException(name + ": its \"### Probes\" table has no rows");
    return root;
  }

  private static void add(ArrayNode out, String probe, String group, int jdk, String measured) {
    ObjectNode n = out.addObject();
    n.put("probe", probe);
    n.put("group", group);
    n.put("jdk", jdk);
    n.put("verdict", measured.replace("✗", "").trim());
  }
}
