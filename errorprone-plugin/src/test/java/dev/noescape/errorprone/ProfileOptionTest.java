package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -XepOpt:NoEscape:Profile}: a program is compiled, run under JDK Flight Recorder in a child
 * JVM, and compiled again with the recording: each warning ends with what was measured for it, the
 * hot loop's the most. A recording that cannot be read is one note; the warnings stay as they are.
 */
@Tag("e2e")
class ProfileOptionTest {
  /**
   * {@code settings=profile}, as docs/profiles.md tells users, with allocation samples throttled at
   * 20,000 a second instead of 300: a user's recording of a real run lasts minutes, this workload
   * seconds, and at 300 a second its ranking rested on a handful of samples (7 for the top site in
   * one CI run, each weighing 54 MB), so the hot site came first or not by chance.
   */
  static final String SAMPLING = "jdk.ObjectAllocationSample#throttle=20000/s";

  static final String SOURCE = """
      package p;

      import java.util.Arrays;

      public class Hot {
        static volatile Object sink;

        public static void main(String[] args) {
          for (int r = 0; r < 30; r++) {
            hot(200_000);
            cold(1_000);
          }
        }

        static void hot(int n) {
          for (int i = 0; i < n; i++) {
            sink = Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
          }
        }

        static void cold(int n) {
          for (int i = 0; i < n; i++) {
            sink = String.format("%d", i + 1000);
          }
        }
      }
      """;
  static final int HOT_LINE = 17;
  static final int COLD_LINE = 23;
  static final Pattern MEASURED = Pattern.compile("\\(measured: [^,]+, ([\\d.]+) % of the sampled program bytes\\)$");

  @TempDir static Path dir;
  static Path sources;
  static Path recording;

  @BeforeAll
  static void compileAndRecord() throws Exception {
    sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("p"));
    Files.writeString(sources.resolve("p/Hot.java"), SOURCE);
    Path classes = dir.resolve("run");
    JavacRunner.Outcome first = JavacRunner.compile(sources, classes, "-XepDisableAllChecks", "-g");
    assertTrue(first.success(), first.toString());
    recording = dir.resolve("hot.jfr");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:StartFlightRecording=filename=" + recording + ",settings=profile," + SAMPLING,
        "-cp", classes.toString(), "p.Hot").redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("run.log")));
  }

  static JavacRunner.Outcome compileWith(String profile, String name) throws Exception {
    return JavacRunner.compile(sources, dir.resolve(name), "-XepDisableAllChecks -Xep:VarargsAllocation:WARN"
        + " -Xep:BoxingAllocation:WARN -XepOpt:NoEscape:Profile=" + profile);
  }

  /** The share of the warning on {@code line} ({@code -1}: no measurement). */
  static double share(List<String> warnings, int line) {
    String w = warnings.stream().filter(m -> m.startsWith(line + ": ")).findFirst()
        .orElseThrow(() -> new AssertionError("no warning on line " + line + ": " + warnings));
    Matcher m = MEASURED.matcher(w);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void eachWarningSaysWhatWasMeasuredAndTheHotLoopWeighsMost() throws Exception {
    JavacRunner.Outcome o = compileWith(recording.toString(), "ranked");
    assertTrue(o.success(), o.toString());
    List<String> warnings = o.messages(Diagnostic.Kind.WARNING);
    double hot = share(warnings, HOT_LINE);
    assertTrue(hot > 50, "the hot loop's varargs array has most of the program's bytes: " + warnings);
    double cold = share(warnings, COLD_LINE);
    assertTrue(cold < hot, "the hot loop weighs more than the cold one: " + warnings);
    assertTrue(o.all().stream().noneMatch(d -> d.contains("profile")), "no note about the recording: " + o.all());
  }

  @Test
  void aRecordingThatCannotBeReadIsOneNoteAndTheWarningsStay() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.jfr"), "not a recording");
    JavacRunner.Outcome o = compileWith(bad.toString(), "bad");
    assertTrue(o.success(), o.toString());
    List<String> notes = o.all().stream().filter(d -> d.contains("not a JFR recording")).toList();
    assertEquals(1, notes.size(), o.all().toString());
    assertTrue(notes.get(0).contains("profile " + bad + ": not a JFR recording (no FLR header); not used"), notes.get(0));
    List<String> warnings = o.messages(Diagnostic.Kind.WARNING);
    assertFalse(warnings.isEmpty());
    assertTrue(warnings.stream().noneMatch(w -> w.contains("(measured:")), warnings.toString());
  }
}
