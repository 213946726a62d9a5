package dev.noescape.jitbench.measure;

/**
 * The verdict of one probe on one JDK, with its evidence: net bytes per call (the harness's own
 * subtracted) with escape analysis, without it, and with the callee not inlined.
 *
 * @param expected the author's expectation ({@code heap} / {@code scalar-replaced}; null: none)
 * @param verdict {@link Verdict#label()}
 * @param calleeControl {@code heap}, {@code no allocation} (the control failed to show the
 *     object), {@code invalid} (the run did not measure) or {@code n/a} (no callee declared)
 * @param logEliminated the compilation log names an eliminated allocation at the site line
 * @param stability how many of the main runs gave this verdict ({@code 3/3}); {@code 1/1}
 *     when the probe was run once
 */
public record Outcome(
    String probe,
    String group,
    String pair,
    int jdk,
    String expected,
    String verdict,
    String why,
    double netBytes,
    double netBytesEaOff,
    double netBytesCalleeNotInlined,
    String calleeControl,
    Boolean logEliminated,
    String stability,
    String inlineFailures,
    String site,
    String hotspot) {

  /** Whether the measurement agrees with the author's expectation (null when either is missing). */
  public Boolean asExpected() {
    if (expected == null || verdict.equals(Verdict.INVALID.label())) return null;
    return expected.equals(verdict.startsWith("heap") ? "heap" : "scalar-replaced");
  }
}
