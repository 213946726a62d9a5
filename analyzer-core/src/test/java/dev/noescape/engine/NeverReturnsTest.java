package dev.noescape.engine;

import static dev.noescape.engine.Ir.at;
import static dev.noescape.engine.Ir.method;
import static dev.noescape.engine.Ir.stat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The never-returns fact, computed bottom-up over {@link dev.noescape.ir.ThrowFlow}, and the sites
 * it makes cold. The IR is written as the bytecode front end gives it: one flow node per statement
 * with its normal successors.
 */
class NeverReturnsTest {
  static final String T = "t.T";

  /** A method {@code static void name()} whose body is {@code throw new E()}. */
  static MethodIR thrower(String name) {
    return throwing(method(stat(T, name)));
  }

  /** {@code b} with the body {@code throw new RuntimeException()} and its flow. */
  static MethodIR throwing(MethodIRBuilder b) {
    Var e = b.local("e", "java.lang.RuntimeException");
    Ir.newObj(b, e, "java.lang.RuntimeException", 2);
    b.thr(e, at(2));
    b.flowNode(0, 1, -1, false, new int[] {1});
    b.flowNode(1, 2, -1, true, new int[0]);
    b.flowEntry(0);
    return b.build();
  }

  /**
   * {@code static void name()}: each callee called in turn (node i), then a return; with
   * {@code branch}, node 0 may also skip straight to the return, so only the callee of the last node
   * is on every path.
   */
  static MethodIR caller(String name, boolean branch, MethodRef... callees) {
    MethodIRBuilder b = method(stat(T, name));
    int n = callees.length;
    for (int i = 0; i < n; i++) {
      b.call(null, callees[i], List.of(), at(3 + i));
      int[] succ = branch && i == 0 ? new int[] {i + 1, n} : new int[] {i + 1};
      b.flowNode(i, i + 1, i, false, succ);
    }
    b.flowNode(n, n, -1, false, new int[0]); // return
    b.flowEntry(0);
    return b.build();
  }

  static MethodSummary summary(AnalysisResult r, String name) {
    return r.summaries().get(stat(T, name).key());
  }

