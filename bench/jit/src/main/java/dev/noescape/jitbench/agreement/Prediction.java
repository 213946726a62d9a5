package dev.noescape.jitbench.agreement;

import dev.noescape.jitbench.probe.Expect;

/**
 * What noescape predicts for one allocation site.
 *
 * @param source {@code runtime.prediction} (the C2 model's property), {@code NotScalarReplaced}
 *     (that rule's finding without the property) or {@code proxy} (today: a HeapEscape "escapes to
 *     heap" finding means heap, none means scalar-replaced)
 * @param condition the model's {@code runtime.condition}, or for the proxy the first reason kind
 *     of the HeapEscape finding ({@code none} without one)
 * @param argEscape the site has an ArgEscape information finding ("does not escape, but is passed
 *     to …"): the alternative proxy counts it as heap
 */
public record Prediction(Expect prediction, String source, String condition, boolean argEscape) {
  /** The alternative proxy: ArgEscape counted as heap too (C2 never scalar-replaces an object a real call receives). */
  public Expect withArgEscapeAsHeap() {
    return argEscape ? Expect.HEAP : prediction;
  }
}
