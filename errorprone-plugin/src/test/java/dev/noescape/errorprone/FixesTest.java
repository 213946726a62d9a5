package dev.noescape.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import static java.util.stream.Collectors.joining;

import dev.noescape.fixcases.StringBuilderFixCases.FixCase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of suggested fix, applied the way {@code -XepPatchChecks} applies it, with the exact
 * expected output. The helper also compiles the output, so each fix is checked to compile.
 */
class FixesTest {

  /** An empty class path: Guava (on the test class path) must not be visible unless a test adds its stub. */
  @TempDir Path emptyClasspath;

  private BugCheckerRefactoringTestHelper helper(Class<? extends NoEscapeChecker> checker) {
    return BugCheckerRefactoringTestHelper.newInstance(checker, getClass());
  }

  // ---- AddCapacity ----

  @Test
  void addCapacity_enhancedForOverCollection() {
    helper(UnpresizedCollectionChecker.class)
        .addInputLines(
            "Names.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Names {
              List<String> names(List<String> users) {
                List<String> names = new ArrayList<>();
                for (String u : users) {
                  names.add(u.trim());
                }
                return names;
              }
            }
            """)
        .addOutputLines(
            "Names.java",
            """
            import java.util.ArrayList;
            import java.util.List;

            class Names {
              List<String> names(List<String> users) {
                List<String> names = new ArrayList<>(users.size());
                for (String u : users) {
                  names.add(u.trim());
                }
                return names;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void addCapacity_countedLoop() {
    helper(UnpresizedCollectionChecker.class)
        .addInputLines(
            "Labels.java",
            """
            import java.util.ArrayDeque;
            import java.util.Deque;

            class Labels {
              Deque<String> labels(int n) {
                Deque<String> out = new ArrayDeque<String>( /* default */ );
                for (int i = 0; i < n; i++) {
                  out.add("#" + i);
                }
                return out;
              }
            }
            """)
        .addOutputLines(
            "Labels.java",
            """
            import java.util.ArrayDeque;
            import java.util.Deque;

            class Labels {
              Deque<String> labels(int n) {
                Deque<String> out = new ArrayDeque<String>(n /* default */ );
                for (int i = 0; i < n; i++) {
                  out.add("#" + i);
                }
                return out;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  /** The size is a local declared after the allocation: the finding stays, the fix would not compile. */
  private static final String SIZE_DECLARED_LATER = """
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Supplier;

      class Later {
        List<String> names(Supplier<List<String>> source) {
          List<String> names = new ArrayList<>();
          List<String> users = source.get();
          for (String u : users) {
            names.add(u.trim());
          }
          return names;
        }
      }
      """;

  @Test
  void addCapacity_notOfferedWhenTheSizeIsNotInScopeAtTheAllocation() {
    reportedWithoutFix("Later.java", SIZE_DECLARED_LATER, "    List<String> names = new ArrayList<>();", "users.size()");
  }

  /** {@code source} gets an UnpresizedCollection warning naming {@code size} at {@code line}, and no fix. */
  private void reportedWithoutFix(String file, String source, String line, String size) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    com.google.errorprone.CompilationTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .addSourceLines(file, source.replace(line, indent + "// BUG: Diagnostic contains: " + size + "\n" + line))
        .doTest();
    helper(UnpresizedCollectionChecker.class)
        .addInputLines(file, source)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * The corpus's FieldInitializers shape: a field initializer filled in the constructor, which is
   * {@code @HotPath} (any package: the simple name counts) because set-up code is otherwise no warning.
   */
  private static final String FIELD_INITIALIZER = """
      import java.util.ArrayList;
      import java.util.List;

      class Parts {
        @interface HotPath {}

        private final List<String> parts = new ArrayList<>();

        @HotPath
        Parts(String[] words) {
          for (String w : words) {
            parts.add(w.strip());
          }
        }
      }
      """;

  /** {@code words} is the constructor's: not in scope at the field initializer, so no fix there. */
  @Test
  void addCapacity_notOfferedInAFieldInitializerSizedByAConstructorParameter() {
    reportedWithoutFix("Parts.java", FIELD_INITIALIZER, "  private final List<String> parts = new ArrayList<>();", "words.length");
  }

  // ---- UseFactory ----

  private static final Map<String, Class<? extends NoEscapeChecker>> CHECKERS =
      Map.of(
          "HashMapCapacity", HashMapCapacityChecker.class,
          "UnpresizedCollection", UnpresizedCollectionChecker.class);

  /**
   * The class {@code Index} the capacity fixes rewrite: it imports {@code java.util.}{@code
   * imports} (simple names, space-separated), and fills a {@code Map<String, String> m} or a
   * {@code Set<String> s}, created by {@code allocation}, in a loop over {@code keys}.
   */
  private static String index(String imports, String collection, String keysType, String allocation) {
    boolean map = collection.equals("Map");
    return Arrays.stream(imports.split(" ")).map(i -> "import java.util." + i + ";\n").collect(joining())
        + """

        class Index {
          %1$s index(%2$s keys) {
            %1$s %3$s = %4$s;
            for (String k : keys) {
              %5$s
            }
            return %3$s;
          }
        }
        """.formatted(
            map ? "Map<String, String>" : "Set<String>",
            keysType,
            map ? "m" : "s",
            allocation,
            map ? "m.put(k, k.trim());" : "s.add(k.trim());");
  }

  /** Applies the fix to {@code Index.java} and expects exactly {@code after}. */
  private static void expectIndexFix(
      BugCheckerRefactoringTestHelper helper, String before, String after) {
    helper
        .addInputLines("Index.java", before)
        .addOutputLines("Index.java", after)
        .doTest(TestMode.TEXT_MATCH);
  }

  /**
   * UseFactory (release 21: {@code HashMap.newHashMap}, {@code HashSet.newHashSet}), AddCapacity
   * with the load factor, and ReplaceCapacity (release 17 and no Guava: {@code Math.ceil(n /
   * 0.75)}), each on an {@link #index} whose allocation the fix turns from {@code before} into
   * {@code after}. {@code $EMPTY} in the javac arguments is an empty class path.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      useFactory_release21_diamond                                          | HashMapCapacity      | --release 21                       | HashMap List Map | Map | List<String> | new HashMap<>(keys.size())                 | HashMap.newHashMap(keys.size())
      useFactory_release21_explicitTypeArgumentsAndQualifiedName            | HashMapCapacity      | --release 21                       | List Set         | Set | List<String> | new java.util.HashSet<String>(keys.size()) | java.util.HashSet.<String>newHashSet(keys.size())
      useFactory_unpresizedHashMap_release21                                | UnpresizedCollection | --release 21                       | HashMap Map      | Map | String[]     | new HashMap<>()                            | HashMap.newHashMap(keys.length)
      addCapacity_loadFactorCorrectCapacityForAHashMap_release17_withoutGuava | UnpresizedCollection | --release 17 -cp $EMPTY            | HashMap Map      | Map | String[]     | new HashMap<>()                            | new HashMap<>((int) Math.ceil(keys.length / 0.75))
      replaceCapacity_release17_withoutGuava                                | HashMapCapacity      | --release 17 -cp $EMPTY            | HashMap List Map | Map | List<String> | new HashMap<>(keys.size())                 | new HashMap<>((int) Math.ceil(keys.size() / 0.75))
      replaceCapacity_sourceAndTarget17_withoutGuava                        | HashMapCapacity      | -source 17 -target 17 -cp $EMPTY   | HashSet Set      | Set | String[]     | new HashSet<>(keys.length)                 | new HashSet<>((int) Math.ceil(keys.length / 0.75))
      """)
  void capacityFixOnIndex(
      String name,
      String check,
      String javacArgs,
      String imports,
      String collection,
      String keysType,
      String before,
      String after) {
    expectIndexFix(
        helper(CHECKERS.get(check))
            .setArgs(javacArgs.replace("$EMPTY", emptyClasspath.toString()).split(" ")),
        index(imports, collection, keysType, before),
        index(imports, collection, keysType, after));
  }

  @Test
  void useFactory_guava_release17() {
    expectIndexFix(
        helper(HashMapCapacityChecker.class)
            .setArgs("--release", "17", "-cp", emptyClasspath.toString())
            .addInputLines("com/google/common/collect/Maps.java", guavaMapsStub())
            .expectUnchanged(),
        index("HashMap List Map", "Map", "List<String>", "new HashMap<String, String>(keys.size())"),
        "import com.google.common.collect.Maps;\n"
            + index(
                "HashMap List Map",
                "Map",
                "List<String>",
                "Maps.<String, String>newHashMapWithExpectedSize(keys.size())"));
  }

  private static String guavaMapsStub() {
    return """
        package com.google.common.collect;

        import java.util.HashMap;
        import java.util.LinkedHashMap;

        /** A stand-in for Guava's Maps: only the factories the fixes use. */
        public final class Maps {
          private Maps() {}

          public static <K, V> HashMap<K, V> newHashMapWithExpectedSize(int expectedSize) {
            return new HashMap<>((int) Math.ceil(expectedSize / 0.75));
          }

          public static <K, V> LinkedHashMap<K, V> newLinkedHashMapWithExpectedSize(int expectedSize) {
            return new LinkedHashMap<>((int) Math.ceil(expectedSize / 0.75));
          }
        }
        """;
  }

  // ---- UseStringBuilder ----

  /** The cases the command line's source fixes must match too (SourceStringBuilderFixTest). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.noescape.fixcases.StringBuilderFixCases#all")
  void useStringBuilder(FixCase c) {
    BugCheckerRefactoringTestHelper.ExpectOutput test =
        helper(StringConcatInLoopChecker.class).addInputLines(c.file(), c.before());
    (c.unchanged() ? test.expectUnchanged() : test.addOutputLines(c.file(), c.after()))
        .doTest(TestMode.TEXT_MATCH);
  }
}
