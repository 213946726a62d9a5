package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.ErrorProneFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The {@code -XepOpt:NoEscape:...} options, parsed and in effect. */
class OptionsTest {

  // ---- parsing ----

  @Test
  void defaults() {
    NoEscapeOptions o = NoEscapeOptions.fromFlags(ErrorProneFlags.empty());
    assertEquals(1, o.verbosity());
    assertFalse(o.reportOutsideLoops());
    assertFalse(o.contractAllowsNoEscape());
    assertFalse(o.expectedEscapes());
    assertEquals(Set.of(), o.hotAnnotations());
    assertEquals(Set.of("HotPath", "NoAllocation"), o.allHotAnnotations());
    assertTrue(o.problems().isEmpty());
  }

  @Test
  void parsesAllOptions() {
    NoEscapeOptions o = NoEscapeOptions.fromFlags(ErrorProneFlags.fromMap(Map.of(
        "NoEscape:Verbosity", "2",
        "NoEscape:ReportOutsideLoops", "true",
        "NoEscape:ContractAllowsNoEscape", "true",
        "NoEscape:ExpectedEscapes", "true",
        "NoEscape:HotAnnotations", "Fast, com.acme.Critical,,@Latency")));
    assertEquals(2, o.verbosity());
    assertTrue(o.reportOutsideLoops());
    assertTrue(o.contractAllowsNoEscape());
    assertTrue(o.expectedEscapes());
    assertEquals(Set.of("Fast", "Critical", "Latency"), o.hotAnnotations());
    assertEquals(Set.of("HotPath", "NoAllocation", "Fast", "Critical", "Latency"), o.allHotAnnotations());
    assertTrue(o.problems().isEmpty());
  }

  @Test
  void malformedValuesFallBackToDefaultsAndAreReported() {
    NoEscapeOptions o = NoEscapeOptions.fromFlags(ErrorProneFlags.fromMap(Map.of(
        "NoEscape:Verbosity", "loud",
        "NoEscape:ReportOutsideLoops", "sometimes",
        "NoEscape:ContractAllowsNoEscape", "maybe",
        "NoEscape:ExpectedEscapes", "perhaps")));
    assertEquals(1, o.verbosity());
    assertFalse(o.reportOutsideLoops());
    assertFalse(o.contractAllowsNoEscape());
    assertFalse(o.expectedEscapes());
    assertEquals(4, o.problems().size(), o.problems().toString());
    assertEquals(1, NoEscapeOptions.fromFlags(ErrorProneFlags.fromMap(Map.of("NoEscape:Verbosity", "3"))).verbosity());
  }

  // ---- in effect ----

  private static final String[] CHAIN = {
    "class Chain {",
    "  static class Holder { Object value; }",
    "  static class Box { Holder holder; }",
    "  static Box global;",
    "  void f() {",
    "    // BUG: Diagnostic matches: CHAIN",
    "    Object o = new StringBuilder();",
    "    // BUG: Diagnostic contains: escapes to heap: stored into Chain.Box.holder (line 13)",
    "    Holder h = new Holder();",
    "    // BUG: Diagnostic contains: escapes to heap: stored into static field Chain.global (line 14)",
    "    Box b = new Box();",
    "    h.value = o;",
    "    b.holder = h;",
    "    global = b;",
    "  }",
    "}"
  };

  @Test
  void verbosity1_showsTheFirstAndTheLastReason() {
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .setArgs("-Xep:HeapEscape:WARN")
        .addSourceLines("Chain.java", CHAIN)
        .expectErrorMessage("CHAIN", firstStepOnly())
        .doTest();
  }

  @Test
  void verbosity2_showsTheWholeChain() {
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .setArgs("-Xep:HeapEscape:WARN", "-XepOpt:NoEscape:Verbosity=2")
        .addSourceLines("Chain.java", CHAIN)
        .expectErrorMessage("CHAIN", wholeChain())
        .doTest();
  }

  /**
   * {@code escapes to heap: stored into Chain.Holder.value (line 12) … static field Chain.global (line
   * 14)}: the first step, the last one, and a mark for the one between.
   */
  private static Predicate<String> firstStepOnly() {
    return m -> m.contains("escapes to heap: stored into Chain.Holder.value (line 12) … ")
        && m.contains("static field Chain.global (line 14)") && !m.contains("Chain.Box.holder");
  }

  /** {@code escapes to heap: stored into Chain.Holder.value (line 12); … Box.holder …; … Chain.global (line 14)}. */
  private static Predicate<String> wholeChain() {
    return m -> m.contains("escapes to heap: stored into Chain.Holder.value (line 12); ")
        && m.contains("Chain.Box.holder (line 13); ") && m.contains("static field Chain.global (line 14)")
        && !m.contains("…");
  }

