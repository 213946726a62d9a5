package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.boxing;
import static dev.noescape.cli.CliHarness.finding;
import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes to stdout (findings, nothing else), stderr (summary, notes) and files. */
class CliOutputTest {
  @TempDir Path dir;
  World world;

  static final Finding VARARGS = finding(RuleId.VARARGS_ALLOCATION, "com/acme/Log.java", 12,
      "varargs call to String.format allocates a new Object[2] on every iteration of the loop (line 11)");

  @BeforeEach
  void setUp() throws IOException {
    world = new World(dir);
    world.classesDir("classes");
  }

  @Test
  void textGoesToStdoutOneGoStyleLinePerFindingAndTheSummaryToStderr() {
    FakeAnalysis fake = new FakeAnalysis(result(1970, boxing(7), boxing(9), VARARGS));
    Outcome r = world.run(fake, "classes");
    assertEquals(1, r.status());
    assertEquals(List.of(
        "com/acme/Log.java:12: varargs call to String.format allocates a new Object[2] on every iteration of the loop (line 11) [VarargsAllocation]",
        "com/acme/OrderBook.java:7: boxing long to Long allocates on every iteration of the loop (line 7) [BoxingAllocation]",
        "com/acme/OrderBook.java:9: boxing long to Long allocates on every iteration of the loop (line 9) [BoxingAllocation]"),
        r.outLines());
    assertEquals(List.of("noescape: 3 findings (BoxingAllocation 2, VarargsAllocation 1) in 1,970 classes"), r.errLines());
  }

  @Test
  void anInputWithoutClassesIsANoteNotAnError() {
    Outcome r = world.run(new FakeAnalysis(result(0)), "classes");
    assertEquals(0, r.status());
    assertEquals(List.of("noescape: note: no class files in classes (compiled yet?)", "noescape: no findings in 0 classes"),
        r.errLines());
  }

  @Test
  void noFindingsPrintsNothingOnStdout() {
    Outcome r = world.run(new FakeAnalysis(result(12)), "classes");
    assertEquals("", r.out());
    assertEquals(List.of("noescape: no findings in 12 classes"), r.errLines());
  }

  @Test
  void sarifIsWrittenWithParentsCreatedAndOnlyTheSummaryLineIsPrinted() throws IOException {
    Outcome r = world.run(new FakeAnalysis(result(40, boxing(7))), "--sarif", "target/noescape/noescape.sarif", "classes");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals(List.of("noescape: 1 finding (BoxingAllocation 1) in 40 classes; wrote target/noescape/noescape.sarif"),
        r.errLines());
    String sarif = Files.readString(dir.resolve("target/noescape/noescape.sarif"));
    assertTrue(sarif.contains("2.1.0") && sarif.contains("BoxingAllocation"), sarif);
  }

  @Test
  void everyReportAtOnce() throws IOException {
    Outcome r = world.run(new FakeAnalysis(result(40, boxing(7))),
        "--sarif", "out/a.sarif", "--json", "out/a.json", "--html", "out/html", "classes");
    assertEquals("", r.out());
    String wrote = "wrote out/a.sarif, out/a.json, " + Path.of("out/html", "index.html");
    assertTrue(r.lastErrLine().endsWith(wrote), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    String json = Files.readString(dir.resolve("out/a.json"));
    assertTrue(json.contains("BoxingAllocation"), json);
    assertTrue(json.contains("\"classes\": {\n      \"total\": 40,\n      \"analyzed\": 40\n    }"), json);
    assertTrue(Files.size(dir.resolve("out/html/index.html")) > 0);
  }

  @Test
  void notesGoToStderrOneLineEachNamingTheInputBeforeTheSummary() {
    var fake = new FakeAnalysis(new BytecodeAnalysis.Result(List.of(boxing(3)), 10, 8, List.of(
        new BytecodeAnalysis.Problem("app.jar!com/acme/Broken.class", "skipped: truncated class file"),
        new BytecodeAnalysis.Problem("app.jar!com/acme/Odd.class", "skipped method f(): unsupported bytecode"))));
    Outcome r = world.run(fake, "classes");
    assertEquals(1, r.outLines().size());
    assertEquals(List.of(
        "noescape: note: app.jar!com/acme/Broken.class: skipped: truncated class file",
        "noescape: note: app.jar!com/acme/Odd.class: skipped method f(): unsupported bytecode",
        "noescape: 1 finding (BoxingAllocation 1) in 10 classes (2 not fully analyzed, see notes)"), r.errLines());
  }

  @Test
  void manyNotesAreCappedUnlessVerbosityTwo() {
    List<BytecodeAnalysis.Problem> problems = new ArrayList<>();
    for (int i = 0; i < 25; i++) problems.add(new BytecodeAnalysis.Problem("C" + i + ".class", "skipped"));
    var fake = new FakeAnalysis(new BytecodeAnalysis.Result(List.of(), 30, 5, problems));
    Outcome r = world.run(fake, "classes");
    assertEquals(NoEscapeCommand.MAX_NOTES + 2, r.errLines().size(), r.err());
    assertEquals("noescape: note: 5 more notes (--verbosity 2 lists them all)", r.errLines().get(NoEscapeCommand.MAX_NOTES));
    Outcome all = world.run(fake, "--verbosity", "2", "classes");
    assertEquals(25 + 1, all.errLines().size(), all.err());
  }

  @Test
  void quietLeavesStderrEmptyButPrintsFindings() {
    var fake = new FakeAnalysis(new BytecodeAnalysis.Result(List.of(boxing(3)), 10, 9,
        List.of(new BytecodeAnalysis.Problem("X.class", "skipped"))));
    Outcome r = world.run(fake, "--quiet", "classes");
    assertEquals(1, r.status());
    assertEquals(1, r.outLines().size());
    assertEquals("", r.err());
  }

  @Test
  void withSourcesPathsAreRelativeToTheProjectRoot() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/main/java/com/acme"));
    StringBuilder text = new StringBuilder("package com.acme;\n\nclass OrderBook {\n");
    for (int i = 4; i < 12; i++) text.append("  // line ").append(i).append('\n');
    Files.writeString(src.resolve("OrderBook.java"), text.append("}\n"));
    Outcome r = world.run(new FakeAnalysis(result(1, boxing(7))), "--source", "src/main/java", "classes");
    assertEquals(1, r.outLines().size(), r.err());
    assertTrue(r.out().startsWith("src/main/java/com/acme/OrderBook.java:7"), r.out());
  }

  @Test
  void withoutSourcesPathsAreTheClassFileDerivedOnes() {
    Outcome r = world.run(new FakeAnalysis(result(1, boxing(7))), "classes");
    assertTrue(r.out().startsWith("com/acme/OrderBook.java:7: "), r.out());
  }
}
