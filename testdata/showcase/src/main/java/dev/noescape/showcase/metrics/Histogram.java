package dev.noescape.showcase.metrics;

import dev.noescape.annotations.HotPath;

/**
 * A log-linear latency histogram over primitive arrays: recording is a few integer operations,
 * so noescape has nothing to report in {@link #record} even though it is hot.
 */
public final class Histogram {
  private static final int SUB_BUCKETS = 16;
  private static final int BUCKETS = 64 * SUB_BUCKETS;

  private final String name;
  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  public Histogram(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @HotPath
  public void record(long value) {
    long v = Math.max(value, 1L);
    int magnitude = 63 - Long.numberOfLeadingZeros(v);
    int shift = Math.max(magnitude - 4, 0);
    int sub = (int) (v >>> shift) & (SUB_BUCKETS - 1);
    counts[magnitude * SUB_BUCKETS + sub]++;
    total++;
    if (v > max) {
      max = v;
    }
  }

  public long count() {
    return total;
  }

  public long max() {
    return max;
  }

  /** The smallest bucket value at or above {@code percent} of the recorded values. */
  public long percentile(double percent) {
    long threshold = (long) Math.ceil(total * percent / 100.0);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= threshold && counts[i] > 0) {
        int magnitude = i / SUB_BUCKETS;
        long sub = i % SUB_BUCKETS;
        return magnitude < 4 ? sub : (sub | SUB_BUCKETS) << (magnitude - 4);
      }
    }
    return max;
  }
}
