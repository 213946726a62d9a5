package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static dev.noescape.rules.Fx.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.EscapeState;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VarargsAllocationRuleTest {
  private static final String FORMAT = "varargs call to String.format allocates ";

  private static List<Finding> check(boolean loop, boolean hot, int count, EscapeState state, RuleContext c) {
    return check(loop, hot, count, state, Reason.Kind.PASSED_TO_CALL, c);
  }

  private static List<Finding> check(boolean loop, boolean hot, int count, EscapeState state, Reason.Kind why,
      RuleContext c) {
    MethodIRBuilder b = Fx.method("print").hot(hot);
    b.param("this", "com.acme.OrderBook", at(10));
    if (loop) b.beginLoop(LoopKind.FOREACH_ITERABLE, at(14), SymbolicExpr.of("orders.size()"), null);
    AllocSite s = b.alloc(b.temp("java.lang.Object[]"), SiteKind.VARARGS_ARRAY, "java.lang.Object[]", at(15),
        new AllocSite.Varargs(Fx.ref("java.lang.String", "format", "java.lang.String", true,
            "java.lang.String", "java.lang.Object[]"), count));
    if (loop) b.endLoop();
    Fx.Results r = Fx.Results.of(b.build());
    if (state == EscapeState.GLOBAL_ESCAPE) {
      r.state(s, state, reason(why, "passed to String.format", 15));
    } else {
      r.state(s, state);
    }
    return new VarargsAllocationRule().check(r.build(), c);
  }

  @Test
  void inLoopNamesCalleeCountAndAReusedArray() {
    List<Finding> fs = check(true, false, 2, EscapeState.ARG_ESCAPE, Fx.defaults());
    assertEquals(List.of(FORMAT + "a new Object[2] on every iteration of the loop (line 14): "
        + "create one array before the loop and refill it on each iteration"), Fx.messages(fs));
    assertEquals(RuleId.VARARGS_ALLOCATION, fs.get(0).rule());
    assertEquals("varargs Object[] for String.format", fs.get(0).identity());
  }

  @Test
  void emptyVarargsArrayIsStillAnAllocation() {
    assertEquals(List.of(FORMAT + "an empty Object[] on every iteration of the loop (line 14): pass a shared empty "
            + "array constant"),
        Fx.messages(check(true, false, 0, EscapeState.ARG_ESCAPE, Fx.defaults())));
  }

  @Test
  void aCalleeThatMayKeepTheArrayIsNeverSaidToKeepIt() {
    assertEquals(List.of(FORMAT + "a new Object[3] on every iteration of the loop (line 14): String.format may keep "
            + "the array (its summary lets it escape); if it does not, create one array before the loop and refill it "
            + "on each iteration"),
        Fx.messages(check(true, false, 3, EscapeState.GLOBAL_ESCAPE, Fx.defaults())));
    assertEquals(List.of(FORMAT + "a new Object[3] on every iteration of the loop (line 14): String.format may keep "
            + "the array (it has no summary); if it does not, create one array before the loop and refill it on each "
            + "iteration"),
        Fx.messages(check(true, false, 3, EscapeState.GLOBAL_ESCAPE, Reason.Kind.PASSED_TO_UNKNOWN, Fx.defaults())));
  }

  @Test
  void aCallUnderAConditionIsNotHoisted() {
    MethodIRBuilder b = Fx.method("print");
    b.beginLoop(LoopKind.FOREACH_ITERABLE, at(14), SymbolicExpr.of("orders.size()"), null);
    b.beginConditional();
    b.alloc(b.temp("java.lang.Object[]"), SiteKind.VARARGS_ARRAY, "java.lang.Object[]", at(15),
        new AllocSite.Varargs(Fx.ref("java.lang.String", "format", "java.lang.String", true,
            "java.lang.String", "java.lang.Object[]"), 1));
    b.endConditional();
    b.endLoop();
    assertEquals(List.of(FORMAT + "a new Object[1] on every iteration of the loop (line 14): "
            + "reuse one array, created on first use"),
        Fx.messages(new VarargsAllocationRule().check(Fx.Results.of(b.build()).build(), Fx.defaults())));
  }

  @Test
  void gating() {
    assertTrue(check(false, false, 2, EscapeState.ARG_ESCAPE, Fx.defaults()).isEmpty());
    assertEquals(List.of(FORMAT + "a new Object[2] in hot method OrderBook.print: reuse one array, created on first use"),
        Fx.messages(check(false, true, 2, EscapeState.ARG_ESCAPE, Fx.defaults())));
    assertEquals(1, check(false, false, 2, EscapeState.ARG_ESCAPE, Fx.ctx(17, false, true, 1)).size());
  }

  /** {@code out.printf("%d%n", 7)} (a PrintStream) in a loop. */
  private static List<Finding> printfInLoop(RuleContext c) {
    MethodIRBuilder b = Fx.method("print");
    b.beginLoop(LoopKind.FOREACH_ITERABLE, at(14), SymbolicExpr.of("orders.size()"), null);
    b.alloc(b.temp("java.lang.Object[]"), SiteKind.VARARGS_ARRAY, "java.lang.Object[]", at(15),
        new AllocSite.Varargs(Fx.ref("java.io.PrintStream", "printf", "java.io.PrintStream", false,
            "java.lang.String", "java.lang.Object[]"), 1));
    b.endLoop();
    return new VarargsAllocationRule().check(Fx.Results.of(b.build()).build(), c);
  }

  @Test
  void aCalleeWhoseOwnWorkDwarfsTheArrayIsNoWarning() {
    assertTrue(printfInLoop(Fx.defaults()).isEmpty());
    List<Finding> fs = printfInLoop(Fx.ctx(21, false, false, 2));
    assertEquals(List.of(Severity.INFO), fs.stream().map(Finding::severity).toList());
    assertEquals(List.of("varargs call to PrintStream.printf allocates a new Object[1] on every iteration of the loop "
            + "(line 14): create one array before the loop and refill it on each iteration (not a warning: "
            + "PrintStream.printf formats its arguments and writes them out on every call, which costs far more than "
            + "the array)"),
        Fx.messages(fs));
  }

  @Test
  void costlyCallsTable() {
    Map<String, CostlyCalls.Entry> t = CostlyCalls.parse(ModelFiles.rows(List.of("# c", "", "a.Files io *",
        "a.Out  output  printf format")));
    assertEquals(CostlyCalls.Kind.IO, CostlyCalls.kind(t, Fx.ref("a.Files", "write", "void", true)));
    assertEquals(CostlyCalls.Kind.OUTPUT, CostlyCalls.kind(t, Fx.ref("a.Out", "printf", "void", false)));
    assertNull(CostlyCalls.kind(t, Fx.ref("a.Out", "println", "void", false)));
    assertNull(CostlyCalls.kind(t, Fx.ref("a.Other", "printf", "void", false)));
    // the shipped table: the calls the design names, and not String.format
    assertEquals(CostlyCalls.Kind.REFLECTION, CostlyCalls.kind(Fx.ref("java.lang.reflect.Method", "invoke",
        "java.lang.Object", false, "java.lang.Object", "java.lang.Object[]")));
    assertNull(CostlyCalls.kind(Fx.ref("java.lang.String", "format", "java.lang.String", true,
        "java.lang.String", "java.lang.Object[]")));
    assertTrue(assertThrows(IllegalStateException.class, () -> CostlyCalls.parse(ModelFiles.rows(List.of("a.B io"))))
        .getMessage().contains("expected 'class kind method...'"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CostlyCalls.parse(ModelFiles.rows(List.of("a.B slow m"))))
        .getMessage().contains("unknown kind 'slow'"));
    assertTrue(assertThrows(IllegalStateException.class, () -> CostlyCalls.parse(ModelFiles.rows(List.of("a.B io * m"))))
        .getMessage().contains("'*' and names"));
  }

  @Test
  void arrayText() {
    assertEquals("a new String[4]", VarargsAllocationRule.arrayText("String[]", 4));
    assertEquals("a new int[2][]", VarargsAllocationRule.arrayText("int[][]", 2));
    assertEquals("an empty Object[]", VarargsAllocationRule.arrayText("Object[]", 0));
    assertEquals("a new Object[]", VarargsAllocationRule.arrayText("Object[]", -1));
  }
}
