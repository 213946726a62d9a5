package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.Expect;

/**
 * What a probe's measurement says on one JDK. {@link #PARTIAL}: some of the site's bytes remain
 * (e.g. a StringBuilder whose object went but whose buffer stayed); it counts as heap, since
 * something is still allocated.
 */
public enum Verdict {
  SCALAR_REPLACED("scalar-replaced"),
  HEAP("heap"),
  PARTIAL("heap (partial)"),
  INVALID("invalid");

  /** Bytes per call the EA-off control must show for the probe to measure anything. */
  public static final double VISIBLE_BYTES = 8.0;

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The prediction this verdict is compared with: heap for HEAP and PARTIAL; null for INVALID. */
  public Expect asExpect() {
    return switch (this) {
      case SCALAR_REPLACED -> Expect.SCALAR_REPLACED;
      case HEAP, PARTIAL -> Expect.HEAP;
      case INVALID -> null;
    };
  }

  /**
   * Classifies net bytes per call (the harness's own subtracted) with EA on ({@code net}) against
   * the EA-off control ({@code netOff}): invalid when the control shows less than
   * {@link #VISIBLE_BYTES}; scalar-replaced when at most max(1 B, 2 % of the control) remains;
   * heap when at least 90 % remains; partial in between.
   */
  public static Verdict classify(double net, double netOff) {
    if (Double.isNaN(netOff) || netOff < VISIBLE_BYTES) return INVALID;
    if (Double.isNaN(net)) return INVALID;
    if (net <= Math.max(1.0, 0.02 * netOff)) return SCALAR_REPLACED;
    if (net >= 0.9 * netOff) return HEAP;
    return PARTIAL;
  }
}
