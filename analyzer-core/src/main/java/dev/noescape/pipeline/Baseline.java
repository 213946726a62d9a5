package dev.noescape.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline file ({@code noescape-baseline.json}): the findings a project accepts for now, by
 * their line-independent keys {@code RuleId:Signature} ({@link Reports#baselineKey}: rule, method
 * key, subject), so edits that only move code keep it valid. A key may stand for several findings
 * (two {@code new int[]} in one method): it is then listed with a count.
 *
 * <pre>
 * {
 *   "version" : 1,
 *   "entries" : [ { "key" : "BoxingAllocation:com.acme.Book#add(int):boxing int to Integer", "count" : 1 } ]
 * }
 * </pre>
 */
public final class Baseline {
  public static final String FILE_NAME = "noescape-baseline.json";

  private final Map<String, Integer> counts;

  private Baseline(Map<String, Integer> counts) {
    this.counts = counts;
  }

  /** The baseline of these findings. */
  public static Baseline of(Collection<ReportedFinding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ReportedFinding f : findings) counts.merge(Reports.baselineKey(f.finding()), 1, Integer::sum);
    return new Baseline(counts);
  }

  /** Keys and how many findings each stands for, sorted by key. */
  public Map<String, Integer> entries() {
    return java.util.Collections.unmodifiableMap(counts);
  }

  /** Findings in all. */
  public int size() {
    int n = 0;
    for (int c : counts.values()) n += c;
    return n;
  }

  /**
   * Reads {@code file}.
   *
   * @throws IOException when it cannot be read, or is not a baseline (the message says why)
   */
  public static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException("not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode entries = root == null ? null : root.get("entries");
    if (entries == null || !entries.isArray()) throw new IOException("no \"entries\" array");
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode e : entries) {
      JsonNode key = e.get("key");
      if (key == null || !key.isTextual()) throw new IOException("an entry without a \"key\"");
      int count = e.has("count") ? e.get("count").asInt(1) : 1;
      if (count > 0) counts.merge(key.asText(), count, Integer::sum);
    }
    return new Baseline(counts);
  }

  /** Writes it to {@code file} (deterministic: sorted keys, no timestamp), creating parent directories. */
  public void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("version", 1);
    root.put("comment", "Findings noescape:check ignores, by line-independent key (RuleId:method:subject)."
        + " Regenerate with mvn noescape:baseline; delete entries check reports as no longer occurring.");
    ArrayNode arr = root.putArray("entries");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      ObjectNode o = arr.addObject();
      o.put("key", e.getKey());
      o.put("count", e.getValue());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The findings not in the baseline (each entry absorbs up to its count of findings with its key,
   * in the given order), and the entries no finding matched ({@code key} repeated for each unused
   * count).
   */
  public Applied apply(List<ReportedFinding> findings) {
    Map<String, Integer> left = new TreeMap<>(counts);
    List<ReportedFinding> remaining = new ArrayList<>();
    int absorbed = 0;
    for (ReportedFinding f : findings) {
      String key = Reports.baselineKey(f.finding());
      Integer c = left.get(key);
      if (c != null && c > 0) {
        left.put(key, c - 1);
        absorbed++;
      } else {
        remaining.add(f);
      }
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, Integer> e : left.entrySet()) for (int i = 0; i < e.getValue(); i++) stale.add(e.getKey());
    return new Applied(remaining, absorbed, stale);
  }

  /**
   * @param remaining findings the baseline does not hold
   * @param ignored how many findings the baseline held
   * @param stale entries that match no finding any more (the file can be trimmed)
   */
  public record Applied(List<ReportedFinding> remaining, int ignored, List<String> stale) {
    public Applied {
      remaining = List.copyOf(remaining);
      stale = List.copyOf(stale);
    }
  }
}
