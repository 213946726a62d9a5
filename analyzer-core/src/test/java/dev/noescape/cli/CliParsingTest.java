package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import dev.noescape.catalog.RuleId;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How arguments become the analysis' {@code Options}. */
class CliParsingTest {
  @TempDir Path dir;
  World world;
  FakeAnalysis analysis;

  @BeforeEach
  void setUp() throws IOException {
    world = new World(dir);
    world.classesDir("classes");
    analysis = new FakeAnalysis(result(3));
  }

  @Test
  void defaultsAreTheWarningAndErrorRulesAtVerbosityOne() {
    assertEquals(0, world.run(analysis, "classes").status());
    var o = analysis.options;
    assertEquals(List.of(dir.resolve("classes")), o.inputs());
    assertEquals(List.of(), o.classpath());
    assertEquals(EnumSet.of(RuleId.BOXING_ALLOCATION, RuleId.VARARGS_ALLOCATION, RuleId.CAPTURING_LAMBDA,
        RuleId.UNPRESIZED_COLLECTION, RuleId.HASH_MAP_CAPACITY, RuleId.STRING_CONCAT_IN_LOOP, RuleId.ALLOCATION_CONTRACT),
        o.rules());
    assertEquals(1, o.ruleContext().verbosity());
    assertFalse(o.ruleContext().reportOutsideLoops());
    assertFalse(o.ruleContext().contractAllowsNoEscape());
    assertEquals(Set.of(), o.ruleContext().hotAnnotations());
    assertEquals(null, o.timeBudget(), "no wall-clock budget unless asked: output stays deterministic");
  }

  @Test
  void budgetSecondsBecomesTheRunsTimeBudget() {
    world.run(analysis, "--budget-seconds", "90", "classes");
    assertEquals(java.time.Duration.ofSeconds(90), analysis.options.timeBudget());
  }

  @Test
  void allAddsTheEscapeVerdicts() {
    world.run(analysis, "--all", "classes");
    assertEquals(EnumSet.allOf(RuleId.class), analysis.options.rules());
  }

  @Test
  void ruleOptionsReachTheRuleContext() {
    world.run(analysis, "--verbosity", "2", "--report-outside-loops", "--hot-annotation", "Fast",
        "--hot-annotation=com.acme.Critical,@Quick", "--contract-allows-no-escape", "classes");
    var c = analysis.options.ruleContext();
    assertEquals(2, c.verbosity());
    assertTrue(c.reportOutsideLoops());
    assertTrue(c.contractAllowsNoEscape());
    assertEquals(Set.of("Fast", "Critical", "Quick"), c.hotAnnotations());
  }

  @Test
  void severalInputsJarsAndDirectoriesDuplicatesOnce() throws IOException {
    world.jar("lib/app.jar");
    world.classesDir("more");
    world.run(analysis, "classes", "lib/app.jar", "more", "./classes");
    assertEquals(List.of(dir.resolve("classes"), dir.resolve("lib/app.jar"), dir.resolve("more")), analysis.options.inputs());
  }

  @Test
  void classpathUsesThePlatformSeparatorAndExpandsWildcardsLikeJava() throws IOException {
    world.jar("lib/b.jar");
    world.jar("lib/a.jar");
    Files.writeString(dir.resolve("lib/readme.txt"), "not a jar");
    Files.createDirectories(dir.resolve("lib/nested"));
    world.jar("lib/nested/deep.jar");
    world.classesDir("deps");
    world.jar("other.jar");
    String cp = String.join(File.pathSeparator, "lib/*", "", "deps");
    Outcome r = world.run(analysis, "--classpath", cp, "-cp", "other.jar", "classes");
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar"), dir.resolve("deps"), dir.resolve("other.jar")),
        analysis.options.classpath());
  }

  @Test
  void missingClasspathEntriesAreNotesNotErrors() {
    Outcome r = world.run(analysis, "--classpath", "gone.jar" + File.pathSeparator + "nodir/*", "classes");
    assertEquals(0, r.status());
    assertEquals(List.of(), analysis.options.classpath());
    assertTrue(r.errLines().contains("noescape: note: class path entry not found, ignored: gone.jar"), r.err());
    assertTrue(r.errLines().contains("noescape: note: class path entry not found, ignored: nodir/*"), r.err());
  }

  @Test
  void anInputIsNotAlsoOnTheClasspath() throws IOException {
    world.jar("app.jar");
    world.run(analysis, "--classpath", "app.jar" + File.pathSeparator + "classes", "app.jar");
    assertEquals(List.of(dir.resolve("classes")), analysis.options.classpath());
  }

  @Test
  void argumentsCanComeFromAnArgFile() throws IOException {
    Files.writeString(dir.resolve("args.txt"), "--verbosity\n2\n" + dir.resolve("classes") + "\n");
    assertEquals(0, world.run(analysis, "@" + dir.resolve("args.txt")).status());
    assertEquals(2, analysis.options.ruleContext().verbosity());
  }

  @Test
  void failOnIsCaseInsensitive() {
    assertEquals(0, world.run(analysis, "--fail-on", "ERROR", "classes").status());
    assertEquals(1, analysis.calls);
  }
}
