package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link AllocationContractRule} over hand-written IR analyzed by the real engine. */
class AllocationContractRuleTest {
  private static final String OWNER = "com.acme.Engine";
  private static final String FILE = "src/main/java/com/acme/Engine.java";
  private static final String HEAD = "@NoAllocation method Engine.onTick ";

  /** Library summaries: ArrayList.add may allocate, Math.max does not; nothing else is known. */
  private static final SummaryProvider LIBRARY = m -> switch (m.key()) {
    case "java.util.ArrayList#add(java.lang.Object)" ->
        Optional.of(new MethodSummary(List.of(ParamTag.NONE, ParamTag.GLOBAL), false, Allocates.YES, "model"));
    case "java.lang.Math#max(int,int)" -> Optional.of(new MethodSummary(List.of(), false, Allocates.NO, "model"));
    case "java.util.List#iterator()" ->
        Optional.of(new MethodSummary(List.of(ParamTag.NONE), true, Allocates.YES, "model"));
    default -> Optional.empty();
  };

  private static MethodIRBuilder method(String name, boolean contract) {
    return method(OWNER, name, FILE, contract);
  }

  private static MethodIRBuilder method(String owner, String name, String file, boolean contract) {
    MethodIRBuilder b = new MethodIRBuilder(new MethodRef(owner, name, List.of(), "void", true),
        owner.substring(owner.lastIndexOf('.') + 1) + "." + name, file, SourcePos.line(1));
    if (contract) b.annotation("NoAllocation").hot(true);
    return b;
  }

  private static MethodRef staticRef(String owner, String name, String... params) {
    return new MethodRef(owner, name, Arrays.asList(params), "void", true);
  }

  private static AllocSite newArray(MethodIRBuilder b, int line) {
    return b.alloc(b.temp("int[]"), SiteKind.NEW_ARRAY, "int[]", SourcePos.of(line, 5), new AllocSite.NewArray("4", false, null));
  }

  private static List<Finding> run(RuleContext ctx, MethodIR... methods) {
    AnalysisResult r = new EscapeAnalysis(LIBRARY).analyze(new Program(List.of(methods)));
    return new AllocationContractRule(LIBRARY).check(r, ctx);
  }

  private static List<Finding> run(MethodIR... methods) {
    return run(RuleContext.defaults(), methods);
  }

  private static List<String> messages(List<Finding> fs) {
    List<String> out = new ArrayList<>();
    for (Finding f : fs) out.add(f.pos().line() + " " + f.message());
    return out;
  }

  @Test
  void directAllocationIsAnErrorAtItsLine() {
    MethodIRBuilder b = method("onTick", true);
    newArray(b, 7);
    List<Finding> fs = run(b.build());
    assertEquals(List.of("7 " + HEAD + "allocates new int[4]"), messages(fs));
    Finding f = fs.get(0);
    assertEquals(RuleId.ALLOCATION_CONTRACT, f.rule());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(0, f.siteId());
  }

  @Test
  void methodsWithoutContractAreNotChecked() {
    MethodIRBuilder b = method("onTick", false);
    newArray(b, 7);
    assertTrue(run(b.build()).isEmpty());
  }

  @Test
  void cachedBoxesAndTheThrowOperandAreAllowed() {
    MethodIRBuilder b = method("onTick", true);
    b.alloc(b.temp("java.lang.Boolean"), SiteKind.BOXING, "java.lang.Boolean", SourcePos.of(3, 5), new AllocSite.Boxing("boolean", null));
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", SourcePos.of(4, 5), new AllocSite.Boxing("int", 7L));
    b.alloc(b.temp("java.lang.Double"), SiteKind.BOXING, "java.lang.Double", SourcePos.of(5, 5), new AllocSite.Boxing("double", null));
    b.beginThrow();
    Var ex = b.temp("java.lang.IllegalStateException");
    b.alloc(ex, SiteKind.NEW_OBJECT, "java.lang.IllegalStateException", SourcePos.of(6, 13),
        new AllocSite.Constructor(List.of(), List.of(), "IllegalStateException", "new IllegalStateException(…)"));
    b.call(null, new MethodRef("java.lang.IllegalStateException", "<init>", List.of(), "void", false), List.of(ex),
        SourcePos.of(6, 13));
    b.thr(ex, SourcePos.of(6, 7));
    b.endThrow();
    assertEquals(List.of("5 " + HEAD + "boxes double to Double"), messages(run(b.build())));
  }

