package dev.noescape.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.backend.BackEnd.Failure;
import dev.noescape.backend.BackEnd.Stage;
import dev.noescape.engine.Budget;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The back end runs the engine and the enabled rules; an isolated run contains a fault in either
 * and costs only the method (engine) or the rule in the method (rules) it happened in. Faults are
 * induced through the {@link BackEnd.Checkpoint}.
 */
class BackEndTest {
  private static final Set<RuleId> RULES = EnumSet.of(RuleId.HEAP_ESCAPE, RuleId.BOXING_ALLOCATION);

  /**
   * {@code static StringBuilder name()} in {@code src/T.java}: boxing in a counted loop (line
   * {@code line + 2}) and a StringBuilder it returns (line {@code line + 3}).
   */
  private static MethodIR boxesAndReturns(String name, int line) {
    MethodRef ref = new MethodRef("p.T", name, List.of(), "java.lang.StringBuilder", true);
    MethodIRBuilder b = new MethodIRBuilder(ref, "T." + name, "src/T.java", SourcePos.line(line));
    b.beginLoop(LoopKind.FOR, SourcePos.of(line + 1, 5), SymbolicExpr.of("n"), null);
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", SourcePos.of(line + 2, 30),
        new AllocSite.Boxing("int", null));
    b.endLoop();
    Var sb = b.local("sb", "java.lang.StringBuilder");
    b.alloc(sb, SiteKind.NEW_OBJECT, "java.lang.StringBuilder", SourcePos.of(line + 3, 10),
        new AllocSite.Constructor(List.of(), List.of(), "StringBuilder", null));
    b.ret(sb, SourcePos.line(line + 4));
    return b.build();
  }

  private static BackEnd.Input input(MethodIR... methods) {
    // The returned builders are expected escapes: shown, so that each method has a HeapEscape finding.
    return new BackEnd.Input(new Program(List.of(methods)), SummaryProvider.NONE, SummaryProvider.NONE,
        RuleContext.defaults().withExpectedEscapes(true), RULES);
  }

  /** {@code rule@line} of each finding, in order. */
  private static List<String> found(BackEnd.Output out) {
    return out.findings().stream().map(f -> f.rule().id() + "@" + f.pos().line()).toList();
  }

  /** Of {@code a} (line 10) and {@code b} (line 20): the boxed value is never used, so it does not escape. */
  private static final List<String> BOTH = List.of(
      "BoxingAllocation@12", "HeapEscape@13", "BoxingAllocation@22", "HeapEscape@23");

  @Test
  void runsTheEngineThenTheEnabledRules() {
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10), boxesAndReturns("b", 20)));
    assertEquals(BOTH, found(out));
    assertEquals(2, out.result().methods().size());
    assertEquals(List.of(), out.failures());
    assertEquals(List.of(), out.budgetHits());
    // no rules: the engine only
    BackEnd.Output engineOnly = BackEnd.run(input(boxesAndReturns("a", 10)).withRules(Set.of()));
    assertEquals(List.of(), engineOnly.findings());
    assertEquals(1, engineOnly.result().summaries().size());
  }

  @Test
  void theCheckpointSeesEachStageWithItsRulesInRuleIdOrder() {
    List<String> seen = new ArrayList<>();
    BackEnd.run(input(boxesAndReturns("a", 10))
        .withRules(EnumSet.of(RuleId.BOXING_ALLOCATION, RuleId.HEAP_ESCAPE))
        .withCheckpoint((stage, rules, methods) -> seen.add(stage + " " + rules + " " + methods.size())));
    assertEquals(List.of("ENGINE [] 1", "RULES [HeapEscape, BoxingAllocation] 1"), seen);
  }

  @Test
  void budgetHitsComeBack() {
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10)).withBudget(new Budget(1, 1, 1, Budget.NO_DEADLINE)));
    assertEquals(1, out.budgetHits().size());
    assertEquals(List.of(), found(out)); // a method the engine skipped is skipped by the rules too
  }

  @Test
  void withoutIsolationAFaultPropagates() {
    IllegalStateException induced = new IllegalStateException("induced");
    BackEnd.Input in = input(boxesAndReturns("a", 10)).withCheckpoint((stage, rules, methods) -> {
      if (stage == Stage.RULES) throw induced;
    });
    assertSame(induced, assertThrows(IllegalStateException.class, () -> BackEnd.run(in)));
  }

  /** Fails the stage whenever the run includes method {@code name}. */
  private static BackEnd.Checkpoint failIn(Stage at, String name) {
    return (stage, rules, methods) -> {
      if (stage == at && methods.stream().anyMatch(m -> m.ref().name().equals(name))) {
        throw new IllegalStateException("induced in " + name);
      }
    };
  }

  @Test
  void isolatedEngineFaultCostsOnlyItsMethod() {
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10), boxesAndReturns("boom", 20))
        .withCheckpoint(failIn(Stage.ENGINE, "boom")).isolatingFaults());
    assertEquals(BOTH.subList(0, 2), found(out));
    assertEquals(1, out.result().methods().size());
    assertEquals(1, out.failures().size());
    Failure f = out.failures().get(0);
    assertEquals(Stage.ENGINE, f.stage());
    assertNull(f.rule());
    assertEquals(List.of("boom"), f.methods().stream().map(m -> m.ref().name()).toList());
    assertEquals("induced in boom", f.cause().getMessage());
  }

  @Test
  void isolatedEngineFaultOfTheWholeProgramOnly_analyzesNothing() {
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10), boxesAndReturns("b", 20))
        .withCheckpoint((stage, rules, methods) -> {
          if (stage == Stage.ENGINE && methods.size() > 1) throw new IllegalStateException("together");
        }).isolatingFaults());
    assertEquals(List.of(), out.findings());
    assertEquals(0, out.result().methods().size());
    assertEquals(1, out.failures().size());
    assertEquals(List.of(), out.failures().get(0).methods()); // the program as a whole
    assertEquals("together", out.failures().get(0).cause().getMessage());
  }

  @Test
  void isolatedRuleFaultCostsOnlyThatRuleInThatMethod() {
    BackEnd.Checkpoint failBoxingInBoom = (stage, rules, methods) -> {
      if (stage == Stage.RULES && rules.contains(RuleId.BOXING_ALLOCATION)
          && methods.stream().anyMatch(m -> m.ref().name().equals("boom"))) {
        throw new IllegalStateException("induced");
      }
    };
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10), boxesAndReturns("boom", 20))
        .withCheckpoint(failBoxingInBoom).isolatingFaults());
    assertEquals(List.of("BoxingAllocation@12", "HeapEscape@13", "HeapEscape@23"), found(out));
    assertEquals(1, out.failures().size());
    Failure f = out.failures().get(0);
    assertEquals(Stage.RULES, f.stage());
    assertEquals(RuleId.BOXING_ALLOCATION, f.rule());
    assertEquals(List.of("boom"), f.methods().stream().map(m -> m.ref().name()).toList());
  }

  @Test
  void isolationLetsFatalErrorsThroughButNotAStackOverflow() {
    OutOfMemoryError oom = new OutOfMemoryError("induced");
    BackEnd.Input fatal = input(boxesAndReturns("a", 10)).withCheckpoint((stage, rules, methods) -> {
      throw oom;
    }).isolatingFaults();
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> BackEnd.run(fatal)));
    BackEnd.Output deep = BackEnd.run(input(boxesAndReturns("a", 10), boxesAndReturns("boom", 20))
        .withCheckpoint((stage, rules, methods) -> {
          if (stage == Stage.ENGINE && methods.stream().anyMatch(m -> m.ref().name().equals("boom"))) {
            throw new StackOverflowError("deep");
          }
        }).isolatingFaults());
    assertEquals(BOTH.subList(0, 2), found(deep));
    assertTrue(deep.failures().get(0).cause() instanceof StackOverflowError);
  }

  /** Facts whose every answer is a fault: the model of C2 fails on every site it is asked about. */
  private static final dev.noescape.jit.CodeFacts BROKEN_FACTS = new dev.noescape.jit.CodeFacts() {
    @Override
    public MethodCode method(String owner, String name, List<String> paramTypes) {
      throw new IllegalStateException("broken code facts");
    }

    @Override
    public ClassShape shape(String type) {
      throw new IllegalStateException("broken code facts");
    }
  };

  /** {@code static void name()} at line 30: a {@code new Point()} per iteration that nothing uses (no escape). */
  private static MethodIR unusedPoints(String name) {
    MethodIRBuilder b = new MethodIRBuilder(new MethodRef("p.T", name, List.of(), "void", true), "T." + name,
        "src/T.java", SourcePos.line(30));
    b.beginLoop(LoopKind.FOR, SourcePos.of(31, 5), SymbolicExpr.of("n"), null);
    b.alloc(b.local("p", "p.Point"), SiteKind.NEW_OBJECT, "p.Point", SourcePos.of(32, 17),
        new AllocSite.Constructor(List.of(), List.of(), "Point", null));
    b.endLoop();
    return b.build();
  }

  @Test
  void aFaultOfTheC2ModelCostsOnlyThePredictionsInIsolation() {
    // predictions are made when a finding asks (SitePredictions): the model's fault surfaces inside
    // the rules, and must cost neither the other rules' findings nor the run
    Set<RuleId> rules = EnumSet.of(RuleId.HEAP_ESCAPE, RuleId.BOXING_ALLOCATION, RuleId.NOT_SCALAR_REPLACED);
    BackEnd.Output out = BackEnd.run(input(boxesAndReturns("a", 10), unusedPoints("p"), unusedPoints("q"))
        .withRules(rules).withCode(BROKEN_FACTS).isolatingFaults());
    assertEquals(List.of("BoxingAllocation@12", "HeapEscape@13"), found(out));
    assertEquals(1, out.failures().size(), "reported once, not once per site");
    Failure f = out.failures().get(0);
    assertEquals(Stage.RULES, f.stage());
    assertEquals(RuleId.NOT_SCALAR_REPLACED, f.rule());
    assertEquals("broken code facts", f.cause().getMessage());
    // not isolated, the fault is the run's
    assertThrows(IllegalStateException.class,
        () -> BackEnd.run(input(unusedPoints("p")).withRules(rules).withCode(BROKEN_FACTS)));
  }
}
