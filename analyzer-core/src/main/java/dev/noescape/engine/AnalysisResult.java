package dev.noescape.engine;

import dev.noescape.summary.MethodSummary;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's results for a whole {@link dev.noescape.ir.Program}.
 *
 * @param methods results in program order (a method not analyzed has a placeholder: every site
 *     escapes, no reasons; see {@link #notAnalyzed()})
 * @param summaries the computed summary of every analyzed method, by {@link
 *     dev.noescape.ir.MethodRef#key()}
 * @param budgetHits the budgets the run ran into, in the order it met them
 * @param analyses how many single-method analyses the run did (fixpoint rounds included): a
 *     deterministic measure of its work
 */
public record AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries,
    List<BudgetHit> budgetHits, long analyses) {
  public AnalysisResult {
    methods = List.copyOf(methods);
    summaries = Map.copyOf(summaries);
    budgetHits = List.copyOf(budgetHits);
  }

  public AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries) {
    this(methods, summaries, List.of(), methods.size());
  }

  /** Keys of the methods that were not analyzed at all (their results are placeholders). */
  public Set<String> notAnalyzed() {
    Set<String> out = new HashSet<>();
    for (BudgetHit h : budgetHits) {
      if (!h.resultsKept()) h.methods().forEach(m -> out.add(m.key()));
    }
    return out;
  }
}
