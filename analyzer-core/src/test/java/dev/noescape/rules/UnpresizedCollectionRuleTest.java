package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnpresizedCollectionRuleTest {
  private final UnpresizedCollectionRule rule = new UnpresizedCollectionRule();

  private List<Finding> check(FillScenario s, RuleContext c) {
    return rule.check(s.build(), c);
  }

  private List<Finding> check(Consumer<FillScenario> setup) {
    FillScenario s = new FillScenario();
    setup.accept(s);
    return check(s, Fx.defaults());
  }

  /** Quiet, and for the reason the test expects (so a quiet result cannot pass by accident). */
  private void assertQuiet(Consumer<FillScenario> setup, String reasonFragment) {
    FillScenario s = new FillScenario();
    setup.accept(s);
    MethodResult r = s.build();
    assertTrue(rule.check(r, Fx.defaults()).isEmpty(), "expected no finding");
    CollectionFill.Outcome o = CollectionFill.loopFill(r, s.site);
    if (o.fill() != null) {
      // Evidence for a fill exists: the rule must be quiet for a reason of its own (the
      // constructor, or a size the fill only bounds: a set, keys that repeat).
      String presize = CollectionFill.presizeQuietReason(s.site, o.fill());
      assertTrue(reasonFragment.equals("constructor") || presize != null && presize.contains(reasonFragment),
          "quiet for an unexpected reason, fill found: " + presize);
    } else {
      assertTrue(o.quietReason().contains(reasonFragment), o.quietReason() + " should mention " + reasonFragment);
    }
  }

  @Test
  void listFilledInCollectionLoopIsReportedWithSizeFix() {
    List<Finding> fs = check(s -> {});
    assertEquals(List.of("new ArrayList<>() grows while it is filled with orders.size() elements in the loop at line 14: "
        + "presize it: new ArrayList<>(orders.size())"), Fx.messages(fs));
    Finding f = fs.get(0);
    assertEquals(RuleId.UNPRESIZED_COLLECTION, f.rule());
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("orders.size()"), 14), f.fix());
    assertEquals("pass the expected size: (orders.size())", f.fix().description());
    assertEquals(13, f.pos().line(), "reported at the allocation, where the fix applies");
    assertEquals("new ArrayList<>()", f.identity());
  }

  @Test
  void aSizeNamingALocalAssignedAfterTheAllocationMovesTheAllocationInsteadOfAFix() {
    // Map<K, V> map = new HashMap<>();  (a field initializer)  ...  fields = values(); for (f : fields) map.put(..)
    List<Finding> fs = check(s -> {
      s.type("java.util.HashMap");
      s.kind = LoopKind.FOREACH_ARRAY;
      s.trip = SymbolicExpr.of("fields.length");
      s.localAssignedAfterAlloc = "fields";
    });
    assertEquals(List.of("new HashMap<>() rehashes while it is filled with fields.length entries in the loop at line 14: "
        + "create it after 'fields' is assigned, presized for fields.length entries at the load factor 0.75"),
        Fx.messages(fs));
    assertEquals(null, fs.get(0).fix(), "a capacity naming 'fields' does not compile where the map is created");
  }

  @ParameterizedTest(name = "{0} of {1}: reported={2}")
  @CsvSource({
    "java.util.ArrayList, 10, false",
    "java.util.ArrayList, 11, true",
    "java.util.HashMap, 12, false",
    "java.util.HashMap, 13, true",
    "java.util.ArrayDeque, 16, false",
    "java.util.ArrayDeque, 17, true",
  })
  void aConstantSizeThatFitsTheDefaultCapacityIsQuiet(String type, long size, boolean reported) {
    List<Finding> fs = check(s -> {
      s.type(type);
      s.kind = LoopKind.FOR;
      s.trip = SymbolicExpr.constant(size);
    });
    assertEquals(reported, !fs.isEmpty(), Fx.messages(fs).toString());
  }

  @Test
  void reverseCountedLoopWithKnownBound() {
    // for (int i = n - 1; i >= 0; i--) out.add(xs[i]);  the front end proves the trip count n.
    List<Finding> fs = check(s -> {
      s.kind = LoopKind.FOR;
      s.trip = SymbolicExpr.of("n");
    });
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("n"), 14), fs.get(0).fix());
  }

  @Test
  void arrayLoop() {
    List<Finding> fs = check(s -> {
      s.type("java.util.ArrayDeque");
      s.kind = LoopKind.FOREACH_ARRAY;
      s.trip = SymbolicExpr.of("xs.length");
    });
    assertEquals(List.of("new ArrayDeque<>() grows while it is filled with xs.length elements in the loop at line 14: "
        + "presize it: new ArrayDeque<>(xs.length)"), Fx.messages(fs));
  }

  @Test
  void iteratorOrWhileLoopWithoutTripCountIsQuiet() {
    assertQuiet(s -> {
      s.kind = LoopKind.WHILE;
      s.trip = null;
      s.noTripReason = "iterates an Iterator";
    }, "iterates an Iterator");
  }

  @Test
  void conditionalAddIsQuiet() {
    assertQuiet(s -> s.conditionalAdd = true, "once on every iteration");
  }

  @Test
  void addAfterContinueIsQuiet() {
    assertQuiet(s -> s.continueBeforeAdd = true, "once on every iteration");
  }

  @Test
  void addBeforeTheLoopIsQuiet() {
    assertQuiet(s -> s.addBeforeLoop = true, "2 adding calls");
  }

  @Test
  void twoAddsInTheLoopAreQuiet() {
    assertQuiet(s -> s.secondAddInLoop = true, "2 adding calls");
  }

  @Test
  void addInNestedLoopOfACollectionAllocatedOutsideIsQuiet() {
    assertQuiet(s -> s.nestedAllocOutside = true, "nested loops");
  }

  @Test
  void collectionAllocatedInOuterLoopAndFilledByInnerIsReported() {
    List<Finding> fs = check(s -> s.nestedAllocInside = true);
    assertEquals(1, fs.size());
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("orders.size()"), 14), fs.get(0).fix());
    assertTrue(fs.get(0).hotness() >= (20 + 40) * 100, "ranked by the depth of the filling loop (2): " + fs.get(0).hotness());
  }

  @Test
  void countingPatternOnMapIsQuiet() {
    assertQuiet(s -> {
      s.type("java.util.HashMap");
      s.countingGet = true;
    }, "counting pattern");
  }

  @Test
  void addOnBothArmsOfAnIfElseIsOnePerIteration() {
    assertEquals(List.of("new ArrayList<>() grows while it is filled with orders.size() elements in the loop at line 14: "
        + "presize it: new ArrayList<>(orders.size())"), Fx.messages(check(s -> s.armsAdding = 2)));
    assertQuiet(s -> s.armsAdding = 1, "the add does not run once on every iteration");
    assertQuiet(s -> {
      s.armsAdding = 2;
      s.secondAddInLoop = true;
    }, "3 adding calls on it, not one on every path");
  }

  /**
   * Fills for absent keys bound the size only (a grouping or counting map): quiet, by the rule sets
   * follow; beside a put on every iteration they are a second add per iteration. A bulk call in the
   * loop grows it by an unknown amount.
   */
  @ParameterizedTest
  @CsvSource({"merge, ", "compute, ", "computeIfAbsent, ", "putIfAbsent, ", ", putAll", "merge, merge"})
  void absentKeyAndBulkFillsAreQuiet(String fill, String besideAPut) {
    assertQuiet(s -> {
      s.type("java.util.HashMap");
      if (fill != null && besideAPut == null) s.addName = fill;
      s.growingCallInLoop = besideAPut;
    }, besideAPut == null ? "filled by " + fill + ": the keys may repeat"
        : fill == null ? "also grown by " + besideAPut : "2 adding calls on it");
  }

  @Test
  void handedToACallBeforeOrInsideTheLoopIsQuiet() {
    assertQuiet(s -> s.handedBeforeLoop = true, "handed to Util.register");
    assertQuiet(s -> s.handedInLoop = true, "handed to Util.register");
  }

  @Test
  void handedToACallAfterTheLoopIsStillReported() {
    assertEquals(1, check(s -> s.handedAfterLoop = true).size());
  }

  @Test
  void topKQueueAndSlidingWindowAreQuiet() {
    // pq.offer(x); if (pq.size() > k) pq.poll();  holds k elements, not n
    assertQuiet(s -> {
      s.type("java.util.PriorityQueue");
      s.addName = "offer";
      s.otherCallInLoop = "poll";
    }, "also poll on it in the loop");
    assertQuiet(s -> {
      s.type("java.util.ArrayDeque");
      s.addName = "addLast";
      s.otherCallInLoop = "removeFirst";
    }, "also removeFirst on it in the loop");
    assertQuiet(s -> s.otherCallInLoop = "clear", "also clear on it in the loop");
  }

  @Test
  void queriesInTheLoopDoNotSpoilTheEvidence() {
    List<Finding> fs = check(s -> {
      s.type("java.util.PriorityQueue");
      s.addName = "offer";
      s.otherCallInLoop = "size";
    });
    assertEquals(List.of("new PriorityQueue<>() grows while it is filled with orders.size() elements in the loop at "
        + "line 14: presize it: new PriorityQueue<>(orders.size())"), Fx.messages(fs));
  }

  @Test
  void receiverThatMayBeAnotherCollectionIsQuiet() {
    assertQuiet(s -> s.receiverAlsoPointsElsewhere = true, "another collection");
  }

  @Test
  void quietReasonForDebugOutput() {
    FillScenario s = new FillScenario();
    s.conditionalAdd = true;
    MethodResult r = s.build();
    assertEquals("the add does not run once on every iteration", UnpresizedCollectionRule.quietReason(r, s.site));
    FillScenario ok = new FillScenario();
    MethodResult r2 = ok.build();
    assertEquals(null, UnpresizedCollectionRule.quietReason(r2, ok.site));
    FillScenario sized = new FillScenario();
    sized.sizedWith = SymbolicExpr.of("n");
    MethodResult r3 = sized.build();
    assertEquals("created with an explicit capacity or contents", UnpresizedCollectionRule.quietReason(r3, sized.site));
  }

  @Test
  void neverFilledIsQuiet() {
    assertQuiet(s -> s.noAdd = true, "no add");
  }

  @Test
  void sizedConstructorIsNotThisRulesBusiness() {
    assertQuiet(s -> s.sizedWith = SymbolicExpr.of("orders.size()"), "constructor");
  }

  @Test
  void priorityQueueWithOnlyAComparatorHasTheDefaultCapacity() {
    FillScenario s = new FillScenario().type("java.util.PriorityQueue");
    s.addName = "offer";
    MethodResult r = buildWithComparator(s, "byId");
    List<Finding> fs = rule.check(r, Fx.defaults());
    assertEquals(List.of("new PriorityQueue<>(byId) grows while it is filled with orders.size() elements in the loop at "
        + "line 14: presize it: new PriorityQueue<>(orders.size(), byId)"), Fx.messages(fs));
    assertEquals(null, fs.get(0).fix(), "AddCapacity cannot put the size before the comparator");
  }

  /** The scenario with its site replaced by {@code new PriorityQueue<>(cmp)}. */
  private static MethodResult buildWithComparator(FillScenario s, String cmp) {
    MethodResult plain = s.build();
    dev.noescape.ir.AllocSite old = s.site;
    dev.noescape.ir.AllocSite site = new dev.noescape.ir.AllocSite(old.id(), old.kind(), old.type(), old.ctx(),
        new dev.noescape.ir.AllocSite.Constructor(List.of("java.util.Comparator"), List.of(SymbolicExpr.of(cmp)),
            "PriorityQueue<>", null));
    List<dev.noescape.ir.AllocSite> sites = new java.util.ArrayList<>(s.ir.sites());
    sites.set(old.id(), site);
    List<dev.noescape.ir.Stmt> stmts = new java.util.ArrayList<>();
    for (dev.noescape.ir.Stmt st : s.ir.stmts()) {
      stmts.add(st instanceof dev.noescape.ir.Stmt.Alloc a && a.site().id() == old.id()
          ? new dev.noescape.ir.Stmt.Alloc(a.target(), site, a.ctx()) : st);
    }
    dev.noescape.ir.MethodIR ir = s.ir;
    dev.noescape.ir.MethodIR patched = new dev.noescape.ir.MethodIR(ir.ref(), ir.displayName(), ir.sourceFile(), ir.pos(),
        ir.params(), ir.paramPositions(), stmts, ir.loops(), sites, ir.annotations(), ir.hot(), ir.baseLoopDepth(),
        ir.synthetic());
    List<dev.noescape.engine.SiteResult> results = new java.util.ArrayList<>(plain.sites());
    results.set(old.id(), new dev.noescape.engine.SiteResult(site, results.get(old.id()).state(), List.of()));
    return new MethodResult(patched, results, plain.summary(), plain.paramChains(), plain.pointsTo());
  }

  @Test
  void otherTypesAreIgnored() {
    assertTrue(check(s -> s.type("java.util.concurrent.ConcurrentHashMap")).isEmpty());
    assertTrue(check(s -> s.type("java.util.LinkedList")).isEmpty());
    assertTrue(check(s -> s.type("java.lang.StringBuilder")).isEmpty());
  }

  // ---- hash-based types: the fix accounts for the 0.75 load factor ----

  private static FillScenario hashMap() {
    FillScenario s = new FillScenario().type("java.util.HashMap");
    s.kind = LoopKind.FOR;
    s.trip = SymbolicExpr.of("hi - lo");
    return s;
  }

  @Test
  void hashMapOnJava19UsesNewHashMap() {
    List<Finding> fs = check(hashMap(), Fx.ctx(21, false, false, 1));
    assertEquals(List.of("new HashMap<>() rehashes while it is filled with hi - lo entries in the loop at line 14: "
        + "presize it for the load factor 0.75: HashMap.newHashMap(hi - lo)"), Fx.messages(fs));
    assertEquals(new Fix.UseFactory("java.util.HashMap", "newHashMap", SymbolicExpr.of("hi - lo"), 14), fs.get(0).fix());
  }

  @Test
  void hashMapWithGuavaOnJava17UsesMaps() {
    List<Finding> fs = check(hashMap(), Fx.ctx(17, true, false, 1));
    assertEquals(new Fix.UseFactory("com.google.common.collect.Maps", "newHashMapWithExpectedSize",
        SymbolicExpr.of("hi - lo"), 14), fs.get(0).fix());
    assertTrue(fs.get(0).message().endsWith(": Maps.newHashMapWithExpectedSize(hi - lo)"), fs.get(0).message());
  }

  @Test
  void hashMapOnJava17WithoutGuavaComputesTheCapacity() {
    List<Finding> fs = check(hashMap(), Fx.ctx(17, false, false, 1));
    assertEquals(List.of("new HashMap<>() rehashes while it is filled with hi - lo entries in the loop at line 14: "
        + "presize it for the load factor 0.75: new HashMap<>((int) Math.ceil((hi - lo) / 0.75))"), Fx.messages(fs));
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("(int) Math.ceil((hi - lo) / 0.75)"), 14), fs.get(0).fix());
  }

  @Test
  void belowJava7AGenericTypeKnownOnlyAsGenericIsWrittenRawWithANote() {
    // commons-math3 (class files 49, source 1.5): the diamond does not parse at -source 1.5/1.6
    List<Finding> fs = check(hashMap(), Fx.ctx(5, false, false, 1));
    assertEquals(List.of("new HashMap<>() rehashes while it is filled with hi - lo entries in the loop at line 14: "
        + "presize it for the load factor 0.75: new HashMap((int) Math.ceil((hi - lo) / 0.75)) with its type arguments "
        + "(the diamond <> needs Java 7)"), Fx.messages(fs));
    // the fix only inserts the capacity between the parentheses the source wrote: it compiles where the source did
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("(int) Math.ceil((hi - lo) / 0.75)"), 14), fs.get(0).fix());
    List<Finding> list = check(new FillScenario(), Fx.ctx(6, false, false, 1));
    assertTrue(Fx.messages(list).get(0).endsWith("presize it: new ArrayList(orders.size()) with its type arguments "
        + "(the diamond <> needs Java 7)"), Fx.messages(list).toString());
    List<Finding> seven = check(new FillScenario(), Fx.ctx(7, false, false, 1));
    assertTrue(Fx.messages(seven).get(0).endsWith("presize it: new ArrayList<>(orders.size())"), Fx.messages(seven).toString());
  }

  @Test
  void setsAreQuietTheirAddsMayRepeat() {
    for (String set : List.of("java.util.HashSet", "java.util.LinkedHashSet")) {
      FillScenario fill = new FillScenario().type(set);
      MethodResult r = fill.build();
      assertEquals(List.of(), rule.check(r, Fx.defaults()));
      assertEquals("a set: the adds may repeat elements, its final size is not known",
          UnpresizedCollectionRule.quietReason(r, fill.site));
    }
  }

  @Test
  void setFactoriesByTypeForTheCapacityRule() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    assertEquals(new Fix.UseFactory("java.util.HashSet", "newHashSet", n, 14),
        CollectionFill.sizingFactory("java.util.HashSet", n, 14, Fx.defaults()));
    assertEquals(new Fix.UseFactory("com.google.common.collect.Sets", "newLinkedHashSetWithExpectedSize", n, 14),
        CollectionFill.sizingFactory("java.util.LinkedHashSet", n, 14, Fx.ctx(11, true, false, 1)));
    FillScenario ht = new FillScenario().type("java.util.Hashtable");
    assertEquals(new Fix.AddCapacity(SymbolicExpr.of("(int) Math.ceil(orders.size() / 0.75)"), 14),
        check(ht, Fx.ctx(21, true, false, 1)).get(0).fix(), "Hashtable has no factory");
  }

  @Test
  void aConstantNumberOfAddsTheDefaultCapacityHoldsIsQuiet() {
    FillScenario ten = new FillScenario();
    ten.trip = SymbolicExpr.constant(10);
    assertEquals(List.of(), check(ten, Fx.defaults()));
    FillScenario eleven = new FillScenario();
    eleven.trip = SymbolicExpr.constant(11);
    assertEquals(1, check(eleven, Fx.defaults()).size());
    FillScenario twelveEntries = new FillScenario().type("java.util.HashMap");
    twelveEntries.trip = SymbolicExpr.constant(12);
    assertEquals(List.of(), check(twelveEntries, Fx.defaults()));
    FillScenario thirteenEntries = new FillScenario().type("java.util.HashMap");
    thirteenEntries.trip = SymbolicExpr.constant(13);
    assertEquals(1, check(thirteenEntries, Fx.defaults()).size());
  }
}
