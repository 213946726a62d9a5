package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static dev.noescape.rules.Fx.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RulesAndRunnerTest {
  /** The fixtures return their objects: expected escapes, shown here. */
  private static final RuleContext SHOW_EXPECTED = RuleContext.defaults().withExpectedEscapes(true);

  @Test
  void registryInRuleIdOrder() {
    List<RuleId> ids = Rules.all().stream().map(Rule::id).toList();
    List<RuleId> expected = new ArrayList<>(List.of(RuleId.values()));
    expected.remove(RuleId.ALLOCATION_CONTRACT);
    assertEquals(expected, ids);
    for (RuleId id : ids) assertEquals(id, Rules.get(id).id());
    assertTrue(Rules.get(RuleId.UNPRESIZED_COLLECTION) instanceof UnpresizedCollectionRule);
    assertThrows(IllegalArgumentException.class, () -> Rules.get(RuleId.ALLOCATION_CONTRACT));
  }

  /** A method in {@code file} with a boxing site and an escaping StringBuilder in one loop. */
  private static MethodResult method(String owner, String file, int line) {
    MethodIRBuilder b = Fx.method(owner, "run", file, false);
    b.param("this", owner, at(line));
    b.beginLoop(LoopKind.FOR, at(line + 1), SymbolicExpr.of("n"), null);
    AllocSite box = b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", SourcePos.of(line + 2, 30), new AllocSite.Boxing("int", null));
    Var sb = b.local("sb", "java.lang.StringBuilder");
    AllocSite obj = b.alloc(sb, SiteKind.NEW_OBJECT, "java.lang.StringBuilder", SourcePos.of(line + 2, 10),
        new AllocSite.Constructor(List.of(), List.of(), "StringBuilder", null));
    b.endLoop();
    b.ret(sb, at(line + 4));
    return Fx.Results.of(b.build())
        .state(box, EscapeState.GLOBAL_ESCAPE, reason(Reason.Kind.PASSED_TO_UNKNOWN, "passed to Sink.take", line + 2))
        .state(obj, EscapeState.GLOBAL_ESCAPE, reason(Reason.Kind.RETURNED, "returned", line + 4))
        .build();
  }

  /** {@code String.format("%d", i)} in a loop: a varargs array whose one element is a box. */
  static MethodResult formatOfABox() {
    MethodIRBuilder b = Fx.method("com.acme.A", "run", "src/A.java", false);
    b.param("this", "com.acme.A", at(10));
    b.beginLoop(LoopKind.FOR, at(11), SymbolicExpr.of("n"), null);
    Var arr = b.temp("java.lang.Object[]");
    b.alloc(arr, SiteKind.VARARGS_ARRAY, "java.lang.Object[]", SourcePos.of(12, 10),
        new AllocSite.Varargs(Fx.ref("java.lang.String", "format", "java.lang.String", true,
            "java.lang.String", "java.lang.Object[]"), 1));
    Var box = b.temp("java.lang.Integer");
    b.alloc(box, SiteKind.BOXING, "java.lang.Integer", SourcePos.of(12, 30), new AllocSite.Boxing("int", null));
    b.store(arr, dev.noescape.ir.FieldRef.ARRAY_ELEMENT, box, SourcePos.of(12, 30));
    b.endLoop();
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void aVarargsCallIsOneFindingThatListsItsBoxes() {
    MethodResult r = formatOfABox();
    List<Finding> both = RuleRunner.run(r, RuleContext.defaults(),
        EnumSet.of(RuleId.BOXING_ALLOCATION, RuleId.VARARGS_ALLOCATION));
    assertEquals(List.of("src/A.java:12:10: varargs call to String.format allocates a new Object[1] and 1 box (int) on "
        + "every iteration of the loop (line 11): create one array before the loop and refill it on each iteration"
        + " (the boxes remain: the array holds objects) [VarargsAllocation]"),
        both.stream().map(Finding::toTextLine).toList());
    // without the varargs rule, the box is reported on its own: one an array of objects requires, of a value that
    // can change on every iteration, which is information (ForcedBoxes), at -m=2
    assertEquals(List.of(), RuleRunner.run(r, RuleContext.defaults(), EnumSet.of(RuleId.BOXING_ALLOCATION)));
    List<Finding> boxesOnly = RuleRunner.run(r, new RuleContext(21, false, false, 2, java.util.Set.of()),
        EnumSet.of(RuleId.BOXING_ALLOCATION));
    assertEquals(List.of(RuleId.BOXING_ALLOCATION), boxesOnly.stream().map(Finding::rule).toList());
    assertEquals(dev.noescape.catalog.Severity.INFO, boxesOnly.get(0).severity());
  }

  @Test
  void runnerSortsByFileLineColumnRuleAndIsDeterministic() {
    List<MethodResult> methods = new ArrayList<>(List.of(
        method("com.acme.B", "src/B.java", 5),
        method("com.acme.A", "src/A.java", 40),
        method("com.acme.A", "src/A.java", 10)));
    EnumSet<RuleId> all = EnumSet.allOf(RuleId.class);
    List<Finding> first = RuleRunner.run(new AnalysisResult(methods, Map.of()), SHOW_EXPECTED, all);

    List<String> lines = first.stream().map(Finding::toTextLine).toList();
    assertEquals(List.of(
        "src/A.java:12:10: new StringBuilder() escapes to heap: returned (line 14) — the caller keeps it [HeapEscape]",
        "src/A.java:12:30: boxing int to Integer allocates on every iteration of the loop (line 11) when the value is outside -128..127: keep the value "
            + "primitive (int) [BoxingAllocation]",
        "src/A.java:12:30: boxing int to Integer escapes to heap: passed to Sink.take (line 12) — code the analysis "
            + "cannot see is assumed to keep it [HeapEscape]",
        "src/A.java:42:10: new StringBuilder() escapes to heap: returned (line 44) — the caller keeps it [HeapEscape]",
        "src/A.java:42:30: boxing int to Integer allocates on every iteration of the loop (line 41) when the value is outside -128..127: keep the value "
            + "primitive (int) [BoxingAllocation]",
        "src/A.java:42:30: boxing int to Integer escapes to heap: passed to Sink.take (line 42) — code the analysis "
            + "cannot see is assumed to keep it [HeapEscape]",
        "src/B.java:7:10: new StringBuilder() escapes to heap: returned (line 9) — the caller keeps it [HeapEscape]",
        "src/B.java:7:30: boxing int to Integer allocates on every iteration of the loop (line 6) when the value is outside -128..127: keep the value "
            + "primitive (int) [BoxingAllocation]",
        "src/B.java:7:30: boxing int to Integer escapes to heap: passed to Sink.take (line 7) — code the analysis "
            + "cannot see is assumed to keep it [HeapEscape]"), lines);

    Random random = new Random(42);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(methods, random);
      assertEquals(first, RuleRunner.run(new AnalysisResult(methods, Map.of()), SHOW_EXPECTED, all));
    }
  }

  @Test
  void runnerOnlyRunsEnabledRules() {
    List<Finding> fs = RuleRunner.run(new AnalysisResult(List.of(method("com.acme.A", "src/A.java", 10)), Map.of()),
        RuleContext.defaults(), EnumSet.of(RuleId.BOXING_ALLOCATION, RuleId.ALLOCATION_CONTRACT));
    assertEquals(List.of(RuleId.BOXING_ALLOCATION), fs.stream().map(Finding::rule).toList());
    assertTrue(RuleRunner.run(new AnalysisResult(List.of(method("com.acme.A", "src/A.java", 10)), Map.of()),
        RuleContext.defaults(), EnumSet.noneOf(RuleId.class)).isEmpty());
  }
}
