package dev.noescape.engine;

import dev.noescape.ir.Reason;
import static dev.noescape.engine.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EscapeAnalysisTest {

  private static AnalysisResult run(SummaryProvider lib, MethodIR... ms) {
    return new EscapeAnalysis(lib).analyze(program(ms));
  }

  private static SiteResult site(AnalysisResult r, int method, int site) {
    return r.methods().get(method).sites().get(site);
  }

  private static void assertSite(SiteResult s, EscapeState state, String... chain) {
    assertEquals(state, s.state(), () -> "state of " + s.site().description() + ": " + s.renderChain());
    assertEquals(List.of(chain), render(s.chain()));
  }

  // ---- basic states ----

  @Test
  void localObjectsDoNotEscape() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", "a.Bar");
    Var z = b.local("z", OBJ);
    newObj(b, x, "a.Foo", 2);
    newObj(b, y, "a.Bar", 3);
    b.store(x, field("a.Foo", "f"), y, at(4));
    b.load(z, x, field("a.Foo", "f"), at(5));
    b.monitor(z, at(6));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 0), EscapeState.NO_ESCAPE);
    assertSite(site(r, 0, 1), EscapeState.NO_ESCAPE);
    MethodResult m = r.methods().get(0);
    assertEquals(Map.of(x.id(), Set.of(0), y.id(), Set.of(1), z.id(), Set.of(1)), m.pointsTo());
    assertTrue(m.mayPointTo(z, m.method().site(1)));
    assertFalse(m.mayPointTo(z, m.method().site(0)));
    assertEquals(new MethodSummary(List.of(), false, Allocates.YES, "computed"), m.summary());
  }

  /** The direct causes of escape: one object allocated at line 4 leaves the method at line 5. */
  enum DirectCause {
    RETURNED("returned (line 5)", Reason.Kind.RETURNED, true) {
      @Override
      void leave(MethodIRBuilder b, Var x) {
        b.ret(x, at(5));
      }
    },
    THROWN("thrown (line 5)", Reason.Kind.THROWN, false) {
      @Override
      void leave(MethodIRBuilder b, Var x) {
        b.thr(x, at(5));
      }
    },
    STORED_STATIC("stored into static field Reg.ALL (line 5)", Reason.Kind.STORED_STATIC, false) {
      @Override
      void leave(MethodIRBuilder b, Var x) {
        b.staticStore(staticField("a.Reg", "ALL"), x, at(5));
      }
    };

    final String reason;
    final Reason.Kind kind;
    /** Only a returned allocation makes the method's result fresh. */
    final boolean freshReturn;

    DirectCause(String reason, Reason.Kind kind, boolean freshReturn) {
      this.reason = reason;
      this.kind = kind;
      this.freshReturn = freshReturn;
    }

    abstract void leave(MethodIRBuilder b, Var x);
  }

  @ParameterizedTest
  @EnumSource(DirectCause.class)
  void directCauseMakesTheObjectEscape(DirectCause cause) {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = newLocal(b, "x", "a.Foo", 4);
    cause.leave(b, x);
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, cause.reason);
    assertEquals(cause.kind, site(r, 0, 0).chain().get(0).kind());
    assertEquals(cause.freshReturn, r.methods().get(0).summary().freshReturn());
  }

  @Test
  void storedIntoThisFieldAndParamField() {
    MethodIRBuilder b = method(inst("a.Bag", "fill", "a.Box"));
    Var self = b.param("this", "a.Bag", at(1));
    Var box = b.param("box", "a.Box", at(1));
    Var i = b.local("i", "a.Item");
    Var v = b.local("v", "a.Val");
    newObj(b, i, "a.Item", 8);
    b.store(self, field("a.Bag", "items"), i, at(9));
    newObj(b, v, "a.Val", 10);
    b.store(box, field("a.Box", "val"), v, at(11));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into field this.items (line 9)");
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE, "stored into field box.val (line 11)");
    assertEquals(Reason.Kind.STORED_INTO_PARAM, site(r, 0, 0).chain().get(0).kind());
    // Storing fresh objects into parameters does not make the parameters themselves leak.
    assertEquals(List.of(ParamTag.NONE, ParamTag.NONE), r.methods().get(0).summary().params());
    assertEquals(List.of(List.of(), List.of()), r.methods().get(0).paramChains());
  }

  @Test
  void storedIntoArrayElementOfParam() {
    MethodIRBuilder b = method(stat("a.T", "fill", "java.lang.Object[]"));
    Var arr = b.param("arr", "java.lang.Object[]", at(1));
    Var v = newLocal(b, "v", "a.Val", 3);
    b.store(arr, FieldRef.ARRAY_ELEMENT, v, at(4));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into arr[] (line 4)");
  }

  @Test
  void passedToUnknownEscapes() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = newLocal(b, "x", "a.Foo", 5);
    b.call(null, stat("b.Ext", "consume", OBJ), List.of(x), at(6));
    MethodIRBuilder b2 = method(stat("a.T", "noAlloc"));
    Var p = b2.local("p", OBJ);
    b2.staticLoad(p, staticField("a.T", "P"), at(9));
    b2.call(null, stat("b.Ext", "consume", OBJ), List.of(p), at(10));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), b2.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to unknown Ext.consume (line 6)");
    assertEquals(Reason.Kind.PASSED_TO_UNKNOWN, site(r, 0, 0).chain().get(0).kind());
    assertEquals(Allocates.YES, r.methods().get(0).summary().allocates());
    assertEquals(Allocates.UNKNOWN, r.methods().get(1).summary().allocates());
  }

  @Test
  void passedToNonEscapingModelIsArgEscape() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = b.local("x", "a.Foo");
    Var h = b.local("h", "a.Holder");
    Var y = b.local("y", "a.Foo");
    newObj(b, x, "a.Foo", 2);
    b.call(null, HASH, List.of(x), at(3));
    newObj(b, h, "a.Holder", 4);
    newObj(b, y, "a.Foo", 5);
    b.store(h, field("a.Holder", "f"), y, at(6));
    b.call(null, HASH, List.of(h), at(7));
    AnalysisResult r = run(jdk(), b.build());
    assertSite(site(r, 0, 0), EscapeState.ARG_ESCAPE, "passed to Objects.hashCode (line 3)");
    assertEquals(Reason.Kind.PASSED_TO_NON_ESCAPING_CALL, site(r, 0, 0).chain().get(0).kind());
    assertSite(site(r, 0, 1), EscapeState.ARG_ESCAPE, "passed to Objects.hashCode (line 7)");
    assertSite(site(r, 0, 2), EscapeState.ARG_ESCAPE,
        "stored into Holder.f (line 6)", "Holder object is passed to Objects.hashCode (line 7)");
    assertEquals(Allocates.YES, r.methods().get(0).summary().allocates());
  }

  // ---- flows through callees ----

  private static MethodIR identity() {
    MethodIRBuilder b = method(stat("a.U", "id", OBJ));
    Var o = b.param("o", OBJ, at(1));
    b.ret(o, at(2));
    return b.build();
  }

  /** {@code static Object leak(Object o) { Reg.ALL = o; }} */
  private static MethodIR leak() {
    MethodIRBuilder leak = method(stat("a.U", "leak", OBJ));
    Var o = leak.param("o", OBJ, at(1));
    leak.staticStore(staticField("a.Reg", "ALL"), o, at(3));
    return leak.build();
  }

  /** {@code static Object wrap(Object v) { Box box = new Box(); box.val = v; return box; }} */
  private static MethodIR wrap() {
    MethodIRBuilder wrap = method(stat("a.U", "wrap", OBJ));
    Var w = wrap.param("v", OBJ, at(1));
    Var box = newLocal(wrap, "box", "a.Box", 8);
    wrap.store(box, field("a.Box", "val"), w, at(9));
    wrap.ret(box, at(10));
    return wrap.build();
  }

  @Test
  void paramFlowsToReturnThroughCallee() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", OBJ);
    newObj(b, x, "a.Foo", 4);
    b.call(y, stat("a.U", "id", OBJ), List.of(x), at(5));
    b.ret(y, at(6));
    MethodIRBuilder b2 = method(stat("a.T", "n"));
    Var x2 = b2.local("x", "a.Foo");
    Var y2 = b2.local("y", OBJ);
    newObj(b2, x2, "a.Foo", 8);
    b2.call(y2, stat("a.U", "id", OBJ), List.of(x2), at(9));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), b2.build(), identity());
    assertEquals(new MethodSummary(List.of(ParamTag.returned()), false, Allocates.NO, "computed"),
        r.summaries().get("a.U#id(java.lang.Object)"));
    assertEquals(List.of(List.of("returned (line 2)")), r.methods().get(2).paramChains().stream().map(Ir::render).toList());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "returned (line 6)");
    assertSite(site(r, 1, 0), EscapeState.ARG_ESCAPE, "passed to U.id (line 9)");
    assertEquals(Set.of(0), r.methods().get(0).sitesOf(y));
    // id's result is only its argument (a computed summary proves it), so y is exactly x: m
    // returns an object it allocated, a fresh result.
    assertTrue(r.methods().get(0).summary().freshReturn());
    assertEquals(Set.of(0), r.methods().get(1).sitesOf(y2));
  }

  /** {@code ArrayList l = new ArrayList<>()} (line 2); {@code l.add(new Foo())} (lines 3-4). Returns l. */
  private static Var localListHoldingAFoo(MethodIRBuilder b) {
    Var l = b.local("l", "java.util.ArrayList");
    Var x = b.local("x", "a.Foo");
    newObj(b, l, "java.util.ArrayList", 2);
    b.call(null, LIST_INIT, List.of(l), at(2));
    newObj(b, x, "a.Foo", 3);
    b.call(null, LIST_ADD, List.of(l, x), at(4));
    return l;
  }

  @Test
  void listAddIntoLocalListStaysLocalButParamListLeaks() {
    MethodIRBuilder b = method(stat("a.T", "local"));
    Var l = localListHoldingAFoo(b);

    MethodIRBuilder b2 = method(stat("a.T", "param", "java.util.List"));
    Var pl = b2.param("list", "java.util.List", at(1));
    Var x2 = newLocal(b2, "x", "a.Foo", 8);
    b2.call(null, LIST_ADD, List.of(pl, x2), at(9));

    AnalysisResult r = run(jdk(), b.build(), b2.build());
    assertSite(site(r, 0, 0), EscapeState.ARG_ESCAPE, "passed to new ArrayList (line 2)");
    assertSite(site(r, 0, 1), EscapeState.ARG_ESCAPE, "passed to List.add (line 4)");
    assertSite(site(r, 1, 0), EscapeState.GLOBAL_ESCAPE, "stored into list by List.add (line 9)");
    assertEquals(Reason.Kind.STORED_INTO_PARAM, site(r, 1, 0).chain().get(0).kind());
    assertEquals(List.of(ParamTag.NONE), r.methods().get(1).summary().params());
  }

  @Test
  void localListReturnedMakesElementsEscape() {
    MethodIRBuilder b = method(stat("a.T", "build"));
    Var l = localListHoldingAFoo(b);
    b.ret(l, at(5));
    AnalysisResult r = run(jdk(), b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "returned (line 5)");
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE,
        "stored into new ArrayList() by List.add (line 4)", "ArrayList object is returned (line 5)");
    assertTrue(r.methods().get(0).summary().freshReturn());
  }

  @Test
  void contentToReturnThroughGet() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var l = b.local("l", "java.util.ArrayList");
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", OBJ);
    newObj(b, l, "java.util.ArrayList", 2);
    newObj(b, x, "a.Foo", 3);
    b.call(null, LIST_ADD, List.of(l, x), at(4));
    b.call(y, LIST_GET, Arrays.asList(l, null), at(5));
    b.ret(y, at(6));

    MethodIRBuilder b2 = method(stat("a.T", "first", "java.util.List"));
    Var p = b2.param("list", "java.util.List", at(1));
    Var e = b2.local("e", OBJ);
    b2.call(e, LIST_GET, Arrays.asList(p, null), at(9));
    b2.ret(e, at(10));

    AnalysisResult r = run(jdk(), b.build(), b2.build());
    assertSite(site(r, 0, 0), EscapeState.ARG_ESCAPE, "passed to List.add (line 4)");
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE, "returned (line 6)");
    assertEquals(Set.of(1), r.methods().get(0).sitesOf(y));
    assertFalse(r.methods().get(0).summary().freshReturn());
    MethodResult first = r.methods().get(1);
    assertEquals(List.of(ParamTag.NONE.withContentToReturn()), first.summary().params());
    assertEquals(List.of("content of list is returned (line 10)"), render(first.paramChains().get(0)));
  }

  @Test
  void aDefiniteCauseIsPreferredToAnAssumedOne() {
    // o is handed to unknown code (line 2) and stored into a static (line 3): both one step; the
    // static is what the reason says, though the unknown call comes first.
    MethodIRBuilder b = method(stat("a.T", "both", OBJ));
    Var o = b.param("o", OBJ, at(1));
    b.call(null, stat("b.Ext", "take", OBJ), List.of(o), at(2));
    b.staticStore(staticField("a.T", "KEPT"), o, at(3));
    Var x = newLocal(b, "x", "a.Foo", 4);
    b.call(null, stat("b.Ext", "take", OBJ), List.of(x), at(5));
    b.staticStore(staticField("a.T", "KEPT"), x, at(6));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertEquals("stored in static field T.KEPT", r.methods().get(0).summary().params().get(0).why());
    assertEquals(List.of("stored into static field T.KEPT (line 3)"), render(r.methods().get(0).paramChains().get(0)));
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into static field T.KEPT (line 6)");
  }

  @Test
  void contentEscapesThroughForEach() {
    MethodIRBuilder b = method(stat("a.T", "m", "java.util.function.Consumer"));
    Var c = b.param("c", "java.util.function.Consumer", at(1));
    Var l = b.local("l", "java.util.ArrayList");
    Var x = b.local("x", "a.Foo");
    newObj(b, l, "java.util.ArrayList", 2);
    newObj(b, x, "a.Foo", 3);
    b.call(null, LIST_ADD, List.of(l, x), at(4));
    b.call(null, FOR_EACH, List.of(l, c), at(5));
    AnalysisResult r = run(jdk(), b.build());
    assertSite(site(r, 0, 0), EscapeState.ARG_ESCAPE, "passed to List.add (line 4)");
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE, "stored into new ArrayList() by List.add (line 4)",
        "content of ArrayList object is passed to List.forEach (line 5)");
    ParamTag t = r.methods().get(0).summary().params().get(0);
    assertTrue(t.escapes());
    assertEquals("passed to List.forEach: passed to unknown code", t.why());
  }

  @Test
  void capturedObjectEscapesWithTheLambda() {
    MethodIRBuilder b = method(stat("a.T", "task"));
    Var x = b.local("x", "a.Foo");
    Var r1 = b.local("r", "java.lang.Runnable");
    Var y = b.local("y", "a.Foo");
    Var r2 = b.local("q", "java.lang.Runnable");
    newObj(b, x, "a.Foo", 2);
    b.alloc(r1, SiteKind.LAMBDA, "java.lang.Runnable", at(3), new AllocSite.Lambda(List.of("x"), List.of()));
    b.store(r1, FieldRef.captured("x"), x, at(3));
    newObj(b, y, "a.Foo", 5);
    b.alloc(r2, SiteKind.LAMBDA, "java.lang.Runnable", at(6), new AllocSite.Lambda(List.of("y"), List.of()));
    b.store(r2, FieldRef.captured("y"), y, at(6));
    b.call(null, HASH, List.of(r2), at(7));
    b.ret(r1, at(8));
    AnalysisResult r = run(jdk(), b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE,
        "captured by lambda capturing 'x' (line 3)", "lambda capturing 'x' is returned (line 8)");
    assertEquals(Reason.Kind.CAPTURED, site(r, 0, 0).chain().get(0).kind());
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE, "returned (line 8)");
    assertSite(site(r, 0, 2), EscapeState.ARG_ESCAPE,
        "captured by lambda capturing 'y' (line 6)", "lambda capturing 'y' is passed to Objects.hashCode (line 7)");
    assertSite(site(r, 0, 3), EscapeState.ARG_ESCAPE, "passed to Objects.hashCode (line 7)");
  }

  @Test
  void lambdaBodyIsAnalyzedLikeAMethod() {
    MethodIRBuilder b = method(stat("a.T", "lambda$m$0", OBJ)).synthetic(true);
    Var p = b.param("x", OBJ, at(1));
    b.staticStore(staticField("a.T", "LAST"), p, at(3));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertEquals(tag(true, false, Set.of(), false, false, Set.of(), "stored in static field T.LAST"),
        r.methods().get(0).summary().params().get(0));
  }

  // ---- chains ----

  @Test
  void chainThroughHolderStoredInStatic() {
    MethodIRBuilder b = method(stat("a.Cache", "init"));
    Var c = b.local("c", "a.Cache");
    Var v = b.local("v", "a.V");
    newObj(b, c, "a.Cache", 18);
    newObj(b, v, "a.V", 19);
    b.store(c, field("a.Cache", "map"), v, at(20));
    b.staticStore(staticField("a.Cache", "INSTANCE"), c, at(21));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE,
        "stored into Cache.map (line 20)", "Cache object is reachable from static field Cache.INSTANCE (line 21)");
    List<Reason> chain = site(r, 0, 1).chain();
    assertEquals(Reason.Kind.STORED_INTO, chain.get(0).kind());
    assertEquals(Reason.Kind.STORED_STATIC, chain.get(1).kind());
  }

  @Test
  void storeIntoObjectLoadedFromStatic() {
    MethodIRBuilder b = method(stat("a.T", "put", OBJ));
    Var k = b.param("k", OBJ, at(1));
    Var t1 = b.temp("a.Cache");
    Var t2 = b.temp("java.util.List");
    Var v = b.local("v", "a.V");
    b.staticLoad(t1, staticField("a.Cache", "INSTANCE"), at(20));
    b.load(t2, t1, field("a.Cache", "list"), at(20));
    newObj(b, v, "a.V", 20);
    b.call(null, LIST_ADD, List.of(t2, v), at(20));
    b.call(null, LIST_ADD, List.of(t2, k), at(21));
    AnalysisResult r = run(jdk(), b.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into Cache.INSTANCE.list by List.add (line 20)");
    assertEquals(Reason.Kind.REACHABLE_FROM_GLOBAL, site(r, 0, 0).chain().get(0).kind());
    assertEquals("stored into Cache.INSTANCE.list", r.methods().get(0).summary().params().get(0).why());
  }

  @Test
  void registryAddGivesStaticFieldWhy() {
    MethodIRBuilder b = method(stat("a.Registry", "register", OBJ));
    Var o = b.param("o", OBJ, at(1));
    Var all = b.local("all", "java.util.List");
    b.staticLoad(all, staticField("a.Registry", "ALL"), at(4));
    b.call(null, LIST_ADD, List.of(all, o), at(4));
    AnalysisResult r = run(jdk(), b.build());
    ParamTag t = r.methods().get(0).summary().params().get(0);
    assertEquals(tag(true, false, Set.of(), false, false, Set.of(), "stored in static field Registry.ALL"), t);
    assertEquals(List.of("stored into Registry.ALL by List.add (line 4)"), render(r.methods().get(0).paramChains().get(0)));
  }

  @Test
  void shortestChainWins() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var h = b.local("h", "a.Holder");
    Var x = b.local("x", "a.Foo");
    newObj(b, h, "a.Holder", 1);
    newObj(b, x, "a.Foo", 2);
    b.store(h, field("a.Holder", "f"), x, at(3));
    b.staticStore(staticField("a.Reg", "H"), h, at(4));
    b.ret(x, at(5));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 1), EscapeState.GLOBAL_ESCAPE, "returned (line 5)");
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into static field Reg.H (line 4)");
  }

  @Test
  void equallyShortChainsBreakTiesByStatementOrder() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var h1 = b.local("h1", "a.Holder");
    Var h2 = b.local("h2", "a.Other");
    Var x = b.local("x", "a.Foo");
    newObj(b, h1, "a.Holder", 1);
    newObj(b, h2, "a.Other", 2);
    newObj(b, x, "a.Foo", 3);
    b.store(h1, field("a.Holder", "a"), x, at(4));
    b.store(h2, field("a.Other", "b"), x, at(5));
    b.staticStore(staticField("a.Reg", "H2"), h2, at(6));
    b.staticStore(staticField("a.Reg", "H1"), h1, at(7));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(site(r, 0, 2), EscapeState.GLOBAL_ESCAPE,
        "stored into Holder.a (line 4)", "Holder object is reachable from static field Reg.H1 (line 7)");
  }

  // ---- summaries ----

  @Test
  void summariesOfIdentityLeakingAndStoringMethods() {
    MethodIRBuilder store = method(stat("a.U", "store", "a.Box", OBJ));
    Var bx = store.param("b", "a.Box", at(1));
    Var v = store.param("v", OBJ, at(1));
    store.store(bx, field("a.Box", "val"), v, at(6));
    MethodIRBuilder prim = method(stat("a.U", "prim", "int", OBJ));
    prim.primitiveParam(at(1));
    Var q = prim.param("q", OBJ, at(1));
    prim.thr(q, at(12));

    AnalysisResult r = run(SummaryProvider.NONE, identity(), leak(), store.build(), wrap(), prim.build());
    assertEquals(new MethodSummary(List.of(ParamTag.returned()), false, Allocates.NO, "computed"), r.methods().get(0).summary());
    assertEquals(new MethodSummary(List.of(tag(true, false, Set.of(), false, false, Set.of(), "stored in static field Reg.ALL")),
        false, Allocates.NO, "computed"), r.methods().get(1).summary());
    assertEquals(List.of("stored into static field Reg.ALL (line 3)"), render(r.methods().get(1).paramChains().get(0)));
    assertEquals(new MethodSummary(List.of(ParamTag.NONE, ParamTag.storedInto(0)), false, Allocates.NO, "computed"),
        r.methods().get(2).summary());
    assertEquals(List.of(List.of(), List.of("stored into field b.val (line 6)")),
        r.methods().get(2).paramChains().stream().map(Ir::render).toList());
    assertEquals(new MethodSummary(List.of(ParamTag.returned()), true, Allocates.YES, "computed"), r.methods().get(3).summary());
    assertEquals(List.of("stored into Box.val (line 9)", "Box object is returned (line 10)"),
        render(r.methods().get(3).paramChains().get(0)));
    assertEquals(new MethodSummary(List.of(ParamTag.NONE, tag(true, false, Set.of(), false, false, Set.of(), "thrown")),
        false, Allocates.NO, "computed"), r.methods().get(4).summary());
    assertEquals(List.of(List.of(), List.of("thrown (line 12)")), r.methods().get(4).paramChains().stream().map(Ir::render).toList());
  }

  @Test
  void callerUsesComputedSummaries() {
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", "a.Foo");
    Var z = b.local("z", OBJ);
    newObj(b, x, "a.Foo", 5);
    b.call(null, stat("a.U", "leak", OBJ), List.of(x), at(6));
    newObj(b, y, "a.Foo", 7);
    b.call(z, stat("a.U", "wrap", OBJ), List.of(y), at(8));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), leak(), wrap());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to U.leak: stored in static field Reg.ALL (line 6)");
    assertEquals(Reason.Kind.PASSED_TO_CALL, site(r, 0, 0).chain().get(0).kind());
    assertSite(site(r, 0, 1), EscapeState.ARG_ESCAPE, "passed to U.wrap (line 8)");
    assertEquals(Allocates.YES, r.methods().get(0).summary().allocates());
  }

  private static final MethodRef FOO_INIT = ctor("a.Foo");

  /**
   * {@code Foo() { this.items = new ArrayList<>(); }}, calling the ArrayList constructor only if
   * {@code callsListInit}.
   */
  private static MethodIR fooInit(boolean callsListInit) {
    MethodIRBuilder init = method(FOO_INIT);
    Var self = init.param("this", "a.Foo", at(1));
    Var list = newLocal(init, "l", "java.util.ArrayList", 2);
    if (callsListInit) init.call(null, LIST_INIT, List.of(list), at(2));
    init.store(self, field("a.Foo", "items"), list, at(2));
    return init.build();
  }

  @Test
  void constructorStoringFreshObjectsIntoThisIsSound() {
    MethodIR init = fooInit(true);
    // Foo f = new Foo(); f.items.add(new Bar()); [return f;]
    MethodIRBuilder keep = method(stat("a.T", "keep"));
    MethodIRBuilder give = method(stat("a.T", "give"));
    for (MethodIRBuilder b : List.of(keep, give)) {
      Var f = b.local("f", "a.Foo");
      Var items = b.local("items", "java.util.List");
      Var x = b.local("x", "a.Bar");
      newObj(b, f, "a.Foo", 5);
      b.call(null, FOO_INIT, List.of(f), at(5));
      b.load(items, f, field("a.Foo", "items"), at(6));
      newObj(b, x, "a.Bar", 6);
      b.call(null, LIST_ADD, List.of(items, x), at(6));
      if (b == give) b.ret(f, at(7));
    }
    AnalysisResult r = run(jdk(), init, keep.build(), give.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "stored into field this.items (line 2)");
    assertSite(site(r, 1, 0), EscapeState.ARG_ESCAPE, "passed to new Foo (line 5)");
    assertSite(site(r, 1, 1), EscapeState.ARG_ESCAPE, "passed to List.add (line 6)");
    assertSite(site(r, 2, 0), EscapeState.GLOBAL_ESCAPE, "returned (line 7)");
    assertSite(site(r, 2, 1), EscapeState.GLOBAL_ESCAPE,
        "stored into an object created by new Foo by List.add (line 6)",
        "object created by new Foo is held by new Foo() (line 5)",
        "Foo object is returned (line 7)");
  }

  @Test
  void getterResultIsTheArgumentsContentNotGlobal() {
    MethodIR init = fooInit(false);
    // List getItems() { return this.items; }
    MethodRef getItems = inst("a.Foo", "getItems");
    MethodIRBuilder get = method(getItems);
    Var gs = get.param("this", "a.Foo", at(3));
    Var gi = get.local("i", "java.util.List");
    get.load(gi, gs, field("a.Foo", "items"), at(3));
    get.ret(gi, at(3));
    // Foo f = new Foo(); f.getItems().add(new Bar());
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var f = b.local("f", "a.Foo");
    Var items = b.local("items", "java.util.List");
    Var x = b.local("x", "a.Bar");
    newObj(b, f, "a.Foo", 5);
    b.call(null, FOO_INIT, List.of(f), at(5));
    b.call(items, getItems, List.of(f), at(6));
    newObj(b, x, "a.Bar", 6);
    b.call(null, LIST_ADD, List.of(items, x), at(6));
    AnalysisResult r = run(jdk(), init, get.build(), b.build());
    assertEquals(new MethodSummary(List.of(ParamTag.NONE.withContentToReturn()), false, Allocates.NO, "computed"),
        r.summaries().get(getItems.key()));
    assertSite(site(r, 2, 1), EscapeState.ARG_ESCAPE, "passed to List.add (line 6)");
    // A library getter gives no such proof: its non-fresh result is the global heap.
    Library lib = jdk().put(getItems, model(false, Allocates.NO, ParamTag.NONE.withContentToReturn()));
    AnalysisResult r2 = run(lib, init, get.build(), b.build());
    assertSite(site(r2, 2, 1), EscapeState.GLOBAL_ESCAPE, "stored into a globally reachable object by List.add (line 6)");
  }

  @Test
  void componentOverBudgetFallsBackToUnknown() {
    MethodRef a = stat("a.M", "a", OBJ), bb = stat("a.M", "b", OBJ);
    MethodIRBuilder ma = method(a);
    Var oa = ma.param("o", OBJ, at(1));
    Var x = newLocal(ma, "x", "a.Foo", 2);
    ma.call(null, bb, List.of(x), at(3));
    ma.call(null, bb, List.of(oa), at(4));
    MethodIRBuilder mb = method(bb);
    mb.call(null, a, List.of(mb.param("o", OBJ, at(1))), at(6));
    Program p = program(ma.build(), mb.build());
    AnalysisResult precise = new EscapeAnalysis(SummaryProvider.NONE).analyze(p);
    assertEquals(List.of(ParamTag.NONE), precise.summaries().get(a.key()).params());
    assertSite(site(precise, 0, 0), EscapeState.ARG_ESCAPE, "passed to M.b (line 3)");
    AnalysisResult capped = new EscapeAnalysis(SummaryProvider.NONE, 0).analyze(p);
    assertEquals(MethodSummary.unknown(1), capped.summaries().get(a.key()));
    assertEquals(MethodSummary.unknown(1), capped.methods().get(1).summary());
    assertSite(site(capped, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to unknown M.b (line 3)");
  }

  // ---- resolution ----

  private static MethodIR emptyRun() {
    MethodIRBuilder b = method(inst("a.Impl", "run", OBJ));
    b.param("this", "a.Impl", at(1));
    b.param("o", OBJ, at(1));
    return b.build();
  }

  @Test
  void openDispatchForcesUnknown() {
    MethodRef run = inst("a.Impl", "run", OBJ);
    MethodIRBuilder b = method(stat("a.T", "m", "a.Impl"));
    Var impl = b.param("impl", "a.Impl", at(1));
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", "a.Foo");
    newObj(b, x, "a.Foo", 3);
    b.call(null, run, List.of(impl, x), List.of(), true, List.of(), at(4));
    newObj(b, y, "a.Foo", 5);
    b.call(null, run, List.of(impl, y), List.of(), false, List.of(), at(6));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), emptyRun());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to overridable Impl.run (line 4)");
    assertSite(site(r, 0, 1), EscapeState.ARG_ESCAPE, "passed to Impl.run (line 6)");
    assertEquals(List.of(ParamTag.NONE, ParamTag.NONE), r.summaries().get(run.key()).params());
  }

  @Test
  void libraryModelsWinOverComputedSummaries() {
    MethodRef run = inst("a.Impl", "run", OBJ);
    Library lib = new Library().put(run, model(false, Allocates.NO, ParamTag.NONE, ParamTag.escapes("kept forever")));
    MethodIRBuilder b = method(stat("a.T", "m", "a.Impl"));
    Var impl = b.param("impl", "a.Impl", at(1));
    Var x = newLocal(b, "x", "a.Foo", 3);
    b.call(null, run, List.of(impl, x), at(4));
    AnalysisResult r = run(lib, b.build(), emptyRun());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to Impl.run: kept forever (line 4)");
  }

  @Test
  void overridesAreJoined() {
    MethodRef baseF = inst("a.Base", "f", OBJ);
    MethodRef subF = inst("a.Sub", "f", OBJ);
    MethodIRBuilder base = method(baseF);
    base.param("this", "a.Base", at(1));
    base.param("o", OBJ, at(1));
    MethodIRBuilder sub = method(subF);
    sub.param("this", "a.Sub", at(1));
    Var so = sub.param("o", OBJ, at(1));
    sub.staticStore(staticField("a.Reg", "X"), so, at(12));
    MethodIRBuilder b = method(stat("a.T", "m", "a.Base"));
    Var recv = b.param("b", "a.Base", at(1));
    Var x = b.local("x", "a.Foo");
    Var y = b.local("y", "a.Foo");
    newObj(b, x, "a.Foo", 3);
    b.call(null, baseF, List.of(recv, x), List.of(), false, List.of(subF), at(4));
    newObj(b, y, "a.Foo", 5);
    b.call(null, baseF, List.of(recv, y), at(6));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), base.build(), sub.build());
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "passed to Base.f: stored in static field Reg.X (line 4)");
    assertSite(site(r, 0, 1), EscapeState.ARG_ESCAPE, "passed to Base.f (line 6)");
  }

  // ---- recursion ----

  @Test
  void selfRecursionReachesPreciseFixpoint() {
    // static Node build(int n) { Node x = new Node(); Node rest = build(n - 1); x.next = rest; return x; }
    MethodRef build = stat("a.Node", "build", "int");
    MethodIRBuilder b = method(build);
    b.primitiveParam(at(1));
    Var x = b.local("x", "a.Node");
    Var rest = b.local("rest", "a.Node");
    newObj(b, x, "a.Node", 2);
    b.call(rest, build, Arrays.asList((Var) null), at(3));
    b.store(x, field("a.Node", "next"), rest, at(4));
    b.ret(x, at(5));
    // static void walk(Node n) { Node m = n.next; walk(m); }
    MethodRef walk = stat("a.Node", "walk", "a.Node");
    MethodIRBuilder w = method(walk);
    Var n = w.param("n", "a.Node", at(1));
    Var m = w.local("m", "a.Node");
    w.load(m, n, field("a.Node", "next"), at(8));
    w.call(null, walk, List.of(m), at(9));
    AnalysisResult r = run(SummaryProvider.NONE, b.build(), w.build());
    assertEquals(new MethodSummary(List.of(ParamTag.NONE), true, Allocates.YES, "computed"), r.summaries().get(build.key()));
    assertEquals(new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed"), r.summaries().get(walk.key()));
    assertSite(site(r, 0, 0), EscapeState.GLOBAL_ESCAPE, "returned (line 5)");
  }

  @Test
  void mutualRecursion() {
    // a(o) { b(o); }  b(o) { a(o); Reg.X = o; }   c(o) { d(o); }  d(o) { c(o); }
    MethodRef a = stat("a.M", "a", OBJ), bb = stat("a.M", "b", OBJ), c = stat("a.M", "c", OBJ), d = stat("a.M", "d", OBJ);
    MethodIRBuilder ma = method(a);
    ma.call(null, bb, List.of(ma.param("o", OBJ, at(1))), at(2));
    MethodIRBuilder mb = method(bb);
    Var ob = mb.param("o", OBJ, at(1));
    mb.staticStore(staticField("a.Reg", "X"), ob, at(4));
    mb.call(null, a, List.of(ob), at(5));
    MethodIRBuilder mc = method(c);
    mc.call(null, d, List.of(mc.param("o", OBJ, at(1))), at(7));
    MethodIRBuilder md = method(d);
    md.call(null, c, List.of(md.param("o", OBJ, at(1))), at(9));
    AnalysisResult r = run(SummaryProvider.NONE, ma.build(), mb.build(), mc.build(), md.build());
    // a's own reason is where b's chain ends, one call further down
    assertEquals(tag(true, false, Set.of(), false, false, Set.of(), "… stored in static field Reg.X"), r.summaries().get(a.key()).params().get(0));
    assertEquals(tag(true, false, Set.of(), false, false, Set.of(), "stored in static field Reg.X"), r.summaries().get(bb.key()).params().get(0));
    assertEquals(List.of(ParamTag.NONE), r.summaries().get(c.key()).params());
    assertEquals(List.of(ParamTag.NONE), r.summaries().get(d.key()).params());
    assertEquals("computed", r.summaries().get(c.key()).origin());
    assertEquals(List.of("passed to M.b: stored in static field Reg.X (line 2)"), render(r.methods().get(0).paramChains().get(0)));
  }

  @Test
  void deepCallChainDoesNotOverflow() {
    int depth = 10_000;
    List<MethodIR> ms = new ArrayList<>(depth + 1);
    for (int i = 0; i < depth; i++) {
      MethodIRBuilder b = method(stat("a.C", "m" + i, OBJ));
      Var o = b.param("o", OBJ, at(1));
      if (i + 1 < depth) b.call(null, stat("a.C", "m" + (i + 1), OBJ), List.of(o), at(2));
      else b.staticStore(staticField("a.C", "SINK"), o, at(3));
      ms.add(b.build());
    }
    MethodIRBuilder b = method(stat("a.C", "main"));
    Var x = newLocal(b, "x", "a.Foo", 5);
    b.call(null, stat("a.C", "m0", OBJ), List.of(x), at(6));
    ms.add(b.build());
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(ms));
    assertEquals(depth + 1, r.methods().size());
    assertEquals(tag(true, false, Set.of(), false, false, Set.of(), "… stored in static field C.SINK"), r.summaries().get("a.C#m0(java.lang.Object)").params().get(0));
    assertEquals("stored in static field C.SINK", r.summaries().get("a.C#m9999(java.lang.Object)").params().get(0).why());
    assertSite(site(r, depth, 0), EscapeState.GLOBAL_ESCAPE, "passed to C.m0: … stored in static field C.SINK (line 6)");
  }

  @Test
  void largeComponentTerminatesAtPreciseFixpoint() {
    int size = 2_000;
    List<MethodIR> ms = new ArrayList<>(ring("a.R", size, true));
    ms.addAll(ring("a.S", size, false)); // a second ring that leaks nothing
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(ms));
    for (int i = 0; i < size; i++) {
      MethodSummary s = r.summaries().get("a.R#m" + i + "(java.lang.Object)");
      assertEquals("computed", s.origin());
      assertTrue(s.params().get(0).escapes(), "m" + i);
      assertEquals(i == size / 2 ? "stored in static field R.SINK" : "… stored in static field R.SINK", s.params().get(0).why());
      MethodSummary t = r.summaries().get("a.S#m" + i + "(java.lang.Object)");
      assertEquals(new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed"), t);
    }
  }

  // ---- determinism ----

  @Test
  void runsAreDeterministic() {
    MethodIRBuilder b = method(stat("a.T", "m", "java.util.List"));
    Var p = b.param("list", "java.util.List", at(1));
    Var h1 = b.local("h1", "a.Holder");
    Var h2 = b.local("h2", "a.Holder");
    Var x = b.local("x", "a.Foo");
    newObj(b, h1, "a.Holder", 2);
    newObj(b, h2, "a.Holder", 3);
    newObj(b, x, "a.Foo", 4);
    b.store(h1, field("a.Holder", "f"), x, at(5));
    b.store(h2, field("a.Holder", "f"), x, at(6));
    b.call(null, LIST_ADD, List.of(p, h2), at(7));
    b.call(null, LIST_ADD, List.of(p, h1), at(8));
    b.ret(h1, at(9));
    Program prog = program(b.build(), identity());
    AnalysisResult r1 = new EscapeAnalysis(jdk()).analyze(prog);
    AnalysisResult r2 = new EscapeAnalysis(jdk()).analyze(prog);
    assertEquals(r1, r2);
    assertEquals(r1.toString(), r2.toString());
    // Two 2-step chains (h1 returned at line 9, h1 stored into the list at line 8): the earlier statement wins.
    assertSite(site(r1, 0, 2), EscapeState.GLOBAL_ESCAPE,
        "stored into Holder.f (line 5)", "Holder object is stored into list by List.add (line 8)");
    assertNull(r1.methods().get(0).summary().params().get(0).why());
  }
}
