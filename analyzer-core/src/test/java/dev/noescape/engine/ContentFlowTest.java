package dev.noescape.engine;

import static dev.noescape.engine.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flows through the content of objects: summaries that copy, hold and hand out what objects hold. */
class ContentFlowTest {
  static final MethodRef ADD_ALL = inst("java.util.List", "addAll", "java.util.Collection");

  private static Library lib() {
    return jdk().put(ADD_ALL, model(false, Allocates.YES, ParamTag.NONE,
        tag(false, false, Set.of(), false, false, Set.of(0), null)));
  }

  private static AnalysisResult run(SummaryProvider lib, MethodIR... ms) {
    return new EscapeAnalysis(lib).analyze(program(ms));
  }

  private static void assertSite(AnalysisResult r, int m, int s, EscapeState state, String... chain) {
    SiteResult site = r.methods().get(m).sites().get(s);
    assertEquals(state, site.state(), site::renderChain);
    assertEquals(List.of(chain), render(site.chain()));
  }

  @Test
  void addAllCopiesContentIntoParameter() {
    MethodIRBuilder b = method(stat("a.T", "m", "java.util.List"));
    Var dst = b.param("dst", "java.util.List", at(1));
    Var src = b.local("src", "java.util.ArrayList");
    Var x = b.local("x", "a.Foo");
    newObj(b, src, "java.util.ArrayList", 2);
    newObj(b, x, "a.Foo", 3);
    b.call(null, LIST_ADD, List.of(src, x), at(4));
    b.call(null, ADD_ALL, List.of(dst, src), at(5));
    AnalysisResult r = run(lib(), b.build());
    assertSite(r, 0, 0, EscapeState.ARG_ESCAPE, "passed to List.add (line 4)");
    assertSite(r, 0, 1, EscapeState.GLOBAL_ESCAPE, "stored into dst by List.addAll (line 5)");
  }

  @Test
  void computedContentIntoContentOf() {
    // static void copy(Box from, Box to) { Object t = from.val; to.val = t; }
    MethodIRBuilder b = method(stat("a.U", "copy", "a.Box", "a.Box"));
    Var from = b.param("from", "a.Box", at(1));
    Var to = b.param("to", "a.Box", at(1));
    Var t = b.local("t", OBJ);
    b.load(t, from, field("a.Box", "val"), at(2));
    b.store(to, field("a.Box", "val"), t, at(3));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    MethodResult m = r.methods().get(0);
    assertEquals(List.of(tag(false, false, Set.of(), false, false, Set.of(1), null), ParamTag.NONE), m.summary().params());
    assertEquals(List.of("content of from is stored into field to.val (line 3)"), render(m.paramChains().get(0)));
  }

  @Test
  void paramContentEscapesThroughUnknownCode() {
    MethodIRBuilder b = method(stat("a.U", "each", "java.util.List", "java.util.function.Consumer"));
    Var l = b.param("l", "java.util.List", at(1));
    Var c = b.param("c", "java.util.function.Consumer", at(1));
    b.call(null, FOR_EACH, List.of(l, c), at(2));
    AnalysisResult r = run(jdk(), b.build());
    MethodResult m = r.methods().get(0);
    assertEquals(tag(false, false, Set.of(), true, false, Set.of(), null), m.summary().params().get(0));
    assertEquals(List.of("content of l is passed to List.forEach (line 2)"), render(m.paramChains().get(0)));
    assertEquals(tag(true, false, Set.of(), true, false, Set.of(), "passed to List.forEach: passed to unknown code"),
        m.summary().params().get(1));
    assertEquals(List.of("passed to List.forEach: passed to unknown code (line 2)"), render(m.paramChains().get(1)));
  }

