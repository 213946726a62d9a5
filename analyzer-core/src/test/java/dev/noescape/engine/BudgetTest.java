package dev.noescape.engine;

import static dev.noescape.engine.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.Program;
import dev.noescape.ir.Var;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's budgets ({@link Budget}): what is over them is not analyzed or falls back to unknown
 * summaries, is named in a {@link BudgetHit}, and the rest is analyzed as without a budget.
 */
class BudgetTest {
  /** {@code sink(o)} stores its argument into a static; {@code caller} passes a new Foo to it. */
  private static Program sinkAndCaller() {
    MethodIRBuilder sink = method(stat("a.T", "sink", OBJ));
    Var o = sink.param("o", OBJ, at(1));
    sink.staticStore(staticField("a.T", "S"), o, at(2));
    MethodIRBuilder caller = method(stat("a.T", "caller"));
    Var x = newLocal(caller, "x", "a.Foo", 5);
    caller.call(null, stat("a.T", "sink", OBJ), List.of(x), at(6));
    return program(sink.build(), caller.build());
  }

  /** A method of {@code n} allocations, each stored into a parameter's field. */
  private static MethodIR big(int n) {
    MethodIRBuilder b = method(stat("a.Big", "fill", "a.Holder"));
    Var h = b.param("h", "a.Holder", at(1));
    for (int i = 0; i < n; i++) {
      Var x = newLocal(b, "x" + i, "a.Foo", 2 + i);
      b.store(h, field("a.Holder", "f" + (i % 7)), x, at(2 + i));
    }
    return b.build();
  }

  @Test
  void defaultBudgetChangesNothingOnOrdinaryCode() {
    Program p = sinkAndCaller();
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(p);
    assertEquals(List.of(), r.budgetHits());
    assertEquals(new EscapeAnalysis(SummaryProvider.NONE, Budget.UNLIMITED).analyze(p), r);
  }

