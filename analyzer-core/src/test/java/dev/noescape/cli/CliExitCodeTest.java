package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.boxing;
import static dev.noescape.cli.CliHarness.finding;
import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import dev.noescape.catalog.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every exit status: 0 clean, 1 findings at or above --fail-on, 2 usage/input error with one line. */
class CliExitCodeTest {
  @TempDir Path dir;
  World world;

  @BeforeEach
  void setUp() throws IOException {
    world = new World(dir);
    world.classesDir("classes");
  }

  private static FakeAnalysis returning(dev.noescape.finding.Finding... findings) {
    return new FakeAnalysis(result(5, findings));
  }

  private static final dev.noescape.finding.Finding INFO =
      finding(RuleId.HEAP_ESCAPE, "com/acme/A.java", 3, "new StringBuilder() escapes to heap: returned (line 4)");
  private static final dev.noescape.finding.Finding ERROR =
      finding(RuleId.ALLOCATION_CONTRACT, "com/acme/A.java", 9, "@NoAllocation method A.f allocates: new int[n]");

  @Test
  void noFindingsIsZero() {
    assertEquals(0, world.run(returning(), "classes").status());
  }

  @Test
  void aWarningIsOneByDefault() {
    assertEquals(1, world.run(returning(boxing(7)), "classes").status());
  }

  @Test
  void informationAloneIsZero() {
    assertEquals(0, world.run(returning(INFO), "--all", "classes").status());
  }

  @ParameterizedTest(name = "--fail-on {0} with {1} -> {2}")
  @CsvSource({
    "warning, info,    0",
    "warning, warning, 1",
    "warning, error,   1",
    "error,   info,    0",
    "error,   warning, 0",
    "error,   error,   1",
    "never,   info,    0",
    "never,   warning, 0",
    "never,   error,   0",
  })
  void failOnThreshold(String failOn, String severity, int expected) {
    var f = switch (severity) {
      case "info" -> INFO;
      case "warning" -> boxing(7);
      default -> ERROR;
    };
    Outcome r = world.run(returning(f), "--all", "--fail-on", failOn, "classes");
    assertEquals(expected, r.status(), r.err());
    assertEquals(1, r.outLines().size(), "the finding is printed whatever the status");
  }

  @Test
  void problemsInAnInputAreNotesNotAnInputError() {
    var fake = new FakeAnalysis(new BytecodeAnalysis.Result(List.of(), 10, 9,
        List.of(new BytecodeAnalysis.Problem("app.jar!com/acme/Broken.class", "skipped: truncated class file"))));
    Outcome r = world.run(fake, "classes");
    assertEquals(0, r.status());
    assertTrue(r.errLines().contains("noescape: note: app.jar!com/acme/Broken.class: skipped: truncated class file"), r.err());
  }

  @Test
  void debugPrintsTheEnginesPeakWorkAgainstTheBudgets() {
    var fake = new FakeAnalysis(new BytecodeAnalysis.Result(List.of(), 1, 1, List.of(), java.util.Map.of(),
        BytecodeAnalysis.SummaryUse.NONE, null, new dev.noescape.engine.WorkPeaks(31_790, "a.B#m()", 737_639, 580)));
    Outcome r = world.run(fake, "--debug", "classes");
    assertEquals(0, r.status());
    assertTrue(r.errLines().contains("noescape: work: largest method analysis 31,790 units (0.032 % of the budget) in a.B#m();"
        + " largest recursive component 737,639 units (0.037 % of the budget) over 580 methods"), r.err());
    assertTrue(world.run(fake, "classes").errLines().stream().noneMatch(l -> l.contains("work:")));
  }

  // --- 2: usage and input errors, one line on stderr, nothing on stdout, no analysis ---

  private void assertUsageError(String expectedLine, String... args) {
    FakeAnalysis fake = returning(boxing(1));
    Outcome r = world.run(fake, args);
    assertEquals(2, r.status(), r.err());
    assertEquals(List.of(expectedLine), r.errLines());
    assertEquals("", r.out());
    assertEquals(0, fake.calls, "no analysis after a usage error");
  }

  /** A run whose analysis throws {@code failure}. */
  private Outcome runFailing(Throwable failure, String... args) {
    FakeAnalysis fake = returning();
    fake.failure = failure;
    return world.run(fake, args);
  }

