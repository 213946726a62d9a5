package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.TypeHierarchy;
import dev.noescape.ir.Var;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxingAllocationRuleTest {
  private final BoxingAllocationRule rule = new BoxingAllocationRule();

  private static AllocSite box(MethodIRBuilder b, String type, String prim, Long constant, int line) {
    Var v = b.temp(type);
    return b.alloc(v, SiteKind.BOXING, type, at(line), new AllocSite.Boxing(prim, constant));
  }

  /** One boxing site inside {@code for (int i = 0; i < n; i++)} at line 14. */
  private static MethodResult inLoop(String type, String prim, Long constant) {
    MethodIRBuilder b = Fx.method("add");
    b.param("this", "com.acme.OrderBook", at(10));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    box(b, type, prim, constant, 15);
    b.endLoop();
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void nonConstantIntInLoopIsReported() {
    List<Finding> fs = rule.check(inLoop("java.lang.Integer", "int", null), Fx.defaults());
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: "
        + "keep the value primitive (int)"), Fx.messages(fs));
    Finding f = fs.get(0);
    assertEquals(RuleId.BOXING_ALLOCATION, f.rule());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(15, f.pos().line());
    assertEquals("boxing int to Integer", f.identity());
  }

  @ParameterizedTest(name = "{0} {2} reported={3}")
  @CsvSource({
    "java.lang.Integer, int, 127, false",
    "java.lang.Integer, int, -128, false",
    "java.lang.Integer, int, 128, true",
    "java.lang.Integer, int, -129, true",
    "java.lang.Short, short, 100, false",
    "java.lang.Short, short, 200, true",
    "java.lang.Long, long, 0, false",
    "java.lang.Long, long, 1000, true",
    "java.lang.Character, char, 127, false",
    "java.lang.Character, char, 128, true",
    "java.lang.Double, double, 1, true",
    "java.lang.Float, float, 0, true",
    "java.lang.Boolean, boolean, 1, false",
    "java.lang.Byte, byte, 1, false",
  })
  void constantsInsideTheCacheDoNotAllocate(String type, String prim, long constant, boolean reported) {
    assertEquals(reported, !rule.check(inLoop(type, prim, constant), Fx.defaults()).isEmpty());
  }

  @Test
  void booleanAndByteNeverReportedEvenNonConstant() {
    assertTrue(rule.check(inLoop("java.lang.Boolean", "boolean", null), Fx.defaults()).isEmpty());
    assertTrue(rule.check(inLoop("java.lang.Byte", "byte", null), Fx.defaults()).isEmpty());
  }

  @Test
  void doubleAlwaysAllocatesAndAConstantIsBoxedOnce() {
    assertEquals(List.of("boxing double to Double allocates on every iteration of the loop (line 14) for every value (Double has no cache): "
        + "box the constant once, into a static final Double"),
        Fx.messages(rule.check(inLoop("java.lang.Double", "double", 0L), Fx.defaults())));
  }

  /** {@code for (...) { <box of i>; <use> }}: the box's use decides whether it is required. */
  private List<String> boxUsedBy(java.util.function.BiConsumer<MethodIRBuilder, Var> use, RuleContext c) {
    return Fx.messages(boxFindings(use, c, false, false));
  }

  /** The findings of {@link #boxUsedBy}, in a hot method when {@code hot}; {@code invariant}: the front end proved {@code i} loop-invariant. */
  private List<Finding> boxFindings(java.util.function.BiConsumer<MethodIRBuilder, Var> use, RuleContext c, boolean hot,
      boolean invariant) {
    MethodIRBuilder b = Fx.method("add").hot(hot);
    b.param("this", "com.acme.OrderBook", at(10));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    Var v = b.temp("java.lang.Integer");
    var i = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:0");
    b.alloc(v, SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null, null, i, invariant));
    use.accept(b, v);
    b.endLoop();
    return rule.check(Fx.Results.of(b.build()).build(), c);
  }

  private static final String HEAD =
      "boxing int to Integer allocates on every iteration of the loop (line 14) when i is outside -128..127: ";

  private static void listAdd(MethodIRBuilder b, Var v) {
    Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 15, v);
  }

  @Test
  void aBoxAnObjectParameterTakesThatChangesEveryIterationIsInformationOnly() {
    // forced: no warning by default, information at -m=2 saying why, with no fix
    assertTrue(boxUsedBy(BoxingAllocationRuleTest::listAdd, Fx.defaults()).isEmpty());
    List<Finding> info = boxFindings(BoxingAllocationRuleTest::listAdd, Fx.ctx(21, false, false, 2), false, false);
    assertEquals(List.of(Severity.INFO), info.stream().map(Finding::severity).toList());
    assertEquals(HEAD + "List.add takes an object, so the box is required (not a warning: i can change on every iteration,"
        + " so no local change removes the box; only a primitive collection or an array would)", info.get(0).message());
    assertEquals(null, info.get(0).fix());
  }

  @Test
  void aForcedBoxIsAWarningInAHotMethodAndWhereThePrimitiveCollectionsAre() {
    List<Finding> hot = boxFindings(BoxingAllocationRuleTest::listAdd, Fx.defaults(), true, false);
    assertEquals(List.of(Severity.WARNING), hot.stream().map(Finding::severity).toList());
    assertEquals("boxing int to Integer allocates on every iteration of the loop (line 14) in hot method OrderBook.add when i"
        + " is outside -128..127: List.add takes an object, so the box is required and i can change on every iteration:"
        + " only a primitive collection or an array removes it", hot.get(0).message());
    // a primitive collection is offered only to a project that has one, and then it is a warning
    assertEquals(List.of(HEAD + "List.add takes an object, so the box is required: use a primitive collection (fastutil)"),
        boxUsedBy(BoxingAllocationRuleTest::listAdd, Fx.defaults().withPrimitiveCollections("fastutil")));
    // which does not help a box a return type requires
    assertTrue(boxUsedBy((b, v) -> b.ret(v, at(15)), Fx.defaults().withPrimitiveCollections("fastutil")).isEmpty());
  }

  /** {@code record(i)} on {@code private void record(Integer)} of OrderBook. */
  private static void privateRecord(MethodIRBuilder b, Var v) {
    b.call(null, Fx.ref("com.acme.OrderBook", "record", "void", false, "java.lang.Integer"),
        List.of(b.temp("com.acme.OrderBook"), v), at(15));
  }

  @Test
  void aBoxAPrivateMethodsOwnParameterRequiresIsTheProjectsToRemove() {
    RuleContext privates = Fx.defaults().withProgramFacts(new ProgramFacts(null, null, java.util.Set.of("com.acme.OrderBook#record(java.lang.Integer)"), null, null));
    assertEquals(List.of(HEAD + "OrderBook.record is private and declares the parameter Integer: declare it int (its callers"
        + " are all in this file; unless one passes null) and the box goes away"), boxUsedBy(BoxingAllocationRuleTest::privateRecord, privates));
    // not private (the program says nothing of it): the parameter is the signature, a forced box
    assertTrue(boxUsedBy(BoxingAllocationRuleTest::privateRecord, Fx.defaults()).isEmpty());
  }

  @Test
  void aBoxTheCallersCollectionRequiresIsNotToldToUseAPrimitiveCollection() {
    // equals(Object o) { Map<?, ?> that = (Map<?, ?>) o; ... that.get(key) }: the map is the caller's
    java.util.function.BiConsumer<MethodIRBuilder, Var> callers = (b, v) -> {
      Var o = b.param("o", "java.lang.Object", at(10));
      Var that = b.temp("java.util.Map");
      b.copy(that, o, at(15));
      Fx.call(b, that, "java.util.Map", "get", 15, v);
    };
    assertEquals(List.of(HEAD + "Map.get takes an object, so the box is required: the collection is the caller's (o): when"
        + " it is one of Agrona's primitive collections, an instanceof fast path reaches it without the box"),
        boxUsedBy(callers, Fx.defaults().withPrimitiveCollections("Agrona")));
    assertEquals(List.of(HEAD + "Map.get takes an object, so the box is required (not a warning: i can change on every"
        + " iteration, so no local change removes the box; only a different signature, taking a primitive collection,"
        + " would)"), boxUsedBy(callers, Fx.ctx(21, false, false, 2)));
  }

  @Test
  void aLoopInvariantValueIsAWarningToBoxItOnceBeforeTheLoop() {
    List<Finding> fs = boxFindings(BoxingAllocationRuleTest::listAdd, Fx.defaults(), false, true);
    assertEquals(List.of(HEAD + "List.add takes an object, so the box is required, and i is the same on every iteration:"
        + " box it once before the loop"), Fx.messages(fs));
    assertEquals(Severity.WARNING, fs.get(0).severity());
  }

  @Test
  void aBoxReturnedStoredOrPutInAnArrayIsRequiredAndSaysWhatWouldRemoveIt() {
    RuleContext v2 = Fx.ctx(21, false, false, 2);
    String why = " (not a warning: i can change on every iteration, so no local change removes the box; only ";
    assertEquals(List.of(HEAD + "the method returns an object, so the box is required" + why + "a different return type would)"),
        boxUsedBy((b, v) -> b.ret(v, at(15)), v2));
    assertEquals(List.of(HEAD + "field OrderBook.last holds an object, so the box is required" + why + "a primitive field would)"),
        boxUsedBy((b, v) -> b.staticStore(new dev.noescape.ir.FieldRef("com.acme.OrderBook", "last", true), v, at(15)), v2));
    assertEquals(List.of(HEAD + "an array of objects holds it, so the box is required" + why + "a primitive array would)"),
        boxUsedBy((b, v) -> b.store(b.temp("java.lang.Object[]"), dev.noescape.ir.FieldRef.ARRAY_ELEMENT, v, at(15)), v2));
    assertEquals(List.of(HEAD + "TypeAdapter.write takes an object, so the box is required" + why
        + "a different signature of TypeAdapter.write would)"),
        boxUsedBy((b, v) -> Fx.call(b, b.temp("com.acme.TypeAdapter"), "com.acme.TypeAdapter", "write", 15, v), v2));
  }

  @Test
  void aBoxPassedToAJavaUtilFunctionInterfaceHasAPrimitiveSpecialization() {
    assertEquals(List.of(HEAD + "Predicate.test takes an object: a primitive IntPredicate takes the int without a box"),
        boxUsedBy((b, v) -> Fx.call(b, b.temp("java.util.function.Predicate"), "java.util.function.Predicate", "test", 15, v),
            Fx.defaults()));
  }

  @Test
  void aBoxPassedToTheProjectsOwnFunctionalInterfaceIsAWarningToWriteAPrimitiveOne() {
    TypeHierarchy project = new TypeHierarchy() {
      @Override public Subclassing subclassing(String type) { return UNKNOWN.subclassing(type); }
      @Override public List<String> directSubtypes(String type) { return List.of(); }
      @Override public boolean mayBeSubtype(String sub, String sup) { return true; }
      @Override public boolean isSubtype(String sub, String sup) { return sub.equals(sup); }
      @Override public boolean declaresAbstract(String owner, String name, List<String> params) { return false; }
      @Override public String selectMethod(String cls, String name, List<String> params) { return null; }
      @Override public boolean declaresFunctionalInterface(String type) { return type.equals("com.acme.IOTriFunction"); }
    };
    java.util.function.BiConsumer<MethodIRBuilder, Var> apply =
        (b, v) -> Fx.call(b, b.temp("com.acme.IOTriFunction"), "com.acme.IOTriFunction", "apply", 15, v);
    assertEquals(List.of(HEAD + "IOTriFunction.apply takes an object: a primitive version of the project's functional"
        + " interface, taking the int, removes the box"), boxUsedBy(apply, Fx.defaults().withProgramFacts(ProgramFacts.NONE.withEngineResult(null, project))));
    // an interface the project does not declare is a signature it cannot change: information
    assertTrue(boxUsedBy(apply, Fx.defaults()).isEmpty());
  }

  @Test
  void aBoxKeptInALocalOfTheBoxTypeCanStayPrimitiveOneOfAWiderTypeCannot() {
    // only unboxed (the local is a receiver): it can stay primitive
    assertEquals(List.of(HEAD + "keep the value primitive (int)"), boxUsedBy((b, v) -> {
      Var local = b.local("count", "java.lang.Integer");
      b.copy(local, v, at(15));
      b.call(null, Fx.ref("java.lang.Integer", "intValue", "int", false), java.util.Arrays.asList(local), at(16));
    }, Fx.defaults()));
    // handed to List.add under a condition of its own: boxing there would box less often
    assertEquals(List.of(HEAD + "keep the value primitive (int)"), boxUsedBy((b, v) -> {
      Var local = b.local("count", "java.lang.Integer");
      b.copy(local, v, at(15));
      b.beginConditional();
      Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 16, local);
      b.endConditional();
    }, Fx.defaults()));
    assertEquals(List.of(HEAD + "a local of type Object holds an object, so the box is required (not a warning: i can change"
        + " on every iteration, so no local change removes the box; only a different structure would)"), boxUsedBy((b, v) -> {
          Var local = b.local("value", "java.lang.Object");
          b.copy(local, v, at(15));
        }, Fx.ctx(21, false, false, 2)));
  }

  @Test
  void aBoxKeptInALocalThatTheSameIterationHandsToListAddIsRequiredThere() {
    java.util.function.BiConsumer<MethodIRBuilder, Var> keptThenAdded = (b, v) -> {
      Var local = b.local("count", "java.lang.Integer");
      b.copy(local, v, at(15));
      Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 16, local);
    };
    // a forced box like list.add(i): information, naming the use's line
    assertTrue(boxUsedBy(keptThenAdded, Fx.defaults()).isEmpty());
    assertEquals(List.of(HEAD + "List.add takes an object (line 16), so the box is required (not a warning: i can change on"
        + " every iteration, so no local change removes the box; only a primitive collection or an array would)"),
        Fx.messages(boxFindings(keptThenAdded, Fx.ctx(21, false, false, 2), false, false)));
  }

  private static MethodResult outsideLoop(boolean hot, String annotation) {
    MethodIRBuilder b = Fx.method("add").hot(hot);
    if (annotation != null) b.annotation(annotation);
    b.param("this", "com.acme.OrderBook", at(10));
    box(b, "java.lang.Long", "long", null, 12);
    return Fx.Results.of(b.build()).build();
  }

  @Test
  void outsideLoopIsQuiet() {
    assertTrue(rule.check(outsideLoop(false, null), Fx.defaults()).isEmpty());
  }

  @Test
  void hotMethodIsReported() {
    assertEquals(List.of("boxing long to Long allocates in hot method OrderBook.add when the value is outside -128..127: "
        + "keep the value primitive (long)"),
        Fx.messages(rule.check(outsideLoop(true, null), Fx.defaults())));
  }

  @Test
  void hotAnnotationsCountEvenIfTheFrontEndDidNotSetHot() {
    assertEquals(1, rule.check(outsideLoop(false, "HotPath"), Fx.defaults()).size());
    RuleContext custom = new RuleContext(21, false, false, 1, Set.of("Critical"));
    assertEquals(1, rule.check(outsideLoop(false, "Critical"), custom).size());
    assertTrue(rule.check(outsideLoop(false, "Critical"), Fx.defaults()).isEmpty());
  }

  @Test
  void reportOutsideLoopsReportsEverywhere() {
    assertEquals(List.of("boxing long to Long allocates on every evaluation when the value is outside -128..127: "
        + "keep the value primitive (long)"),
        Fx.messages(rule.check(outsideLoop(false, null), Fx.ctx(21, false, true, 1))));
  }

  @Test
  void lambdaBodyInheritsTheEnclosingLoop() {
    MethodIRBuilder b = Fx.method("com.acme.OrderBook", "lambda$add$0", Fx.FILE, true)
        .synthetic(true).baseLoopDepth(1);
    box(b, "java.lang.Integer", "int", null, 20);
    List<Finding> fs = rule.check(Fx.Results.of(b.build()).build(), Fx.defaults());
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the enclosing loop when the value is outside -128..127: "
        + "keep the value primitive (int)"), Fx.messages(fs));
  }

  @Test
  void theMessageSaysWhenTheBoxAllocates() {
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the loop (line 14) (the constant 1000 is outside"
        + " -128..127): box the constant once, into a static final Integer"),
        Fx.messages(rule.check(inLoop("java.lang.Integer", "int", 1000L), Fx.defaults())));
    assertEquals(List.of("boxing char to Character allocates on every iteration of the loop (line 14) for characters above 127"
        + " (non-ASCII): keep the value primitive (char)"),
        Fx.messages(rule.check(inLoop("java.lang.Character", "char", null), Fx.defaults())));
    MethodIRBuilder b = Fx.method("add");
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("200"), null);
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(15),
        new AllocSite.Boxing("int", null, new dev.noescape.ir.Boxes.Range(0, 199)));
    b.endLoop();
    assertEquals(List.of("boxing int to Integer (values 0..199) allocates on every iteration of the loop (line 14) for its values"
        + " outside -128..127: keep the value primitive (int)"),
        Fx.messages(rule.check(Fx.Results.of(b.build()).build(), Fx.defaults())));
  }

  /** {@code for (…) { map.get(<value>); <between>; map.remove(<value>); }} with two boxes of {@code value}. */
  private List<Finding> boxedTwice(dev.noescape.ir.Boxes.Value first, dev.noescape.ir.Boxes.Value second, String betweenOwner) {
    return boxedTwice(first, second, betweenOwner, new String[0]);
  }

  /** {@link #boxedTwice} in a method with {@code int} parameters named {@code params}. */
  private List<Finding> boxedTwice(dev.noescape.ir.Boxes.Value first, dev.noescape.ir.Boxes.Value second, String betweenOwner,
      String... params) {
    MethodIRBuilder b = Fx.method("drain");
    for (String p : params) b.param(p, "int", at(10));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    Var map = b.temp("java.util.Map");
    Var k1 = b.temp("java.lang.Integer");
    b.alloc(k1, SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null, null, first));
    Fx.call(b, map, "java.util.Map", "get", 15, k1);
    if (betweenOwner != null) Fx.call(b, b.temp(betweenOwner), betweenOwner, "touch", 16);
    Var k2 = b.temp("java.lang.Integer");
    b.alloc(k2, SiteKind.BOXING, "java.lang.Integer", at(17), new AllocSite.Boxing("int", null, null, second));
    Fx.call(b, map, "java.util.Map", "remove", 17, k2);
    b.endLoop();
    return RuleRunner.run(Fx.Results.of(b.build()).build(), Fx.defaults(), Set.of(RuleId.BOXING_ALLOCATION));
  }

  @Test
  void aValueBoxedTwiceInOneIterationIsOneFindingAtTheFirstBox() {
    var i = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:3");
    List<Finding> fs = boxedTwice(i, i, null);
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the loop (line 14) when i is outside -128..127,"
        + " and i is boxed again on line 17: box it once (Integer key = i;) and reuse the box for Map.get and Map.remove"),
        Fx.messages(fs));
    assertEquals(15, fs.get(0).pos().line());
    // a write between (another version): two values, each required by the map and changing: no warning
    assertTrue(boxedTwice(i, new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:9"), null).isEmpty());
  }

  @Test
  void theOneBoxsLocalIsNamedSoItCompilesWhereTheLoopIs() {
    // commons-lang3 ArrayUtils.removeElements: the boxed local is itself called key (a char: no IR variable)
    var key = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "key", "key:3");
    assertTrue(Fx.messages(boxedTwice(key, key, null)).get(0).endsWith(
        "box it once (Integer boxed = key;) and reuse the box for Map.get and Map.remove"));
    assertTrue(Fx.messages(boxedTwice(key, key, null, "key")).get(0).endsWith(
        "box it once (Integer boxed = key;) and reuse the box for Map.get and Map.remove"));
    assertTrue(Fx.messages(boxedTwice(key, key, null, "key", "boxed")).get(0).endsWith(
        "box it once (Integer boxed2 = key;) and reuse the box for Map.get and Map.remove"));
  }

  @Test
  void aFieldReadAgainAfterACallIntoTheProgramIsAnotherValue() {
    var index = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.FIELD, "op.index", "index:-1/op:2");
    assertEquals(1, boxedTwice(index, index, "java.util.ArrayList").size(), "the JDK does not write the program's fields");
    assertEquals(2, boxedTwice(index, index, "com.acme.Renumber").size(), "program code may write op.index");
    var local = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:3");
    assertEquals(1, boxedTwice(local, local, "com.acme.Renumber").size(), "no call writes a local");
  }

  /**
   * {@code for (…) { <receiver>.<name>(a, b); }} in a hot method: two boxes as arguments of one call
   * (or, with {@code twoCalls}, one box each in two calls), run through the runner's grouping.
   */
  private static List<Finding> boxesOfOneCall(String owner, String name, String firstValue, String secondValue,
      boolean twoCalls) {
    MethodIRBuilder b = Fx.method("put");
    b.annotation("HotPath");
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    Var target = b.temp(owner);
    Var k = b.temp("java.lang.Integer");
    b.alloc(k, SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null, null, local(firstValue, 3)));
    Var v = b.temp("java.lang.Integer");
    b.alloc(v, SiteKind.BOXING, "java.lang.Integer", at(16), new AllocSite.Boxing("int", null, null, local(secondValue, 4)));
    if (twoCalls) {
      Fx.call(b, target, owner, name, 15, k);
      Fx.call(b, target, owner, name, 16, v);
    } else {
      Fx.call(b, target, owner, name, 15, k, v);
    }
    b.endLoop();
    return RuleRunner.run(Fx.Results.of(b.build()).build(), Fx.defaults(), Set.of(RuleId.BOXING_ALLOCATION));
  }

  /** Local {@code name} as a box's value, or no value (a call's result: "the value") when null. */
  private static dev.noescape.ir.Boxes.Value local(String name, int version) {
    return name == null ? null : new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, name, name + ":" + version);
  }

  @Test
  void theBoxesOfOnePlainCallAreOneFindingAtTheFirstNamingEveryBox() {
    List<Finding> fs = boxesOfOneCall("java.util.Map", "put", "key", "count", false);
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the loop (line 14) in hot method OrderBook.put"
        + " when key is outside -128..127; in the same call, boxing int to Integer when count is outside -128..127: for key:"
        + " Map.put takes an object, so the box is required and key can change on every iteration: only a primitive"
        + " collection or an array removes it; for count: Map.put takes an object, so the box is required and count can"
        + " change on every iteration: only a primitive collection or an array removes it"),
        Fx.messages(fs));
    assertEquals(15, fs.get(0).pos().line(), "reported at the first box, keeping its subject and baseline key");
    assertEquals("boxing int to Integer", fs.get(0).identity());
    // one call per box: two findings
    assertEquals(2, boxesOfOneCall("java.util.Map", "put", "key", "count", true).size());
  }

  @Test
  void oneAdviceWhenItCoversEveryBoxOfTheCall() {
    List<Finding> fs = boxesOfOneCall("com.acme.Sink", "accept", null, null, false);
    assertEquals(1, fs.size());
    String m = fs.get(0).message();
    assertTrue(m.endsWith("; in the same call, boxing int to Integer when the value is outside -128..127: Sink.accept takes an"
        + " object, so the box is required and the value can change on every iteration: only a different signature of"
        + " Sink.accept removes it"), m);
  }
}
