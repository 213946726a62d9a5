package dev.noescape.errorprone;

import static dev.noescape.errorprone.Sources.boxingMethod;
import static dev.noescape.errorprone.Sources.lines;
import static dev.noescape.errorprone.Sources.namesMethod;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.tools.javac.main.Main.Result;
import dev.noescape.errorprone.Faults.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fault inside the plugin never fails the compilation: it costs the findings of the unit, method
 * or rule it happened in, and produces one note per unit (not a warning: {@code -Werror} passes).
 * Faults are induced with the test-only {@link Faults#hook}.
 */
class FaultIsolationTest {

  @AfterEach
  void clearHook() {
    Faults.hook = null;
  }

  private static void failAt(Stage stage, String subjectContains) {
    Faults.hook = (s, subject) -> {
      if (s == stage && subject.contains(subjectContains)) throw new IllegalStateException("induced at " + s);
    };
  }

  private CompilationTestHelper boxing() {
    return CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass()).matchAllDiagnostics();
  }

  /** Compiles {@code Unit.java} with BoxingAllocation and {@code -Werror}: the fault must not fail it. */
  private void assertUnitCompilesWithWerror(String... unit) {
    boxing().setArgs("-Werror").addSourceLines("Unit.java", unit).expectResult(Result.OK).doTest();
  }

  @Test
  void frontEndFailure_noFindingsOneNote_compilesWithWerror() {
    failAt(Stage.FRONT_END, "Unit.java");
    assertUnitCompilesWithWerror(
        lines(
            "import java.util.List;",
            "// BUG: Diagnostic contains: noescape: 1 problem in Unit.java",
            "class Unit {",
            boxingMethod("f"), // its boxing would be reported: the failure costs it
            "}"));
  }

  @Test
  void frontEndFailure_noteNamesTheCause() {
    failAt(Stage.FRONT_END, "Unit.java");
    boxing()
        .addSourceLines(
            "Unit.java",
            "// BUG: Diagnostic contains: front end failed: IllegalStateException: induced at FRONT_END",
            "class Unit {}")
        .expectResult(Result.OK)
        .doTest();
  }

  /**
   * Compiles {@code Two.java} with BoxingAllocation: the boxing in {@code ok} is reported, the one in
   * {@code boom} (where a fault is induced) is not, and the note on {@code boom} contains {@code
   * boomNote}.
   */
  private void assertOnlyBoomCostsItsFinding(String boomNote) {
    boxing().addSourceLines("Two.java", twoMethods(boomNote)).doTest();
  }

  private static String[] twoMethods(String boomNote) {
    return lines(
        "import java.util.List;",
        "class Two {",
        boxingMethod("ok", "      // BUG: Diagnostic contains: [BoxingAllocation]"),
        "  // BUG: Diagnostic contains: " + boomNote,
        boxingMethod("boom"),
        "}");
  }

  @Test
  void engineFailureInOneMethod_costsOnlyThatMethod_noteNamesIt() {
    failAt(Stage.ENGINE, "Two#boom(");
    assertOnlyBoomCostsItsFinding("escape analysis failed in Two.boom");
  }

  @Test
  void ruleFailureInOneMethod_costsOnlyThatRuleThere() {
    failAt(Stage.RULES, "Two#boom(");
    assertOnlyBoomCostsItsFinding("failed in Two.boom");
  }

  @Test
  void stackOverflowInTheEngineIsIsolatedToo() {
    Faults.hook = (s, subject) -> {
      if (s == Stage.ENGINE && subject.contains("Two#boom(")) throw new StackOverflowError("induced");
    };
    assertOnlyBoomCostsItsFinding("StackOverflowError");
  }

  /** {@code Names.java}, with {@code beforeTheAllocation} just above its unpresized allocation. */
  private static String[] unpresizedNames(String... beforeTheAllocation) {
    return lines(
        "import java.util.ArrayList;",
        "import java.util.List;",
        "class Names {",
        namesMethod(beforeTheAllocation),
        "}");
  }

  @Test
  void fixFailure_findingStaysWithoutAFix() {
    failAt(Stage.FIX, "UnpresizedCollection");
    BugCheckerRefactoringTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .addInputLines("Names.java", unpresizedNames())
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
    failAt(Stage.FIX, "UnpresizedCollection");
    CompilationTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .matchAllDiagnostics()
        .addSourceLines(
            "Names.java",
            unpresizedNames("    // BUG: Diagnostic contains: could not build the UnpresizedCollection fix"))
        .doTest();
  }

  @Test
  void reportFailure_isANoteNotACrash() {
    failAt(Stage.REPORT, "BoxingAllocation");
    assertUnitCompilesWithWerror(
        lines(
            "import java.util.List;",
            "class Unit {",
            boxingMethod("f", "      // BUG: Diagnostic contains: could not report a BoxingAllocation finding"),
            "}"));
  }

  @Test
  void oneNotePerUnitEvenWithAllCheckersAndSeveralFailures() {
    Faults.hook = (s, subject) -> {
      if (s == Stage.RULES && subject.contains("Many#")) throw new IllegalStateException("induced");
    };
    CompilationTestHelper.newInstance(ScannerSupplier.fromBugCheckerClasses(NoEscapeCheckers.ALL), getClass())
        .matchAllDiagnostics()
        .setArgs("-Werror", "-Xep:HeapEscape:WARN", "-Xep:LeakingParameter:WARN")
        .addSourceLines(
            "Many.java",
            lines(
                "import java.util.List;",
                "class Many {",
                "  // BUG: Diagnostic contains: noescape: 9 problems in Many.java",
                "  Many() {}",
                boxingMethod("a"),
                boxingMethod("b"),
                "}"))
        .expectResult(Result.OK)
        .doTest();
  }

  @Test
  void failureOfARuleWhoseCheckIsOff_addsNoNote() {
    failAt(Stage.RULES, "HeapEscape"); // fails every run that includes the (default-off) HeapEscape rule
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .addSourceLines("Quiet.java", "class Quiet { int f(int x) { return x + 1; } }")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void failureOfARuleWhoseCheckIsOn_isInTheNote() {
    failAt(Stage.RULES, "HeapEscape");
    CompilationTestHelper.newInstance(HeapEscapeChecker.class, getClass())
        .matchAllDiagnostics()
        .setArgs("-Xep:HeapEscape:WARN")
        .addSourceLines(
            "Quiet.java",
            "class Quiet {",
            "  // BUG: Diagnostic contains: rule HeapEscape failed in",
            "  Quiet() {}",
            "  int f(int x) { return x + 1; }",
            "}")
        .doTest();
  }

  @Test
  void fatalErrorsPropagate_stackOverflowDoesNot() {
    OutOfMemoryError oom = new OutOfMemoryError("induced");
    assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Faults.rethrowIfFatal(oom)));
    Faults.rethrowIfFatal(new StackOverflowError());
    Faults.rethrowIfFatal(new IllegalStateException());
    // A class of something else missing is an ordinary fault of the unit it happened in ...
    Faults.rethrowIfFatal(new NoClassDefFoundError("jdk/jfr/consumer/RecordingFile"));
    // ... but one of noescape's own is a processor path that cannot run the plugin: it reaches the
    // checker, which reports it as one error line (PluginSetUp; PluginJarIT runs javac on such paths).
    NoClassDefFoundError missing = new NoClassDefFoundError("dev/noescape/engine/EscapeAnalysis");
    assertSame(missing, assertThrows(NoClassDefFoundError.class, () -> Faults.rethrowIfFatal(missing)));
    NoSuchMethodError stale = new NoSuchMethodError("'dev.noescape.catalog.RuleId dev.noescape.catalog.RuleId.byId(java.lang.String)'");
    assertSame(stale, assertThrows(NoSuchMethodError.class, () -> Faults.rethrowIfFatal(stale)));
  }
}
