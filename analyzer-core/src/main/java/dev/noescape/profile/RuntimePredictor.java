package dev.noescape.profile;

import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import java.util.Optional;

/**
 * Predicts what the JIT does with an allocation site ({@link RuntimePrediction}), for the profile
 * view's verdicts on sites that do not escape yet were sampled on the heap. {@link #NONE} until a
 * model of C2's conditions exists; the join asks it for every such site and shows what it says.
 */
@FunctionalInterface
public interface RuntimePredictor {
  RuntimePredictor NONE = (method, site) -> Optional.empty();

  Optional<RuntimePrediction> predict(MethodResult method, SiteResult site);
}
