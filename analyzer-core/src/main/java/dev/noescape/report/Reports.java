package dev.noescape.report;

import dev.noescape.finding.BaselineKeys;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.Reason;
import dev.noescape.profile.ProfileRanking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every writer shares: the deterministic order, the "hottest first" order, the result cap,
 * counts, packages and the line-independent fingerprints.
 */
public final class Reports {
  private Reports() {}

  /**
   * GitHub code scanning accepts at most 25,000 results per SARIF run; the SARIF writer keeps the
   * hottest ones (see {@link #capped}).
   */
  public static final int MAX_SARIF_RESULTS = 25_000;

  /**
   * {@link Finding#ORDER}, then (for findings equal in all of that) the baseline data, hotness and
   * reasons, so that no two different findings compare equal and any input order gives one output.
   */
  public static final Comparator<ReportedFinding> ORDER =
      Comparator.comparing(ReportedFinding::finding, Finding.ORDER)
          .thenComparing(rf -> methodKey(rf.finding()))
          .thenComparing(rf -> rf.finding().identity())
          .thenComparingInt(rf -> rf.finding().pos().endColumn())
          .thenComparingInt(rf -> rf.finding().hotness())
          .thenComparing(rf -> rf.finding().severity())
          .thenComparing(rf -> reasonsText(rf.finding()))
          .thenComparing(rf -> rf.fix().toString());

  /** Hottest first ({@link Finding#hotness()} descending), ties in {@link #ORDER}. */
  public static final Comparator<ReportedFinding> HOTTEST_FIRST =
      Comparator.comparingInt((ReportedFinding rf) -> rf.finding().hotness()).reversed().thenComparing(ORDER);

  /** The findings in {@link #ORDER}, whatever order {@code findings} has. */
  public static List<ReportedFinding> sorted(List<ReportedFinding> findings) {
    List<ReportedFinding> out = new ArrayList<>(findings);
    out.sort(ORDER);
    return out;
  }

  /** The {@code n} hottest findings, hottest first. */
  public static List<ReportedFinding> hottest(List<ReportedFinding> findings, int n) {
    return hottest(findings, n, null);
  }

  /**
   * The {@code n} hottest findings, hottest first: by measured bytes when {@code profile} is given
   * ({@link #ranked}), else by static hotness.
   */
  public static List<ReportedFinding> hottest(List<ReportedFinding> findings, int n, ProfileRanking profile) {
    List<ReportedFinding> out = ranked(findings, profile);
    return List.copyOf(out.subList(0, Math.min(n, out.size())));
  }

  /**
   * Every finding, hottest first. With a recording: by the bytes measured for it
   * ({@link ProfileRanking#bytesOf}), heaviest first; findings nothing was sampled for follow by
   * static hotness. Without one: by static hotness ({@link #HOTTEST_FIRST}). Ties in {@link #ORDER}.
   */
  public static List<ReportedFinding> ranked(List<ReportedFinding> findings, ProfileRanking profile) {
    List<ReportedFinding> out = new ArrayList<>(findings);
    if (profile == null) {
      out.sort(HOTTEST_FIRST);
      return out;
    }
    Map<ReportedFinding, Long> measured = new IdentityHashMap<>();
    for (ReportedFinding rf : out) measured.put(rf, profile.bytesOf(rf.finding()));
    out.sort(Comparator.comparingLong((ReportedFinding rf) -> measured.get(rf)).reversed().thenComparing(HOTTEST_FIRST));
    return out;
  }

  /**
   * At most {@code max} findings: all of them when they fit, else the {@code max} hottest (ties in
   * {@link #ORDER}); either way returned in {@link #ORDER}.
   */
  public static List<ReportedFinding> capped(List<ReportedFinding> findings, int max) {
    return capped(findings, max, null);
  }

  /** {@link #capped(List, int)}, the hottest by measured bytes when {@code profile} is given. */
  public static List<ReportedFinding> capped(List<ReportedFinding> findings, int max, ProfileRanking profile) {
    if (findings.size() <= max) return sorted(findings);
    List<ReportedFinding> kept = new ArrayList<>(hottest(findings, max, profile));
    kept.sort(ORDER);
    return kept;
  }

