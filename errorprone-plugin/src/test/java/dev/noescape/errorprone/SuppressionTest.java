package dev.noescape.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** {@code @SuppressWarnings("RuleId")} on the enclosing variable, method or class silences a finding. */
class SuppressionTest {

  @Test
  void suppressedOnMethodClassAndVariable_otherFindingsStay() {
    CompilationTestHelper.newInstance(BoxingAllocationChecker.class, getClass())
        .addSourceLines(
            "Boxing.java",
            "import java.util.List;",
            "import java.util.function.IntFunction;",
            "class Boxing {",
            "  void reported(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: BoxingAllocation",
            "      out.add(n);",
            "    }",
            "  }",
            "  @SuppressWarnings(\"BoxingAllocation\")",
            "  void onMethod(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      out.add(n);",
            "      int j = i;",
            "      IntFunction<Integer> inLambda = k -> { Integer r = k + j; return r; };", // a box kept in a local: a warning unless suppressed
            "    }",
            "  }",
            "  void onVariable(int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      @SuppressWarnings(\"BoxingAllocation\") Integer boxed = i;",
            "      // BUG: Diagnostic contains: BoxingAllocation",
            "      Integer notSuppressed = i;",
            "    }",
            "  }",
            "  @SuppressWarnings({\"unchecked\", \"BoxingAllocation\"})",
            "  static class OnClass {",
            "    void f(List<Integer> out, int n) {",
            "      for (int i = 0; i < n; i++) {",
            "        out.add(n);",
            "      }",
            "    }",
            "  }",
            "  @SuppressWarnings(\"StringConcatInLoop\")", // another rule's key: not suppressed
            "  void otherKey(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: BoxingAllocation",
            "      out.add(n);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressedParameter() {
    CompilationTestHelper.newInstance(LeakingParameterChecker.class, getClass())
        .setArgs("-Xep:LeakingParameter:WARN")
        .addSourceLines(
            "Leaking.java",
            "class Leaking {",
            "  static Object keep;",
            "  static void put(@SuppressWarnings(\"LeakingParameter\") Object o) {",
            "    keep = o;",
            "  }",
            "  // BUG: Diagnostic contains: leaking param: p",
            "  static void put2(Object p) {",
            "    keep = p;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressedOnAField() {
    CompilationTestHelper.newInstance(CapturingLambdaChecker.class, getClass())
        .setArgs("-XepOpt:NoEscape:ReportOutsideLoops=true")
        .addSourceLines(
            "Fields.java",
            "class Fields {",
            "  @SuppressWarnings(\"CapturingLambda\")",
            "  Runnable quiet = new Runnable() { public void run() {} };",
            "  // BUG: Diagnostic contains: anonymous Runnable allocates",
            "  Runnable loud = new Runnable() { public void run() {} };",
            "}")
        .doTest();
  }
}
