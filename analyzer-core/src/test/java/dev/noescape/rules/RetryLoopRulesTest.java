package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.Severity;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A site whose only loop is a retry loop ({@code Loop.retry}) runs once per call in normal
 * operation: no loop warning; information at verbosity 2; inside an ordinary loop it repeats with
 * that loop, which the message names.
 */
class RetryLoopRulesTest {
  /** A boxing site at line 16 in a retry loop at line 15, itself in a loop at line 14 when {@code nested}. */
  private static MethodResult boxInRetryLoop(boolean nested, boolean hot) {
    MethodIRBuilder b = Fx.method("add").hot(hot);
    b.param("this", "com.acme.OrderBook", at(10));
    if (nested) b.beginLoop(LoopKind.FOREACH_ITERABLE, at(14), null, "iterates an Iterator");
    b.beginLoop(LoopKind.FOR, at(15), null, "not a counted loop");
    b.retryLoop();
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(16), new AllocSite.Boxing("int", null));
    b.endLoop();
    if (nested) b.endLoop();
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void aRetryLoopAloneIsNoWarning() {
    assertTrue(new BoxingAllocationRule().check(boxInRetryLoop(false, false), Fx.defaults()).isEmpty());
  }

  @Test
  void atVerbosityTwoItIsInformationThatNamesTheRetryLoop() {
    List<Finding> fs = new BoxingAllocationRule().check(boxInRetryLoop(false, false), Fx.ctx(21, false, false, 2));
    assertEquals(1, fs.size());
    Finding f = fs.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertTrue(f.message().startsWith("boxing int to Integer allocates on every evaluation"), f.message());
    assertTrue(f.message().endsWith("(not a warning: in a retry loop (line 15) that normally runs once)"), f.message());
    assertNull(f.fix());
  }

  @Test
  void inAnOrdinaryLoopItRepeatsWithThatLoop() {
    List<Finding> fs = new BoxingAllocationRule().check(boxInRetryLoop(true, false), Fx.defaults());
    assertEquals(List.of(Severity.WARNING), fs.stream().map(Finding::severity).toList());
    assertTrue(fs.get(0).message().startsWith("boxing int to Integer allocates on every iteration of the loop (line 14)"),
        fs.get(0).message());
  }

  @Test
  void inAHotMethodItIsReportedAsOncePerCall() {
    List<Finding> fs = new BoxingAllocationRule().check(boxInRetryLoop(false, true), Fx.defaults());
    assertEquals(List.of(Severity.WARNING), fs.stream().map(Finding::severity).toList());
    assertTrue(fs.get(0).message().startsWith("boxing int to Integer allocates in hot method"), fs.get(0).message());
  }
}
