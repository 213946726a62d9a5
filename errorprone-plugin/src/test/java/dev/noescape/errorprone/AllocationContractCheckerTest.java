package dev.noescape.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The {@code AllocationContract} check: messages with the path to the allocating line, its option, waivers. */
class AllocationContractCheckerTest {
  private static final String[] ANNOTATION = {
    "package a;",
    "import java.lang.annotation.Retention;",
    "import java.lang.annotation.RetentionPolicy;",
    "@Retention(RetentionPolicy.SOURCE)", // visible to the plugin whatever its retention
    "public @interface NoAllocation {",
    "  String reason() default \"\";",
    "}"
  };

  private CompilationTestHelper helper() {
    return CompilationTestHelper.newInstance(AllocationContractChecker.class, getClass())
        .addSourceLines("a/NoAllocation.java", ANNOTATION);
  }

  @Test
  void errorWithThePathDownToTheAllocatingLine() {
    helper()
        .addSourceLines(
            "a/Engine.java",
            "package a;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "final class Engine {",
            "  private final Book book = new Book();",
            "  private final List<String> names = new ArrayList<>();",
            "  @NoAllocation",
            "  void onTick(int qty, String name) {",
            "    // BUG: Diagnostic contains: @NoAllocation method Engine.onTick calls Book.add (line 10) → Book.add boxes int to Integer (line 22)",
            "    book.add(qty);",
            "    // BUG: Diagnostic contains: @NoAllocation method Engine.onTick calls List.add (may allocate)",
            "    names.add(name);",
            "    int m = Math.max(qty, 3);",
            "    if (m < 0) {",
            "      throw new IllegalStateException(\"bad \" + m);",
            "    }",
            "  }",
            "}",
            "final class Book {",
            "  private final List<Integer> levels = new ArrayList<>();",
            "  void add(int qty) {",
            "    levels.add(qty);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void nonEscapingAllocationsAreAllowedOnlyWithTheOption() {
    String[] src = {
      "package a;",
      "final class Scratch {",
      "  static int[] last;",
      "  @NoAllocation",
      "  static int sum(int a, int b) {",
      "    // BUG: Diagnostic contains: allocates new int[2]",
      "    int[] tmp = new int[2];",
      "    tmp[0] = a;",
      "    tmp[1] = b;",
      "    // BUG: Diagnostic contains: allocates new int[1]",
      "    last = new int[1];",
      "    return tmp[0] + tmp[1];",
      "  }",
      "}"
    };
    helper().addSourceLines("a/Scratch.java", src).doTest();
    String[] allowed = src.clone();
    allowed[5] = "    // the option allows it: it does not escape";
    helper().setArgs("-XepOpt:NoEscape:ContractAllowsNoEscape=true").addSourceLines("a/Scratch.java", allowed).doTest();
  }

  @Test
  void calleesInOtherFilesOfTheCompilationAreFollowed() {
    helper()
        .addSourceLines(
            "a/Pricing.java",
            "package a;",
            "final class Pricing {",
            "  static long spread(long a, long b) {",
            "    long[] pair = {a, b};",
            "    return pair[1] - pair[0];",
            "  }",
            "  static long half(long a) {",
            "    return a / 2;",
            "  }",
            "}")
        .addSourceLines(
            "a/Desk.java",
            "package a;",
            "final class Desk {",
            "  @NoAllocation",
            "  long quote(long a, long b) {",
            "    // BUG: Diagnostic contains: calls Pricing.spread (line 6) → Pricing.spread allocates an array {a, b} (Pricing.java:4)",
            "    return Pricing.spread(a, b)",
            "        + Pricing.half(a);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anOverrideInheritsTheContract() {
    helper()
        .addSourceLines(
            "a/Handlers.java",
            "package a;",
            "interface Handler {",
            "  @NoAllocation void onTick(long price);",
            "}",
            "final class Recording implements Handler {",
            "  Object last;",
            "  @Override public void onTick(long price) {",
            "    // BUG: Diagnostic contains: @NoAllocation method Recording.onTick (contract inherited from Handler.onTick) boxes long to Long",
            "    last = price;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aWaiverWithAReasonIsQuiet_withoutOneItIsAWarning() {
    helper()
        .addSourceLines(
            "a/Waived.java",
            "package a;",
            "final class Waived {",
            "  Object last;",
            "  @NoAllocation(reason = \"boxes only on the first tick, measured\")",
            "  @SuppressWarnings(\"AllocationContract\")",
            "  void withReason(long price) {",
            "    last = price;",
            "  }",
            "  @NoAllocation",
            "  @SuppressWarnings(\"AllocationContract\")",
            "  // BUG: Diagnostic contains: waives the contract of Waived.withoutReason without a reason",
            "  void withoutReason(long price) {",
            "    last = price;",
            "    last = new long[] {price};",
            "  }",
            "}")
        .doTest();
  }
}
