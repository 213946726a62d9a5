package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.Severity;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A loop that writes output or does file-system I/O on every iteration ({@code CostlyCalls}):
 * the one small allocation per iteration that a repeat rule reports is information beside it; a
 * write under a condition, or in another loop, does not make it so.
 */
class IoLoopRulesTest {
  /** A box at line 15 in a loop at line 14 that calls {@code owner.name} at line 16 ({@code conditional}: under an if). */
  private static MethodResult boxBesideCall(String owner, String name, boolean conditional) {
    MethodIRBuilder b = Fx.method("print");
    Var out = b.param("out", owner, at(10));
    b.beginLoop(LoopKind.FOREACH_ITERABLE, at(14), null, "iterates an Iterator");
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null));
    if (conditional) b.beginConditional();
    List<Var> args = new ArrayList<>();
    args.add(out);
    args.add(null);
    b.call(null, Fx.ref(owner, name, "void", false, "java.lang.Object"), args, at(16));
    if (conditional) b.endConditional();
    b.endLoop();
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void aLoopThatPrintsOnEveryIterationDwarfsItsBox() {
    assertTrue(new BoxingAllocationRule().check(boxBesideCall("java.io.PrintStream", "println", false), Fx.defaults()).isEmpty());
    List<Finding> fs = new BoxingAllocationRule().check(boxBesideCall("java.io.PrintStream", "println", false),
        Fx.ctx(21, false, false, 2));
    assertEquals(List.of(Severity.INFO), fs.stream().map(Finding::severity).toList());
    assertTrue(fs.get(0).message().endsWith("(not a warning: every iteration of the loop (line 14) writes output "
        + "(PrintStream.println, line 16), which costs far more than the allocation)"), fs.get(0).message());
  }

  @Test
  void aWriteUnderAConditionOrToMemoryDoesNot() {
    assertEquals(List.of(Severity.WARNING), new BoxingAllocationRule()
        .check(boxBesideCall("java.io.PrintStream", "println", true), Fx.defaults()).stream().map(Finding::severity).toList());
    assertEquals(List.of(Severity.WARNING), new BoxingAllocationRule()
        .check(boxBesideCall("java.io.PrintWriter", "println", false), Fx.defaults()).stream().map(Finding::severity).toList());
    // reflection costs about what the allocations beside it cost: only its own array is dwarfed
    assertEquals(List.of(Severity.WARNING), new BoxingAllocationRule()
        .check(boxBesideCall("java.lang.reflect.Method", "invoke", false), Fx.defaults()).stream().map(Finding::severity).toList());
  }
}
