package dev.noescape.errorprone;

import static dev.noescape.errorprone.Sources.lines;
import static dev.noescape.errorprone.Sources.namesMethod;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Each checker fires on a small positive; the two report checks stay silent unless enabled. */
class CheckersTest {

  private CompilationTestHelper helper(Class<? extends NoEscapeChecker> checker) {
    return CompilationTestHelper.newInstance(checker, getClass());
  }

  @Test
  void boxingAllocation() {
    helper(BoxingAllocationChecker.class)
        .addSourceLines(
            "Boxing.java",
            "import java.util.List;",
            "class Boxing {",
            "  void fill(List<Integer> out, int n) {",
            "    for (int i = 0; i < n; i++) {",
            "      // BUG: Diagnostic contains: n is the same on every iteration: box it once before the loop",
            "      out.add(n);",
            "      out.add(i);", // required by List.add, a new value on every iteration: information only
            "    }",
            "    out.add(n);", // outside the loop, not hot: quiet
            "  }",
            "}")
        .doTest();
  }

  @Test
  void varargsAllocation() {
    helper(VarargsAllocationChecker.class)
        .addSourceLines(
            "Varargs.java",
            "import java.util.List;",
            "class Varargs {",
            "  int total(List<String> names) {",
            "    int n = 0;",
            "    for (String s : names) {",
            "      // BUG: Diagnostic contains: varargs call to",
            "      n += String.join(\",\", s, s).length();",
            "    }",
            "    return n;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void capturingLambda() {
    helper(CapturingLambdaChecker.class)
        .addSourceLines(
            "Capture.java",
            "import java.util.List;",
            "class Capture {",
            "  void schedule(List<String> names, List<Runnable> tasks) {",
            "    for (String s : names) {",
            "      // BUG: Diagnostic contains: captures",
            "      tasks.add(() -> System.out.println(s));",
            "      tasks.add(() -> System.out.println(\"constant\"));", // non-capturing: quiet
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void unpresizedCollection() {
    helper(UnpresizedCollectionChecker.class)
        .addSourceLines(
            "Names.java",
            lines(
                "import java.util.ArrayList;",
                "import java.util.Iterator;",
                "import java.util.List;",
                "class Names {",
                namesMethod("    // BUG: Diagnostic contains: users.size()"),
                "  List<String> unsized(Iterator<String> it) {",
                "    List<String> names = new ArrayList<>();", // unknown trip count: quiet
                "    while (it.hasNext()) {",
                "      names.add(it.next());",
                "    }",
                "    return names;",
                "  }",
                "}"))
        .doTest();
  }

  @Test
  void hashMapCapacity() {
    helper(HashMapCapacityChecker.class)
        .addSourceLines(
            "Index.java",
            "import java.util.HashMap;",
            "import java.util.List;",
            "import java.util.Map;",
            "class Index {",
            "  Map<String, String> index(List<String> keys) {",
            "    // BUG: Diagnostic contains: rehashes",
            "    Map<String, String> m = new HashMap<>(keys.size());",
            "    for (String k : keys) {",
            "      m.put(k, k.trim());",
            "    }",
            "    return m;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void stringConcatInLoop() {
    helper(StringConcatInLoopChecker.class)
        .addSourceLines(
            "Join.java",
            "import java.util.List;",
            "class Join {",
            "  String join(List<String> parts) {",
            "    String s = \"\";",
            "    for (String p : parts) {",
            "      // BUG: Diagnostic contains: copies the whole string on every iteration",
            "      s += p;",
            "    }",
            "    return s;",
            "  }",
            "}")
        .doTest();
  }

  // ---- off by default ----

  private static final String[] ESCAPING = {
    "class Escaping {",
    "  static Object keep;",
    "  Object make() {",
    "    // BUG: Diagnostic contains: escapes to heap",
    "    return new StringBuilder();",
    "  }",
    "  // BUG: Diagnostic contains: leaking param: o",
    "  static void put(Object o) {",
    "    keep = o;",
    "  }",
    "}"
  };

  @Test
  void heapEscape_silentByDefault() {
    helper(HeapEscapeChecker.class).addSourceLines("Escaping.java", ESCAPING).expectNoDiagnostics().doTest();
  }

  @Test
  void leakingParameter_silentByDefault() {
    helper(LeakingParameterChecker.class).addSourceLines("Escaping.java", ESCAPING).expectNoDiagnostics().doTest();
  }

  @Test
  void heapEscape_onWhenEnabledAsWarning() {
    helper(HeapEscapeChecker.class)
        .setArgs("-Xep:HeapEscape:WARN")
        .addSourceLines(
            "Escaping.java",
            "class Escaping {",
            "  static Object kept;",
            "  void keep() {",
            "    // BUG: Diagnostic contains: new StringBuilder() escapes to heap: stored into static field Escaping.kept",
            "    kept = new StringBuilder();",
            "  }",
            "}")
        .doTest();
  }

  /** HeapEscape (off by default) reports an allocation stored into a static when {@code arg} turns it on. */
  private void assertHeapEscapeReportedWith(String arg) {
    helper(HeapEscapeChecker.class)
        .setArgs(arg)
        .addSourceLines(
            "Escaping.java",
            "class Escaping {",
            "  static Object kept;",
            "  void keep() {",
            "    // BUG: Diagnostic contains: escapes to heap",
            "    kept = new StringBuilder();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void heapEscape_onWhenNamedWithoutALevel() {
    assertHeapEscapeReportedWith("-Xep:HeapEscape");
  }

  @Test
  void heapEscape_onWithAllDisabledChecksAsWarnings() {
    assertHeapEscapeReportedWith("-XepAllDisabledChecksAsWarnings");
  }

  @Test
  void leakingParameter_onWhenEnabled() {
    helper(LeakingParameterChecker.class)
        .setArgs("-Xep:LeakingParameter:WARN")
        .addSourceLines(
            "Leaking.java",
            "class Leaking {",
            "  static Object keep;",
            "  // BUG: Diagnostic contains: leaking param: o",
            "  static void put(Object o, Object unused) {",
            "    keep = o;",
            "  }",
            "}")
        .doTest();
  }
}
