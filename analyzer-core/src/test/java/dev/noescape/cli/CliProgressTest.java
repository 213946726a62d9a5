package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.boxing;
import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line: throttling and formatting with a fake clock, and when the command shows it. */
class CliProgressTest {
  final AtomicLong now = new AtomicLong(5_000_000_000L);
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  ProgressLine line(ProgressLine.Mode mode) {
    return new ProgressLine(mode, err, now::get);
  }

  void millis(long ms) {
    now.addAndGet(ms * 1_000_000L);
  }

  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void format() {
    assertEquals("analyzing: 812/1,970 classes, 6.1 s", ProgressLine.format("lowering", 812, 1970, 6_100_000_000L));
    assertEquals("analyzing: 3/1,970 classes, 2.0 s", ProgressLine.format("loading", 3, 1970, 2_000_000_000L));
    assertEquals("analyzing: solving 4,000/15,700, 9.3 s", ProgressLine.format("solving", 4000, 15700, 9_300_000_000L));
    assertEquals("analyzing: 2.4 s", ProgressLine.format(null, 0, 0, 2_400_000_000L));
  }

  @Test
  void nothingDuringTheFirstTwoSeconds() {
    ProgressLine p = line(ProgressLine.Mode.TERMINAL);
    for (int i = 0; i < 19; i++) {
      millis(100);
      p.update("lowering", i, 100);
    }
    p.finish();
    assertEquals("", printed());
  }

  @Test
  void terminalRewritesInPlaceAtMostEvery200msAndErasesAtTheEnd() {
    ProgressLine p = line(ProgressLine.Mode.TERMINAL);
    millis(2_000);
    p.update("lowering", 812, 1970);
    assertEquals("\ranalyzing: 812/1,970 classes, 2.0 s", printed());
    millis(100);
    p.update("lowering", 900, 1970); // throttled
    assertEquals("\ranalyzing: 812/1,970 classes, 2.0 s", printed());
    millis(100);
    p.update("lowering", 1000, 1970);
    assertEquals("\ranalyzing: 812/1,970 classes, 2.0 s\ranalyzing: 1,000/1,970 classes, 2.2 s", printed());
    bytes.reset();
    millis(300);
    p.update("lowering", 7, 9); // shorter: padded over the old text
    String longer = "analyzing: 1,000/1,970 classes, 2.2 s";
    String shorter = "analyzing: 7/9 classes, 2.5 s";
    assertEquals("\r" + shorter + " ".repeat(longer.length() - shorter.length()), printed());
    bytes.reset();
    p.finish();
    assertEquals("\r" + " ".repeat(shorter.length()) + "\r", printed());
    bytes.reset();
    millis(5_000);
    p.update("lowering", 8, 9);
    p.tick();
    p.finish();
    assertEquals("", printed(), "nothing after finish");
  }

  @Test
  void tickKeepsTheClockMovingWithoutUpdates() {
    ProgressLine p = line(ProgressLine.Mode.TERMINAL);
    millis(2_500);
    p.tick();
    assertEquals("\ranalyzing: 2.5 s", printed());
  }

  @Test
  void plainPrintsWholeLinesAtMostEveryTwoSeconds() {
    ProgressLine p = line(ProgressLine.Mode.PLAIN);
    for (int i = 1; i <= 60; i++) { // 6 s in steps of 100 ms
      millis(100);
      p.update("lowering", i, 60);
    }
    p.finish();
    assertEquals(List.of("analyzing: 20/60 classes, 2.0 s", "analyzing: 40/60 classes, 4.0 s", "analyzing: 60/60 classes, 6.0 s"),
        printed().lines().toList());
    assertFalse(printed().contains("\r"));
  }

  @Test
  void offPrintsNothing() {
    ProgressLine p = line(ProgressLine.Mode.OFF);
    millis(10_000);
    p.update("lowering", 1, 2);
    p.tick();
    p.finish();
    assertEquals("", printed());
  }

  // --- when the command shows it ---

  @TempDir Path dir;

  private Outcome slowRun(boolean terminal, String... options) throws IOException {
    World world = new World(dir);
    world.terminal = terminal;
    world.classesDir("classes");
    FakeAnalysis fake = new FakeAnalysis(result(50, boxing(1)));
    fake.during = progress -> {
      for (int i = 1; i <= 50; i++) {
        world.advanceMillis(100);
        progress.update("lowering", i, 50);
      }
    };
    String[] args = new String[options.length + 1];
    System.arraycopy(options, 0, args, 0, options.length);
    args[options.length] = "classes";
    return world.run(fake, args);
  }

  @Test
  void notOnANonTerminalByDefault() throws IOException {
    Outcome r = slowRun(false);
    assertEquals(List.of("noescape: 1 finding (BoxingAllocation 1) in 50 classes"), r.errLines());
  }

  @Test
  void progressForcesPlainLinesOnANonTerminal() throws IOException {
    Outcome r = slowRun(false, "--progress");
    assertEquals(List.of("analyzing: 20/50 classes, 2.0 s", "analyzing: 40/50 classes, 4.0 s",
        "noescape: 1 finding (BoxingAllocation 1) in 50 classes"), r.errLines());
    assertEquals(1, r.outLines().size(), "progress never goes to stdout");
  }

  @Test
  void onATerminalTheLineIsDrawnAndErasedBeforeTheSummary() throws IOException {
    Outcome r = slowRun(true);
    assertTrue(r.err().startsWith("\ranalyzing: 20/50 classes, 2.0 s"), r.err());
    assertTrue(r.err().endsWith("\r\nnoescape: 1 finding (BoxingAllocation 1) in 50 classes" + System.lineSeparator())
        || r.err().endsWith("\rnoescape: 1 finding (BoxingAllocation 1) in 50 classes" + System.lineSeparator()), r.err());
    assertFalse(r.out().contains("analyzing"));
  }

  @Test
  void quietSilencesTheTerminalLine() throws IOException {
    assertEquals("", slowRun(true, "--quiet").err());
  }
}
