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
        + "'this': hoist it out of the loop"), Fx.messages(fs));
    assertEquals(RuleId.CAPTURING_LAMBDA, fs.get(0).rule());
    assertEquals("lambda capturing 'limit', 'this'", fs.get(0).identity());
  }

  /**
   * {@code for (...) { Node added = ...; if (c) { use(() -> added.x + limit); } }}: the lambda
   * captures a variable the loop assigns, optionally under a condition.
   */
  private List<Finding> captureOfALoopLocal(boolean assignedInLoop, boolean conditional) {
    MethodIRBuilder b = Fx.method("match");
    dev.noescape.ir.Var limit = b.param("limit", "java.lang.Integer", at(10));
    dev.noescape.ir.Var added = b.local("added", "com.acme.Node");
    if (!assignedInLoop) b.call(added, Fx.ref("com.acme.Node", "make", "com.acme.Node", true), List.of(), at(12));
    b.beginLoop(LoopKind.WHILE, at(14), null, "while (cond) loop");
    if (assignedInLoop) b.call(added, Fx.ref("com.acme.Node", "make", "com.acme.Node", true), List.of(), at(15));
    if (conditional) b.beginConditional();
    dev.noescape.ir.Var fn = b.temp("java.lang.Runnable");
    b.alloc(fn, SiteKind.LAMBDA, "java.lang.Runnable", at(16), new AllocSite.Lambda(List.of("added", "limit"), List.of()));
    b.store(fn, dev.noescape.ir.FieldRef.captured("added"), added, at(16));
    b.store(fn, dev.noescape.ir.FieldRef.captured("limit"), limit, at(16));
    if (conditional) b.endConditional();
    b.endLoop();
    return rule.check(Fx.Results.of(b.build()).build(), Fx.defaults());
  }

  @Test
  void aLambdaCapturingWhatTheLoopAssignsIsNotAdvisedToBeHoisted() {
    String head = "lambda allocates on every iteration of the loop (line 14) because it captures 'added', 'limit': ";
    assertEquals(List.of(head + "it cannot be hoisted out of the loop, which assigns 'added'"),
        Fx.messages(captureOfALoopLocal(true, false)));
    assertEquals(List.of(head + "hoist it out of the loop"), Fx.messages(captureOfALoopLocal(false, false)));
    // under a condition, hoisting would allocate on iterations (and calls) that allocated nothing
    assertEquals(List.of(head + "create it once, on first use (hoisting it would allocate on iterations that do not "
        + "need it)"), Fx.messages(captureOfALoopLocal(false, true)));
  }

  /**
   * Bytecode's form of a capture: the local ({@code added}, set before the loop, or in it when
   * {@code assignedInLoop}) is loaded into a stack temporary on every iteration, and the temporary
   * is what the lambda captures.
   */
  private List<Finding> captureThroughAStackCopy(boolean assignedInLoop) {
    MethodIRBuilder b = Fx.method("match");
    dev.noescape.ir.Var added = b.local("added", "com.acme.Node");
    if (!assignedInLoop) b.call(added, Fx.ref("com.acme.Node", "make", "com.acme.Node", true), List.of(), at(12));
    b.beginLoop(LoopKind.WHILE, at(14), null, "while (cond) loop");
    if (assignedInLoop) b.call(added, Fx.ref("com.acme.Node", "make", "com.acme.Node", true), List.of(), at(15));
    dev.noescape.ir.Var stack = b.local("$stack3", "com.acme.Node");
    b.copy(stack, added, at(16));
    dev.noescape.ir.Var fn = b.temp("java.lang.Runnable");
    b.alloc(fn, SiteKind.LAMBDA, "java.lang.Runnable", at(16), new AllocSite.Lambda(List.of("added"), List.of()));
    b.store(fn, dev.noescape.ir.FieldRef.captured("added"), stack, at(16));
    b.endLoop();
    return rule.check(Fx.Results.of(b.build()).build(), Fx.defaults());
  }

  @Test
  void aStackCopyInTheLoopOfALocalSetBeforeItIsNoAssignment() {
    String head = "lambda allocates on every iteration of the loop (line 14) because it captures 'added': ";
    assertEquals(List.of(head + "hoist it out of the loop"), Fx.messages(captureThroughAStackCopy(false)));
    assertEquals(List.of(head + "it cannot be hoisted out of the loop, which assigns 'added'"),
        Fx.messages(captureThroughAStackCopy(true)));
  }

  @Test
  void anonymousClassAlwaysAllocates() {
    assertEquals(List.of("anonymous Runnable allocates on every iteration of the loop (line 14) (an anonymous class is "
            + "instantiated on every evaluation): hoist it out of the loop, or use a non-capturing lambda"),
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
