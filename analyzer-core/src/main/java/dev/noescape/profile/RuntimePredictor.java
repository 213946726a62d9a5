package dev.noescape.profile;

import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Predicts what the JIT does with an allocation site ({@link RuntimePrediction}), for the profile
 * view's verdicts on sites that do not escape yet were sampled on the heap: the model of C2's
 * conditions ({@code dev.noescape.jit}) through {@link #bySite}, or {@link #NONE}; the join asks it
 * for every such site and shows what it says.
 */
@FunctionalInterface
public interface RuntimePredictor {
  RuntimePredictor NONE = (method, site) -> Optional.empty();

  Optional<RuntimePrediction> predict(MethodResult method, SiteResult site);

  /** The predictor that looks a site up by its method and id (the model of C2's predictions of a run). */
  static RuntimePredictor bySite(BiFunction<MethodRef, Integer, RuntimePrediction> lookup) {
    return (method, site) -> Optional.ofNullable(lookup.apply(method.method().ref(), site.site().id()));
  }
}
