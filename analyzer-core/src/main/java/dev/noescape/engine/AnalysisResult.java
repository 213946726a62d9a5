package dev.noescape.engine;

import dev.noescape.ir.TypeHierarchy;
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
 * @param exported the same summaries as other modules may use them (in a jar's
 *     {@code META-INF/noescape} resource): side facts only the engine tracks are folded into the
 *     tags conservatively (see the package documentation); summaries that fell back to unknown are
 *     left out
 * @param budgetHits the budgets the run ran into, in the order it met them
 * @param analyses how many single-method analyses the run did (fixpoint rounds included): a
 *     deterministic measure of its work
 * @param peaks the most work spent on one method and on one recursive component
 * @param hierarchy the program's class hierarchy its calls were resolved against, so that rules
 *     walking calls ({@link CallTargets}) resolve them the same way
 */
public record AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries,
    Map<String, MethodSummary> exported, List<BudgetHit> budgetHits, long analyses, WorkPeaks peaks,
    TypeHierarchy hierarchy) {
  public AnalysisResult {
    methods = List.copyOf(methods);
    summaries = Map.copyOf(summaries);
    exported = Map.copyOf(exported);
    budgetHits = List.copyOf(budgetHits);
    if (peaks == null) peaks = WorkPeaks.NONE;
    if (hierarchy == null) hierarchy = TypeHierarchy.UNKNOWN;
  }

  public AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries,
      Map<String, MethodSummary> exported, List<BudgetHit> budgetHits, long analyses) {
    this(methods, summaries, exported, budgetHits, analyses, WorkPeaks.NONE, TypeHierarchy.UNKNOWN);
  }

  /** Results that export nothing and met no budget (rule tests build them by hand). */
  public AnalysisResult(List<MethodResult> methods, Map<String, MethodSummary> summaries) {
    this(methods, summaries, Map.of(), List.of(), methods.size());
  }

  /** The same results for fewer methods (a rule run isolated per method). */
  public AnalysisResult withMethods(List<MethodResult> some) {
    return new AnalysisResult(some, summaries, exported, budgetHits, analyses, peaks, hierarchy);
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