  @Test
  void calleeStoringIntoNestedFieldIsSeenThroughCallerFields() {
    // static void put(Holder h, Object x) { Box b = h.box; b.val = x; }
    MethodRef put = stat("a.U", "put", "a.Holder", OBJ);
    MethodIRBuilder p = method(put);
    Var h = p.param("h", "a.Holder", at(1));
    Var x = p.param("x", OBJ, at(1));
    Var pb = p.local("b", "a.Box");
    p.load(pb, h, field("a.Holder", "box"), at(2));
    p.store(pb, field("a.Box", "val"), x, at(3));
    // Holder h = new Holder(); h.box = new Box(); S s = new S(); put(h, s);
    // h.box.val.z = new Y(); return s;
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var hh = b.local("h", "a.Holder");
    Var bx = b.local("bx", "a.Box");
    Var s = b.local("s", "a.S");
    Var t = b.local("t", "a.Box");
    Var u = b.local("u", OBJ);
    Var y = b.local("y", "a.Y");
    newObj(b, hh, "a.Holder", 5);
    newObj(b, bx, "a.Box", 6);
    b.store(hh, field("a.Holder", "box"), bx, at(6));
    newObj(b, s, "a.S", 7);
    b.call(null, put, List.of(hh, s), at(8));
    b.load(t, hh, field("a.Holder", "box"), at(9));
    b.load(u, t, field("a.Box", "val"), at(9));
    newObj(b, y, "a.Y", 9);
    b.store(u, field("a.S", "z"), y, at(9));
    b.ret(s, at(10));
    AnalysisResult r = run(SummaryProvider.NONE, p.build(), b.build());
    assertEquals(List.of(ParamTag.NONE, ParamTag.storedInto(0)), r.summaries().get(put.key()).params());
    assertSite(r, 1, 3, EscapeState.GLOBAL_ESCAPE,
        "stored into S.z (line 9)", "S object is returned (line 10)");
    assertSite(r, 1, 0, EscapeState.ARG_ESCAPE, "passed to U.put (line 8)");
    assertSite(r, 1, 1, EscapeState.ARG_ESCAPE, "stored into Holder.box (line 6)", "Holder object is passed to U.put (line 8)");
  }

  @Test
  void calleeMovingContentWithinItsOwnArgumentIsSeenByTheCaller() {
    // static void move(Pair p) { Object a = p.a; Box b = p.b; b.val = a; }
    MethodRef move = stat("a.U", "move", "a.Pair");
    MethodIRBuilder mv = method(move);
    Var p = mv.param("p", "a.Pair", at(1));
    Var a = mv.local("a", OBJ);
    Var bx = mv.local("b", "a.Box");
    mv.load(a, p, field("a.Pair", "a"), at(2));
    mv.load(bx, p, field("a.Pair", "b"), at(2));
    mv.store(bx, field("a.Box", "val"), a, at(3));
    // Pair q = new Pair(); q.a = new A(); q.b = new Box(); move(q); return q.b;
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var q = b.local("q", "a.Pair");
    Var na = b.local("na", "a.A");
    Var nb = b.local("nb", "a.Box");
    Var out = b.local("out", "a.Box");
    newObj(b, q, "a.Pair", 5);
    newObj(b, na, "a.A", 6);
    b.store(q, field("a.Pair", "a"), na, at(6));
    newObj(b, nb, "a.Box", 7);
    b.store(q, field("a.Pair", "b"), nb, at(7));
    b.call(null, move, List.of(q), at(8));
    b.load(out, q, field("a.Pair", "b"), at(9));
    b.ret(out, at(9));
    AnalysisResult r = run(SummaryProvider.NONE, mv.build(), b.build());
    // The slot moves content into itself: the tag names its own slot, and is not a leak.
    ParamTag t = r.summaries().get(move.key()).params().get(0);
    assertEquals(Set.of(0), t.contentIntoContentOf());
    assertFalse(t.leavesSlot(0));
    // After move(q), the returned box holds the A: it escapes, though nothing in m stores it there.
    assertEquals(EscapeState.GLOBAL_ESCAPE, r.methods().get(1).sites().get(1).state(),
        () -> r.methods().get(1).sites().get(1).renderChain());
    assertEquals(EscapeState.GLOBAL_ESCAPE, r.methods().get(1).sites().get(2).state());
  }

  @Test
  void freshResultOfCalleeIsFreshForCaller() {
    MethodRef make = stat("a.U", "make");
    MethodIRBuilder mk = method(make);
    Var f = newLocal(mk, "f", "a.Foo", 2);
    mk.ret(f, at(3));
    MethodIRBuilder via = method(stat("a.U", "via"));
    Var v = via.local("v", OBJ);
    via.call(v, make, List.of(), at(5));
    via.ret(v, at(6));
    MethodIRBuilder use = method(stat("a.U", "use"));
    Var w = use.local("w", OBJ);
    Var z = use.local("z", "a.Z");
    use.call(w, make, List.of(), at(8));
    newObj(use, z, "a.Z", 9);
    use.store(w, field("a.Foo", "z"), z, at(9));
    AnalysisResult r = run(SummaryProvider.NONE, mk.build(), via.build(), use.build());
    assertEquals(new MethodSummary(List.of(), true, Allocates.YES, "computed"), r.summaries().get(make.key()));
    assertTrue(r.methods().get(1).summary().freshReturn());
    assertEquals(Allocates.YES, r.methods().get(1).summary().allocates());
    // Stored into a fresh object nobody else holds: stays local.
    assertSite(r, 2, 0, EscapeState.NO_ESCAPE);
  }

