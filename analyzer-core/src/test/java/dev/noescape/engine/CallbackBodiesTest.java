package dev.noescape.engine;

import dev.noescape.ir.Reason;
import static dev.noescape.engine.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.ParamTag;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A callback a library call invokes and drops ({@code cesc}, not {@code esc}): what the callback
 * captures escapes only when one of its bodies (lambda body, anonymous-class methods) says so.
 */
class CallbackBodiesTest {
  static final String CONSUMER = "java.util.function.Consumer";
  static final String STR = "java.lang.String";
  /** {@code Iterable.forEach} as jdk.models has it: elements and the consumer's content are shown to it. */
  static final MethodRef EACH = inst("java.lang.Iterable", "forEach", CONSUMER);
  /** {@code Executor.execute}: keeps the task. */
  static final MethodRef EXECUTE = inst("java.util.concurrent.Executor", "execute", "java.lang.Runnable");
  static final MethodRef SIZE = inst("java.util.List", "size");
  static final MethodRef BODY = inst("a.T", "lambda$countLong$0", STR);
  static final MethodRef ANON_ACCEPT = inst("a.T$1", "accept", OBJ);

  private static Library lib() {
    return jdk()
        .put(EACH, model(false, Allocates.YES, ParamTag.NONE.withContentEscapes(), ParamTag.NONE.withContentEscapes()))
        .put(EXECUTE, model(false, Allocates.YES, ParamTag.NONE, ParamTag.escapes("submitted to an executor")))
        .put(SIZE, model(false, Allocates.NO, ParamTag.NONE));
  }

  /**
   * {@code static int countLong(List<String> words) { List<String> hits = new ArrayList<>();
   * words.<call>(w -> ...); return hits.size(); }} — the lambda (site 1, bodies {@code bodies})
   * captures {@code hits} (site 0) and is passed to {@code call}.
   */
  private static MethodIR creator(MethodRef call, SiteKind kind, String type, List<String> bodies) {
    return creator(call, kind, type, bodies, (b, words, hits) -> {});
  }

  interface Hook {
    void add(MethodIRBuilder b, Var words, Var hits);
  }

  /** The same, then {@code after} adds statements. */
  private static MethodIR creator(MethodRef call, SiteKind kind, String type, List<String> bodies,
      Hook after) {
    MethodIRBuilder b = method(stat("a.T", "countLong", "java.util.List"));
    Var words = b.param("words", "java.util.List", at(1));
    Var hits = b.local("hits", "java.util.List");
    Var fn = b.temp(type);
    newObj(b, hits, "java.util.ArrayList", 2);
    b.call(null, LIST_INIT, List.of(hits), at(2));
    b.alloc(fn, kind, type, at(3), kind == SiteKind.LAMBDA ? new AllocSite.Lambda(List.of("hits"), bodies)
        : new AllocSite.Anonymous("java.util.function.Consumer", List.of("hits"), bodies));
    b.store(fn, FieldRef.captured("hits"), hits, at(3));
    if (call.equals(EXECUTE)) {
      Var ex = b.temp("java.util.concurrent.Executor");
      b.staticLoad(ex, staticField("a.T", "EXEC"), at(4));
      b.call(null, call, List.of(ex, fn), at(4));
    } else {
      b.call(null, call, List.of(words, fn), at(4));
    }
    b.call(null, SIZE, List.of(hits), at(9));
    after.add(b, words, hits);
    return b.build();
  }

  /** A lambda body {@code (String w) -> { ... }}: slot 0 the lambda object, {@code hits} loaded from it. */
  private static MethodIR body(MethodRef ref, Consumer<BodyVars> code) {
    MethodIRBuilder b = method(ref).synthetic(true);
    Var self = b.param("this", ref.owner(), at(3));
    Var w = b.param("w", STR, at(3));
    Var hits = b.temp("java.util.List");
    b.load(hits, self, FieldRef.captured("hits"), at(5));
    code.accept(new BodyVars(b, self, w, hits));
    return b.build();
  }

  private record BodyVars(MethodIRBuilder b, Var self, Var w, Var hits) {}

  private static AnalysisResult run(MethodIR... ms) {
    return new EscapeAnalysis(lib()).analyze(program(ms));
  }

  /** The callback body {@code fn}: {@code hits.add(w)} at {@code line}. */
  private static MethodIR addingToHits(MethodRef fn, int line) {
    return body(fn, v -> v.b().call(null, LIST_ADD, List.of(v.hits(), v.w()), at(line)));
  }

