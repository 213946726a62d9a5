package dev.noescape.errorprone;

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

  @Test
  void frontEndFailure_noFindingsOneNote_compilesWithWerror() {
    failAt(Stage.FRONT_END, "Unit.java");
    boxing()
        .setArgs("-Werror")
        .addSourceLines(
            "Unit.java",
            "import java.util.List;",
            "// BUG: Diagnostic contains: noescape: 1 problem in Unit.java",
            "class Unit {",
            "  void f(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);", // would be reported: the failure costs it
            "    }",
            "  }",
            "}")
        .expectResult(Result.OK)
        .doTest();
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

  @Test
  void engineFailureInOneMethod_costsOnlyThatMethod_noteNamesIt() {
    failAt(Stage.ENGINE, "Two#boom(");
    boxing()
        .addSourceLines(
            "Two.java",
            "import java.util.List;",
            "class Two {",
            "  void ok(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: [BoxingAllocation]",
            "      out.add(i);",
            "    }",
            "  }",
            "  // BUG: Diagnostic contains: escape analysis failed in Two.boom",
            "  void boom(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void ruleFailureInOneMethod_costsOnlyThatRuleThere() {
    failAt(Stage.RULES, "Two#boom(");
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .matchAllDiagnostics()
        .addSourceLines(
            "Two.java",
            "import java.util.List;",
            "class Two {",
            "  void ok(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: [BoxingAllocation]",
            "      out.add(i);",
            "    }",
            "  }",
            "  // BUG: Diagnostic contains: failed in Two.boom",
            "  void boom(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void stackOverflowInTheEngineIsIsolatedToo() {
    Faults.hook = (s, subject) -> {
      if (s == Stage.ENGINE && subject.contains("Two#boom(")) throw new StackOverflowError("induced");
    };
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .matchAllDiagnostics()
        .addSourceLines(
            "Two.java",
            "import java.util.List;",
            "class Two {",
            "  void ok(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: [BoxingAllocation]",
            "      out.add(i);",
            "    }",
            "  }",
            "  // BUG: Diagnostic contains: StackOverflowError",
            "  void boom(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  private static final String[] UNPRESIZED_IN = {
    "import java.util.ArrayList;",
    "import java.util.List;",
    "class Names {",
    "  List<String> names(List<String> users) {",
    "    List<String> names = new ArrayList<>();",
    "    for (String u : users) {",
    "      names.add(u.trim());",
    "    }",
    "    return names;",
    "  }",
    "}"
  };

  @Test
  void fixFailure_findingStaysWithoutAFix() {
    failAt(Stage.FIX, "UnpresizedCollection");
    BugCheckerRefactoringTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .addInputLines("Names.java", UNPRESIZED_IN)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
    failAt(Stage.FIX, "UnpresizedCollection");
    CompilationTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .matchAllDiagnostics()
        .addSourceLines(
            "Names.java",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "class Names {",
            "  List<String> names(List<String> users) {",
            "    // BUG: Diagnostic contains: could not build the UnpresizedCollection fix",
            "    List<String> names = new ArrayList<>();",
            "    for (String u : users) {",
            "      names.add(u.trim());",
            "    }",
            "    return names;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void reportFailure_isANoteNotACrash() {
    failAt(Stage.REPORT, "BoxingAllocation");
    boxing()
        .setArgs("-Werror")
        .addSourceLines(
            "Unit.java",
            "import java.util.List;",
            "class Unit {",
            "  void f(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: could not report a BoxingAllocation finding",
            "      out.add(i);",
            "    }",
            "  }",
            "}")
        .expectResult(Result.OK)
        .doTest();
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
            "import java.util.List;",
            "class Many {",
            "  // BUG: Diagnostic contains: noescape: 8 problems in Many.java",
            "  Many() {}",
            "  void a(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);",
            "    }",
            "  }",
            "  void b(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(i);",
            "    }",
            "  }",
            "}")
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
    Faults.rethrowIfFatal(new NoClassDefFoundError("dev/noescape/engine/EscapeAnalysis"));
  }
}