  private static final String[] EXPECTED = {
    "class Expected {",
    "  static final Object TABLE = new int[4];",
    "  Object make() {",
    "    return new StringBuilder();",
    "  }",
    "  void fail() {",
    "    throw new IllegalStateException();",
    "  }",
    "}"
  };

  @Test
  void expectedEscapes_areLeftOutUnlessAskedFor() {
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .setArgs("-Xep:HeapEscape:WARN")
        .addSourceLines("Expected.java", EXPECTED)
        .expectNoDiagnostics()
        .doTest();
    for (String show : List.of("-XepOpt:NoEscape:ExpectedEscapes=true", "-XepOpt:NoEscape:Verbosity=2")) {
      CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
          .setArgs("-Xep:HeapEscape:WARN", show)
          .addSourceLines("Expected.java",
              "class Expected {",
              "  // BUG: Diagnostic contains: new int[4] escapes to heap: stored into static field Expected.TABLE",
              "  static final Object TABLE = new int[4];",
              "  Object make() {",
              "    // BUG: Diagnostic contains: new StringBuilder() escapes to heap: returned",
              "    return new StringBuilder();",
              "  }",
              "  void fail() {",
              "    // BUG: Diagnostic contains: escapes to heap: thrown",
              "    throw new IllegalStateException();",
              "  }",
              "}")
          .doTest();
    }
  }

  @Test
  void verbosity2_reportsArgEscapeAsInformation() {
    String[] source = {
      "class Arg {",
      "  String f(String x) {",
      "    // BUG: Diagnostic contains: does not escape, but is",
      "    StringBuilder sb = new StringBuilder();",
      "    sb.append(x);",
      "    return sb.toString();",
      "  }",
      "}"
    };
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .setArgs("-Xep:HeapEscape:WARN", "-XepOpt:NoEscape:Verbosity=2")
        .addSourceLines("Arg.java", source)
        .doTest();
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .setArgs("-Xep:HeapEscape:WARN")
        .addSourceLines("Arg.java", source)
        .expectNoDiagnostics()
        .doTest();
  }

  private static final String[] OUTSIDE_LOOPS = {
    "class Outside {",
    "  Integer box(int i) {",
    "    // BUG: Diagnostic contains: allocates on every evaluation",
    "    return i;",
    "  }",
    "}"
  };

  @Test
  void reportOutsideLoops_off() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .addSourceLines("Outside.java", OUTSIDE_LOOPS)
        .expectNoDiagnostics()
        .doTest();
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .setArgs("-XepOpt:NoEscape:ReportOutsideLoops=false")
        .addSourceLines("Outside.java", OUTSIDE_LOOPS)
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void reportOutsideLoops_on() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .setArgs("-XepOpt:NoEscape:ReportOutsideLoops=true")
        .addSourceLines("Outside.java", OUTSIDE_LOOPS)
        .doTest();
  }

  private static final String[] HOT = {
    "import dev.noescape.annotations.HotPath;",
    "class Hot {",
    "  @interface Fast {}",
    "  @Fast Integer fast(int i) {",
    "    // BUG: Diagnostic contains: in hot method",
    "    return i;",
    "  }",
    "  @HotPath Integer builtIn(int i) {",
    "    // BUG: Diagnostic contains: in hot method",
    "    return i;",
    "  }",
    "}"
  };

  /** {@link #HOT} without its first expectation, the one on {@code fast}. */
  private static String[] hotWithOnlyTheBuiltInExpected() {
    List<String> lines = new ArrayList<>(List.of(HOT));
    lines.remove("    // BUG: Diagnostic contains: in hot method");
    return lines.toArray(String[]::new);
  }

  @Test
  void hotAnnotations_configuredNameMarksMethodsHot() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .setArgs("-XepOpt:NoEscape:HotAnnotations=Fast")
        .addSourceLines("Hot.java", HOT)
        .doTest();
  }

  @Test
  void hotAnnotations_withoutTheOptionOnlyTheBuiltInOnesCount() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .addSourceLines("Hot.java", hotWithOnlyTheBuiltInExpected())
        .doTest();
  }

  @Test
  void malformedOptionIsNamedInTheFirstUnitsNoteOnly_andDoesNotFailTheBuild() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .matchAllDiagnostics()
        .setArgs("-Werror", "-XepOpt:NoEscape:Verbosity=loud")
        .addSourceLines(
            "A.java",
            "// BUG: Diagnostic contains: -XepOpt:NoEscape:Verbosity=loud is not 1 or 2; using 1",
            "class A {}")
        .addSourceLines("B.java", "class B {}")
        .expectResult(com.sun.tools.javac.main.Main.Result.OK)
        .doTest();
  }

  @Test
  void verbosityParsingIsShared() {
    assertEquals(List.of(), NoEscapeOptions.fromFlags(ErrorProneFlags.fromMap(Map.of("NoEscape:Verbosity", " 2 "))).problems());
  }
}
