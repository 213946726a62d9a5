package dev.noescape.jit;

import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.UnpredictedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's prediction per allocation site, by method and site id ({@link C2Model#predict}),
 * and, when asked for, per allocation inside the callees of analyzed methods, with the calls under
 * which the model cannot say.
 */
public final class SitePredictions {
  /** No predictions (the model did not run). */
  public static final SitePredictions NONE = new SitePredictions();

  private final Map<String, RuntimePrediction> byKey = new HashMap<>();
  private final List<CalleeAllocation> callees = new ArrayList<>();
  private final List<UnpredictedCall> unpredicted = new ArrayList<>();

  void put(MethodRef method, int site, RuntimePrediction p) {
    byKey.put(method.key() + "#" + site, p);
  }

  void add(CalleeAllocation a) {
    callees.add(a);
  }

  void add(UnpredictedCall c) {
    unpredicted.add(c);
  }

  /** The prediction for site {@code site} of {@code method}, or null. */
  public RuntimePrediction get(MethodRef method, int site) {
    return byKey.get(method.key() + "#" + site);
  }

  /** The allocations inside callees, in the order the analyzed methods and their calls were walked. */
  public List<CalleeAllocation> calleeAllocations() {
    return Collections.unmodifiableList(callees);
  }

  /** The calls under which the type profile decides what runs (with the allocations inside callees only), in walk order. */
  public List<UnpredictedCall> unpredictedCalls() {
    return Collections.unmodifiableList(unpredicted);
  }
}
