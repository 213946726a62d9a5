package dev.noescape.corpus;

import dev.noescape.corpus.CorpusExpectations.FileExpectations;
import dev.noescape.corpus.CorpusExpectations.Marker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares findings with the corpus expectations: per file, within the file's scope, as multisets
 * keyed by (line, rule). Keeps the per-rule counts for the table.
 */
public final class CorpusScore {

  /** A finding as the front end reported it. */
  public record Finding(String file, int line, String rule, String message) {
    @Override
    public String toString() {
      return file + ":" + line + " " + rule + " -- " + message;
    }
  }

  /** Per-rule counts. */
  public static final class RuleStats {
    int positives;
    int negatives;
    int gaps;
    int found;
    int truePositives;
    int missing;
    int unexpected;
    int negativesViolated;
    int gapsReported;
    int wrongMessage;
    int frontEndGaps;
    int excusedMissing;

    public int positives() {
      return positives;
    }

    public int negatives() {
      return negatives;
    }

    public int gaps() {
      return gaps;
    }

    public int missing() {
      return missing;
    }

    public int unexpected() {
      return unexpected;
    }

    public int truePositives() {
      return truePositives;
    }

    public int wrongMessage() {
      return wrongMessage;
    }

    /** {@code bytecode-gap} / {@code javac-gap} markers of this rule (both front ends). */
    public int frontEndGaps() {
      return frontEndGaps;
    }
  }

  private final Map<String, RuleStats> stats = new LinkedHashMap<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();
  private final List<String> wrongMessages = new ArrayList<>();
  private int markers;
  private int frontEndGaps;
  private final CorpusExpectations.FrontEnd frontEnd;

  /** Scores findings of {@code frontEnd}: its own front-end gap markers excuse it, the other's are ignored. */
  public CorpusScore(CorpusExpectations.FrontEnd frontEnd) {
    this.frontEnd = frontEnd;
    for (String r : CorpusExpectations.CHECKED_RULES) stats.put(r, new RuleStats());
  }

  private RuleStats stats(String rule) {
    return stats.computeIfAbsent(rule, r -> new RuleStats());
  }

