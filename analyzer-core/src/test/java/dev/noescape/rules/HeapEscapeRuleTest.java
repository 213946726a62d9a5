package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static dev.noescape.rules.Fx.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.ExpectedEscape;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapEscapeRuleTest {
  /** Expected escapes (returned, thrown, static initializers) shown. */
  private static final RuleContext SHOW_EXPECTED = RuleContext.defaults().withExpectedEscapes(true);

  private final HeapEscapeRule rule = new HeapEscapeRule();

  private static MethodIRBuilder withThis(String name) {
    MethodIRBuilder b = Fx.method(name);
    b.param("this", "com.acme.OrderBook", at(1));
    return b;
  }

  @Test
  void returnedObjectIsReportedWithFirstReasonAndHint() {
    MethodIRBuilder b = withThis("render");
    Var sb = b.local("sb", "java.lang.StringBuilder");
    AllocSite s = b.alloc(sb, SiteKind.NEW_OBJECT, "java.lang.StringBuilder", SourcePos.of(18, 22),
        new AllocSite.Constructor(List.of(), List.of(), "StringBuilder", null));
    b.ret(sb, at(20));
    MethodIR ir = b.build();
    Reason returned = reason(Reason.Kind.RETURNED, "returned", 20);
    MethodResult r = Fx.Results.of(ir).state(s, EscapeState.GLOBAL_ESCAPE, returned).build();

    // Returned: an expected escape, left out by default
    assertEquals(List.of(), rule.check(r, Fx.defaults()));
    List<Finding> fs = rule.check(r, SHOW_EXPECTED);

    Finding f = Fx.onlyFinding(fs, RuleId.HEAP_ESCAPE, Severity.INFO,
        "new StringBuilder() escapes to heap: returned (line 20) — the caller keeps it");
    assertEquals(ExpectedEscape.RETURNED, f.expected());
    assertEquals(Fx.FILE, f.file());
    assertEquals(SourcePos.of(18, 22), f.pos());
    assertEquals(ir.ref(), f.method());
    assertEquals(s.id(), f.siteId());
    assertEquals("new StringBuilder()", f.identity());
    assertEquals(List.of(returned), f.reasons());
    assertNull(f.fix());
  }

  private static MethodResult twoStepEscape(AllocSite[] out) {
    MethodIRBuilder b = withThis("cache");
    Var e = b.local("e", "com.acme.Entry");
    out[0] = b.alloc(e, SiteKind.NEW_OBJECT, "com.acme.Entry", at(19),
        new AllocSite.Constructor(List.of(), List.of(), "Entry", null));
    return Fx.Results.of(b.build())
        .state(out[0], EscapeState.GLOBAL_ESCAPE,
            reason(Reason.Kind.STORED_INTO, "stored into Cache.map", 20),
            reason(Reason.Kind.STORED_STATIC, "Cache.map is reachable from static field Cache.INSTANCE", 21))
        .build();
  }

  @Test
  void verbosityOneShowsFirstAndLastStep() {
    AllocSite[] s = new AllocSite[1];
    List<Finding> fs = rule.check(twoStepEscape(s), Fx.ctx(21, false, false, 1));
    assertEquals(List.of("new Entry() escapes to heap: stored into Cache.map (line 20); "
            + "Cache.map is reachable from static field Cache.INSTANCE (line 21) — a static field keeps it alive"),
        Fx.messages(fs));
    assertEquals(2, fs.get(0).reasons().size(), "reasons always carry the whole chain");
  }

  @Test
  void verbosityOneElidesTheMiddleOfLongerChains() {
    MethodResult r = escapingNew("cache", "com.acme.Entry", 19,
        reason(Reason.Kind.STORED_INTO, "stored into an element of new Entry[4]", 20),
        reason(Reason.Kind.STORED_INTO, "Entry array is stored into Cache.table", 21),
        reason(Reason.Kind.STORED_STATIC, "Cache object is reachable from static field Cache.INSTANCE", 22));
    List<Finding> fs = rule.check(r, Fx.ctx(23, false, false, 1));
    assertEquals(List.of("new Entry() escapes to heap: stored into an element of new Entry[4] (line 20) … "
            + "Cache object is reachable from static field Cache.INSTANCE (line 22) — a static field keeps it alive"),
        Fx.messages(fs));
    assertEquals(3, fs.get(0).reasons().size(), "reasons always carry the whole chain");
  }

  @Test
  void verbosityTwoShowsWholeChain() {
    AllocSite[] s = new AllocSite[1];
    List<Finding> fs = rule.check(twoStepEscape(s), Fx.ctx(21, false, false, 2));
    assertEquals(List.of("new Entry() escapes to heap: stored into Cache.map (line 20); "
            + "Cache.map is reachable from static field Cache.INSTANCE (line 21) — a static field keeps it alive"),
        Fx.messages(fs));
  }

  private static MethodResult argEscape() {
    MethodIRBuilder b = withThis("use");
    Var foo = b.local("foo", "com.acme.Foo");
    AllocSite s = b.alloc(foo, SiteKind.NEW_OBJECT, "com.acme.Foo", at(2),
        new AllocSite.Constructor(List.of(), List.of(), "Foo", null));
    Var bar = b.local("bar", "com.acme.Bar");
    Fx.call(b, bar, "com.acme.Bar", "baz", 3, foo);
    Var keep = b.local("k", "com.acme.Foo");
    AllocSite none = b.alloc(keep, SiteKind.NEW_OBJECT, "com.acme.Foo", at(4),
        new AllocSite.Constructor(List.of("int"), List.of(dev.noescape.ir.SymbolicExpr.constant(1)), "Foo", null));
    return Fx.Results.of(b.build())
        .state(s, EscapeState.ARG_ESCAPE, reason(Reason.Kind.PASSED_TO_NON_ESCAPING_CALL, "passed to Bar.baz", 3))
        .state(none, EscapeState.NO_ESCAPE)
        .build();
  }

  @Test
  void argEscapeIsQuietAtVerbosityOne() {
    assertTrue(rule.check(argEscape(), Fx.ctx(21, false, false, 1)).isEmpty());
  }

  @Test
  void argEscapeIsInformationAtVerbosityTwo() {
    List<Finding> fs = rule.check(argEscape(), Fx.ctx(21, false, false, 2));
    assertEquals(List.of("new Foo() does not escape, but is passed to Bar.baz (line 3); "
        + "only inlining lets the JIT scalar-replace it"), Fx.messages(fs));
    assertEquals(Severity.INFO, fs.get(0).severity());
  }

  private static AllocSite boxing(MethodIRBuilder b, String type, String prim, Long constant, int line) {
    Var v = b.temp(type);
    return b.alloc(v, SiteKind.BOXING, type, at(line), new AllocSite.Boxing(prim, constant));
  }

  @Test
  void boxingThatNeverAllocatesIsNotAHeapEscape() {
    MethodIRBuilder b = withThis("box");
    AllocSite cached = boxing(b, "java.lang.Integer", "int", 100L, 5);
    AllocSite bool = boxing(b, "java.lang.Boolean", "boolean", null, 6);
    AllocSite bytes = boxing(b, "java.lang.Byte", "byte", null, 7);
    AllocSite big = boxing(b, "java.lang.Integer", "int", 1000L, 8);
    AllocSite dbl = boxing(b, "java.lang.Double", "double", 1L, 9);
    Reason ret = reason(Reason.Kind.RETURNED, "returned", 10);
    MethodResult r = Fx.Results.of(b.build())
        .state(cached, EscapeState.GLOBAL_ESCAPE, ret)
        .state(bool, EscapeState.GLOBAL_ESCAPE, ret)
        .state(bytes, EscapeState.GLOBAL_ESCAPE, ret)
        .state(big, EscapeState.GLOBAL_ESCAPE, ret)
        .state(dbl, EscapeState.GLOBAL_ESCAPE, ret)
        .build();
    List<Finding> fs = rule.check(r, SHOW_EXPECTED);
    assertEquals(List.of(big.id(), dbl.id()), fs.stream().map(Finding::siteId).toList());
  }

  @Test
  void noEscapeIsNeverReported() {
    MethodIRBuilder b = withThis("local");
    Var v = b.local("p", "com.acme.Point");
    b.alloc(v, SiteKind.NEW_OBJECT, "com.acme.Point", at(3), new AllocSite.Constructor(List.of(), List.of(), "Point", null));
    MethodResult r = Fx.Results.of(b.build()).build();
    assertTrue(rule.check(r, Fx.ctx(21, false, false, 2)).isEmpty());
  }

  @Test
  void hintFollowsTheOutermostStep() {
    MethodResult r = escapingNew("hand", "com.acme.Point", 3,
        reason(Reason.Kind.PASSED_TO_UNKNOWN, "passed to Plugin.accept", 4));
    assertEquals(List.of("new Point() escapes to heap: passed to Plugin.accept (line 4) — "
        + "code the analysis cannot see is assumed to keep it"), Fx.messages(rule.check(r, Fx.defaults())));
  }

  /** {@code new T()} ({@code type} qualified) at {@code line} of an instance method, escaping with {@code chain}. */
  private static MethodResult escapingNew(String method, String type, int line, Reason... chain) {
    MethodIRBuilder b = withThis(method);
    Var v = b.local("v", type);
    AllocSite s = b.alloc(v, SiteKind.NEW_OBJECT, type, at(line),
        new AllocSite.Constructor(List.of(), List.of(), type.substring(type.lastIndexOf('.') + 1), null));
    return Fx.Results.of(b.build()).state(s, EscapeState.GLOBAL_ESCAPE, chain).build();
  }

  /** One escaping {@code new Foo()} at line 3 of {@code method}, whose chain is {@code chain}. */
  private static MethodResult escapes(MethodRef method, Reason... chain) {
    MethodIRBuilder b = new MethodIRBuilder(method, "A." + method.name(), Fx.FILE, at(1));
    Var foo = b.local("foo", "com.acme.Foo");
    AllocSite s = b.alloc(foo, SiteKind.NEW_OBJECT, "com.acme.Foo", at(3),
        new AllocSite.Constructor(List.of(), List.of(), "Foo", null));
    return Fx.Results.of(b.build()).state(s, EscapeState.GLOBAL_ESCAPE, chain).build();
  }

  @Test
  void expectedEscapesAreMarkedAndLeftOutUnlessAskedFor() {
    MethodRef m = new MethodRef("com.acme.A", "make", List.of(), "com.acme.Foo", true);
    MethodRef clinit = new MethodRef("com.acme.A", "<clinit>", List.of(), "void", true);
    MethodResult thrown = escapes(m, reason(Reason.Kind.STORED_INTO, "stored into new Failure(…)", 4),
        reason(Reason.Kind.THROWN, "Failure object is thrown", 5));
    MethodResult returned = escapes(m, reason(Reason.Kind.STORED_INTO, "stored into new ArrayList<>() by List.add", 4),
        reason(Reason.Kind.RETURNED, "ArrayList object is returned", 5));
    MethodResult table = escapes(clinit, reason(Reason.Kind.STORED_STATIC, "stored into static field A.TABLE", 4));
    MethodResult leak = escapes(m, reason(Reason.Kind.STORED_STATIC, "stored into static field A.CACHE", 4));
    RuleContext verbose = Fx.ctx(21, false, false, 2);
    for (var c : List.of(List.of(thrown, ExpectedEscape.THROWN), List.of(returned, ExpectedEscape.RETURNED),
        List.of(table, ExpectedEscape.STATIC_INITIALIZER))) {
      MethodResult r = (MethodResult) c.get(0);
      assertEquals(List.of(), rule.check(r, Fx.defaults()), c.get(1).toString());
      assertEquals(List.of(c.get(1)), rule.check(r, SHOW_EXPECTED).stream().map(Finding::expected).toList());
      assertEquals(List.of(c.get(1)), rule.check(r, verbose).stream().map(Finding::expected).toList());
    }
    // A static store outside a static initializer is no expected escape: a leak worth seeing.
    List<Finding> fs = rule.check(leak, Fx.defaults());
    assertEquals(1, fs.size());
    assertNull(fs.get(0).expected());
  }
}