  /** Status 2 and one line on stderr, which starts with {@code prefix}. */
  private static void assertOneErrorLine(Outcome r, String prefix) {
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith(prefix), r.err());
  }

  @Test
  void missingInput() {
    assertUsageError("noescape: no such file: foo.jar", "foo.jar");
  }

  @Test
  void missingSecondInput() {
    assertUsageError("noescape: no such file: gone", "classes", "gone");
  }

  @Test
  void noInputAtAll() {
    assertUsageError("noescape: no INPUT: give one or more jars or classes directories (see --help)");
  }

  @Test
  void inputThatIsNeitherJarNorDirectory() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "hello");
    assertUsageError("noescape: not a jar or classes directory: notes.txt", "notes.txt");
  }

  @Test
  void classFileAsInputSaysWhatToGive() throws IOException {
    Files.write(dir.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertUsageError("noescape: not a jar or classes directory: A.class (give the directory its package starts in)", "A.class");
  }

  @Test
  void badVerbosity() {
    assertUsageError("noescape: --verbosity must be 1 or 2", "--verbosity", "3", "classes");
    assertUsageError("noescape: --verbosity must be 1 or 2", "--verbosity=x", "classes");
  }

  @Test
  void badFailOn() {
    assertUsageError("noescape: --fail-on must be warning, error or never (was 'info')", "--fail-on", "info", "classes");
  }

  @Test
  void unknownOption() {
    Outcome r = world.run(returning(), "--sarf", "x.sarif", "classes");
    assertOneErrorLine(r, "noescape: unknown option: --sarf");
  }

  @Test
  void optionWithoutItsValue() {
    assertUsageError("noescape: --sarif needs a value (FILE)", "classes", "--sarif");
  }

  @Test
  void missingSourceDirectory() {
    assertUsageError("noescape: no such directory: src/main/java", "--source", "src/main/java", "classes");
  }

  @Test
  void sarifIntoAnExistingDirectory() throws IOException {
    world.classesDir("out");
    assertUsageError("noescape: --sarif needs a file, out is a directory", "--sarif", "out", "classes");
  }

  @Test
  void htmlIntoAnExistingFile() throws IOException {
    Files.writeString(dir.resolve("report.html"), "");
    assertUsageError("noescape: --html needs a directory, report.html is a file", "--html", "report.html", "classes");
  }

  @Test
  void badBudgetSeconds() {
    assertUsageError("noescape: --budget-seconds must be a positive whole number (was '0')", "--budget-seconds", "0", "classes");
    assertUsageError("noescape: --budget-seconds must be a positive whole number (was '1.5')", "--budget-seconds", "1.5", "classes");
  }

  @Test
  void badHotAnnotation() {
    assertUsageError("noescape: --hot-annotation needs an annotation name (was '1x')", "--hot-annotation", "1x", "classes");
  }

  @Test
  void analysisFailureIsOneLineWithoutStackTrace() {
    Outcome r = runFailing(new IllegalStateException("cannot lower com.acme.A#f()"), "classes");
    assertEquals(2, r.status());
    assertEquals(List.of("noescape: the analysis failed: cannot lower com.acme.A#f() (--debug prints the stack trace)"),
        r.errLines());
  }

  @Test
  void debugPrintsTheStackTrace() {
    Outcome r = runFailing(new IllegalStateException("boom"), "--debug", "classes");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("java.lang.IllegalStateException: boom"), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
    assertEquals("noescape: the analysis failed: boom", r.lastErrLine());
  }

  @Test
  void aBugInTheCommandLineItselfIsStillOneLine() {
    Outcome r = world.run(new FakeAnalysis(null), "classes"); // a null result breaks the command, not the analysis
    assertOneErrorLine(r, "noescape: internal error: ");
  }

  @Test
  void outOfMemorySaysWhatToDo() {
    Outcome r = runFailing(new OutOfMemoryError("Java heap space"), "classes");
    assertOneErrorLine(r, "noescape: out of memory: give the JVM more heap");
  }

  @Test
  void reportThatCannotBeWritten() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
    Outcome r = world.run(returning(boxing(1)), "--json", "blocker/noescape.json", "classes");
    assertOneErrorLine(r, "noescape: cannot write blocker/noescape.json: ");
  }

  // --- help and version: 0, on stdout ---

  @Test
  void helpIsZeroOnStdout() {
    Outcome r = world.run(returning(), "--help");
    assertEquals(0, r.status());
    assertEquals("", r.err());
    for (String option : List.of("--classpath", "--source", "--sarif", "--json", "--html", "--all", "--verbosity",
        "--fail-on", "--report-outside-loops", "--contract-allows-no-escape", "--hot-annotation", "--budget-seconds", "--progress", "--quiet", "--debug", "--version",
        "Exit status:", "INPUT")) {
      assertTrue(r.out().contains(option), option + " in\n" + r.out());
    }
  }

  @Test
  void versionIsZeroOnStdout() {
    Outcome r = world.run(returning(), "--version");
    assertEquals(0, r.status());
    assertTrue(r.out().matches("noescape \\d+\\.\\d+\\.\\d+.*\\R"), r.out());
    assertFalse(r.out().contains("${"), r.out());
  }
}
