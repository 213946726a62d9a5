package dev.noescape.maven;

import dev.noescape.bytecode.BytecodeAnalysis;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The goals' progress for a long module: an INFO line every {@value #INTERVAL_SECONDS} s once the
 * analysis has run that long ({@code noescape: lowering 120/800 classes, 10.2 s}), nothing for a
 * short one.
 */
final class ProgressLog implements BytecodeAnalysis.Progress {
  static final long INTERVAL_SECONDS = 5;

  private final LongSupplier nanoClock;
  private final Consumer<String> info;
  private final long start;
  private long last;
  /** Whether a line was logged: the goal then also logs the total time. */
  boolean logged;
  /** When each phase was first reported, in order: the time split {@code -X} logs. */
  private final java.util.LinkedHashMap<String, Long> phaseStarts = new java.util.LinkedHashMap<>();

  ProgressLog(LongSupplier nanoClock, Consumer<String> info) {
    this.nanoClock = nanoClock;
    this.info = info;
    this.start = nanoClock.getAsLong();
    this.last = start;
  }

  @Override
  public synchronized void update(String phase, int done, int total) {
    long now = nanoClock.getAsLong();
    phaseStarts.putIfAbsent(phase, now);
    if (now - last < TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS)) return;
    last = now;
    logged = true;
    boolean classes = phase.equals("loading") || phase.equals("lowering");
    String what = total <= 0 ? phase : classes ? phase + " " + done + "/" + total + " classes" : phase;
    info.accept("noescape: " + what + ", " + elapsed());
  }

  /**
   * Seconds per phase, from the start (the first phase includes opening the class path) to
   * {@code end}: {@code loading 1.2 s, lowering 3.4 s, solving 0.5 s, rules 0.1 s}.
   */
  synchronized String split(long end) {
    StringBuilder sb = new StringBuilder();
    long from = start;
    String name = "setup";
    for (java.util.Map.Entry<String, Long> e : phaseStarts.entrySet()) {
      sb.append(name).append(' ').append(String.format(Locale.ROOT, "%.2f s", (e.getValue() - from) / 1e9)).append(", ");
      name = e.getKey();
      from = e.getValue();
    }
    return sb.append(name).append(' ').append(String.format(Locale.ROOT, "%.2f s", (end - from) / 1e9)).toString();
  }

  long now() {
    return nanoClock.getAsLong();
  }

  String elapsed() {
    return String.format(Locale.ROOT, "%.1f s", (nanoClock.getAsLong() - start) / 1e9);
  }
}