  @Test
  void calleesAreFollowedDownToTheAllocatingLine() {
    MethodIRBuilder helper = method("helper", false);
    helper.call(null, staticRef("java.lang.Math", "max", "int", "int"), Arrays.asList((Var) null, null), SourcePos.of(19, 5));
    helper.call(null, staticRef(OWNER, "leaf"), List.of(), SourcePos.of(20, 5));
    MethodIRBuilder leaf = method("leaf", false);
    newArray(leaf, 30);
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef(OWNER, "helper"), List.of(), SourcePos.of(10, 5));
    List<Finding> fs = run(b.build(), helper.build(), leaf.build());
    assertEquals(List.of("10 " + HEAD + "calls Engine.helper (line 10) → Engine.helper calls Engine.leaf (line 20)"
        + " → Engine.leaf allocates new int[4] (line 30)"), messages(fs));
    assertEquals(List.of(10, 20, 30), fs.get(0).reasons().stream().map(r -> r.pos().line()).toList());
  }

  @Test
  void aMegamorphicCallIsUnknownAsTheEngineResolvesIt() {
    // 33 implementations, none allocating: the engine does not follow such a call (its summary
    // says unknown), so the contract cannot rely on the bodies either.
    List<MethodIR> all = new ArrayList<>();
    List<MethodRef> overrides = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      MethodRef r = new MethodRef("com.acme.H" + i, "handle", List.of(), "void", false);
      overrides.add(r);
      MethodIRBuilder h = new MethodIRBuilder(r, "H" + i + ".handle", FILE, SourcePos.line(1));
      h.param("this", "com.acme.H" + i, SourcePos.line(1));
      all.add(h.build());
    }
    MethodIRBuilder b = method("onTick", true);
    b.call(null, new MethodRef("com.acme.Handler", "handle", List.of(), "void", false), List.of(b.temp("com.acme.Handler")),
        List.of(), false, overrides, SourcePos.of(10, 5));
    all.add(0, b.build());
    assertEquals(List.of("10 " + HEAD + "calls Handler.handle (unknown: megamorphic (33 implementations))"),
        messages(run(all.toArray(MethodIR[]::new))));
  }

  @Test
  void aCalleeThatOnlyComputesIsFine() {
    MethodIRBuilder helper = method("helper", false);
    helper.call(null, staticRef("java.lang.Math", "max", "int", "int"), Arrays.asList((Var) null, null), SourcePos.of(19, 5));
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef(OWNER, "helper"), List.of(), SourcePos.of(10, 5));
    assertTrue(run(b.build(), helper.build()).isEmpty());
  }

  @Test
  void libraryCallsEndThePath() {
    MethodIRBuilder b = method("onTick", true);
    Var list = b.temp("java.util.ArrayList");
    Var item = b.temp("java.lang.Object");
    b.call(null, new MethodRef("java.util.ArrayList", "add", List.of("java.lang.Object"), "boolean", false),
        List.of(list, item), SourcePos.of(3, 5));
    b.call(null, staticRef("com.other.Lib", "run"), List.of(), SourcePos.of(4, 5));
    b.call(null, staticRef("java.lang.Math", "max", "int", "int"), Arrays.asList((Var) null, null), SourcePos.of(5, 5));
    Var l = b.temp("java.util.List");
    b.call(b.temp("java.util.Iterator"), new MethodRef("java.util.List", "iterator", List.of(), "java.util.Iterator", false),
        List.of(l), SourcePos.of(6, 5));
    assertEquals(List.of(
        "3 " + HEAD + "calls ArrayList.add (may allocate)",
        "4 " + HEAD + "calls Lib.run (unknown: no summary)",
        "6 " + HEAD + "creates an Iterator: calls List.iterator (may allocate)"), messages(run(b.build())));
  }

  @Test
  void openDispatchToAProgramMethodIsUnknown() {
    MethodIRBuilder helper = method("helper", false);
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef(OWNER, "helper"), List.of(), List.of(), true, List.of(), SourcePos.of(10, 5));
    assertEquals(List.of("10 " + HEAD + "calls Engine.helper (unknown: may be overridden outside the analyzed code)"),
        messages(run(b.build(), helper.build())));
  }

  @Test
  void aShippedSummaryAnswersOnlyWhereDispatchIsClosed() {
    // A jar's summary describes one body: the engine uses it for closed calls only, and so must the rule.
    SummaryProvider shipped = m -> m.key().equals("com.dep.Lib#quiet()")
        ? Optional.of(new MethodSummary(List.of(), false, Allocates.NO, "computed")) : Optional.empty();
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef("com.dep.Lib", "quiet"), List.of(), SourcePos.of(10, 5));
    b.call(null, staticRef("com.dep.Lib", "quiet"), List.of(), List.of(), true, List.of(), SourcePos.of(20, 5));
    AnalysisResult r = new EscapeAnalysis(LIBRARY, shipped).analyze(new Program(List.of(b.build())));
    assertEquals(List.of("20 " + HEAD + "calls Lib.quiet (unknown: no summary)"),
        messages(new AllocationContractRule(LIBRARY, shipped).check(r, RuleContext.defaults())));
  }

  @Test
  void recursionAllocatesOnlyWhenAMemberDoes() {
    MethodIRBuilder a = method("a", false);
    a.call(null, staticRef(OWNER, "b"), List.of(), SourcePos.of(20, 5));
    MethodIRBuilder bb = method("b", false);
    bb.call(null, staticRef(OWNER, "a"), List.of(), SourcePos.of(30, 5));
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef(OWNER, "a"), List.of(), SourcePos.of(10, 5));
    assertTrue(run(b.build(), a.build(), bb.build()).isEmpty());

    MethodIRBuilder a2 = method("a", false);
    a2.call(null, staticRef(OWNER, "b"), List.of(), SourcePos.of(20, 5));
    MethodIRBuilder b2 = method("b", false);
    b2.call(null, staticRef(OWNER, "a"), List.of(), SourcePos.of(30, 5));
    newArray(b2, 31);
    MethodIRBuilder c = method("onTick", true);
    c.call(null, staticRef(OWNER, "a"), List.of(), SourcePos.of(10, 5));
    assertEquals(List.of("10 " + HEAD + "calls Engine.a (line 10) → Engine.a calls Engine.b (line 20)"
        + " → Engine.b allocates new int[4] (line 31)"), messages(run(c.build(), a2.build(), b2.build())));
  }

  @Test
  void nonEscapingAllocationsOnlyWithTheOption() {
    MethodIRBuilder b = method("onTick", true);
    newArray(b, 7); // nothing uses it: NoEscape
    MethodIR m = b.build();
    assertEquals(1, run(m).size());
    assertTrue(run(RuleContext.defaults().withContractAllowsNoEscape(true), m).isEmpty());

    // Returned: it escapes, so the option does not allow it.
    MethodIRBuilder e = method("onTick", true);
    Var arr = e.temp("int[]");
    e.alloc(arr, SiteKind.NEW_ARRAY, "int[]", SourcePos.of(8, 5), new AllocSite.NewArray("4", false, null));
    e.ret(arr, SourcePos.of(9, 5));
    assertEquals(List.of("8 " + HEAD + "allocates new int[4]"),
        messages(run(RuleContext.defaults().withContractAllowsNoEscape(true), e.build())));
  }

  @Test
  void anOverrideInheritsTheContract() {
    MethodIRBuilder b = method("onTick", false);
    newArray(b, 7);
    MethodIR m = b.build().withInheritedContract("Handler.onTick");
    assertEquals(List.of("7 @NoAllocation method Engine.onTick (contract inherited from Handler.onTick) allocates new int[4]"),
        messages(run(m)));
    assertTrue(m.hot());
  }

  @Test
  void aCalleeInAnotherFileIsNamedInTheText() {
    MethodIRBuilder other = method("com.acme.Pricing", "spread", "src/main/java/com/acme/Pricing.java", false);
    newArray(other, 9);
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef("com.acme.Pricing", "spread"), List.of(), SourcePos.of(10, 5));
    List<Finding> fs = run(b.build(), other.build());
    assertEquals(List.of("10 " + HEAD + "calls Pricing.spread (line 10) → Pricing.spread allocates new int[4] (Pricing.java:9)"),
        messages(fs));
    assertEquals(null, fs.get(0).reasons().get(1).pos());
  }

  @Test
  void oneFindingPerExpressionPreferringTheAllocation() {
    MethodIRBuilder b = method("onTick", true);
    b.call(null, staticRef("com.other.Lib", "run"), List.of(), SourcePos.of(7, 5));
    newArray(b, 7);
    assertEquals(List.of("7 " + HEAD + "allocates new int[4]"), messages(run(b.build())));
  }

  @Test
  void theRunnerRunsItWhenEnabled() {
    MethodIRBuilder b = method("onTick", true);
    newArray(b, 7);
    AnalysisResult r = new EscapeAnalysis(LIBRARY).analyze(new Program(List.of(b.build())));
    assertEquals(1, RuleRunner.run(r, LIBRARY, RuleContext.defaults(), EnumSet.of(RuleId.ALLOCATION_CONTRACT)).size());
    assertTrue(RuleRunner.run(r, LIBRARY, RuleContext.defaults(), EnumSet.of(RuleId.BOXING_ALLOCATION)).stream()
        .noneMatch(f -> f.rule() == RuleId.ALLOCATION_CONTRACT));
    assertTrue(RuleRunner.run(new AnalysisResult(List.of(), Map.of()), LIBRARY, RuleContext.defaults(),
        Set.of(RuleId.ALLOCATION_CONTRACT)).isEmpty());
  }
}
