package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.boxing;
import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile}: the analysis keeps its results for the join; a recording that cannot be used is
 * one note naming it, and the run goes on without ranking (same findings, same exit status).
 */
class CliProfileTest {
  @TempDir Path dir;
  World world;

  @BeforeEach
  void setUp() throws IOException {
    world = new World(dir);
    world.classesDir("classes");
  }

  /** What a run without a recording prints, to compare with. */
  private Outcome plain() {
    return world.run(new FakeAnalysis(result(3, boxing(7), boxing(9))), "classes");
  }

  @Test
  void aFileThatIsNoRecordingIsOneNoteAndTheRunGoesOnWithoutRanking() throws IOException {
    Files.writeString(dir.resolve("app.jfr"), "not a recording");
    FakeAnalysis fake = new FakeAnalysis(result(3, boxing(7), boxing(9)));
    Outcome r = world.run(fake, "--profile", "app.jfr", "classes");
    assertTrue(fake.options.keepResults(), "the join needs the engine's results");
    Outcome p = plain();
    assertEquals(p.status(), r.status());
    assertEquals(p.out(), r.out(), "the same findings, unranked");
    List<String> notes = r.errLines().stream().filter(l -> l.startsWith("noescape: note: ")).toList();
    assertEquals(List.of("noescape: note: profile app.jfr: not a JFR recording (no FLR header); not used"), notes);
    assertFalse(r.err().contains("noescape: profile:"), r.err());
  }

  @Test
  void aMissingRecordingIsANoteToo() {
    Outcome r = world.run(new FakeAnalysis(result(3, boxing(7))), "--profile", "gone.jfr", "classes");
    assertTrue(r.errLines().contains("noescape: note: profile gone.jfr: no such file; not used"), r.err());
    assertEquals(plain().status(), r.status());
  }

  @Test
  void aReadableRecordingRanksTheRunAndIsSummarized() throws Exception {
    Path good = dir.resolve("good.jfr");
    try (Recording rec = new Recording(Configuration.getConfiguration("profile"))) {
      rec.start();
      for (int i = 0; i < 200_000; i++) sink = new long[32];
      rec.stop();
      rec.dump(good);
    }
    Files.writeString(dir.resolve("bad.jfr"), "junk");
    Outcome r = world.run(new FakeAnalysis(result(3, boxing(7))), "--profile", "bad.jfr", "--profile", "good.jfr", "classes");
    assertTrue(r.errLines().contains("noescape: note: profile bad.jfr: not a JFR recording (no FLR header); not used"), r.err());
    String summary = r.errLines().stream().filter(l -> l.startsWith("noescape: profile: ")).findFirst().orElse("");
    assertTrue(summary.contains(" sampled in good.jfr, ") && summary.endsWith("explained by a finding or verdict"), r.err());
  }

  @Test
  void withoutProfilesTheAnalysisDropsItsResults() {
    FakeAnalysis fake = new FakeAnalysis(result(3, boxing(7)));
    world.run(fake, "classes");
    assertFalse(fake.options.keepResults());
  }

  static volatile Object sink;
}
