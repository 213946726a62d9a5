package dev.noescape.jitbench.agreement;

import dev.noescape.jitbench.probe.Expect;

/**
 * What noescape predicts for one allocation site.
 *
 * @param prediction null when noescape says it cannot predict ({@link #unknown})
 * @param source {@code runtime.prediction} (the C2 model's property), {@code NotScalarReplaced}
 *     (that rule's finding without the property) or {@code proxy} (today: a HeapEscape "escapes to
 *     heap" finding means heap, none means scalar-replaced)
 * @param condition the model's {@code runtime.condition}, or for the proxy the first reason kind
 *     of the HeapEscape finding ({@code none} without one)
 * @param argEscape the site has an ArgEscape information finding ("does not escape, but is passed
 *     to …"): the alternative proxy counts it as heap
 */
public record Prediction(Expect prediction, String source, String condition, boolean argEscape) {
  /**
   * No prediction: the site is inside a call under which noescape says the receiver's type profile
   * decides ({@code unpredictedCalls}). Counted apart from the matrix, never as agreement.
   */
  public static Prediction unknown(String stoppedAt) {
    return new Prediction(null, "unpredictedCalls", "type-profile: " + stoppedAt, false);
  }

  /** {@code heap}, {@code scalar-replaced} or {@code unknown}. */
  public String label() {
    return prediction == null ? "unknown" : prediction.label();
  }

  /** The alternative proxy: ArgEscape counted as heap too (C2 never scalar-replaces an object a real call receives). */
  public Expect withArgEscapeAsHeap() {
    return argEscape ? Expect.HEAP : prediction;
  }
}
