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
    MethodIRBuilder b = Fx.method("add");
    Var self = b.param("this", "com.acme.OrderBook", at(10));
    b.beginLoop(LoopKind.FOR, at(14), SymbolicExpr.of("n"), null);
    Var v = b.temp("java.lang.Integer");
    b.alloc(v, SiteKind.BOXING, "java.lang.Integer", at(15), new AllocSite.Boxing("int", null));
    use.accept(b, v);
    b.endLoop();
    return Fx.messages(rule.check(Fx.Results.of(b.build()).build(), c));
  }

  @Test
  void aBoxAnObjectParameterTakesIsRequired() {
    String head = "boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: ";
    assertEquals(List.of(head + "List.add takes an object, so the box is required: "
        + "box it once before the loop if the value is the same on every iteration; otherwise only a different structure"
        + " removes it (a primitive array, or a primitive collection library, which the project does not depend on)"),
        boxUsedBy((b, v) -> Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 15, v), Fx.defaults()));
    // a primitive collection is offered only to a project that has one
    assertEquals(List.of(head + "List.add takes an object, so the box is required: "
        + "box it once before the loop if the value is the same on every iteration, or use a primitive collection (fastutil)"),
        boxUsedBy((b, v) -> Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 15, v),
            Fx.defaults().withPrimitiveCollections("fastutil")));
  }

  @Test
  void aBoxReturnedStoredOrPutInAnArrayIsRequired() {
    String head = "boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: ";
    String once = ", so the box is required: box it once before the loop if the value is the same on every iteration";
    assertEquals(List.of(head + "the method returns an object" + once), boxUsedBy((b, v) -> b.ret(v, at(15)), Fx.defaults()));
    assertEquals(List.of(head + "field OrderBook.last holds an object" + once),
        boxUsedBy((b, v) -> b.staticStore(new dev.noescape.ir.FieldRef("com.acme.OrderBook", "last", true), v, at(15)),
            Fx.defaults()));
    assertEquals(List.of(head + "an array of objects holds it" + once),
        boxUsedBy((b, v) -> b.store(b.temp("java.lang.Object[]"), dev.noescape.ir.FieldRef.ARRAY_ELEMENT, v, at(15)),
            Fx.defaults()));
  }

  @Test
  void aBoxPassedToAJavaUtilFunctionInterfaceHasAPrimitiveSpecialization() {
    assertEquals(List.of("boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: "
        + "Predicate.test takes an object: a primitive IntPredicate takes the int without a box"),
        boxUsedBy((b, v) -> Fx.call(b, b.temp("java.util.function.Predicate"), "java.util.function.Predicate", "test", 15, v),
            Fx.defaults()));
  }

  @Test
  void aBoxKeptInALocalOfTheBoxTypeCanStayPrimitiveOneOfAWiderTypeCannot() {
    String head = "boxing int to Integer allocates on every iteration of the loop (line 14) when the value is outside -128..127: ";
    assertEquals(List.of(head + "keep the value primitive (int)"), boxUsedBy((b, v) -> {
      Var local = b.local("count", "java.lang.Integer");
      b.copy(local, v, at(15));
      Fx.call(b, b.temp("java.util.List"), "java.util.List", "add", 16, local);
    }, Fx.defaults()));
    assertEquals(List.of(head + "a local of type Object holds an object, so the box is required: "
        + "box it once before the loop if the value is the same on every iteration"), boxUsedBy((b, v) -> {
          Var local = b.local("value", "java.lang.Object");
          b.copy(local, v, at(15));
        }, Fx.defaults()));
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
    MethodIRBuilder b = Fx.method("drain");
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
    // a write between (another version): two values, two findings
    assertEquals(2, boxedTwice(i, new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:9"), null).size());
  }

  @Test
  void aFieldReadAgainAfterACallIntoTheProgramIsAnotherValue() {
    var index = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.FIELD, "op.index", "index:-1/op:2");
    assertEquals(1, boxedTwice(index, index, "java.util.ArrayList").size(), "the JDK does not write the program's fields");
    assertEquals(2, boxedTwice(index, index, "com.acme.Renumber").size(), "program code may write op.index");
    var local = new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.LOCAL, "i", "i:3");
    assertEquals(1, boxedTwice(local, local, "com.acme.Renumber").size(), "no call writes a local");
  }
}
