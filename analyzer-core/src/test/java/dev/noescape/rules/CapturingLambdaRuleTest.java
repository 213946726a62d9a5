package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturingLambdaRuleTest {
  private final CapturingLambdaRule rule = new CapturingLambdaRule();

  private List<Finding> check(SiteKind kind, String type, AllocSite.Details details, boolean loop, boolean hot,
      RuleContext c) {
    MethodIRBuilder b = Fx.method("match").hot(hot);
    b.param("this", "com.acme.Engine", at(10));
    if (loop) b.beginLoop(LoopKind.WHILE, at(14), null, "while (cond) loop");
    b.alloc(b.temp(type), kind, type, at(15), details);
    if (loop) b.endLoop();
    return rule.check(Fx.Results.of(b.build()).build(), c);
  }

  @Test
  void capturingLambdaInLoopListsCaptures() {
    List<Finding> fs = check(SiteKind.LAMBDA, "java.util.function.Predicate",
        new AllocSite.Lambda(List.of("limit", "this"), List.of()), true, false, Fx.defaults());
    assertEquals(List.of("lambda allocates on every iteration of the loop (line 14) because it captures 'limit', "
        + "'this': hoist it out of the loop or make it non-capturing"), Fx.messages(fs));
    assertEquals(RuleId.CAPTURING_LAMBDA, fs.get(0).rule());
    assertEquals("lambda capturing 'limit', 'this'", fs.get(0).identity());
  }

  @Test
  void anonymousClassAlwaysAllocates() {
    assertEquals(List.of("anonymous Runnable allocates on every iteration of the loop (line 14) (an anonymous class is "
            + "instantiated on every evaluation): hoist it out of the loop or use a non-capturing lambda"),
        Fx.messages(check(SiteKind.ANONYMOUS_CLASS, "com.acme.Engine$1",
            new AllocSite.Anonymous("java.lang.Runnable", List.of(), List.of()), true, false, Fx.defaults())));
  }

  @Test
  void boundMethodReferenceInHotMethod() {
    assertEquals(List.of("method reference allocates in hot method OrderBook.match because it captures 'this': "
            + "make it non-capturing, or create it once and reuse it"),
        Fx.messages(check(SiteKind.METHOD_REF, "java.util.function.Consumer",
            new AllocSite.MethodReference("this", "onTrade", List.of("this")), false, true, Fx.defaults())));
  }

  @Test
  void outsideLoopsQuietUnlessConfigured() {
    AllocSite.Lambda x = new AllocSite.Lambda(List.of("x"), List.of());
    assertTrue(check(SiteKind.LAMBDA, "java.lang.Runnable", x, false, false, Fx.defaults()).isEmpty());
    assertEquals(1, check(SiteKind.LAMBDA, "java.lang.Runnable", x, false, false, Fx.ctx(21, false, true, 1)).size());
  }

  @Test
  void plainNewOfInnerClassIsNotACapture() {
    assertTrue(check(SiteKind.NEW_OBJECT, "com.acme.Engine$Inner",
        new AllocSite.Constructor(List.of(), List.of(), "Inner", null), true, true, Fx.defaults()).isEmpty());
  }
}
