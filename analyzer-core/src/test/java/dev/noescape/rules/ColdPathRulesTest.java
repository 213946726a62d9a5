package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.Severity;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The repeat rules on cold paths (SiteRule.reportsRepetition): no warning; information at verbosity 2. */
class ColdPathRulesTest {
  /** A boxing site in {@code for (...)} at line 14, on the cold path {@code why} (NONE: not cold). */
  private static MethodResult boxInLoop(ColdPath why) {
    return boxInLoop(why, null);
  }

  /** {@link #boxInLoop(ColdPath)} in a method annotated {@code @annotation} (null: none). */
  private static MethodResult boxInLoop(ColdPath why, String annotation) {
    MethodIRBuilder b = Fx.method("add");
    if (annotation != null) b.annotation(annotation);
    b.param("this", "com.acme.OrderBook", at(10));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    if (why.isCold()) b.beginCold(why);
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null));
    if (why.isCold()) b.endCold();
    b.endLoop();
    return Fx.Results.of(b.build()).build();
  }

  @ParameterizedTest
  @EnumSource(value = ColdPath.class, names = {"ERROR", "ASSERTION", "LOGGING", "CLASS_INIT"})
  void aColdLoopAllocationIsNoWarning(ColdPath why) {
    assertTrue(new BoxingAllocationRule().check(boxInLoop(why), Fx.defaults()).isEmpty());
  }

  @Test
  void atVerbosityTwoItIsInformationThatSaysWhichColdPath() {
    List<Finding> fs = new BoxingAllocationRule().check(boxInLoop(ColdPath.ERROR), Fx.ctx(21, false, false, 2));
    assertEquals(1, fs.size());
    Finding f = fs.get(0);
    assertEquals(Severity.INFO, f.severity());
    assertEquals("boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: keep the value primitive "
        + "(int) (not a warning: on an error path)", f.message());
    assertNull(f.fix());
  }

  /** {@link #boxInLoop} on no cold path of its own, in a method that runs only once ({@code once}). */
  private static MethodResult inOneTimeMethod(dev.noescape.engine.OneTime once) {
    MethodResult r = boxInLoop(ColdPath.NONE);
    return new MethodResult(r.method(), r.sites(), r.summary(), r.paramChains(), r.pointsTo(), r.failureSites(),
        r.failureStmts(), r.callResults(), once, null);
  }

  @Test
  void aLoopInAOneTimeMethodIsNoWarningAndSaysWhichStaticInitializer() {
    dev.noescape.engine.OneTime direct = new dev.noescape.engine.OneTime(List.of("Months"), null, 1);
    assertTrue(new BoxingAllocationRule().check(inOneTimeMethod(direct), Fx.defaults()).isEmpty());
    List<Finding> fs = new BoxingAllocationRule().check(inOneTimeMethod(direct), Fx.ctx(21, false, false, 2));
    assertEquals(1, fs.size());
    assertEquals(Severity.INFO, fs.get(0).severity());
    assertTrue(fs.get(0).message().endsWith(
        "(not a warning: runs once: OrderBook.add is called only from the static initializer of Months)"), fs.get(0).message());
    dev.noescape.engine.OneTime chain = new dev.noescape.engine.OneTime(List.of("A", "B"), "Months.table", 2);
    String m = new BoxingAllocationRule().check(inOneTimeMethod(chain), Fx.ctx(21, false, false, 2)).get(0).message();
    assertTrue(m.endsWith("(not a warning: runs once: OrderBook.add is called only from code that runs once (Months.table, "
        + "from the static initializers of A and B))"), m);
  }

  @Test
  void aOneTimeMethodRanksLikeAStaticInitializer() {
    int normal = new BoxingAllocationRule().check(boxInLoop(ColdPath.NONE), Fx.defaults()).get(0).hotness();
    int once = new BoxingAllocationRule()
        .check(inOneTimeMethod(new dev.noescape.engine.OneTime(List.of("Months"), null, 1)), Fx.ctx(21, false, false, 2))
        .get(0).hotness();
    assertEquals(normal - 30 * 100, once, "the cold term of a static initializer: 30 heat");
  }

  /** {@link #boxInLoop} on no cold path of its own, in set-up code ({@code why}). */
  private static MethodResult inSetUpCode(dev.noescape.engine.Construction why, String annotation) {
    MethodResult r = boxInLoop(ColdPath.NONE, annotation);
    return new MethodResult(r.method(), r.sites(), r.summary(), r.paramChains(), r.pointsTo(), r.failureSites(),
        r.failureStmts(), r.callResults(), null, why);
  }

  @Test
  void aLoopInSetUpCodeIsNoWarningAndSaysWhatBuildsTheObject() {
    var helper = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.CONSTRUCTOR,
        "OrderBook.<init>", null, 1);
    assertTrue(new BoxingAllocationRule().check(inSetUpCode(helper, null), Fx.defaults()).isEmpty());
    List<Finding> fs = new BoxingAllocationRule().check(inSetUpCode(helper, null), Fx.ctx(21, false, false, 2));
    assertEquals(Severity.INFO, fs.get(0).severity());
    assertTrue(fs.get(0).message().endsWith("(not a warning: in set-up code: OrderBook.add is called only from the "
        + "constructor of OrderBook (@HotPath on the constructor says its objects are built per operation))"),
        fs.get(0).message());
    var factory = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.FACTORY, "OrderBook.add",
        null, 0);
    String m = new BoxingAllocationRule().check(inSetUpCode(factory, null), Fx.ctx(21, false, false, 2)).get(0).message();
    assertTrue(m.endsWith("(not a warning: in set-up code: factory OrderBook.add runs once per object it builds "
        + "(@HotPath on it says its objects are built per operation))"), m);
  }

  @Test
  void aLoopInToStringIsNoWarningAndSaysSo() {
    var root = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.DESCRIPTION,
        "OrderBook.toString", null, 0);
    assertTrue(new BoxingAllocationRule().check(inSetUpCode(root, null), Fx.defaults()).isEmpty());
    String m = new BoxingAllocationRule().check(inSetUpCode(root, null), Fx.ctx(21, false, false, 2)).get(0).message();
    assertTrue(m.endsWith("(not a warning: in toString: it describes the object for people (a log line, a message), "
        + "not once per operation (@HotPath on it says it runs per operation))"), m);
    var helper = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.DESCRIPTION,
        "OrderBook.toString", null, 1);
    m = new BoxingAllocationRule().check(inSetUpCode(helper, null), Fx.ctx(21, false, false, 2)).get(0).message();
    assertTrue(m.endsWith("(not a warning: in toString: OrderBook.add is called only from OrderBook.toString "
        + "(@HotPath on OrderBook.toString says it runs per operation))"), m);
    assertEquals(List.of(Severity.WARNING), new BoxingAllocationRule()
        .check(inSetUpCode(root, null), Fx.ctx(21, false, true, 1)).stream().map(Finding::severity).toList(),
        "asked for allocations outside loops too: toString counts");
  }

  @Test
  void aConfiguredHotAnnotationMakesSetUpCodeAWarningAgain() {
    var ctor = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.CONSTRUCTOR,
        "OrderBook.<init>", null, 1);
    RuleContext latency = new RuleContext(21, false, false, 1, java.util.Set.of("LatencyCritical"), false, false);
    List<Finding> fs = new BoxingAllocationRule().check(inSetUpCode(ctor, "LatencyCritical"), latency);
    assertEquals(List.of(Severity.WARNING), fs.stream().map(Finding::severity).toList());
    assertTrue(new BoxingAllocationRule().check(inSetUpCode(ctor, "LatencyCritical"), Fx.defaults()).isEmpty(),
        "not configured: set-up code");
    assertEquals(List.of(Severity.WARNING), new BoxingAllocationRule()
        .check(inSetUpCode(ctor, null), Fx.ctx(21, false, true, 1)).stream().map(Finding::severity).toList(),
        "asked for allocations outside loops too: set-up code counts");
  }

  @Test
  void setUpCodeRanksLikeAConstructor() {
    int normal = new BoxingAllocationRule().check(boxInLoop(ColdPath.NONE), Fx.defaults()).get(0).hotness();
    var ctor = new dev.noescape.engine.Construction(dev.noescape.engine.Construction.Kind.CONSTRUCTOR,
        "OrderBook.<init>", null, 1);
    int setUp = new BoxingAllocationRule().check(inSetUpCode(ctor, null), Fx.ctx(21, false, false, 2)).get(0).hotness();
    assertEquals(normal - 10 * 100, setUp, "the cold term of a constructor: 10 heat");
  }

  /**
   * {@code v = this.cache.get(key); if (v == null) { for (…) box; this.cache.put(key, v); }}: the
   * box runs only on a cache miss (ir.CacheMisses).
   */
  private static MethodResult boxOnACacheMiss() {
    return boxOnACacheMiss(false);
  }

  /** {@link #boxOnACacheMiss()} in a method that is hot ({@code @HotPath}) or not. */
  private static MethodResult boxOnACacheMiss(boolean hot) {
    MethodIRBuilder b = Fx.method("add").hot(hot);
    dev.noescape.ir.Var self = b.param("this", "com.acme.OrderBook", at(10));
    dev.noescape.ir.Var key = b.param("key", "java.lang.String", at(10));
    dev.noescape.ir.FieldRef cache = new dev.noescape.ir.FieldRef("com.acme.OrderBook", "cache", false);
    dev.noescape.ir.Var m1 = b.temp("java.util.Map");
    b.load(m1, self, cache, at(12));
    dev.noescape.ir.Var v = b.local("v", "java.util.List");
    b.call(v, Fx.ref("java.util.Map", "get", "java.lang.Object", false, "java.lang.Object"), List.of(m1, key), at(12));
    b.beginGuarded(b.guard(dev.noescape.ir.CacheMisses.Guard.nullTest(v)));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null));
    b.endLoop();
    dev.noescape.ir.Var m2 = b.temp("java.util.Map");
    b.load(m2, self, cache, at(17));
    b.call(null, Fx.ref("java.util.Map", "put", "java.lang.Object", false, "java.lang.Object", "java.lang.Object"),
        List.of(m2, key, v), at(17));
    b.endGuarded();
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void aLoopOnACacheMissIsNoWarningAndSaysWhichCacheKeepsTheResult() {
    assertTrue(new BoxingAllocationRule().check(boxOnACacheMiss(), Fx.defaults()).isEmpty());
    List<Finding> fs = new BoxingAllocationRule().check(boxOnACacheMiss(), Fx.ctx(21, false, false, 2));
    assertEquals(1, fs.size());
    assertEquals(Severity.INFO, fs.get(0).severity());
    assertTrue(fs.get(0).message().endsWith(
        "(not a warning: on a cache miss: runs once per key of cache, which keeps the result (line 17))"), fs.get(0).message());
  }

  @Test
  void aHotMethodDoesNotOverrideACacheMissAsItOverridesNoColdPath() {
    // SiteRule asks the cold path before anything else; only ForcedBoxes yields to a hot method
    assertTrue(new BoxingAllocationRule().check(boxOnACacheMiss(true), Fx.defaults()).isEmpty());
    assertEquals(List.of(Severity.INFO), new BoxingAllocationRule().check(boxOnACacheMiss(true), Fx.ctx(21, false, false, 2))
        .stream().map(Finding::severity).toList());
  }

  @Test
  void aCacheMissRanksLikeToString() {
    int normal = new BoxingAllocationRule().check(boxInLoop(ColdPath.NONE), Fx.defaults()).get(0).hotness();
    int miss = new BoxingAllocationRule().check(boxOnACacheMiss(), Fx.ctx(21, false, false, 2)).get(0).hotness();
    assertEquals(normal - 20 * 100, miss, "the cold term of a cache miss: 20 heat");
  }

  @Test
  void theSameSiteOnTheNormalPathIsAWarning() {
    List<Finding> fs = new BoxingAllocationRule().check(boxInLoop(ColdPath.NONE), Fx.defaults());
    assertEquals(List.of(Severity.WARNING), fs.stream().map(Finding::severity).toList());
  }

  @Test
  void heapEscapeIsNotARepeatRule() {
    assertTrue(!new HeapEscapeRule().reportsRepetition());
    assertTrue(new UnpresizedCollectionRule().reportsRepetition());
    assertTrue(new HashMapCapacityRule().reportsRepetition());
    assertTrue(new StringConcatInLoopRule().reportsRepetition());
  }
}
