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
 *
 * <p>Without the callees' allocations the predictions are made when first asked for
 * ({@link C2Model#lazily}): only the sites a finding is about need one (a warning's "C2 likely
 * removes it", the {@code runtime} of a finding, {@code NotScalarReplaced}'s sites), and in a javac
 * run most sites have none, so predicting every site up front was most of the model's cost in the
 * plugin. A prediction depends only on the site and the whole program's results, not on which
 * sites were asked before (the model's memos cache functions of their keys), so the answers are
 * those of the eager walk.
 */
public final class SitePredictions {
  /** No predictions (the model did not run). */
  public static final SitePredictions NONE = new SitePredictions(null, null);

  /** Computes one prediction on demand: of a site by its id, or of a copy by its call's statement index (null: none). */
  interface Source {
    RuntimePrediction predict(MethodRef method, int id);
  }

  private final Source source;
  private final Source copySource;
  private final Map<String, RuntimePrediction> byKey = new HashMap<>();
  private final List<CalleeAllocation> callees = new ArrayList<>();
  private final List<UnpredictedCall> unpredicted = new ArrayList<>();

  void put(MethodRef method, int site, RuntimePrediction p) {
    byKey.put(method.key() + "#" + site, p);
  }

  void putCopy(MethodRef method, int statement, RuntimePrediction p) {
    byKey.put(method.key() + "@" + statement, p);
  }

  void add(CalleeAllocation a) {
    callees.add(a);
  }

  void add(UnpredictedCall c) {
    unpredicted.add(c);
  }

  /**
   * Predictions put by an eager walk ({@code sites} and {@code copies} null), or made on demand by
   * {@code sites} (per site) and {@code copies} (per copy call).
   */
  SitePredictions(Source sites, Source copies) {
    this.source = sites;
    this.copySource = copies;
  }

  /** The prediction for site {@code site} of {@code method}, or null. */
  public RuntimePrediction get(MethodRef method, int site) {
    return cached(method.key() + "#" + site, source, method, site);
  }

  /**
   * The prediction for the array call statement {@code statement} (its index in the method's
   * statements) of {@code method} makes as a copy of another ({@code a.clone()},
   * {@code Arrays.copyOf}: {@code jit.ArrayCopies}), or null when it makes none.
   */
  public RuntimePrediction copy(MethodRef method, int statement) {
    return cached(method.key() + "@" + statement, copySource, method, statement);
  }

  private synchronized RuntimePrediction cached(String key, Source from, MethodRef method, int id) {
    RuntimePrediction p = byKey.get(key);
    if (p != null || from == null || byKey.containsKey(key)) return p;
    p = from.predict(method, id);
    byKey.put(key, p);
    return p;
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