  /** Runs {@code body} with its creator: a lambda (whose body is {@link #BODY}) passed to forEach. */
  private static AnalysisResult runLambdaForEach(MethodIR body) {
    return run(creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key())), body);
  }

  /** Runs {@code body} with its creator: an anonymous class (with {@link #ANON_ACCEPT}) passed to forEach. */
  private static AnalysisResult runAnonymousClassForEach(MethodIR body) {
    return run(creator(EACH, SiteKind.ANONYMOUS_CLASS, "a.T$1", List.of(ANON_ACCEPT.key())), body);
  }

  private static SiteResult site(AnalysisResult r, int m, int s) {
    return r.methods().get(m).sites().get(s);
  }

  private static void assertState(SiteResult s, EscapeState state) {
    assertEquals(state, s.state(), s::renderChain);
  }

  @Test
  void forEachLambdaThatOnlyAddsToItsCaptureKeepsItLocal() {
    MethodIR body = addingToHits(BODY, 5);
    AnalysisResult r = runLambdaForEach(body);
    assertState(site(r, 0, 0), EscapeState.ARG_ESCAPE);
    assertState(site(r, 0, 1), EscapeState.ARG_ESCAPE);
    assertEquals(List.of("passed to Iterable.forEach (line 4)"), render(site(r, 0, 1).chain()));
    assertEquals(Reason.Kind.PASSED_TO_NON_ESCAPING_CALL, site(r, 0, 1).chain().get(0).kind());
  }

  @Test
  void bodyListedBeforeItsCreatorIsStillSummarizedFirst() {
    // Program order must not matter: the call graph has an edge from the creator to the body.
    MethodIR body = addingToHits(BODY, 5);
    AnalysisResult r = run(body, creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key())));
    assertState(site(r, 1, 0), EscapeState.ARG_ESCAPE);
    assertState(site(r, 1, 1), EscapeState.ARG_ESCAPE);
  }

  @Test
  void bodyStoringTheCaptureIntoAStaticMakesItGlobal() {
    MethodIR body = body(BODY, v -> v.b().staticStore(staticField("a.T", "LAST"), v.hits(), at(6)));
    AnalysisResult r = runLambdaForEach(body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void bodyReturningTheCaptureMakesItGlobal() {
    // The library gets the callback's result: what it does with it is unknown.
    MethodRef fn = inst("a.T", "lambda$countLong$0", STR);
    MethodIR body = body(fn, v -> v.b().ret(v.hits(), at(6)));
    AnalysisResult r = run(creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(fn.key())), body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void bodyStoringTheCaptureIntoItsArgumentMakesItGlobal() {
    // w comes from the library (an element it shows to the callback): hits would be reachable from it.
    MethodIR body = body(BODY, v -> v.b().store(v.w(), field(STR, "cache"), v.hits(), at(6)));
    AnalysisResult r = runLambdaForEach(body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void anonymousClassPublishingThisIsGlobal() {
    MethodIR body = body(ANON_ACCEPT, v -> v.b().staticStore(staticField("a.T", "LAST"), v.self(), at(6)));
    AnalysisResult r = runAnonymousClassForEach(body);
    assertState(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE);
    assertEquals(List.of("passed to Iterable.forEach, which invokes it, and its body lets it escape (line 4)"),
        render(site(r, 0, 1).chain()));
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void anonymousClassStoringThisIntoItsCaptureIsNotTrusted() {
    // hits.add(this): the tags cannot say "slot 0 into slot 0's content"; the caller must not
    // assume the captured list and the callback stay apart (hits returned would return it).
    MethodIR body = body(ANON_ACCEPT, v -> v.b().call(null, LIST_ADD, List.of(v.hits(), v.self()), at(6)));
    AnalysisResult r = runAnonymousClassForEach(body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void anonymousClassThatKeepsToItselfIsArgEscape() {
    MethodIR body = addingToHits(ANON_ACCEPT, 6);
    AnalysisResult r = runAnonymousClassForEach(body);
    assertState(site(r, 0, 0), EscapeState.ARG_ESCAPE);
    assertState(site(r, 0, 1), EscapeState.ARG_ESCAPE);
  }

  @Test
  void missingBodyIsConservative() {
    AnalysisResult r = run(creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key())));
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
    assertEquals(List.of("captured by lambda capturing 'hits' (line 3)",
        "content of lambda capturing 'hits' is passed to Iterable.forEach (line 4)"), render(site(r, 0, 0).chain()));
    assertState(site(r, 0, 1), EscapeState.ARG_ESCAPE);
  }

  @Test
  void oneMissingBodyAmongSeveralIsConservative() {
    MethodIR body = addingToHits(ANON_ACCEPT, 6);
    AnalysisResult r = run(creator(EACH, SiteKind.ANONYMOUS_CLASS, "a.T$1",
        List.of(ANON_ACCEPT.key(), "a.Base#accept(java.lang.Object)")), body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void siteWithoutBodiesIsConservative() {
    MethodIR body = addingToHits(BODY, 5);
    AnalysisResult r = run(creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of()), body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void keptCallbackStillMakesItsCapturesGlobal() {
    // executor.execute keeps the task ('esc'): the bodies do not matter.
    MethodIR body = addingToHits(BODY, 5);
    AnalysisResult r = run(creator(EXECUTE, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key())), body);
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
    assertState(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE);
    assertEquals(List.of("passed to Executor.execute: submitted to an executor (line 4)"),
        render(site(r, 0, 1).chain()));
  }

  @Test
  void whatTheCallerLoadsFromACaptureAfterwardsIsTreatedAsEscaped() {
    // The body put a library value (an element of words) into a field of hits; the caller then
    // stores a new object into what it loads from there: it lands in an element the library shows
    // around, so it escapes. (A plain field load: a library getter's result is GLOBAL anyway.)
    MethodIR body = body(BODY, v -> v.b().store(v.hits(), field("java.util.ArrayList", "last"), v.w(), at(5)));
    MethodIR creator = creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key()), (b, words, hits) -> {
      Var e = b.temp(OBJ);
      b.load(e, hits, field("java.util.ArrayList", "last"), at(10));
      Var f = newLocal(b, "f", "a.Foo", 11);
      b.store(e, field("a.Foo", "next"), f, at(11));
    });
    AnalysisResult r = run(creator, body);
    assertState(site(r, 0, 0), EscapeState.ARG_ESCAPE);
    assertState(site(r, 0, 2), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void bodyMovingOneCaptureIntoAnotherIsNotTrusted() {
    // b.add(a) with both captured: the caller would not see that returning b returns a.
    MethodRef fn = inst("a.T", "lambda$two$0", STR);
    MethodIRBuilder bb = method(fn).synthetic(true);
    Var self = bb.param("this", "a.T", at(3));
    bb.param("w", STR, at(3));
    Var a = bb.temp(OBJ);
    Var l = bb.temp("java.util.List");
    bb.load(a, self, FieldRef.captured("a"), at(4));
    bb.load(l, self, FieldRef.captured("b"), at(4));
    bb.call(null, LIST_ADD, List.of(l, a), at(4));
    MethodIR body = bb.build();

    MethodIRBuilder b = method(stat("a.T", "two", "java.util.List"));
    Var words = b.param("words", "java.util.List", at(1));
    Var x = b.local("a", "a.Foo");
    Var list = b.local("b", "java.util.List");
    Var lam = b.temp(CONSUMER);
    newObj(b, x, "a.Foo", 2);
    newObj(b, list, "java.util.ArrayList", 2);
    b.alloc(lam, SiteKind.LAMBDA, CONSUMER, at(3), new AllocSite.Lambda(List.of("a", "b"), List.of(fn.key())));
    b.store(lam, FieldRef.captured("a"), x, at(3));
    b.store(lam, FieldRef.captured("b"), list, at(3));
    b.call(null, EACH, List.of(words, lam), at(4));
    b.ret(list, at(5));
    AnalysisResult r = run(b.build(), body);
    // The body moves one capture into another: its slot-0 tag names its own slot (a move within
    // what the lambda holds, not a leak), which is what makes the site not invocable.
    ParamTag t = r.methods().get(1).summary().params().get(0);
    assertEquals(java.util.Set.of(0), t.contentIntoContentOf());
    assertFalse(t.leavesSlot(0));
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }

  @Test
  void recursionThroughABodyTerminates() {
    // countLong creates a lambda whose body calls countLong again: one component, iterated.
    MethodRef creatorRef = stat("a.T", "countLong", "java.util.List");
    MethodIR body = body(BODY, v -> {
      v.b().call(null, LIST_ADD, List.of(v.hits(), v.w()), at(5));
      Var ws = v.b().temp("java.util.List");
      v.b().call(null, creatorRef, List.of(ws), at(6));
    });
    AnalysisResult r = runLambdaForEach(body);
    assertState(site(r, 0, 0), EscapeState.ARG_ESCAPE);
    assertState(site(r, 0, 1), EscapeState.ARG_ESCAPE);
  }

  @Test
  void recursionThroughABodyThatPublishesReachesTheConservativeAnswer() {
    // The body stores hits into a static only through the creator: the fixpoint must find it.
    MethodRef creatorRef = stat("a.T", "countLong", "java.util.List");
    MethodIR body = body(BODY, v -> v.b().call(null, creatorRef, List.of(v.hits()), at(6)));
    MethodIR creator = creator(EACH, SiteKind.LAMBDA, CONSUMER, List.of(BODY.key()),
        (b, words, hits) -> b.staticStore(staticField("a.T", "LAST"), words, at(10)));
    AnalysisResult r = run(creator, body);
    assertEquals(true, r.methods().get(1).summary().params().get(0).contentEscapes());
    assertState(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE);
  }
}
