package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a call allocates on every call ({@link CallAllocations}): the lower bound's edges that the
 * corpus ({@code varargs/AllocatingCallees.java}, both front ends) does not reach: recursion, a
 * call chain deeper than the walk follows, allocations under a condition.
 */
class CallAllocationsTest {
  static final String T = "t.T";
  static final String OBJ = "java.lang.Object";

  static MethodRef callee(String name) {
    return new MethodRef(T, name, List.of(OBJ + "[]"), OBJ, true);
  }

  static MethodIRBuilder method(MethodRef ref) {
    return new MethodIRBuilder(ref, ref.displayName(), "T.java", SourcePos.line(1));
  }

  static void newObject(MethodIRBuilder b, int line) {
    b.alloc(b.temp(OBJ), SiteKind.NEW_OBJECT, OBJ, SourcePos.line(line),
        new AllocSite.Constructor(List.of(), List.of(), "Object", null));
  }

  /** {@code static Object name(Object... a)}: {@code objects} allocations, then a call of each of {@code calls}. */
  static MethodIR allocating(String name, int objects, boolean conditional, String... calls) {
    MethodIRBuilder b = method(callee(name));
    Var a = b.param("a", OBJ + "[]", SourcePos.line(1));
    if (conditional) b.beginConditional();
    for (int i = 0; i < objects; i++) newObject(b, 2 + i);
    if (conditional) b.endConditional();
    for (String c : calls) b.call(null, callee(c), List.of(a), SourcePos.line(20));
    return b.build();
  }

  /** {@code static void caller()}: one varargs call of {@code name} (line 5). */
  static MethodIR caller(String name) {
    MethodIRBuilder b = method(new MethodRef(T, "caller", List.of(), "void", true));
    Var array = b.temp(OBJ + "[]");
    b.alloc(array, SiteKind.VARARGS_ARRAY, OBJ + "[]", SourcePos.line(5), new AllocSite.Varargs(callee(name), 1));
    b.call(null, callee(name), List.of(array), SourcePos.line(5));
    return b.build();
  }

  static int floor(List<MethodIR> program) {
    AnalysisResult r = new EscapeAnalysis(SummaryProvider.NONE).analyze(new Program(program, null, Set.of(), true));
    MethodIR caller = r.methods().stream().map(m -> m.method()).filter(m -> m.ref().name().equals("caller")).findFirst().orElseThrow();
    AllocSite array = caller.sites().get(0);
    return CallAllocations.of(r, SummaryProvider.NONE, SummaryProvider.NONE).ofVarargsCall(caller, array).objects();
  }

  @Test
  void countsTheCalleeAndWhatItCallsOnEveryCall() {
    assertEquals(5, floor(List.of(caller("emit"), allocating("emit", 2, false, "block"), allocating("block", 3, false))));
  }

  /**
   * {@code static Object copy(Object... a)}: {@code Collections.unmodifiableSet(new HashSet<>(Arrays.asList(a)))}:
   * the set's own site, the HashMap its constructor makes and the list wrapper; the unmodifiable
   * wrapper counts nothing (it may return its argument).
   */
  static MethodIR copying(String name) {
    MethodIRBuilder b = method(callee(name));
    Var a = b.param("a", OBJ + "[]", SourcePos.line(1));
    Var list = b.temp("java.util.List");
    b.call(list, new MethodRef("java.util.Arrays", "asList", List.of(OBJ + "[]"), "java.util.List", true), List.of(a), SourcePos.line(2));
    Var set = b.temp("java.util.HashSet");
    b.alloc(set, SiteKind.NEW_OBJECT, "java.util.HashSet", SourcePos.line(2),
        new AllocSite.Constructor(List.of(), List.of(), "HashSet", null));
    b.call(null, new MethodRef("java.util.HashSet", MethodRef.CONSTRUCTOR, List.of("java.util.Collection"), "void", false),
        List.of(set, list), SourcePos.line(2));
    b.call(b.temp("java.util.Set"), new MethodRef("java.util.Collections", "unmodifiableSet", List.of("java.util.Set"),
        "java.util.Set", true), List.of(set), SourcePos.line(2));
    return b.build();
  }

  @Test
  void aListedLibraryCallAddsWhatItAllocatesInside() {
    assertEquals(3, floor(List.of(caller("copy"), copying("copy"))));
  }

  @Test
  void allocationsUnderAConditionCountNothing() {
    assertEquals(1, floor(List.of(caller("emit"), allocating("emit", 1, false, "block"), allocating("block", 3, true))));
  }

  @Test
  void recursionAddsNothing() {
    // emit -> block -> emit: each member's own allocations count once, the way back adds nothing
    assertEquals(5, floor(List.of(caller("emit"), allocating("emit", 2, false, "block"), allocating("block", 3, false, "emit"))));
    assertEquals(2, floor(List.of(caller("emit"), allocating("emit", 2, false, "emit"))));
  }

  @Test
  void aChainDeeperThanTheWalkCountsOnlyWhatItFollows() {
    int n = 400;
    List<MethodIR> ms = new ArrayList<>();
    ms.add(caller("m0"));
    for (int i = 0; i < n; i++) ms.add(allocating("m" + i, 1, false, i + 1 < n ? new String[] {"m" + (i + 1)} : new String[0]));
    // no stack overflow, and a lower bound: the methods the walk reached, no more
    assertEquals(CallAllocations.MAX_DEPTH, floor(ms));
  }
}
