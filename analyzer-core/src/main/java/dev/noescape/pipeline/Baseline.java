package dev.noescape.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.noescape.finding.BaselineKeys;
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
 * their line-independent keys ({@link BaselineKeys}: rule, method, subject kind and frozen
 * identity), so edits that only move code or reword messages keep it valid.
 *
 * <p>Written in format 2, one key per finding, twins told apart by their occurrence:
 *
 * <pre>
 * {
 *   "version" : 2,
 *   "entries" : [ { "key" : "BoxingAllocation:com.acme.Book#add(long):BOXING:boxing long to Long:1" } ]
 * }
 * </pre>
 *
 * <p>Format 1, which every release before wrote ({@code "version" : 1}, keys
 * {@code RuleId:method:subject} listed with a count), is still read: its entries are matched by the
 * format-1 key of each finding ({@link BaselineKeys#v1}), computed from the same structure.
 */
public final class Baseline {
  public static final String FILE_NAME = "noescape-baseline.json";

  /** The format this release writes. */
  public static final int VERSION = 2;

  private final int version;
  private final Map<String, Integer> counts;

  private Baseline(int version, Map<String, Integer> counts) {
    this.version = version;
    this.counts = counts;
  }

  /** The baseline of these findings, in the current format. */
  public static Baseline of(Collection<ReportedFinding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String key : Reports.baselineKeys(new ArrayList<>(findings)).values()) counts.merge(key, 1, Integer::sum);
    return new Baseline(VERSION, counts);
  }

  /** The format the file was written in (1 or 2). */
  public int version() {
    return version;
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
   * Reads {@code file}, format 1 or 2.
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
    JsonNode v = root.get("version");
    int version = v == null ? 1 : v.asInt(-1);
    if (version != 1 && version != VERSION) {
      throw new IOException("baseline format version " + v + " is not one this release reads (1 or " + VERSION + ")");
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode e : entries) {
      JsonNode key = e.get("key");
      if (key == null || !key.isTextual()) throw new IOException("an entry without a \"key\"");
      int count = e.has("count") ? e.get("count").asInt(1) : 1;
      if (count > 0) counts.merge(key.asText(), count, Integer::sum);
    }
    return new Baseline(version, counts);
  }

  /** Writes it to {@code file} (deterministic: sorted keys, no timestamp), creating parent directories. */
  public void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("version", version);
    root.put("comment", version == 1
        ? "Findings noescape:check ignores, by line-independent key (RuleId:method:subject)."
            + " Regenerate with mvn noescape:baseline; delete entries check reports as no longer occurring."
        : "Findings noescape:check ignores, by line-independent key (RuleId:method:KIND:subject:occurrence)."
            + " Regenerate with mvn noescape:baseline; delete entries check reports as no longer occurring.");
    ArrayNode arr = root.putArray("entries");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      ObjectNode o = arr.addObject();
      o.put("key", e.getKey());
      if (version == 1 || e.getValue() != 1) o.put("count", e.getValue());
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /**
   * The findings not in the baseline (each entry absorbs up to its count of findings with its key,
   * in the given order), and the entries no finding matched ({@code key} repeated for each unused
   * count). A format-1 baseline is matched by the findings' format-1 keys.
   */
  public Applied apply(List<ReportedFinding> findings) {
    Map<ReportedFinding, String> v2 = version == 1 ? Map.of() : Reports.baselineKeys(findings);
    Map<String, Integer> left = new TreeMap<>(counts);
    List<ReportedFinding> remaining = new ArrayList<>();
    int absorbed = 0;
    for (ReportedFinding f : findings) {
      String key = version == 1 ? BaselineKeys.v1(f.finding()) : v2.get(f);
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
