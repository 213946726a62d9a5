package dev.noescape.rules;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs the enabled rules over every method of an analysis, in a deterministic order. */
public final class RuleRunner {
  private RuleRunner() {}

  /**
   * The findings of the enabled rules over all methods of {@code result}, sorted with
   * {@link Finding#ORDER} (file, line, column, rule, message). Findings that tie on all of those
   * keep program order, then rule order (the sort is stable), so the output is the same on every
   * run. Methods the engine did not analyze (over a budget) are skipped. Ids without a registered
   * rule ({@link Rules#has}) are ignored: {@code AllocationContract} runs in
   * {@link #run(AnalysisResult, SummaryProvider, RuleContext, Set)}. {@code HeapEscape} findings that
   * would print the same line twice are merged ({@link SameLineSites}).
   */
  public static List<Finding> run(AnalysisResult result, RuleContext context, Set<RuleId> enabled) {
    List<Finding> out = new ArrayList<>();
    Set<String> skipped = result.notAnalyzed(); // placeholders: nothing is known about their sites
    for (MethodResult mr : result.methods()) {
      if (!skipped.contains(mr.method().ref().key())) out.addAll(run(mr, context, enabled));
    }
    out.sort(Finding.ORDER);
    return SameLineSites.merge(out);
  }

  /**
   * {@link #run(AnalysisResult, RuleContext, Set)} plus, when enabled, the whole-program
   * {@link AllocationContractRule}, whose callee resolution needs the library summaries the engine
   * used.
   */
  public static List<Finding> run(AnalysisResult result, SummaryProvider library, RuleContext context, Set<RuleId> enabled) {
    return run(result, library, SummaryProvider.NONE, context, enabled);
  }

  /** The same, with the summaries class path entries ship (see {@link AllocationContractRule}). */
  public static List<Finding> run(AnalysisResult result, SummaryProvider library, SummaryProvider implementations,
      RuleContext context, Set<RuleId> enabled) {
    List<Finding> out = new ArrayList<>(run(result, context, enabled));
    if (enabled.contains(RuleId.ALLOCATION_CONTRACT)) {
      out.addAll(new AllocationContractRule(library, implementations).check(result, context));
      out.sort(Finding.ORDER);
    }
    return out;
  }

  /**
   * The findings of the enabled rules in one method, sorted with {@link Finding#ORDER}; one per
   * variable-arity call: the boxes its array holds are part of its finding ({@link VarargsBoxes}); one
   * per value boxed more than once in an iteration ({@link RepeatedBoxes}); one per plain call that
   * boxes several of its arguments ({@link CallBoxes}).
   */
  public static List<Finding> run(MethodResult result, RuleContext context, Set<RuleId> enabled) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      if (enabled.contains(rule.id())) out.addAll(rule.check(result, context));
    }
    out = VarargsBoxes.oneFindingPerCall(result.method(), out);
    out = RepeatedBoxes.oneFindingPerValue(result.method(), out);
    out = CallBoxes.oneFindingPerCall(result, out, context);
    out.sort(Finding.ORDER);
    return out;
  }
}
