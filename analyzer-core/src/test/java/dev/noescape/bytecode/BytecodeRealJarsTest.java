package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real libraries from the local Maven repository run to a finite answer without a crash. Off by
 * default (tens of seconds each on a shared machine): {@code -Dnoescape.realjars=true}. The same
 * check from a shell, with wall time and peak RSS: {@code /usr/bin/time -v java -cp … 
 * dev.noescape.bytecode.BytecodeRealJarsTest <input.jar> [classpath jars…]}.
 */
class BytecodeRealJarsTest {
  static Path m2(String group, String artifact, String version) {
    return Paths.get(System.getProperty("user.home"), ".m2", "repository", group.replace('.', '/'), artifact, version,
        artifact + "-" + version + ".jar");
  }

  static BytecodeAnalysis.Result run(Path input, List<Path> classpath) {
    return BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(input), classpath, EnumSet.allOf(RuleId.class),
        RuleContext.defaults()), BytecodeAnalysis.Progress.NONE);
  }

  private static void check(Path input, List<Path> cp) {
    assumeTrue(Boolean.getBoolean("noescape.realjars"), "set -Dnoescape.realjars=true");
    assumeTrue(Files.isRegularFile(input), "not in ~/.m2: " + input);
    List<Path> present = new ArrayList<>();
    for (Path p : cp) if (Files.isRegularFile(p)) present.add(p);
    BytecodeAnalysis.Result r = run(input, present);
    System.out.println(input.getFileName() + ": " + r.classesAnalyzed() + "/" + r.classesTotal() + " classes, "
        + r.findings().size() + " findings, " + r.problems().size() + " problems");
    assertTrue(r.classesTotal() > 0);
    assertTrue(r.classesAnalyzed() > r.classesTotal() * 0.9, r.problems().toString());
  }

  @Test
  void guava() {
    check(m2("com.google.guava", "guava", "33.4.8-jre"), List.of(m2("com.google.guava", "failureaccess", "1.0.3")));
  }

  @Test
  void commonsLang3() {
    check(m2("org.apache.commons", "commons-lang3", "3.18.0"), List.of());
  }

  @Test
  void jacksonDatabind() {
    check(m2("com.fasterxml.jackson.core", "jackson-databind", "2.19.2"), List.of(
        m2("com.fasterxml.jackson.core", "jackson-core", "2.19.2"),
        m2("com.fasterxml.jackson.core", "jackson-annotations", "2.19.2")));
  }

  /** {@code input.jar [classpath.jar…]}: one run, a summary line, the first problems. */
  public static void main(String[] args) {
    List<Path> cp = new ArrayList<>();
    for (int i = 1; i < args.length; i++) cp.add(Paths.get(args[i]));
    long t0 = System.nanoTime();
    String[] phase = {""};
    BytecodeAnalysis.Progress timing = (p, done, total) -> {
      if (!p.equals(phase[0])) {
        System.out.println("  phase " + p + " at " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        phase[0] = p;
      }
    };
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(Paths.get(args[0])), cp,
        EnumSet.allOf(RuleId.class), RuleContext.defaults()), timing);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(Paths.get(args[0]).getFileName() + ": " + r.classesAnalyzed() + "/" + r.classesTotal()
        + " classes analyzed, " + r.findings().size() + " findings, " + r.problems().size() + " problems, " + ms + " ms");
    r.problems().stream().limit(10).forEach(p -> System.out.println("  " + p));
    String out = System.getProperty("noescape.findings");
    if (out != null) {
      List<String> lines = new ArrayList<>();
      for (var f : r.findings()) lines.add(f.file() + ":" + f.pos().line() + " [" + f.rule().id() + "] " + f.message());
      try {
        java.nio.file.Files.write(Paths.get(out), lines);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    java.util.Map<String, Integer> byRule = new java.util.TreeMap<>();
    for (var f : r.findings()) byRule.merge(f.rule().id(), 1, Integer::sum);
    System.out.println("  " + byRule);
  }
}
