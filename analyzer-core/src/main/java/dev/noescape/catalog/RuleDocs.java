package dev.noescape.catalog;

import java.util.Arrays;
import java.util.List;

/** What the rule declarations share: the terms every rule uses, and the setting of the examples. */
public final class RuleDocs {
  private RuleDocs() {}

  /** Every rule's declaration, in {@link RuleId} order. */
  public static List<RuleDoc> all() {
    return Arrays.stream(RuleId.values()).map(RuleId::doc).toList();
  }

  /** What "in a loop" means to the allocation rules. */
  public static final String LOOPS = """
      An expression is in a loop when a `for`, enhanced `for`, `while` or `do` runs it once per iteration, in its \
      body, condition or update; a for-init and the iterable of an enhanced `for` run once, outside. A lambda or \
      anonymous-class body inherits the loop depth of the expression that creates it, plus one when it is passed \
      to an iterating method (`Iterable.forEach`, `Map.forEach`, `removeIf`, `replaceAll`, stream operations).""";

  /** What makes a method hot. */
  public static final String HOT_METHODS = """
      A method is hot when it is annotated `@HotPath` or `@NoAllocation` (matched by simple name in any package: \
      Error Prone's `com.google.errorprone.annotations.NoAllocation` counts, and so do the names given with the \
      `HotAnnotations` option), overrides a `@NoAllocation` method, or is declared in a class annotated `@HotPath` \
      (not inherited by nested classes; a static initializer is never hot). Callees are not hot unless they are \
      annotated themselves.""";

  /** The imports every example compiles with. */
  public static final List<String> EXAMPLE_IMPORTS =
      List.of("dev.noescape.annotations.NoAllocation", "java.util.*", "java.util.function.*");

  /** The types the examples use, declared next to them (in the same class) when the tests compile them. */
  public static final String EXAMPLE_TYPES = """
      record Order(long id, int quantity) {}

      record User(String id, String name) {}""";
}