  /** Scores one file; {@code findings} may contain findings of any rule, for this file only. */
  public void score(FileExpectations exp, List<Finding> findings) {
    Map<String, List<Marker>> expects = new TreeMap<>();
    Map<String, Boolean> gaps = new HashMap<>();
    Map<String, Boolean> oks = new HashMap<>();
    Map<String, Boolean> excused = new HashMap<>();
    for (Marker m : exp.markers()) {
      RuleStats s = stats(m.rule());
      String key = key(m.line(), m.rule());
      switch (m.kind()) {
        case EXPECT -> {
          s.positives++;
          markers++;
          expects.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        case OK -> {
          s.negatives++;
          markers++;
          oks.put(key, true);
        }
        case GAP -> {
          s.gaps++;
          gaps.put(key, true);
        }
        case BYTECODE_GAP, JAVAC_GAP -> {
          s.frontEndGaps++;
          frontEndGaps++;
          if (m.kind() == frontEnd.gapKind()) {
            gaps.put(key, true);
            excused.put(key, true);
          }
        }
      }
    }
    Map<String, List<Finding>> found = new TreeMap<>();
    for (Finding f : findings) {
      if (!exp.scope().contains(f.rule())) continue;
      stats(f.rule()).found++;
      found.computeIfAbsent(key(f.line(), f.rule()), k -> new ArrayList<>()).add(f);
    }
    Set<String> keys = new TreeSet<>(Comparator.comparingInt(CorpusScore::lineOf).thenComparing(k -> k));
    keys.addAll(expects.keySet());
    keys.addAll(found.keySet());
    for (String key : keys) {
      String rule = ruleOf(key);
      int line = lineOf(key);
      RuleStats s = stats(rule);
      List<Marker> want = new ArrayList<>(expects.getOrDefault(key, List.of()));
      List<Finding> got = new ArrayList<>(found.getOrDefault(key, List.of()));
      // Expectations with a fragment first take a finding whose message contains it.
      List<Marker> withFragment = new ArrayList<>();
      List<Marker> plain = new ArrayList<>();
      for (Marker m : want) (m.fragment() != null ? withFragment : plain).add(m);
      List<Marker> unmatched = new ArrayList<>();
      for (Marker m : withFragment) {
        Finding hit = null;
        for (Finding f : got) {
          if (f.message().toLowerCase(Locale.ROOT).contains(m.fragment().toLowerCase(Locale.ROOT))) {
            hit = f;
            break;
          }
        }
        if (hit != null) {
          got.remove(hit);
          s.truePositives++;
        } else {
          unmatched.add(m);
        }
      }
      for (Marker m : plain) {
        if (!got.isEmpty()) {
          got.remove(0);
          s.truePositives++;
        } else {
          unmatched.add(m);
        }
      }
      // A fragment expectation that only fails on the message: a finding is there, worded otherwise.
      for (Marker m : unmatched) {
        if (excused.containsKey(key)) {
          s.excusedMissing++;
        } else if (m.fragment() != null && !got.isEmpty()) {
          Finding f = got.remove(0);
          s.truePositives++;
          s.wrongMessage++;
          wrongMessages.add(exp.file() + ":" + line + " " + rule + " message lacks '" + m.fragment() + "': " + f.message());
        } else {
          s.missing++;
          missing.add(exp.file() + ":" + line + " " + rule + (m.fragment() != null ? "(" + m.fragment() + ")" : "")
              + " expected, not reported");
        }
      }
      for (Finding f : got) {
        if (gaps.containsKey(key)) {
          s.gapsReported++;
          continue;
        }
        s.unexpected++;
        if (oks.containsKey(key)) s.negativesViolated++;
        unexpected.add(exp.file() + ":" + line + " " + rule + (oks.containsKey(key) ? " [on an ok line]" : "")
            + " -- " + f.message());
      }
    }
  }

  private static String key(int line, String rule) {
    return String.format(Locale.ROOT, "%06d %s", line, rule);
  }

  private static int lineOf(String key) {
    return Integer.parseInt(key.substring(0, 6));
  }

  private static String ruleOf(String key) {
    return key.substring(7);
  }

  public Map<String, RuleStats> stats() {
    return stats;
  }

  public List<String> missing() {
    return missing;
  }

  public List<String> unexpected() {
    return unexpected;
  }

  public List<String> wrongMessages() {
    return wrongMessages;
  }

  /** {@code bytecode-gap} + {@code javac-gap} markers of all rules: the front ends' disagreements. */
  public int frontEndGaps() {
    return frontEndGaps;
  }

  /** expect + ok markers of all rules. */
  public int markers() {
    return markers;
  }

  public boolean clean() {
    return missing.isEmpty() && unexpected.isEmpty() && wrongMessages.isEmpty();
  }

  /** The per-rule table. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    String fmt = "%-22s %5s %5s %5s %5s %5s %5s %6s %9s %7s %5s %6s %6s%n";
    sb.append(String.format(Locale.ROOT, fmt, "rule", "pos", "found", "TP", "FN", "FP", "neg", "negFP", "precision", "recall", "gaps", "gapHit",
        "feGaps"));
    int[] tot = new int[10];
    for (Map.Entry<String, RuleStats> e : stats.entrySet()) {
      RuleStats s = e.getValue();
      sb.append(row(fmt, e.getKey(), s.positives, s.found, s.truePositives, s.missing, s.unexpected, s.negatives,
          s.negativesViolated, s.gaps, s.gapsReported, s.frontEndGaps));
      int[] v = {s.positives, s.found, s.truePositives, s.missing, s.unexpected, s.negatives, s.negativesViolated, s.gaps, s.gapsReported,
          s.frontEndGaps};
      for (int i = 0; i < v.length; i++) tot[i] += v[i];
    }
    sb.append(row(fmt, "total", tot[0], tot[1], tot[2], tot[3], tot[4], tot[5], tot[6], tot[7], tot[8], tot[9]));
    return sb.toString();
  }

  private static String row(
      String fmt, String name, int pos, int found, int tp, int fn, int fp, int neg, int negFp, int gaps, int gapHit, int feGaps) {
    String precision = tp + fp == 0 ? "-" : String.format(Locale.ROOT, "%.3f", tp / (double) (tp + fp));
    String recall = tp + fn == 0 ? "-" : String.format(Locale.ROOT, "%.3f", tp / (double) (tp + fn));
    return String.format(Locale.ROOT, fmt, name, pos, found, tp, fn, fp, neg, negFp, precision, recall, gaps, gapHit, feGaps);
  }

  /** Problems with the corpus itself: too few markers. Empty when the corpus is big enough. */
  public List<String> sizeProblems(int minMarkers, int minPositives, int minNegatives) {
    List<String> out = new ArrayList<>();
    if (markers < minMarkers) out.add("the corpus has " + markers + " expect+ok markers, fewer than " + minMarkers);
    for (String r : CorpusExpectations.CHECKED_RULES) {
      RuleStats s = stats(r);
      if (s.positives < minPositives) out.add(r + " has " + s.positives + " expect markers, fewer than " + minPositives);
      if (s.negatives < minNegatives) out.add(r + " has " + s.negatives + " ok markers, fewer than " + minNegatives);
    }
    return out;
  }
}