  @Test
  void aThrowOnEveryPathNeverReturns() {
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(thrower("fail"))));
    assertTrue(summary(r, "fail").neverReturns());
  }

  @Test
  void aCallerOfANeverReturningMethodNeverReturnsUnlessAPathAvoidsIt() {
    MethodRef fail = stat(T, "fail");
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(thrower("fail"),
        caller("always", false, fail), caller("sometimes", true, stat(T, "other"), fail), caller("other", false))));
    assertTrue(summary(r, "always").neverReturns());
    assertFalse(summary(r, "sometimes").neverReturns());
    assertFalse(summary(r, "other").neverReturns());
  }

  @Test
  void recursionIsNotAssumedToFail() {
    // self() calls itself then returns; loop() calls itself forever: neither is proven to throw
    MethodRef self = stat(T, "self");
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(caller("self", false, self))));
    assertFalse(summary(r, "self").neverReturns(), "the least fixpoint: f() { f(); } is not a failure");
    // a cycle whose members all reach fail() is proven without assuming itself
    MethodRef fail = stat(T, "fail"), a = stat(T, "a"), b = stat(T, "b");
    // a() { if (c) b(); fail(); }  b() { a(); }
    MethodIRBuilder ab = method(a);
    ab.call(null, b, List.of(), at(3));
    ab.call(null, fail, List.of(), at(4));
    ab.flowNode(0, 0, -1, false, new int[] {1, 2}); // if (c)
    ab.flowNode(0, 1, 0, false, new int[] {2});
    ab.flowNode(1, 2, 1, false, new int[] {3});
    ab.flowNode(2, 2, -1, false, new int[0]);
    ab.flowEntry(0);
    AnalysisResult r2 = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(thrower("fail"),
        ab.build(), caller("b", false, a))));
    assertTrue(summary(r2, "a").neverReturns());
    assertTrue(summary(r2, "b").neverReturns());
  }

  @Test
  void anEndlessLoopIsNotAFailure() {
    MethodIRBuilder b = method(stat(T, "spin"));
    b.flowNode(0, 0, -1, false, new int[] {1});
    b.flowNode(0, 0, -1, false, new int[] {0});
    b.flowEntry(0);
    // a throw elsewhere keeps the flow (an unreachable handler that rethrows)
    Var e = b.local("e", "java.lang.RuntimeException");
    b.thr(e, at(5));
    b.flowNode(0, 1, -1, true, new int[0]);
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(b.build())));
    assertFalse(summary(r, "spin").neverReturns());
  }

  @Test
  void anOverridableCallCountsByTheBodyTheProgramHas() {
    // t.T#report() always throws; a subclass outside the program could override it, but one that
    // returned would break report's contract, and trusting the body only costs a missed warning
    MethodRef report = Ir.inst(T, "report");
    MethodIRBuilder rb = method(report);
    rb.param("this", T, at(1));
    MethodIR reportBody = throwing(rb);
    for (boolean open : new boolean[] {false, true}) {
      MethodIRBuilder cb = method(stat(T, "caller"));
      Var t = cb.param("t", T, at(1));
      cb.call(null, report, List.of(t), List.of(), open, List.of(), at(3));
      cb.flowNode(0, 1, 0, false, new int[0]);
      cb.flowEntry(0);
      AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(reportBody, cb.build())));
      assertTrue(r.summaries().get(report.key()).neverReturns());
      assertTrue(summary(r, "caller").neverReturns(), open ? "open dispatch" : "closed dispatch");
    }
  }

  @Test
  void aLibrarySummaryMaySayItNeverReturns() {
    MethodRef lib = stat("lib.Checks", "outOfBounds");
    SummaryProvider library = m -> m.equals(lib)
        ? Optional.of(new MethodSummary(List.of(), false, Allocates.YES, MethodSummary.MODEL, true)) : Optional.empty();
    AnalysisResult r = new EscapeAnalysis(library).analyze(new Program(List.of(caller("check", false, lib))));
    assertTrue(summary(r, "check").neverReturns());
    assertTrue(r.exported().get(stat(T, "check").key()).neverReturns(), "exported with the fact");
  }

  @Test
  void sitesOnTheWayToANeverReturningCallAreCold() {
    // if (bad) { box = valueOf(i); fail(box); }  box2 = valueOf(i); return
    MethodRef fail = stat(T, "fail", "java.lang.Object"), may = stat(T, "may", "java.lang.Object");
    MethodIRBuilder fb = method(fail);
    fb.param("o", "java.lang.Object", at(1));
    Var e = fb.local("e", "java.lang.RuntimeException");
    fb.thr(e, at(2));
    fb.flowNode(0, 1, -1, true, new int[0]);
    fb.flowEntry(0);
    MethodIRBuilder mb = method(may);
    mb.param("o", "java.lang.Object", at(1));
    for (MethodRef callee : List.of(fail, may)) {
      String name = callee.name();
      MethodIRBuilder b = method(stat(T, "use" + name));
      Var box = b.local("box", "java.lang.Integer");
      Var box2 = b.local("box2", "java.lang.Integer");
      AllocSite cold = Ir.newObj(b, box, "java.lang.Integer", 3);
      b.call(null, callee, List.of(box), at(3));
      AllocSite hot = Ir.newObj(b, box2, "java.lang.Integer", 4);
      b.flowNode(0, 0, -1, false, new int[] {1, 2}); // if (bad)
      b.flowNode(0, 2, 1, false, new int[] {2});
      b.flowNode(2, 3, -1, false, new int[0]);
      b.flowEntry(0);
      AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(fb.build(), mb.build(), b.build())));
      MethodResult mr = r.methods().get(2);
      assertEquals(callee == fail ? ColdPath.ERROR : ColdPath.NONE, mr.cold(cold), name);
      assertEquals(ColdPath.NONE, mr.cold(hot), name);
      assertFalse(r.summaries().get(stat(T, "use" + name).key()).neverReturns());
    }
    assertTrue(new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(List.of(fb.build()))).summaries()
        .get(fail.key()).neverReturns());
  }

  @Test
  void joinNeverReturnsOnlyWhenEveryTargetDoes() {
    MethodSummary never = new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed", true);
    MethodSummary may = new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed");
    assertTrue(never.join(never).neverReturns());
    assertFalse(never.join(may).neverReturns());
    assertFalse(may.join(never).neverReturns());
    assertFalse(MethodSummary.unknown(1).neverReturns());
  }
}
