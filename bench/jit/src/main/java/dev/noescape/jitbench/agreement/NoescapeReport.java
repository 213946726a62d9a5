package dev.noescape.jitbench.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.jitbench.probe.Expect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * noescape's JSON report ({@code --json}, {@code report/json/JsonReportWriter}) read as predictions
 * per allocation site. Precedence at a site: a finding's {@code runtime.prediction} property
 * ({@code heap} / {@code scalar-replaced}, with {@code runtime.condition}), read from a
 * {@code properties} object, a flat {@code "runtime.prediction"} field or a {@code runtime}
 * object; else a {@code NotScalarReplaced} finding (heap); else the proxy: a {@code HeapEscape}
 * finding that says "escapes to heap" means heap, none means scalar-replaced. HeapEscape's
 * verbosity-2 information for ArgEscape sites ("does not escape, but is passed to …") is not an
 * escape: it is remembered for the alternative proxy.
 */
public final class NoescapeReport {
  /** One finding, as much of it as the joiner uses. */
  public record Finding(String rule, String file, int line, int column, String method, String message,
      String firstReasonKind, String prediction, String condition, Integer bci) {}

  /**
   * The C2 model's prediction for an allocation inside a callee ({@code calleeAllocations}, written
   * at verbosity 2): the calling method's key and the call's bci, the allocating method's key and
   * the allocation's bci in it.
   */
  public record CalleeAllocation(String method, Integer bci, String allocator, int allocatorBci, String prediction,
      String condition) {}

  /**
   * A call under which the C2 model does not predict the allocations, because the receiver's type
   * profile decides which code runs ({@code unpredictedCalls}): the calling method's key, the call's
   * bci, and where the model stopped.
   */
  public record UnpredictedCall(String method, Integer bci, String stoppedAt) {}

  private final List<Finding> findings;
  private final List<CalleeAllocation> callees;
  private final List<UnpredictedCall> unpredicted;

  public NoescapeReport(List<Finding> findings) {
    this(findings, List.of());
  }

  public NoescapeReport(List<Finding> findings, List<CalleeAllocation> callees) {
    this(findings, callees, List.of());
  }

  public NoescapeReport(List<Finding> findings, List<CalleeAllocation> callees, List<UnpredictedCall> unpredicted) {
    this.findings = List.copyOf(findings);
    this.callees = List.copyOf(callees);
    this.unpredicted = List.copyOf(unpredicted);
  }

  public List<CalleeAllocation> callees() {
    return callees;
  }

  public List<UnpredictedCall> unpredicted() {
    return unpredicted;
  }

  public List<Finding> findings() {
    return findings;
  }

  /** Reads the report; a file that is not noescape's JSON is an error naming it. */
  public static NoescapeReport read(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.path("findings").isArray()) {
      throw new IOException(file + " is not a noescape JSON report (no findings array)");
    }
    List<Finding> out = new ArrayList<>();
    for (JsonNode f : root.get("findings")) {
      JsonNode reasons = f.path("reasons");
      String kind = reasons.isArray() && reasons.size() > 0 ? reasons.get(0).path("kind").asText(null) : null;
      out.add(new Finding(f.path("rule").asText(), f.path("file").asText(""), f.path("line").asInt(0),
          f.path("column").asInt(0), f.path("method").asText(null), f.path("message").asText(""), kind,
          property(f, "prediction"), property(f, "condition"),
          f.hasNonNull("bci") ? f.get("bci").asInt() : null));
    }
    List<CalleeAllocation> callees = new ArrayList<>();
    for (JsonNode a : root.path("calleeAllocations")) {
      callees.add(new CalleeAllocation(a.path("method").asText(), a.hasNonNull("bci") ? a.get("bci").asInt() : null,
          a.path("allocator").asText(), a.path("allocatorBci").asInt(-1), a.path("runtime").path("prediction").asText(null),
          a.path("runtime").path("condition").asText(null)));
    }
    List<UnpredictedCall> unpredicted = new ArrayList<>();
    for (JsonNode c : root.path("unpredictedCalls")) {
      unpredicted.add(new UnpredictedCall(c.path("method").asText(), c.hasNonNull("bci") ? c.get("bci").asInt() : null,
          c.path("stoppedAt").asText()));
    }
    return new NoescapeReport(out, callees, unpredicted);
  }

  /**
   * The reports named by {@code spec}: one file for every JDK, or {@code 17=a.json,25=b.json}, one
   * per JDK (the C2 model predicts for one JDK per run: {@code --jit-jdk}). Key 0 holds the report
   * for every JDK.
   */
  public static Map<Integer, NoescapeReport> readPerJdk(String spec) throws IOException {
    Map<Integer, NoescapeReport> out = new TreeMap<>();
    if (!spec.contains("=")) {
      out.put(0, read(Path.of(spec)));
      return out;
    }
    for (String part : spec.split(",")) {
      int eq = part.indexOf('=');
      out.put(Integer.parseInt(part.substring(0, eq).trim()), read(Path.of(part.substring(eq + 1).trim())));
    }
    return out;
  }

  /** The report for {@code jdk} among {@link #readPerJdk}'s, or null. */
  public static NoescapeReport forJdk(Map<Integer, NoescapeReport> reports, int jdk) {
    NoescapeReport r = reports.get(jdk);
    return r != null ? r : reports.get(0);
  }

  /** {@code runtime.<name>} wherever a finding carries it. */
  static String property(JsonNode f, String name) {
    String key = "runtime." + name;
    for (JsonNode n : new JsonNode[] {f.path("properties").path(key), f.path(key), f.path("runtime").path(name)}) {
      if (n.isTextual()) return n.asText();
    }
    return null;
  }

  /** Whether a HeapEscape finding reports an escape (not the ArgEscape information of verbosity 2). */
  static boolean escapes(Finding f) {
    return f.rule().equals("HeapEscape") && !f.message().contains(" does not escape");
  }

  /** The prediction from the findings at one site (already selected by the caller). */
  public static Prediction predict(List<Finding> atSite) {
    boolean argEscape = atSite.stream()
        .anyMatch(f -> f.rule().equals("HeapEscape") && f.message().contains(" does not escape"));
    for (Finding f : atSite) {
      Expect e = f.prediction() == null ? null : Expect.ofLabel(f.prediction());
      if (e != null) return new Prediction(e, "runtime.prediction", f.condition() == null ? "?" : f.condition(), argEscape);
    }
    for (Finding f : atSite) {
      if (f.rule().equals("NotScalarReplaced")) return new Prediction(Expect.HEAP, "NotScalarReplaced", "NotScalarReplaced", argEscape);
    }
    for (Finding f : atSite) {
      if (escapes(f)) {
        return new Prediction(Expect.HEAP, "proxy", f.firstReasonKind() == null ? "escapes" : f.firstReasonKind(), argEscape);
      }
    }
    return new Prediction(Expect.SCALAR_REPLACED, "proxy", "none", argEscape);
  }

  /**
   * The findings at a source position: {@code file} matched as a path suffix (the report names
   * files relative to where noescape ran), the line exactly, and the column when both sides know
   * it and some finding on the line has that column.
   */
  public List<Finding> at(String file, int line, int column) {
    List<Finding> onLine = findings.stream()
        .filter(f -> f.line() == line && (f.file().equals(file) || f.file().endsWith("/" + file)))
        .toList();
    if (column <= 0) return onLine;
    List<Finding> exact = onLine.stream().filter(f -> f.column() == column).toList();
    return exact.isEmpty() ? onLine : exact;
  }
}