  @Test
  void storingIntoAnEscapedObjectsLoadedFieldEscapes() {
    // Foo f = new Foo(); unknown(f); Object g = f.next; g.z = new Z();  (unknown code may have set f.next)
    MethodIRBuilder b = method(stat("a.T", "m"));
    Var f = b.local("f", "a.Foo");
    Var g = b.local("g", OBJ);
    Var z = b.local("z", "a.Z");
    newObj(b, f, "a.Foo", 2);
    b.call(null, stat("b.Ext", "take", OBJ), List.of(f), at(3));
    b.load(g, f, field("a.Foo", "next"), at(4));
    newObj(b, z, "a.Z", 5);
    b.store(g, field("a.Foo", "z"), z, at(5));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertSite(r, 0, 0, EscapeState.GLOBAL_ESCAPE, "passed to unknown Ext.take (line 3)");
    assertEquals(EscapeState.GLOBAL_ESCAPE, r.methods().get(0).sites().get(1).state());
    assertFalse(r.methods().get(0).summary().freshReturn());
  }

  @Test
  void returnedParameterIsNotFreshAndStoredSiteIsNot() {
    // static Object pick(Box b) { Foo f = new Foo(); b.val = f; return f; }
    MethodIRBuilder b = method(stat("a.U", "pick", "a.Box"));
    Var bx = b.param("b", "a.Box", at(1));
    Var f = newLocal(b, "f", "a.Foo", 2);
    b.store(bx, field("a.Box", "val"), f, at(3));
    b.ret(f, at(4));
    AnalysisResult r = run(SummaryProvider.NONE, b.build());
    assertFalse(r.methods().get(0).summary().freshReturn());
    assertSite(r, 0, 0, EscapeState.GLOBAL_ESCAPE, "stored into field b.val (line 3)");
  }

  @Test
  void parameterHeldByEscapingParameterEscapesToo() {
    // static void m(Box a, Object b) { a.val = b; Ext.take(a); }
    MethodIRBuilder m = method(stat("a.U", "m", "a.Box", OBJ));
    Var a = m.param("a", "a.Box", at(1));
    Var bb = m.param("b", OBJ, at(1));
    m.store(a, field("a.Box", "val"), bb, at(2));
    m.call(null, stat("b.Ext", "take", OBJ), List.of(a), at(3));
    AnalysisResult r = run(SummaryProvider.NONE, m.build());
    MethodResult res = r.methods().get(0);
    assertEquals(tag(true, false, Set.of(), true, false, Set.of(), "passed to unknown Ext.take"), res.summary().params().get(0));
    // Two 2-step ways out tie; the one whose first statement comes first words the phrase.
    assertEquals(tag(true, false, Set.of(0), false, false, Set.of(),
        "stored into an object whose content is passed to unknown Ext.take"), res.summary().params().get(1));
    assertEquals(List.of("passed to unknown Ext.take (line 3)"), render(res.paramChains().get(0)));
    // b escapes: its chain is the way it escapes (a's content reaches unknown code), not the
    // shorter way it merely leaves the method (into a)
    assertEquals(List.of("stored into field a.val (line 2)", "content of a is passed to unknown Ext.take (line 3)"),
        render(res.paramChains().get(1)));
  }

  @Test
  void arrayElementsAndCopies() {
    // Object[] arr = new Object[2]; Foo x = new Foo(); Object y = x; arr[0] = y; return arr;
    MethodIRBuilder m = method(stat("a.U", "arr"));
    Var arr = m.local("arr", "java.lang.Object[]");
    Var x = m.local("x", "a.Foo");
    Var y = m.local("y", OBJ);
    Var z = m.local("z", OBJ);
    m.alloc(arr, dev.noescape.ir.SiteKind.NEW_ARRAY, "java.lang.Object[]", at(2),
        new dev.noescape.ir.AllocSite.NewArray("2", false, null));
    newObj(m, x, "a.Foo", 3);
    m.copy(y, x, at(4));
    m.store(arr, dev.noescape.ir.FieldRef.ARRAY_ELEMENT, y, at(5));
    m.load(z, arr, dev.noescape.ir.FieldRef.ARRAY_ELEMENT, at(6));
    m.ret(arr, at(7));
    AnalysisResult r = run(SummaryProvider.NONE, m.build());
    assertSite(r, 0, 0, EscapeState.GLOBAL_ESCAPE, "returned (line 7)");
    assertSite(r, 0, 1, EscapeState.GLOBAL_ESCAPE, "stored into an element of new Object[2] (line 5)",
        "Object[] array is returned (line 7)");
    assertEquals(Set.of(1), r.methods().get(0).sitesOf(z));
    assertEquals(Set.of(1), r.methods().get(0).sitesOf(y));
    assertTrue(r.methods().get(0).summary().freshReturn());
  }
}
