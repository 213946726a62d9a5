package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringConcatInLoopRuleTest {
  private final StringConcatInLoopRule rule = new StringConcatInLoopRule();

  private List<Finding> check(AllocSite.Accumulator acc, boolean inLoop, boolean hot) {
    MethodIRBuilder b = Fx.method("render").hot(hot);
    b.param("this", "com.acme.OrderBook", at(5));
    if (inLoop) b.beginLoop(LoopKind.FOREACH_ITERABLE, at(9), dev.noescape.ir.SymbolicExpr.of("lines.size()"), null);
    b.alloc(b.temp("java.lang.String"), SiteKind.STRING_CONCAT, "java.lang.String", at(10),
        new AllocSite.Concat(acc, "s + line"));
    if (inLoop) b.endLoop();
    return rule.check(Fx.Results.of(b.build()).build(), Fx.defaults());
  }

  @Test
  void localAccumulatedAcrossIterations() {
    List<Finding> fs = check(new AllocSite.Accumulator("s", false, true), true, false);
    assertEquals(List.of("'s += …' copies the whole string on every iteration of the loop at line 9 (quadratic): "
        + "accumulate in a StringBuilder"), Fx.messages(fs));
    assertEquals(RuleId.STRING_CONCAT_IN_LOOP, fs.get(0).rule());
    assertEquals(new Fix.UseStringBuilder("s"), fs.get(0).fix());
    assertEquals(10, fs.get(0).pos().line());
  }

  @Test
  void fieldAccumulatorHasNoMechanicalFix() {
    List<Finding> fs = check(new AllocSite.Accumulator("this.log", true, true), true, false);
    assertEquals(List.of("'this.log += …' copies the whole string on every iteration of the loop at line 9 "
        + "(quadratic): accumulate in a StringBuilder"), Fx.messages(fs));
    assertNull(fs.get(0).fix());
  }

  @Test
  void accumulatorDeclaredInsideTheLoopIsQuiet() {
    assertTrue(check(new AllocSite.Accumulator("s", false, false), true, false).isEmpty());
  }

  @Test
  void plainConcatenationIsQuiet() {
    assertTrue(check(null, true, false).isEmpty());
  }

  @Test
  void outsideLoopsQuietEvenWhenHot() {
    assertTrue(check(new AllocSite.Accumulator("this.log", true, true), false, true).isEmpty());
  }
}
