package dev.noescape.jitbench.measure;

import java.util.Arrays;

/**
 * One JVM run of one probe: what the harness printed, or why there is nothing.
 *
 * @param status {@code ok}, {@code not-compiled}, {@code unstable} (harness), {@code failed}
 *     (the JVM died or printed no result line), {@code timeout}
 * @param compileId the C2 compile id the harness measured (-1 if none)
 * @param osr whether the compilation log says that compile id was an OSR compilation (then the
 *     run does not count)
 * @param bytes the bytes allocated per round of {@code calls} calls
 * @param logEliminated whether the compilation log has an eliminate_allocation/boxing entry whose
 *     JVM state passes through the probe's site line (null: not checked)
 * @param inlineFailures callees C2 refused to inline in the measured compile, with its reason
 */
public record ProbeRun(
    String probe,
    int jdk,
    String variant,
    int repetition,
    String status,
    int compileId,
    boolean osr,
    int calls,
    long[] bytes,
    int attempts,
    long warmMs,
    long wallMs,
    Boolean logEliminated,
    String inlineFailures,
    String detail) {

  /** Median bytes per call over the rounds; NaN without rounds. */
  public double bytesPerCall() {
    if (bytes == null || bytes.length == 0 || calls <= 0) return Double.NaN;
    long[] sorted = bytes.clone();
    Arrays.sort(sorted);
    return (double) sorted[sorted.length / 2] / calls;
  }

  /** Whether the measurement counts: C2 code, not OSR, in use throughout. */
  public boolean measured() {
    return status.equals("ok") && !osr;
  }
}
