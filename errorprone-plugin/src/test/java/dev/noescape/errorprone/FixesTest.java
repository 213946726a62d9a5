package dev.noescape.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    com.google.errorprone.CompilationTestHelper.newInstance(UnpresizedCollectionChecker.class, getClass())
        .addSourceLines("Later.java", SIZE_DECLARED_LATER.replace(
            "    List<String> names = new ArrayList<>();",
            "    // BUG: Diagnostic contains: users.size()\n    List<String> names = new ArrayList<>();"))
        .doTest();
    helper(UnpresizedCollectionChecker.class)
        .addInputLines("Later.java", SIZE_DECLARED_LATER)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  // ---- UseFactory ----

  @Test
  void useFactory_release21_diamond() {
    helper(HashMapCapacityChecker.class)
        .setArgs("--release", "21")
        .addInputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = new HashMap<>(keys.size());
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = HashMap.newHashMap(keys.size());
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useFactory_release21_explicitTypeArgumentsAndQualifiedName() {
    helper(HashMapCapacityChecker.class)
        .setArgs("--release", "21")
        .addInputLines(
            "Index.java",
            """
            import java.util.List;
            import java.util.Set;

            class Index {
              Set<String> index(List<String> keys) {
                Set<String> s = new java.util.HashSet<String>(keys.size());
                for (String k : keys) {
                  s.add(k.trim());
                }
                return s;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.List;
            import java.util.Set;

            class Index {
              Set<String> index(List<String> keys) {
                Set<String> s = java.util.HashSet.<String>newHashSet(keys.size());
                for (String k : keys) {
                  s.add(k.trim());
                }
                return s;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useFactory_unpresizedHashMap_release21() {
    helper(UnpresizedCollectionChecker.class)
        .setArgs("--release", "21")
        .addInputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Index {
              Map<String, String> index(String[] keys) {
                Map<String, String> m = new HashMap<>();
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Index {
              Map<String, String> index(String[] keys) {
                Map<String, String> m = HashMap.newHashMap(keys.length);
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void addCapacity_loadFactorCorrectCapacityForAHashMap_release17_withoutGuava() {
    helper(UnpresizedCollectionChecker.class)
        .setArgs("--release", "17", "-cp", emptyClasspath.toString())
        .addInputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Index {
              Map<String, String> index(String[] keys) {
                Map<String, String> m = new HashMap<>();
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.Map;

            class Index {
              Map<String, String> index(String[] keys) {
                Map<String, String> m = new HashMap<>((int) Math.ceil(keys.length / 0.75));
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useFactory_guava_release17() {
    helper(HashMapCapacityChecker.class)
        .setArgs("--release", "17", "-cp", emptyClasspath.toString())
        .addInputLines("com/google/common/collect/Maps.java", guavaMapsStub())
        .expectUnchanged()
        .addInputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = new HashMap<String, String>(keys.size());
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import com.google.common.collect.Maps;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = Maps.<String, String>newHashMapWithExpectedSize(keys.size());
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
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

  // ---- ReplaceCapacity ----

  @Test
  void replaceCapacity_release17_withoutGuava() {
    helper(HashMapCapacityChecker.class)
        .setArgs("--release", "17", "-cp", emptyClasspath.toString())
        .addInputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = new HashMap<>(keys.size());
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            class Index {
              Map<String, String> index(List<String> keys) {
                Map<String, String> m = new HashMap<>((int) Math.ceil(keys.size() / 0.75));
                for (String k : keys) {
                  m.put(k, k.trim());
                }
                return m;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replaceCapacity_sourceAndTarget17_withoutGuava() {
    helper(HashMapCapacityChecker.class)
        .setArgs("-source", "17", "-target", "17", "-cp", emptyClasspath.toString())
        .addInputLines(
            "Index.java",
            """
            import java.util.HashSet;
            import java.util.Set;

            class Index {
              Set<String> index(String[] keys) {
                Set<String> s = new HashSet<>(keys.length);
                for (String k : keys) {
                  s.add(k.trim());
                }
                return s;
              }
            }
            """)
        .addOutputLines(
            "Index.java",
            """
            import java.util.HashSet;
            import java.util.Set;

            class Index {
              Set<String> index(String[] keys) {
                Set<String> s = new HashSet<>((int) Math.ceil(keys.length / 0.75));
                for (String k : keys) {
                  s.add(k.trim());
                }
                return s;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  // ---- UseStringBuilder ----

  @Test
  void useStringBuilder_compoundAssignment() {
    helper(StringConcatInLoopChecker.class)
        .addInputLines(
            "Join.java",
            """
            import java.util.List;

            class Join {
              String join(List<String> parts) {
                String s = "";
                for (String p : parts) {
                  s += p;
                }
                return s.trim();
              }
            }
            """)
        .addOutputLines(
            "Join.java",
            """
            import java.util.List;

            class Join {
              String join(List<String> parts) {
                StringBuilder sBuilder = new StringBuilder();
                for (String p : parts) {
                  sBuilder.append(p);
                }
                String s = sBuilder.toString();
                return s.trim();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useStringBuilder_selfConcatenationWithSeveralOperands_freshName() {
    helper(StringConcatInLoopChecker.class)
        .addInputLines(
            "Csv.java",
            """
            class Csv {
              String csv(int[] values) {
                String line = "[";
                int lineBuilder = 0;
                for (int i = 0; i < values.length; i++) {
                  line = line + values[i] + ",";
                  lineBuilder++;
                }
                return line + "]" + lineBuilder;
              }
            }
            """)
        .addOutputLines(
            "Csv.java",
            """
            class Csv {
              String csv(int[] values) {
                StringBuilder lineBuilder2 = new StringBuilder("[");
                int lineBuilder = 0;
                for (int i = 0; i < values.length; i++) {
                  lineBuilder2.append(values[i]).append(",");
                  lineBuilder++;
                }
                String line = lineBuilder2.toString();
                return line + "]" + lineBuilder;
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void useStringBuilder_notOfferedWhenTheVariableIsReadInTheLoop() {
    helper(StringConcatInLoopChecker.class)
        .addInputLines(
            "Join.java",
            """
            import java.util.List;

            class Join {
              String join(List<String> parts) {
                String s = "";
                for (String p : parts) {
                  if (s.length() > 80) {
                    break;
                  }
                  s += p;
                }
                return s;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
