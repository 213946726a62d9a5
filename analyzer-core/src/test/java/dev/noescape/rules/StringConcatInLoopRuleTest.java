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

  /**
   * javapoet's NameAllocator: {@code while (isKeyword(s) || …) s = s + "_";} with the call at line 9
   * (in the loop's condition: once per iteration unless {@code conditional}), or {@code s.length()}
   * there ({@code receiverOnly}).
   */
  private static List<Finding> readInTheLoop(boolean conditional, boolean receiverOnly, int verbosity) {
    MethodIRBuilder b = Fx.method("newName");
    b.param("this", "com.acme.OrderBook", at(5));
    dev.noescape.ir.Var s = b.param("s", "java.lang.String", at(5));
    b.beginLoop(LoopKind.WHILE, at(9), null, "while (cond) loop");
    if (conditional) b.beginConditional();
    if (receiverOnly) {
      b.call(null, Fx.ref("java.lang.String", "length", "int", false), java.util.Arrays.asList(s), at(9));
    } else { // through a stack temporary, as the bytecode front end passes it when it cannot type the call
      dev.noescape.ir.Var t = b.temp("java.lang.String");
      b.copy(t, s, at(9));
      b.call(null, Fx.ref("javax.lang.model.SourceVersion", "isKeyword", "boolean", true, "java.lang.CharSequence"),
          java.util.Arrays.asList(t), at(9));
    }
    if (conditional) b.endConditional();
    b.alloc(b.temp("java.lang.String"), SiteKind.STRING_CONCAT, "java.lang.String", at(10),
        new AllocSite.Concat(new AllocSite.Accumulator("s", false, true), "s + \"_\""));
    b.endLoop();
    return new StringConcatInLoopRule().check(Fx.Results.of(b.build()).build(), Fx.ctx(21, false, false, verbosity));
  }

  @Test
  void aStringReadOnEveryIterationIsNoWarning() {
    assertTrue(readInTheLoop(false, false, 1).isEmpty());
    List<Finding> fs = readInTheLoop(false, false, 2);
    assertEquals(List.of("'s += …' copies the whole string on every iteration of the loop at line 9 (quadratic): "
        + "accumulate in a StringBuilder (not a warning: each iteration reads s as a String (SourceVersion.isKeyword, "
        + "line 9), so a StringBuilder would copy it as often)"), Fx.messages(fs));
    assertEquals(dev.noescape.catalog.Severity.INFO, fs.get(0).severity());
  }

  @Test
  void aReadUnderAConditionOrOfTheLengthStaysAWarning() {
    assertEquals(List.of(dev.noescape.catalog.Severity.WARNING),
        readInTheLoop(true, false, 1).stream().map(Finding::severity).toList());
    // a StringBuilder answers length() itself
    assertEquals(List.of(dev.noescape.catalog.Severity.WARNING),
        readInTheLoop(false, true, 1).stream().map(Finding::severity).toList());
  }
}
