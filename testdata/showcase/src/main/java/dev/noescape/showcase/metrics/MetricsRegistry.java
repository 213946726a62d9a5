package dev.noescape.showcase.metrics;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Named counters and latency histograms, rendered as a text report. */
public final class MetricsRegistry {
  private final Map<String, Long> counters = new HashMap<>();
  private final Map<String, Histogram> histograms = new HashMap<>();

  /** Not hot and not in a loop: the boxing of {@code delta} here is not reported. */
  public void increment(String name, long delta) {
    counters.merge(name, delta, Long::sum);
  }

  /** Called for every order: the map lookup is fine, Histogram.record is allocation-free. */
  @HotPath
  public void recordLatency(String name, long nanos) {
    histograms.computeIfAbsent(name, Histogram::new).record(nanos);
  }

  /** Adds a batch of samples to a counter: boxes every value into one key (BoxingAllocation: sum, merge once). */
  public void addAll(String name, long[] deltas) {
    for (long delta : deltas) {
      counters.merge(name, delta, Long::sum);
    }
  }

  /** The allocation-free version of {@link #addAll}: sum in a primitive, box once. */
  public void addAllSummed(String name, long[] deltas) {
    long sum = 0;
    for (long delta : deltas) {
      sum += delta;
    }
    counters.merge(name, sum, Long::sum);
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /**
   * Registers counters for a list of names. Sized for {@code names.size()} buckets, not entries,
   * so the map resizes once the last quarter arrives (HashMapCapacity).
   */
  public Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> index = new HashMap<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    return index;
  }

  /** The same with {@code HashMap.newHashMap(n)}, sized for n entries: not reported. */
  public Map<String, Histogram> histogramsFor(List<String> names) {
    Map<String, Histogram> result = HashMap.newHashMap(names.size());
    for (String name : names) {
      result.put(name, histograms.computeIfAbsent(name, Histogram::new));
    }
    return result;
  }

  /** Percentiles of every histogram, in a list filled once per histogram (UnpresizedCollection). */
  public List<long[]> percentiles(double[] percents) {
    List<long[]> rows = new ArrayList<>();
    for (Histogram h : histograms.values()) {
      long[] row = new long[percents.length];
      for (int i = 0; i < percents.length; i++) {
        row[i] = h.percentile(percents[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  /** A text report. String.format in a loop: a varargs array and boxed numbers per line. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Long> e : new TreeMap<>(counters).entrySet()) {
      out.append(String.format("%-28s %12d%n", e.getKey(), e.getValue()));
    }
    for (Histogram h : new TreeMap<>(histograms).values()) {
      out.append(
          String.format(
              "%-28s n=%d p50=%dns p99=%dns max=%dns%n",
              h.name(), h.count(), h.percentile(50), h.percentile(99), h.max()));
    }
    return out.toString();
  }
}
