package dev.noescape.lsp;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Keeps the server's heap, and so its resident memory, near what it keeps alive. Each analysis
 * leaves a javac context's worth of garbage; under a steady stream of edits the collector answers by
 * growing the heap toward its maximum (a quarter of the machine's memory) and never gives it back,
 * though what survives an analysis is a few megabytes. So: a full collection gives memory back (the
 * heap keeps at most 30 % free after one, instead of HotSpot's 70 %), and one runs when the committed
 * heap outgrows a budget after an analysis, or once the server goes idle. A JVM without these
 * manageable flags keeps its defaults and only the collections apply.
 */
final class HeapBudget {
  /** The committed heap the server grows to before it collects fully: this, plus twice what it kept at the last full collection. */
  private static final long BASE_BYTES = 192L << 20;

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static volatile long liveAfterFullGc;

  private HeapBudget() {}

  /** Once, at start. */
  static void configure() {
    try {
      HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      hotspot.setVMOption("MinHeapFreeRatio", "10");
      hotspot.setVMOption("MaxHeapFreeRatio", "30");
    } catch (RuntimeException e) {
      System.err.println("noescape-lsp: heap free ratios left as they are: " + e);
    }
  }

  /** After an analysis (its result published): a full collection when the heap has outgrown the budget. */
  static void afterAnalysis() {
    if (MEMORY.getHeapMemoryUsage().getCommitted() > BASE_BYTES + 2 * liveAfterFullGc) collect();
  }

  /** Once the server is idle: give back what the last burst of edits took. */
  static void whenIdle() {
    collect();
  }

  private static void collect() {
    System.gc();
    liveAfterFullGc = MEMORY.getHeapMemoryUsage().getUsed();
  }
}
