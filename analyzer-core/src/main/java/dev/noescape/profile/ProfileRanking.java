package dev.noescape.profile;

import dev.noescape.finding.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A recording joined to the analysis: the program's sampled places ({@link #sites()}, heaviest
 * first, as {@link HotSite}s) and the totals the shares are taken of. Kept next to the findings
 * rather than inside them: the writers ask it for a finding's measured weight ({@link #bytesOf}).
 *
 * <ul>
 *   <li>{@link #sampledBytes()}: every sampled byte of the recordings, on every thread;
 *   <li>{@link #programBytes()}: the part credited to a frame inside the analyzed program
 *       ({@link Attribution});
 *   <li>{@link #explainedBytes()}: the part of those on a place with a finding or a verdict
 *       ({@link Verdict#explained()});
 *   <li>{@link #outsideBytes()}: sampled bytes with no frame inside the analyzed program (the JDK's
 *       own threads, libraries at work on their own, classes the run did not analyze).
 * </ul>
 *
 * @param recordings the recordings read, as the user named them
 * @param problems one line per recording that was not used
 * @param sites every sampled place of the program, heaviest first
 * @param byMethod the same places by method key ({@link #of} builds it), for the findings' lookups
 */
public record ProfileRanking(List<String> recordings, List<String> problems, long sampledBytes, long programBytes,
    long explainedBytes, long outsideBytes, List<HotSite> sites, Map<String, List<HotSite>> byMethod) {

  public ProfileRanking {
    recordings = List.copyOf(recordings);
    problems = List.copyOf(problems);
    sites = List.copyOf(sites);
    byMethod = Map.copyOf(byMethod);
  }

  /** A ranking of these places, indexed by method. */
  public static ProfileRanking of(List<String> recordings, List<String> problems, long sampledBytes, long programBytes,
      long explainedBytes, long outsideBytes, List<HotSite> sites) {
    Map<String, List<HotSite>> byMethod = new HashMap<>();
    for (HotSite s : sites) byMethod.computeIfAbsent(s.methodKey(), k -> new ArrayList<>()).add(s);
    byMethod.replaceAll((k, v) -> List.copyOf(v));
    return new ProfileRanking(recordings, problems, sampledBytes, programBytes, explainedBytes, outsideBytes, sites,
        byMethod);
  }

  /** The places {@code f} reports, heaviest first (none when nothing was sampled there). */
  public List<HotSite> sitesOf(Finding f) {
    if (f.method() == null) return List.of();
    List<HotSite> out = new ArrayList<>();
    for (HotSite s : byMethod.getOrDefault(f.method().key(), List.of())) if (s.covers(f)) out.add(s);
    return out;
  }

  /** The bytes measured for what {@code f} reports (0 when none were sampled there). */
  public long bytesOf(Finding f) {
    long b = 0;
    for (HotSite s : sitesOf(f)) b += s.bytes();
    return b;
  }

  /**
   * What was measured for {@code f}, as the text output and the javac plugin append it to the
   * finding's line: {@code measured: 12.3 MB, 41.2 % of the sampled program bytes}; null when nothing
   * was sampled there.
   */
  public String measured(Finding f) {
    long b = bytesOf(f);
    return b == 0 ? null : "measured: " + bytes(b) + ", " + percent(ofProgram(b)) + " of the sampled program bytes";
  }

  /** {@code bytes} as a share of the program's sampled bytes, 0..1. */
  public double ofProgram(long bytes) {
    return programBytes == 0 ? 0 : (double) bytes / programBytes;
  }

  /** {@code bytes} as a share of all sampled bytes, 0..1. */
  public double ofSampled(long bytes) {
    return sampledBytes == 0 ? 0 : (double) bytes / sampledBytes;
  }

  /** The share of the program's sampled bytes explained by a finding or verdict, 0..1. */
  public double explainedShare() {
    return ofProgram(explainedBytes);
  }

  /** {@code 12.3 MB}: bytes in the units a reader takes in at a glance (powers of 1024, one decimal). */
  public static String bytes(long n) {
    if (n < 1024) return n + " B";
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** {@code 41.2 %}: a share 0..1 in percent, one decimal. */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  /**
   * The one-line summary: {@code 1.2 GB sampled in app.jfr, 87.1 % of it in the program; 94.0 % of
   * the sampled program bytes are explained by a finding or verdict}.
   */
  public String summary() {
    return bytes(sampledBytes) + " sampled in " + String.join(", ", recordings) + ", " + percent(ofSampled(programBytes))
        + " of it in the program; " + percent(explainedShare())
        + " of the sampled program bytes are explained by a finding or verdict";
  }
}
