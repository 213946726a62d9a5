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
 */
public record AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries) {
  public AnalysisResult {
    methods = List.copyOf(methods);
    summaries = Map.copyOf(summaries);
  }
}
