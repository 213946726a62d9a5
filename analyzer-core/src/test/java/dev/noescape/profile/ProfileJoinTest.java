package dev.noescape.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.backend.BackEnd;
import dev.noescape.catalog.RuleId;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import dev.noescape.models.JdkSummaries;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Attribution} and {@link ProfileJoin} on a hand-written program and hand-written stacks: where
 * each sample's bytes go and what verdict the place gets.
 *
 * <pre>
 * class app.Shop {
 *   static List fill(int n) {             // bcis as a class file would have them
 *     List list = new ArrayList();        // line 10, bci 0; its constructor call bci 4
 *     Integer boxed = Integer.valueOf(n); // line 12, bci 20
 *     list.add(boxed);                    // line 12, bci 23
 *     String.format(...);                 // line 13, bci 30
 *     Point p = new Point();              // line 15, bci 40 (does not escape)
 *     return list;                        // line 16
 *   }
 *   static void sum(int n) {               // as the javac front end lowers it: no bcis
 *     Integer.valueOf(n); Long.valueOf(n); // both on line 20
 *   }
 *   Object lambda$fill$0(String s) { return new Point(); } // line 30, bci 0; the JVM's descriptor has a captured int first
 * }
 * </pre>
 */
class ProfileJoinTest {
  static final String SHOP = "app.Shop";
  static final MethodRef FILL = new MethodRef(SHOP, "fill", List.of("int"), "java.util.List", true);
  static final MethodRef SUM = new MethodRef(SHOP, "sum", List.of("int"), "void", true);
  static final MethodRef LAMBDA = new MethodRef(SHOP, "lambda$fill$0", List.of("java.lang.String"), "java.lang.Object", false);

  static List<MethodResult> results;
  static AllocSite list;
  static AllocSite boxed;
  static AllocSite point;
  static AllocSite sumInteger;
  /** A constructor call without arguments ({@code new T()}): what the details of these sites are does not matter here. */
  static final AllocSite.Constructor PLAIN = new AllocSite.Constructor(List.of(), List.of(), "T", null);
  static AllocSite sumLong;
  static AllocSite lambdaPoint;

  @BeforeAll
  static void analyze() {
    MethodIRBuilder fill = new MethodIRBuilder(FILL, "Shop.fill", "app/Shop.java", SourcePos.line(9));
    fill.primitiveParam(SourcePos.line(9));
    Var l = fill.local("list", "java.util.ArrayList");
    list = fill.alloc(l, SiteKind.NEW_OBJECT, "java.util.ArrayList", at(10, 0), PLAIN);
    fill.call(null, new MethodRef("java.util.ArrayList", "<init>", List.of(), "void", false), List.of(l), at(10, 4));
    Var b = fill.local("boxed", "java.lang.Integer");
    boxed = fill.alloc(b, SiteKind.BOXING, "java.lang.Integer", at(12, 20), new AllocSite.Boxing("int", null));
    fill.call(null, new MethodRef("java.util.List", "add", List.of("java.lang.Object"), "boolean", false), List.of(l, b),
        at(12, 23));
    fill.call(fill.temp("java.lang.String"), new MethodRef("java.lang.String", "format",
        List.of("java.lang.String", "java.lang.Object[]"), "java.lang.String", true), java.util.Arrays.asList(null, null),
        at(13, 30));
    Var p = fill.local("p", "app.Point");
    point = fill.alloc(p, SiteKind.NEW_OBJECT, "app.Point", at(15, 40), PLAIN);
    fill.ret(l, SourcePos.line(16));

    MethodIRBuilder sum = new MethodIRBuilder(SUM, "Shop.sum", "app/Shop.java", SourcePos.line(19));
    sum.primitiveParam(SourcePos.line(19));
    sumInteger = sum.alloc(sum.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer",
        SourcePos.of(20, 5), new AllocSite.Boxing("int", null));
    sumLong = sum.alloc(sum.temp("java.lang.Long"), SiteKind.BOXING, "java.lang.Long",
        SourcePos.of(20, 25), new AllocSite.Boxing("long", null));

    MethodIRBuilder lambda = new MethodIRBuilder(LAMBDA, "lambda in Shop.fill", "app/Shop.java", SourcePos.line(30))
        .synthetic(true);
    lambda.param("this", SHOP, SourcePos.line(30));
    lambda.param("s", "java.lang.String", SourcePos.line(30));
    Var q = lambda.local("q", "app.Point");
    lambdaPoint = lambda.alloc(q, SiteKind.NEW_OBJECT, "app.Point", at(30, 0), PLAIN);
    lambda.ret(q, SourcePos.line(30));

    Program program = new Program(List.of(fill.build(), sum.build(), lambda.build()));
    results = BackEnd.run(new BackEnd.Input(program, JdkSummaries.library(), SummaryProvider.NONE, RuleContext.defaults(),
        Set.of())).result().methods();
  }

