package dev.noescape.engine;

import dev.noescape.summary.MethodSummary;
import java.util.List;
import java.util.Map;

/**
 * The engine's results for a whole {@link dev.noescape.ir.Program}.
 *
 * @param methods results in program order
 * @param summaries the computed summary of every analyzed method, by {@link
 *     dev.noescape.ir.MethodRef#key()}
 * @param hidden per method key, the effects its summary's tags do not carry (only methods that
 *     have some); needed to write a summary out for other runs
 */
public record AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries,
    Map<String, HiddenEffects> hidden) {
  public AnalysisResult {
    methods = List.copyOf(methods);
    summaries = Map.copyOf(summaries);
    hidden = Map.copyOf(hidden);
  }

  public AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries) {
    this(methods, summaries, Map.of());
  }

  /** The effects of a method's summary its tags do not say ({@link HiddenEffects#NONE} for most). */
  public HiddenEffects hidden(String key) {
    return hidden.getOrDefault(key, HiddenEffects.NONE);
  }
}
