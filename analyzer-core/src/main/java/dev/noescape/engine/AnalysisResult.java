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
 * @param exported the same summaries as other modules may use them (in a jar's
 *     {@code META-INF/noescape} resource): side facts only the engine tracks are folded into the
 *     tags conservatively (see the package documentation); summaries that fell back to unknown are
 *     left out
 */
public record AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries,
    Map<String, MethodSummary> exported) {
  public AnalysisResult {
    methods = List.copyOf(methods);
    summaries = Map.copyOf(summaries);
    exported = Map.copyOf(exported);
  }

  /** Results that export nothing (rule tests build them by hand). */
  public AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries) {
    this(methods, summaries, Map.of());
  }
}