  static SourcePos at(int line, int bci) {
    return SourcePos.line(line).withBci(bci);
  }

  static Frame fill(int line, int bci) {
    return new Frame(SHOP, "fill", "(I)Ljava/util/List;", line, bci);
  }

  static Frame jdk(String type, String method) {
    return new Frame(type, method, "()V", 100, 7);
  }

  static StackSample sample(String objectClass, long bytes, Frame... frames) {
    return new StackSample(List.of(frames), objectClass, bytes, 1, false);
  }

  /** The stacks of the tests, and what each is: see the assertions. */
  static final List<StackSample> STACKS = List.of(
      sample("app.Point", 1_000, fill(15, 40)),
      sample("java.lang.Object[]", 500, jdk("java.util.Arrays", "copyOf"), jdk("java.util.ArrayList", "grow"),
          jdk("java.util.ArrayList", "add"), fill(12, 23)),
      sample("java.lang.Object[]", 60, jdk("java.util.ArrayList", "<init>"), fill(10, 4)),
      sample("java.util.ArrayList", 40, fill(10, 0)),
      sample("java.lang.Integer", 300, jdk("java.lang.Integer", "valueOf"), fill(12, 20)),
      sample("char[]", 200, jdk("java.util.Formatter", "format"), jdk("java.lang.String", "format"), fill(13, 30)),
      sample("byte[]", 50, fill(99, 77)),
      sample("java.lang.Long", 120, new Frame("java.lang.Long", "valueOf", "(J)Ljava/lang/Long;", 1000, 31),
          new Frame(SHOP, "sum", "(I)V", 20, 12)),
      sample("app.Point", 80, new Frame("app.Shop$$Lambda.0x0000000800c01234", "apply", "(Ljava/lang/Object;)Ljava/lang/Object;", 0, 5),
          new Frame(SHOP, "lambda$fill$0", "(ILjava/lang/String;)Ljava/lang/Object;", 30, 0), fill(17, 60)),
      sample("byte[]", 30, new Frame("app.Other", "run", "()V", 5, 2)),
      sample("int[]", 700, jdk("java.lang.Thread", "run")));

  static ProfileRanking rank() {
    AllocationProfile profile = new AllocationProfile(List.of("app.jfr"), STACKS,
        STACKS.stream().mapToLong(StackSample::bytes).sum(), STACKS.size(), List.of());
    return ProfileJoin.join(profile, Set.of(SHOP, "app.Other")::contains, results, RuntimePredictor.NONE);
  }

