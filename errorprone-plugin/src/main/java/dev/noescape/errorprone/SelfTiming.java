package dev.noescape.errorprone;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opt-in measurement of the plugin's own cost, for {@code bench/compile-overhead.sh}: with
 * {@code -J-Dnoescape.timing=true} on javac, the CPU and wall time spent inside noescape's
 * checkers (front end, engine, rules, fixes, reporting) is summed and printed to stderr when
 * javac's JVM exits:
 *
 * <pre>noescape timing: 254 compilation units, 9 checkers: 0.81 s CPU, 0.85 s wall, of which reading dependency summaries 12 ms CPU</pre>
 *
 * <p>Whole-compilation timings on a shared 2-core machine vary by ±10 % from run to run, far more
 * than the plugin costs; its own thread CPU time does not, so its share of a compilation can be
 * stated directly. Off by default: a system property read once, no other cost.
 */
final class SelfTiming {
  static final boolean ENABLED = Boolean.getBoolean("noescape.timing");

  private static final AtomicLong CPU_NANOS = new AtomicLong();
  private static final AtomicLong WALL_NANOS = new AtomicLong();
  private static final AtomicLong UNITS = new AtomicLong();
  private static final AtomicLong READING_NANOS = new AtomicLong();
  private static final ThreadMXBean THREADS = ENABLED ? ManagementFactory.getThreadMXBean() : null;

  static {
    if (ENABLED) {
      // The hook runs after javac has closed the processor class loader: it may use only what is
      // loaded already, so the line is formatted from values read here and in the counters.
      int checkers = NoEscapeCheckers.ALL.size();
      // An explicit StringBuilder: a `+` would link an invokedynamic call site at exit.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(new StringBuilder()
          .append("noescape timing: ").append(UNITS.get()).append(" compilation units, ")
          .append(checkers).append(" checkers: ").append(seconds(CPU_NANOS.get())).append(" s CPU, ")
          .append(seconds(WALL_NANOS.get())).append(" s wall, of which reading dependency summaries ")
          .append(millis(READING_NANOS.get())).append(" ms CPU"))));
    }
  }

  /** Seconds with two decimals, without java.util.Formatter (not loaded in every javac). */
  private static String seconds(long nanos) {
    long centis = Math.round(nanos / 1e7);
    return new StringBuilder().append(centis / 100).append('.').append(centis % 100 < 10 ? "0" : "")
        .append(centis % 100).toString();
  }

  /** Whole milliseconds, for the part that is too small to show in centiseconds. */
  private static String millis(long nanos) {
    return Long.toString(Math.round(nanos / 1e6));
  }

  private SelfTiming() {}

  /** A start mark (thread CPU and wall nanoseconds), or null when timing is off. */
  static long[] start() {
    return ENABLED ? new long[] {THREADS.getCurrentThreadCpuTime(), System.nanoTime()} : null;
  }

  static void stop(long[] mark) {
    if (mark == null) return;
    CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - mark[0]);
    WALL_NANOS.addAndGet(System.nanoTime() - mark[1]);
  }

  /**
   * Ends a span of reading dependency summaries ({@link DependencySummaries#lookup}: finding the
   * jar, opening its resource, decoding a class), counted apart and also inside the checkers'
   * total: what shipped summaries cost a compilation, issue 5's figure.
   */
  static void stopReading(long[] mark) {
    if (mark == null) return;
    READING_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - mark[0]);
  }

  /** One compilation unit analyzed (once for all checkers). */
  static void unit() {
    if (ENABLED) UNITS.incrementAndGet();
  }
}
