package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashMapCapacityRuleTest {
  private final HashMapCapacityRule rule = new HashMapCapacityRule();

  private static FillScenario sized(String type, SymbolicExpr n, SymbolicExpr trip) {
    FillScenario s = new FillScenario().type(type);
    s.sizedWith = n;
    s.trip = trip;
    s.kind = trip.isConstant() ? LoopKind.FOR : LoopKind.FOREACH_ITERABLE;
    return s;
  }

  /**
   * A {@link #sized} collection filled not in a loop but by one bulk call, {@code bulkName(src)},
   * where the loop would have filled {@code orders.size()} elements.
   */
  private static FillScenario bulkFill(String type, String capacity, String bulkName) {
    FillScenario s = sized(type, SymbolicExpr.of(capacity), SymbolicExpr.of("orders.size()"));
    s.loop = false;
    s.bulkArg = "src";
    s.bulkName = bulkName;
    return s;
  }

  private List<Finding> check(FillScenario s, RuleContext c) {
    return rule.check(s.build(), c);
  }

  @Test
  void loopWithMatchingTripCountOnJava21() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    List<Finding> fs = check(sized("java.util.HashMap", n, n), Fx.ctx(21, false, false, 1));
    assertEquals(List.of("new HashMap<>(orders.size()) rehashes before it holds the orders.size() entries put in the "
        + "loop at line 14 (the table resizes at 0.75 × capacity): use HashMap.newHashMap(orders.size())"),
        Fx.messages(fs));
    Finding f = fs.get(0);
    assertEquals(RuleId.HASH_MAP_CAPACITY, f.rule());
    assertEquals(new Fix.UseFactory("java.util.HashMap", "newHashMap", n, 14), f.fix());
    assertEquals(13, f.pos().line());
  }

  /** Keys that may repeat: the capacity states the most entries expected, as for a set's adds, and the message says when it holds. */
  @Test
  void absentKeyFillIsReportedWithItsCondition() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    FillScenario s = sized("java.util.HashMap", n, n);
    s.addName = "merge";
    assertEquals(List.of("new HashMap<>(orders.size()) rehashes before it holds the orders.size() entries put in the "
        + "loop at line 14 when the keys are distinct (the table resizes at 0.75 × capacity): use HashMap.newHashMap(orders.size())"),
        Fx.messages(check(s, Fx.ctx(21, false, false, 1))));
    FillScenario counted = sized("java.util.HashMap", n, n);
    counted.countingGet = true;
    assertTrue(Fx.messages(check(counted, Fx.ctx(21, false, false, 1))).get(0).contains("when the keys are distinct"));
  }

  @Test
  void fixChoiceByRelease() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    assertEquals(new Fix.UseFactory("java.util.HashMap", "newHashMap", n, 14),
        check(sized("java.util.HashMap", n, n), Fx.ctx(19, true, false, 1)).get(0).fix());
    assertEquals(new Fix.UseFactory("com.google.common.collect.Maps", "newHashMapWithExpectedSize", n, 14),
        check(sized("java.util.HashMap", n, n), Fx.ctx(17, true, false, 1)).get(0).fix());
    List<Finding> plain = check(sized("java.util.HashMap", n, n), Fx.ctx(17, false, false, 1));
    assertEquals(new Fix.ReplaceCapacity("(int) Math.ceil(orders.size() / 0.75)"), plain.get(0).fix());
    assertTrue(plain.get(0).message().endsWith(": pass (int) Math.ceil(orders.size() / 0.75) as the capacity"),
        plain.get(0).message());
  }

  @Test
  void factoriesPerType() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    assertEquals(new Fix.UseFactory("java.util.LinkedHashMap", "newLinkedHashMap", n, 14),
        check(sized("java.util.LinkedHashMap", n, n), Fx.ctx(21, false, false, 1)).get(0).fix());
    assertEquals(new Fix.UseFactory("java.util.HashSet", "newHashSet", n, 14),
        check(sized("java.util.HashSet", n, n), Fx.ctx(21, false, false, 1)).get(0).fix());
    assertEquals(new Fix.UseFactory("java.util.WeakHashMap", "newWeakHashMap", n, 14),
        check(sized("java.util.WeakHashMap", n, n), Fx.ctx(21, false, false, 1)).get(0).fix());
    assertEquals(new Fix.UseFactory("com.google.common.collect.Sets", "newHashSetWithExpectedSize", n, 14),
        check(sized("java.util.HashSet", n, n), Fx.ctx(17, true, false, 1)).get(0).fix());
    assertEquals(new Fix.ReplaceCapacity("(int) Math.ceil(orders.size() / 0.75)"),
        check(sized("java.util.WeakHashMap", n, n), Fx.ctx(17, true, false, 1)).get(0).fix(),
        "Guava has no WeakHashMap factory");
  }

  @Test
  void constantSixteenIsReportedSeventeenIsNot() {
    List<Finding> sixteen = check(sized("java.util.HashMap", SymbolicExpr.constant(16), SymbolicExpr.constant(16)),
        Fx.ctx(17, false, false, 1));
    assertEquals(List.of("new HashMap<>(16) rehashes before it holds the 16 entries put in the loop at line 14 "
        + "(the table resizes at 0.75 × capacity): pass (int) Math.ceil(16 / 0.75) as the capacity"),
        Fx.messages(sixteen));
    assertTrue(check(sized("java.util.HashMap", SymbolicExpr.constant(17), SymbolicExpr.constant(17)),
        Fx.defaults()).isEmpty());
  }

  @Test
  void tableArithmetic() {
    // Checked against java.util.HashMap's table (JDK 17 and 25) for n = 2..300.
    assertFalse(HashMapCapacityRule.holdsWithoutResize(1)); // 1 slot, threshold 0
    assertFalse(HashMapCapacityRule.holdsWithoutResize(16));
    assertTrue(HashMapCapacityRule.holdsWithoutResize(17));
    assertTrue(HashMapCapacityRule.holdsWithoutResize(24));
    assertFalse(HashMapCapacityRule.holdsWithoutResize(25));
    assertTrue(HashMapCapacityRule.holdsWithoutResize(48));
    assertFalse(HashMapCapacityRule.holdsWithoutResize(1000));
    assertTrue(HashMapCapacityRule.holdsWithoutResize(0));
    assertEquals(32, HashMapCapacityRule.tableSizeFor(17));
    assertEquals(16, HashMapCapacityRule.tableSizeFor(16));
    assertEquals(1, HashMapCapacityRule.tableSizeFor(1));
  }

  @Test
  void weakHashMapConstantsFollowTheSameTable() {
    assertEquals(1, check(sized("java.util.WeakHashMap", SymbolicExpr.constant(16), SymbolicExpr.constant(16)),
        Fx.defaults()).size());
    assertTrue(check(sized("java.util.WeakHashMap", SymbolicExpr.constant(24), SymbolicExpr.constant(24)),
        Fx.defaults()).isEmpty());
  }

  @Test
  void loopTripCountMustMatchTheArgument() {
    assertTrue(check(sized("java.util.HashMap", SymbolicExpr.of("expected"), SymbolicExpr.of("orders.size()")),
        Fx.defaults()).isEmpty());
    // Key comparison ignores white space and outer parentheses.
    assertEquals(1, check(sized("java.util.HashMap", SymbolicExpr.of("(orders.size( ))"),
        SymbolicExpr.of("orders.size()")), Fx.defaults()).size());
  }

  @Test
  void conditionalPutsAreQuiet() {
    FillScenario s = sized("java.util.HashMap", SymbolicExpr.of("orders.size()"), SymbolicExpr.of("orders.size()"));
    s.conditionalAdd = true;
    assertTrue(check(s, Fx.defaults()).isEmpty());
  }

  @Test
  void putAllIntoAFreshHashMapSizesItselfAndIsQuiet() {
    // new HashMap<>(src.size()); map.putAll(src): the JDK sizes the table for src.size() when it has none yet.
    FillScenario s = bulkFill("java.util.HashMap", "src.size()", "putAll");
    assertTrue(check(s, Fx.defaults()).isEmpty());
  }

  @Test
  void putAllAfterOtherPutsRehashes() {
    FillScenario s = bulkFill("java.util.HashMap", "src.size()", "putAll");
    s.addBeforeLoop = true;
    List<Finding> fs = check(s, Fx.ctx(21, false, false, 1));
    assertEquals(List.of("new HashMap<>(src.size()) rehashes before it holds the src.size() entries added by putAll at "
        + "line 17 (the table resizes at 0.75 × capacity): use HashMap.newHashMap(src.size())"), Fx.messages(fs));
  }

  @Test
  void putAllOfADifferentSizeIsQuiet() {
    FillScenario s = bulkFill("java.util.HashMap", "n", "putAll");
    s.addBeforeLoop = true;
    assertTrue(check(s, Fx.defaults()).isEmpty());
  }

  @Test
  void addAllOnASetWithADifferentSizeIsQuiet() {
    FillScenario s = bulkFill("java.util.HashSet", "n", "addAll");
    assertTrue(check(s, Fx.defaults()).isEmpty());
    FillScenario match = bulkFill("java.util.HashSet", "src.size()", "addAll");
    assertEquals(1, check(match, Fx.defaults()).size());
  }

  @Test
  void concurrentHashMapIsNeverReported() {
    SymbolicExpr n = SymbolicExpr.of("orders.size()");
    assertTrue(check(sized("java.util.concurrent.ConcurrentHashMap", n, n), Fx.defaults()).isEmpty());
  }

  @Test
  void defaultConstructorIsNotThisRulesBusiness() {
    assertTrue(check(new FillScenario().type("java.util.HashMap"), Fx.defaults()).isEmpty());
  }
}