  static HotSite siteAt(ProfileRanking r, String methodKey, int line, Class<? extends Verdict> kind) {
    return r.sites().stream()
        .filter(s -> s.methodKey().equals(methodKey) && s.line() == line && kind.isInstance(s.verdict()))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " at " + line + ": " + r.sites()));
  }

  @Test
  void samplesOutsideTheProgramAreCountedApart() {
    ProfileRanking r = rank();
    assertEquals(3_080, r.sampledBytes());
    assertEquals(700, r.outsideBytes());
    assertEquals(2_380, r.programBytes());
    assertEquals(r.programBytes(), r.sites().stream().mapToLong(HotSite::bytes).sum());
  }

  @Test
  void anAllocationAtASiteGetsTheEnginesVerdict() {
    HotSite p = siteAt(rank(), FILL.key(), 15, Verdict.Site.class);
    assertEquals(point.id(), p.siteId());
    assertEquals(1_000, p.bytes());
    assertEquals(EscapeState.NO_ESCAPE, ((Verdict.Site) p.verdict()).state());
    assertEquals(Optional.empty(), ((Verdict.Site) p.verdict()).runtime());
    assertFalse(p.byLine());
    assertEquals(rank().sites().get(0), p, "the heaviest place comes first");
  }

  @Test
  void whatTheJdkAllocatesToFillAListBelongsToTheList() {
    HotSite l = siteAt(rank(), FILL.key(), 10, Verdict.Site.class);
    assertEquals(list.id(), l.siteId());
    assertEquals(600, l.bytes(), "the list itself, its constructor's array and the arrays add grows");
    assertEquals(560, l.insideBytes());
    assertEquals(EscapeState.GLOBAL_ESCAPE, ((Verdict.Site) l.verdict()).state(), "returned");
    HotSite.Part grow = l.parts().get(0);
    assertEquals("java.lang.Object[]", grow.objectClass());
    assertEquals(List.of("add", "grow", "copyOf"), grow.via().stream().map(Frame::method).toList(),
        "the path from the call the line makes to the allocating frame");
  }

  @Test
  void boxingInsideValueOfBelongsToTheBoxingSite() {
    HotSite b = siteAt(rank(), FILL.key(), 12, Verdict.Site.class);
    assertEquals(boxed.id(), b.siteId());
    assertEquals(300, b.bytes());
  }

  @Test
  void aCalleesOwnAllocationIsExplainedByTheCall() {
    HotSite f = siteAt(rank(), FILL.key(), 13, Verdict.InsideCallee.class);
    assertEquals(new Verdict.InsideCallee("String.format", true), f.verdict());
    assertEquals(30, f.bci());
    assertEquals("call to String.format", f.what());
  }

  @Test
  void withoutBytecodeOffsetsTheLineAndTheCalleeChooseTheSite() {
    HotSite s = siteAt(rank(), SUM.key(), 20, Verdict.Site.class);
    assertEquals(sumLong.id(), s.siteId(), "Long.valueOf made a Long: the Long boxing of the line, not the Integer one");
    assertTrue(s.byLine());
  }

  @Test
  void aLambdaBodyIsFoundByNameThoughTheEngineDropsItsCapturedParameters() {
    HotSite s = siteAt(rank(), LAMBDA.key(), 30, Verdict.Site.class);
    assertEquals(lambdaPoint.id(), s.siteId());
    assertEquals(80, s.bytes(), "the lambda proxy's frame is not the program's: the body's frame is");
  }

  @Test
  void placesTheAnalysisHasNothingForAreNotExplained() {
    ProfileRanking r = rank();
    HotSite nothing = siteAt(r, FILL.key(), 99, Verdict.Unmatched.class);
    assertEquals(new Verdict.Unmatched("no allocation site of byte[] on this line"), nothing.verdict());
    HotSite other = siteAt(r, "app.Other#run()", 5, Verdict.Unmatched.class);
    assertEquals(new Verdict.Unmatched("method not analyzed"), other.verdict());
    assertEquals("app/Other.java", other.file());
    assertEquals(r.programBytes() - 80, r.explainedBytes());
  }

  @Test
  void aFindingWeighsWhatItsSiteWeighs() {
    ProfileRanking r = rank();
    Finding onList = new Finding(RuleId.UNPRESIZED_COLLECTION, RuleId.UNPRESIZED_COLLECTION.defaultSeverity(), "app/Shop.java",
        SourcePos.line(10), "new ArrayList<>() grows …", List.of(), 0, null, FILL, new Subject.Site(list));
    assertEquals(600, r.bytesOf(onList));
    assertEquals("measured: 600 B, 25.2 % of the sampled program bytes", r.measured(onList));
    Finding elsewhere = new Finding(RuleId.BOXING_ALLOCATION, RuleId.BOXING_ALLOCATION.defaultSeverity(), "app/Shop.java",
        SourcePos.line(20), "boxing …", List.of(), 0, null, SUM, new Subject.Site(sumInteger));
    assertEquals(0, r.bytesOf(elsewhere));
    assertEquals(null, r.measured(elsewhere));
  }

  @Test
  void theSameInputGivesTheSameRanking() {
    List<StackSample> reversed = new ArrayList<>(STACKS);
    java.util.Collections.reverse(reversed);
    AllocationProfile other = new AllocationProfile(List.of("app.jfr"), reversed,
        STACKS.stream().mapToLong(StackSample::bytes).sum(), STACKS.size(), List.of());
    ProfileRanking again = ProfileJoin.join(other, Set.of(SHOP, "app.Other")::contains, results, RuntimePredictor.NONE);
    assertEquals(rank().sites(), again.sites());
  }

  @Test
  void aRuntimePredictionIsShownForSitesThatDoNotEscape() {
    AllocationProfile profile = new AllocationProfile(List.of("app.jfr"), List.of(STACKS.get(0), STACKS.get(3)), 1_040, 2,
        List.of());
    RuntimePrediction heap = new RuntimePrediction(RuntimePrediction.Outcome.HEAP, "the array length is not a constant");
    ProfileRanking r = ProfileJoin.join(profile, Set.of(SHOP)::contains, results, (m, s) -> Optional.of(heap));
    assertEquals(Optional.of(heap), ((Verdict.Site) siteAt(r, FILL.key(), 15, Verdict.Site.class).verdict()).runtime());
    assertEquals(Optional.empty(), ((Verdict.Site) siteAt(r, FILL.key(), 10, Verdict.Site.class).verdict()).runtime(),
        "an escaping site needs no prediction");
  }
}
