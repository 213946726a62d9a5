package dev.noescape.engine;

import static dev.noescape.engine.Ir.at;
import static dev.noescape.engine.Ir.method;
import static dev.noescape.engine.Ir.stat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Var;
import dev.noescape.ir.Visibility;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which methods run only once, as class initialization calls them ({@link OneTimeMethods}). */
class OneTimeMethodsTest {
  static final String T = "t.T";
  static final MethodRef CLINIT = new MethodRef(T, MethodRef.STATIC_INITIALIZER, List.of(), "void", true);

  /** {@code static void name()} of {@code T} with visibility {@code v}, calling each of {@code callees}; one site (line 9). */
  static MethodIR m(String name, Visibility v, String... callees) {
    return body(method(stat(T, name)).visibility(v), callees);
  }

  static MethodIR body(MethodIRBuilder b, String... callees) {
    for (String c : callees) b.call(null, stat(T, c), List.of(), at(3));
    Ir.newLocal(b, "x", "java.lang.Object", 9);
    return b.build();
  }

  static MethodIR clinit(String... callees) {
    return body(method(CLINIT), callees);
  }

  static AnalysisResult run(Program p) {
    return new EscapeAnalysis(SummaryProvider.NONE).analyze(p);
  }

  static AnalysisResult run(MethodIR... ms) {
    return run(new Program(Arrays.asList(ms), null, Set.of(), true));
  }

  static MethodResult result(AnalysisResult r, String name) {
    for (MethodResult mr : r.methods()) if (mr.method().ref().name().equals(name)) return mr;
    throw new AssertionError(name);
  }

  static OneTime oneTime(AnalysisResult r, String name) {
    return result(r, name).oneTime();
  }

  @Test
  void aPrivateHelperOnlyTheStaticInitializerCallsRunsOnce() {
    AnalysisResult r = run(clinit("put"), m("put", Visibility.PRIVATE));
    assertEquals(new OneTime(List.of("T"), null, 1), oneTime(r, "put"));
    MethodResult put = result(r, "put");
    assertEquals(ColdPath.ONE_TIME, put.cold(put.method().site(0)));
    assertNull(oneTime(r, "<clinit>"), "the static initializer is cold by itself");
  }

  @Test
  void aChainRunsOnceAndNamesTheMethodBefore() {
    AnalysisResult r = run(clinit("a"), m("a", Visibility.PRIVATE, "b"), m("b", Visibility.PRIVATE));
    assertEquals(new OneTime(List.of("T"), "T.a", 2), oneTime(r, "b"));
  }

  @Test
  void anotherCallerOrOutsideCodeMakesItOrdinary() {
    AnalysisResult r = run(clinit("shared", "open", "viaOpen"), m("shared", Visibility.PRIVATE),
        m("user", Visibility.PUBLIC, "shared"), m("open", Visibility.PUBLIC), m("viaOpen", Visibility.PRIVATE),
        m("caller", Visibility.PRIVATE, "viaOpen"));
    assertNull(oneTime(r, "shared"), "user() calls it too");
    assertNull(oneTime(r, "open"), "public: code outside the program may call it");
    assertNull(oneTime(r, "viaOpen"), "caller() is not one-time (nothing calls it)");
    MethodResult shared = result(r, "shared");
    assertEquals(ColdPath.NONE, shared.cold(shared.method().site(0)));
  }

  @Test
  void recursionReachedFromTheStaticInitializerRunsOnceAnUnreachedCycleDoesNot() {
    AnalysisResult r = run(clinit("rec"), m("rec", Visibility.PRIVATE, "rec"), m("ping", Visibility.PRIVATE, "pong"),
        m("pong", Visibility.PRIVATE, "ping"));
    assertEquals(new OneTime(List.of("T"), "T.rec", 1), oneTime(r, "rec"), "its callers: the static initializer and itself");
    assertNull(oneTime(r, "ping"));
    assertNull(oneTime(r, "pong"));
  }

  @Test
  void packagePrivateNeedsWholePackagesAndNoPartialClass() {
    List<MethodIR> ms = List.of(clinit("pkg", "nested"), m("pkg", Visibility.PACKAGE), m("nested", Visibility.PRIVATE));
    assertEquals(1, oneTime(run(new Program(ms, null, Set.of(), true)), "pkg").depth());
    assertNull(oneTime(run(new Program(ms, null, Set.of(), false)), "pkg"), "the javac plugin sees one file");
    AnalysisResult partial = run(new Program(ms, null, Set.of("t.Other"), true));
    assertNull(oneTime(partial, "pkg"), "a class of the package was not lowered: its calls are unknown");
    assertEquals(1, oneTime(partial, "nested").depth(), "the nest of T is whole");
    assertNull(oneTime(run(new Program(ms, null, Set.of("t.T$Inner"), true)), "nested"), "a nestmate was not lowered");
  }

  @Test
  void aMethodTheJvmCallsByNameIsNeverOneTime() {
    AnalysisResult r = run(clinit("readResolve"), m("readResolve", Visibility.PRIVATE));
    assertNull(oneTime(r, "readResolve"));
  }

  /**
   * {@code <clinit>} creates a lambda (body {@code lambda$0}, which calls {@code helper}) and hands
   * it to {@code t.Lib.run}, which does not keep it; with {@code keep}, it also stores it in a static
   * field; with {@code noSite}, it is a constant (no allocation site).
   */
  static AnalysisResult lambdaProgram(boolean keep, boolean noSite) {
    MethodRef body = new MethodRef(T, "lambda$0", List.of(), "void", false);
    MethodRef run = stat("t.Lib", "run", Ir.OBJ);
    MethodIRBuilder b = method(CLINIT);
    Var f = b.local("f", "java.lang.Runnable");
    if (noSite) {
      b.handle(body.key(), null);
    } else {
      AllocSite site = b.alloc(f, SiteKind.LAMBDA, "java.lang.Runnable", at(2), new AllocSite.Lambda(List.of("x"), List.of(body.key())));
      b.handle(body.key(), site);
      b.call(null, run, List.of(f), at(3));
      if (keep) b.staticStore(Ir.staticField(T, "KEPT"), f, at(4));
    }
    MethodIRBuilder l = method(body).visibility(Visibility.PRIVATE).synthetic(true);
    l.param("$lambda", "java.lang.Runnable", at(2));
    List<MethodIR> ms = new ArrayList<>(List.of(b.build(), body(l, "helper"), m("helper", Visibility.PRIVATE)));
    Ir.Library lib = new Ir.Library().put(run, Ir.model(false, Allocates.NO, ParamTag.NONE));
    return new EscapeAnalysis(lib).analyze(new Program(ms, null, Set.of(), true));
  }

  @Test
  void aLambdaThatDoesNotOutliveTheStaticInitializerRunsOnceAndSoDoesWhatItCalls() {
    AnalysisResult r = lambdaProgram(false, false);
    assertEquals(new OneTime(List.of("T"), null, 1), oneTime(r, "lambda$0"));
    assertEquals(new OneTime(List.of("T"), "T.lambda$0", 2), oneTime(r, "helper"));
  }

  @Test
  void aLambdaKeptOrWithoutASiteMayBeCalledAnyTime() {
    assertNull(oneTime(lambdaProgram(true, false), "lambda$0"), "stored in a static field");
    assertNull(oneTime(lambdaProgram(true, false), "helper"));
    assertNull(oneTime(lambdaProgram(false, true), "lambda$0"), "a constant: no escape verdict");
  }
}
