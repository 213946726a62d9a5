package dev.noescape.jit;

import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import java.util.HashMap;
import java.util.Map;

/** The model's prediction per allocation site, by method and site id ({@link C2Model#predict}). */
public final class SitePredictions {
  /** No predictions (the model did not run). */
  public static final SitePredictions NONE = new SitePredictions();

  private final Map<String, RuntimePrediction> byKey = new HashMap<>();

  void put(MethodRef method, int site, RuntimePrediction p) {
    byKey.put(method.key() + "#" + site, p);
  }

  /** The prediction for site {@code site} of {@code method}, or null. */
  public RuntimePrediction get(MethodRef method, int site) {
    return byKey.get(method.key() + "#" + site);
  }
}
