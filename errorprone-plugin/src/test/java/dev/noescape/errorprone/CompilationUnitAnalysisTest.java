package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompilationUnitAnalysisTest {

  @AfterEach
  void clearHook() {
    Faults.hook = null;
  }

  @Test
  void parseRelease() {
    assertEquals(17, CompilationFacts.parseRelease("17"));
    assertEquals(8, CompilationFacts.parseRelease("1.8"));
    assertEquals(21, CompilationFacts.parseRelease(" 21 "));
    assertNull(CompilationFacts.parseRelease(null));
    assertNull(CompilationFacts.parseRelease("latest"));
  }

  /** Eight checkers, two units: the front end (and so the whole pipeline) runs once per unit. */
  @Test
  void theAnalysisRunsOncePerUnitForAllCheckers() {
    List<String> frontEndRuns = Collections.synchronizedList(new ArrayList<>());
    Faults.hook = (stage, subject) -> {
      if (stage == Faults.Stage.FRONT_END) frontEndRuns.add(subject.substring(subject.lastIndexOf('/') + 1));
    };
    CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(NoEscapeCheckers.ALL), getClass())
        .setArgs("-Xep:HeapEscape:WARN", "-Xep:LeakingParameter:WARN")
        .addSourceLines("A.java", "class A { int f(int x) { return x + 1; } }")
        .addSourceLines("B.java", "class B { int g(int y) { return y * 2; } }")
        .expectNoDiagnostics()
        .doTest();
    Collections.sort(frontEndRuns);
    assertEquals(List.of("A.java", "B.java"), frontEndRuns);
  }

  /**
   * HeapEscape and LeakingParameter findings are built only when their checks were named on the
   * command line: otherwise their checkers never ask for them.
   */
  @Test
  void offByDefaultRulesAreComputedOnlyWhenEnabled() {
    assertEquals(List.of("BoxingAllocation,VarargsAllocation,CapturingLambda,UnpresizedCollection,"
        + "HashMapCapacity,StringConcatInLoop,AllocationContract"), rulesComputed());
    assertEquals(List.of("HeapEscape,BoxingAllocation,VarargsAllocation,CapturingLambda,UnpresizedCollection,"
        + "HashMapCapacity,StringConcatInLoop,AllocationContract"), rulesComputed("-Xep:HeapEscape:WARN"));
    assertEquals(List.of("HeapEscape,LeakingParameter,BoxingAllocation,VarargsAllocation,CapturingLambda,"
        + "UnpresizedCollection,HashMapCapacity,StringConcatInLoop,AllocationContract"),
        rulesComputed("-Xep:HeapEscape:WARN", "-Xep:LeakingParameter:WARN"));
  }

  /** The rule sets the unit analysis ran (one entry per unit), as the RULES fault hook sees them. */
  private List<String> rulesComputed(String... args) {
    List<String> runs = Collections.synchronizedList(new ArrayList<>());
    Faults.hook = (stage, subject) -> {
      if (stage == Faults.Stage.RULES) runs.add(subject.substring(0, subject.indexOf(' ')));
    };
    CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(NoEscapeCheckers.ALL), getClass())
        .setArgs(args)
        .addSourceLines("A.java", "class A { int f(int x) { return x + 1; } }")
        .expectNoDiagnostics()
        .doTest();
    return runs;
  }

  @Test
  void targetReleaseFollowsTheOptions() {
    // --release 17 and -source 17 both keep HashMap.newHashMap out of the advice; see FixesTest for
    // the fixes, here only the message (which names the advice) is checked.
    String[] source = {
      "import java.util.HashMap;",
      "import java.util.List;",
      "import java.util.Map;",
      "class Index {",
      "  Map<String, String> index(List<String> keys) {",
      "    // BUG: Diagnostic contains: HashMap.newHashMap(keys.size())",
      "    Map<String, String> m = new HashMap<>(keys.size());",
      "    for (String k : keys) {",
      "      m.put(k, k);",
      "    }",
      "    return m;",
      "  }",
      "}"
    };
    CompilationTestHelper.newInstance(HashMapCapacityChecker.class, getClass())
        .setArgs("--release", "21")
        .addSourceLines("Index.java", source)
        .doTest();
    String[] old = source.clone();
    old[5] = "    // BUG: Diagnostic contains: Maps.newHashMapWithExpectedSize(keys.size())"; // Guava is on the test class path
    CompilationTestHelper.newInstance(HashMapCapacityChecker.class, getClass())
        .setArgs("--release", "17")
        .addSourceLines("Index.java", old)
        .doTest();
  }
}