  /** Findings per rule, every rule present (0 when none), in {@link RuleId} order. */
  public static Map<RuleId, Integer> countByRule(List<ReportedFinding> findings) {
    Map<RuleId, Integer> counts = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) counts.put(r, 0);
    for (ReportedFinding rf : findings) counts.merge(rf.finding().rule(), 1, Integer::sum);
    return counts;
  }

  /** Findings per severity, every severity present, loudest first. */
  public static Map<Severity, Integer> countBySeverity(List<ReportedFinding> findings) {
    Map<Severity, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
    for (Severity s : Severity.values()) counts.put(s, 0);
    for (ReportedFinding rf : findings) counts.merge(rf.finding().severity(), 1, Integer::sum);
    return counts;
  }

  /**
   * The package of the class a finding is in ({@code com.acme} for {@code com.acme.Foo$Inner#m()}),
   * from its method; the file's path ({@link #packageOf(String)}) only when the finding has no
   * method. A path says nothing reliable about the package when the sources are not under a
   * {@code src/main/java} root ({@code --source src/commons-lang3-3.18.0}).
   */
  public static String packageOf(Finding f) {
    if (f.method() == null || f.method().owner() == null) return packageOf(f.file());
    String owner = f.method().owner();
    int dot = owner.lastIndexOf('.');
    return dot < 0 ? "(default package)" : owner.substring(0, dot);
  }

  /**
   * The Java package a source path belongs to, from the path alone: the directories after the last
   * {@code src/main/java/}, {@code src/test/java/} or {@code java/} segment (else all directories),
   * joined with dots; {@code (default package)} for a file without directories.
   * {@code core/src/main/java/com/acme/Foo.java} is {@code com.acme}.
   */
  public static String packageOf(String file) {
    String p = file.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    if (slash < 0) return "(default package)";
    String dir = "/" + p.substring(0, slash);
    for (String root : List.of("/src/main/java/", "/src/test/java/", "/java/")) {
      int i = (dir + "/").lastIndexOf(root);
      if (i >= 0) {
        dir = (dir + "/").substring(i + root.length());
        if (dir.endsWith("/")) dir = dir.substring(0, dir.length() - 1);
        return dir.isEmpty() ? "(default package)" : dir.replace('/', '.');
      }
    }
    return dir.substring(1).replace('/', '.');
  }

  /**
   * The line-independent identity of a finding, for SARIF {@code partialFingerprints}:
   *
   * <pre>
   *   hex(sha256(ruleId + "\n" + file + "\n" + methodKey + "\n" + identity))[0..32] + ":" + occurrence
   * </pre>
   *
   * <p>{@code methodKey} is {@link dev.noescape.ir.MethodRef#key()} of the enclosing method and
   * {@code identity} the frozen {@link dev.noescape.finding.SubjectIdentity} of the finding's subject
   * ({@code new StringBuilder()}, {@code param items}): the data of a format-1 baseline key plus the
   * file. No line, column or message goes in, so the fingerprint survives edits that move the code
   * or reword messages. {@code occurrence} (1, 2, …) numbers findings with the same hash in
   * {@link #ORDER} (two {@code new int[]} in one method), so duplicates stay distinct; it changes
   * only when such a twin is added or removed above. The returned map is keyed by identity of the
   * given objects.
   */
  public static Map<ReportedFinding, String> fingerprints(List<ReportedFinding> findings) {
    return numbered(findings, Reports::fingerprintHash, (hash, occurrence) -> hash + ":" + occurrence);
  }

  /**
   * The format-2 baseline key of every finding ({@link BaselineKeys}), twins numbered in
   * {@link #ORDER}; keyed by identity of the given objects.
   */
  public static Map<ReportedFinding, String> baselineKeys(List<ReportedFinding> findings) {
    return numbered(findings, BaselineKeys::v2, BaselineKeys::v2);
  }

  /** {@code key(f)} with the occurrence (1, 2, …) of that key among the findings in {@link #ORDER}. */
  private static Map<ReportedFinding, String> numbered(List<ReportedFinding> findings, Function<Finding, String> key,
      BiFunction<String, Integer, String> withOccurrence) {
    Map<ReportedFinding, String> out = new IdentityHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (ReportedFinding rf : sorted(findings)) {
      String k = key.apply(rf.finding());
      out.put(rf, withOccurrence.apply(k, seen.merge(k, 1, Integer::sum)));
    }
    return out;
  }

  /** The hash part of {@link #fingerprints}. */
  public static String fingerprintHash(Finding f) {
    String data = f.rule().id() + "\n" + f.file() + "\n" + methodKey(f) + "\n" + f.identity();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (int i = 0; i < 16; i++) hex.append(String.format("%02x", digest[i]));
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The method key, or "" when the finding has no method. */
  public static String methodKey(Finding f) {
    return BaselineKeys.methodKey(f);
  }

  /** The distinct files, sorted. */
  public static Set<String> files(List<ReportedFinding> findings) {
    Set<String> files = new java.util.TreeSet<>();
    for (ReportedFinding rf : findings) files.add(rf.finding().file());
    return files;
  }

  /** A line of text without a trailing line terminator (lines of {@link SourceText}). */
  public static String stripEol(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) end--;
    return line.substring(0, end);
  }

  /** {@code sources} that answers an empty list instead of null or an exception (no snippet then). */
  public static SourceText safe(SourceText sources) {
    return file -> {
      try {
        List<String> lines = sources.lines(file);
        return lines == null ? List.of() : lines;
      } catch (RuntimeException e) {
        return List.of();
      }
    };
  }

  private static String reasonsText(Finding f) {
    StringBuilder sb = new StringBuilder();
    for (Reason r : f.reasons()) sb.append(r.render()).append('\n');
    return sb.toString();
  }
}
