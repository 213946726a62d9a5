package dev.noescape.profile.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.Frame;
import dev.noescape.profile.StackSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecordingReader} on a real recording of this JVM (made once with the {@code profile}
 * settings while this class allocates), and on recordings that cannot be used: each gets one line
 * naming it, and the others are read on.
 */
class RecordingReaderTest {
  @TempDir static Path dir;
  static Path good;

  /** Keeps the allocations of {@link #allocate} alive. */
  static volatile Object sink;

  @BeforeAll
  static void record() throws Exception {
    good = dir.resolve("good.jfr");
    try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
      r.start();
      long end = System.nanoTime() + 400_000_000L;
      while (System.nanoTime() < end) allocate();
      r.stop();
      r.dump(good);
    }
  }

  static void allocate() {
    for (int i = 0; i < 10_000; i++) sink = new long[64];
  }

  static AllocationProfile read(Path... paths) {
    return RecordingReader.read(List.of(paths), p -> p.getFileName().toString());
  }

  @Test
  void readsTheAllocationSamplesWithTheirStacks() {
    AllocationProfile p = read(good);
    assertEquals(List.of("good.jfr"), p.recordings());
    assertEquals(List.of(), p.problems());
    assertTrue(p.samples() > 0 && p.bytes() > 0, "samples: " + p.samples());
    long total = 0;
    for (StackSample s : p.stacks()) total += s.bytes();
    assertEquals(p.bytes(), total, "every sample's weight is in one stack");
    StackSample mine = p.stacks().stream()
        .filter(s -> s.objectClass().equals("long[]") && !s.frames().isEmpty()
            && s.frames().get(0).type().equals(RecordingReaderTest.class.getName())
            && s.frames().get(0).method().equals("allocate"))
        .findFirst().orElseThrow(() -> new AssertionError("no sample of allocate()'s long[64]: " + p.stacks()));
    Frame top = mine.frames().get(0);
    assertEquals("()V", top.descriptor());
    assertTrue(top.line() > 0 && top.bci() >= 0, top.toString());
    assertEquals(RecordingReaderTest.class.getName() + "#allocate()", top.methodKey());
  }

  @Test
  void stacksComeInADeterministicOrder() {
    assertEquals(read(good).stacks(), read(good).stacks());
    List<StackSample> s = read(good).stacks();
    for (int i = 1; i < s.size(); i++) assertTrue(s.get(i - 1).bytes() >= s.get(i).bytes());
  }

  @Test
  void aTruncatedRecordingIsNamedAndLeftOut() throws IOException {
    byte[] all = Files.readAllBytes(good);
    Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(all, all.length / 2));
    AllocationProfile p = read(cut, good);
    assertEquals(List.of("good.jfr"), p.recordings(), "the good recording is still read");
    assertOneLine(p, "cut.jfr: cut short (a recording still being written, or an incomplete copy)");
    assertEquals(read(good).bytes(), p.bytes(), "nothing of the cut recording is counted");
  }

  @Test
  void aFileThatIsNoRecordingIsNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording\n", StandardCharsets.UTF_8);
    AllocationProfile p = read(text);
    assertTrue(p.isEmpty());
    assertOneLine(p, "notes.jfr: not a JFR recording (no FLR header); not used");
  }

  @Test
  void aRecordingOfANewerFormatSaysSo() throws IOException {
    byte[] all = Files.readAllBytes(good);
    all[4] = 0;
    all[5] = 3; // major version 3
    Path newer = Files.write(dir.resolve("newer.jfr"), all);
    AllocationProfile p = read(newer);
    assertTrue(p.isEmpty());
    assertOneLine(p, "newer.jfr: written by a newer JDK (JFR file format 3.");
  }

  @Test
  void aMissingFileAndAnEmptyDirectoryAreNamed() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    AllocationProfile p = read(dir.resolve("gone.jfr"), empty);
    assertEquals(List.of("gone.jfr: no such file; not used", "empty: no .jfr files in this directory"), p.problems());
  }

  @Test
  void aDirectoryMeansItsRecordingsInNameOrder() throws IOException {
    Path runs = Files.createDirectories(dir.resolve("runs"));
    Files.copy(good, runs.resolve("b.jfr"));
    Files.copy(good, runs.resolve("a.jfr"));
    Files.writeString(runs.resolve("readme.txt"), "not read");
    AllocationProfile p = read(runs);
    assertEquals(List.of("a.jfr", "b.jfr"), p.recordings());
    assertEquals(2 * read(good).bytes(), p.bytes());
  }

  @Test
  void withoutSamplesTheTlabEventsAreRead() throws Exception {
    Path tlab = dir.resolve("tlab.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
      r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
      r.start();
      for (int i = 0; i < 20; i++) allocate();
      r.stop();
      r.dump(tlab);
    }
    AllocationProfile p = read(tlab);
    assertEquals(List.of(), p.problems());
    assertTrue(p.samples() > 0 && p.bytes() > 0, "samples: " + p.samples());
    assertTrue(p.stacks().stream().anyMatch(s -> !s.frames().isEmpty()
        && s.frames().stream().anyMatch(f -> f.method().equals("allocate"))), p.stacks().toString());
  }

  @Test
  void aRecordingWithoutAllocationEventsIsNamed() throws Exception {
    Path idle = dir.resolve("idle.jfr");
    try (Recording r = new Recording()) {
      r.enable("jdk.JVMInformation");
      r.start();
      r.stop();
      r.dump(idle);
    }
    AllocationProfile p = read(idle);
    assertTrue(p.isEmpty());
    assertOneLine(p, "idle.jfr: no allocation samples (jdk.ObjectAllocationSample, jdk.ObjectAllocationInNewTLAB or"
        + " jdk.ObjectAllocationOutsideTLAB): record with -XX:StartFlightRecording=settings=profile; not used");
  }

  @Test
  void arrayClassesAreNamedAsInSource() {
    assertEquals("byte[]", RecordingReader.className("[B"));
    assertEquals("java.lang.String[][]", RecordingReader.className("[[Ljava.lang.String;"));
    assertEquals("java.util.ArrayList", RecordingReader.className("java.util.ArrayList"));
  }

  /** {@code p} has exactly one problem, on one line, that starts with {@code start}. */
  private static void assertOneLine(AllocationProfile p, String start) {
    assertEquals(1, p.problems().size(), p.problems().toString());
    String line = p.problems().get(0);
    assertTrue(line.startsWith(start), line);
    assertFalse(line.contains("\n"), line);
  }
}