  @Test
  void peaksWithoutRecursionNameTheCostliestMethod() {
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(big(300))));
    assertEquals(0, r.peaks().componentSize());
    assertEquals("a.Big#fill(a.Holder)", r.peaks().method());
    assertTrue(r.peaks().describe(Budget.DEFAULT).endsWith("; largest recursive component none"), r.peaks().describe(Budget.DEFAULT));
    String many = "g.Maps#of(" + String.join(",", java.util.Collections.nCopies(200, "java.lang.Object")) + ")";
    assertEquals("g.Maps#of(200 parameters)", WorkPeaks.shortened(many));
    assertEquals("a.Big#fill(a.Holder)", WorkPeaks.shortened("a.Big#fill(a.Holder)"));
  }

  @Test
  void methodTooLargeIsNotAnalyzedAndItsSummaryIsUnknown() {
    Program p = sinkAndCaller();
    // sink has 1 statement; a limit of 0 statements leaves out every method with a statement
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE, new Budget(0, Long.MAX_VALUE, Long.MAX_VALUE, Budget.NO_DEADLINE)).analyze(p);
    assertEquals(List.of(
            new BudgetHit("method too large (1 statements and allocation sites, the limit is 0)", List.of(stat("a.T", "sink", OBJ)), false),
            new BudgetHit("method too large (3 statements and allocation sites, the limit is 0)", List.of(stat("a.T", "caller")), false)),
        r.budgetHits());
    assertEquals(Set.of("a.T#sink(java.lang.Object)", "a.T#caller()"), r.notAnalyzed());
    assertEquals(MethodSummary.unknown(1), r.summaries().get("a.T#sink(java.lang.Object)"));
  }

  @Test
  void methodOverTheWorkBudgetIsNotAnalyzedAndCallersTreatItAsUnknown() {
    MethodIR fill = big(300);
    MethodIRBuilder caller = method(stat("a.Big", "caller"));
    Var h = newLocal(caller, "h", "a.Holder", 10);
    caller.call(null, fill.ref(), List.of(h), at(11));
    Program p = program(fill, caller.build());
    AnalysisResult precise = new EscapeAnalysis(SummaryProvider.NONE).analyze(p);
    assertEquals(List.of(), precise.budgetHits());
    assertEquals(EscapeState.ARG_ESCAPE, precise.methods().get(1).sites().get(0).state(), "fill keeps h to itself");

    AnalysisResult capped = new EscapeAnalysis(SummaryProvider.NONE, new Budget(Integer.MAX_VALUE, 1_000, Long.MAX_VALUE, Budget.NO_DEADLINE)).analyze(p);
    assertEquals(List.of(new BudgetHit("method over the work budget (1000 units)", List.of(fill.ref()), false)), capped.budgetHits());
    assertEquals(MethodSummary.unknown(1), capped.summaries().get(fill.ref().key()));
    SiteResult h0 = capped.methods().get(1).sites().get(0);
    assertEquals(EscapeState.GLOBAL_ESCAPE, h0.state());
    assertEquals("passed to unknown Big.fill (line 11)", h0.renderChain());
  }

  @Test
  void componentOf2000MethodsConvergesInABoundedNumberOfAnalyses() {
    int size = 2_000;
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(ring("a.R", size, true)));
    assertEquals(List.of(), r.budgetHits());
    for (int i = 0; i < size; i++) assertTrue(r.summaries().get("a.R#m" + i + "(java.lang.Object)").params().get(0).escapes(), "m" + i);
    // every member once from the optimistic start (2,000), again when the leak reaches it for the
    // half analyzed before the leak was found (1,000: the rest saw it on their first analysis),
    // and the final full pass (2,000): 2.5 per member, far from the 30 rounds the fixpoint may take
    assertEquals(5L * size / 2, r.analyses());
    // The peaks --debug prints: the whole ring is the largest (only) component.
    WorkPeaks peaks = r.peaks();
    assertEquals(size, peaks.componentSize());
    assertTrue(peaks.componentUnits() >= 3L * size / 2, "component units: " + peaks.componentUnits());
    assertTrue(peaks.methodUnits() > 0 && peaks.methodUnits() < peaks.componentUnits(), peaks.toString());
    assertTrue(peaks.method().startsWith("a.R#m"), peaks.method());
    assertTrue(peaks.describe(Budget.DEFAULT).matches(
        "work: largest method analysis [0-9,]+ units \\(0\\.[0-9]{3} % of the budget\\) in a\\.R#m[0-9]+\\(java\\.lang\\.Object\\);"
            + " largest recursive component [0-9,]+ units \\([0-9.]+ % of the budget\\) over 2000 methods"),
        peaks.describe(Budget.DEFAULT));
  }

  @Test
  void componentOverItsWorkBudgetFallsBackToUnknownSummaries() {
    int size = 2_000;
    List<MethodIR> ms = ring("a.R", size, true);
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE,
        new Budget(Integer.MAX_VALUE, Long.MAX_VALUE, 10_000, Budget.NO_DEADLINE)).analyze(new Program(ms));
    assertEquals(1, r.budgetHits().size());
    BudgetHit hit = r.budgetHits().get(0);
    assertEquals("recursive component of 2000 methods over its work budget (10000 units): summaries unknown", hit.reason());
    assertEquals(size, hit.methods().size());
    assertTrue(hit.resultsKept());
    assertEquals(Set.of(), r.notAnalyzed());
    assertEquals(MethodSummary.unknown(1), r.summaries().get("a.R#m0(java.lang.Object)"));
    // the work done before giving up is bounded by the budget: far fewer analyses than one round
    assertTrue(r.analyses() < 2L * size, "analyses: " + r.analyses());
  }

  @Test
  void deadlineSkipsEverythingNotAnalyzedYet() {
    Program p = sinkAndCaller();
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE, Budget.DEFAULT.withDeadline(System.nanoTime() - 1)).analyze(p);
    assertEquals(List.of(new BudgetHit(EscapeAnalysis.DEADLINE, List.of(stat("a.T", "caller"), stat("a.T", "sink", OBJ)), false)),
        r.budgetHits());
    assertEquals(2, r.methods().size());
    assertEquals(MethodSummary.unknown(1), r.summaries().get("a.T#sink(java.lang.Object)"));
  }
}
