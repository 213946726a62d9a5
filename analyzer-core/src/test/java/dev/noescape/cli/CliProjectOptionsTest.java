package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advice checked against the project, through the whole command line: the target release comes
 * from the class files or {@code --release}, and a library is suggested only when it is one of the
 * project's own dependencies ({@code --dependencies}), never when it is only on {@code --classpath}.
 */
class CliProjectOptionsTest {
  @TempDir Path dir;

  private static final String FILL = "p/Fill.java:6: new HashMap<>() rehashes while it is filled with names.size() entries"
      + " in the loop at line 7: presize it for the load factor 0.75: ";

  @BeforeEach
  void compile() {
    GeneratedClasses.compile(dir, dir.resolve("classes"), Map.of("p/Fill.java", """
        package p;
        import java.util.*;
        public class Fill {
          public static Map<String, Integer> index(List<String> names) {
            int i = 0;
            Map<String, Integer> m = new HashMap<>();
            for (String n : names) {
              m.put(n, n.length());
            }
            return m;
          }
        }
        """));
    // a stand-in for Guava: only the class names matter
    GeneratedClasses.jar(GeneratedClasses.compile(dir, dir.resolve("guava"), Map.of(
        "com/google/common/collect/Maps.java", "package com.google.common.collect;\npublic final class Maps {}\n",
        "com/google/common/collect/Sets.java", "package com.google.common.collect;\npublic final class Sets {}\n")),
        dir.resolve("guava.jar"));
  }

  private List<String> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(dev.noescape.bytecode.BytecodeAnalysis::run, new Env(dir, false, System::nanoTime, 0),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    assertTrue(status == 0 || status == 1, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("[UnpresizedCollection]")).toList();
  }

  @Test
  void theReleaseOfTheClassFilesDecidesTheFactory() {
    // compiled with --release 17 (GeneratedClasses): HashMap.newHashMap (Java 19) does not exist there
    assertEquals(List.of(FILL + "new HashMap<>((int) Math.ceil(names.size() / 0.75)) [UnpresizedCollection]"),
        run("classes"));
  }

  @Test
  void releaseOverridesTheClassFiles() {
    assertEquals(List.of(FILL + "HashMap.newHashMap(names.size()) [UnpresizedCollection]"), run("--release", "21", "classes"));
    assertEquals(List.of(FILL + "new HashMap<>((int) Math.ceil(names.size() / 0.75)) [UnpresizedCollection]"),
        run("--release", "8", "classes"));
    assertEquals(List.of(FILL + "new HashMap<>((int) Math.ceil(names.size() / 0.75)) [UnpresizedCollection]"),
        run("--target", "1.8", "classes"));
  }

  @Test
  void aLibraryOnlyOnTheClassPathIsNeverSuggested() {
    assertEquals(List.of(FILL + "new HashMap<>((int) Math.ceil(names.size() / 0.75)) [UnpresizedCollection]"),
        run("--release", "8", "--classpath", "guava.jar", "classes"));
    assertEquals(List.of(FILL + "Maps.newHashMapWithExpectedSize(names.size()) [UnpresizedCollection]"),
        run("--release", "8", "--dependencies", "guava.jar", "classes"));
  }

  @Test
  void aReleaseThatIsNotANumberIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(dev.noescape.bytecode.BytecodeAnalysis::run, new Env(dir, false, System::nanoTime, 0),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--release", "eight", "classes");
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(
        "--release must be a Java release number such as 8, 11 or 21 (was 'eight')"), err.toString(StandardCharsets.UTF_8));
  }
}
