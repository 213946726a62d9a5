package dev.noescape.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.catalog.RuleId;
import dev.noescape.cli.Main;
import dev.noescape.finding.Finding;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.pipeline.Profiles;
import dev.noescape.profile.jfr.RecordingReader;
import dev.noescape.profile.workload.Workload;
import dev.noescape.rules.RuleContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way from a recording to the ranking: {@link Workload} runs in a child JVM with JDK Flight
 * Recorder on ({@code settings=profile}, as docs/profiles.md tells users), its class is analyzed alone,
 * and the recording is joined to the analysis. The workload's lines are found by their
 * {@code // mark:} comments.
 */
@Tag("e2e")
class ProfileWorkloadTest {
  /**
   * {@code settings=profile}, as docs/profiles.md tells users, with allocation samples throttled at
   * 20,000 a second instead of 300: a user's recording of a real run lasts minutes, this workload
   * seconds, and at 300 a second its ranking rested on a handful of samples (7 for the top site in
   * one CI run, each weighing 54 MB), so the hot site came first or not by chance.
   */
  static final String SAMPLING = "jdk.ObjectAllocationSample#throttle=20000/s";

  static final Path SOURCE = Path.of("src/test/java/dev/noescape/profile/workload/Workload.java");
  static final Pattern MARK = Pattern.compile("// mark: (\\w+)");

  @TempDir static Path dir;
  static Path classes;
  static Path recording;
  static Map<String, Integer> lines;
  static BytecodeAnalysis.Result result;
  static AllocationProfile profile;
  static ProfileRanking ranking;

  @BeforeAll
  static void recordAndAnalyze() throws Exception {
    lines = marks();
    classes = Files.createDirectories(dir.resolve("classes"));
    String file = Workload.class.getName().replace('.', '/') + ".class";
    Path compiled = Path.of(Workload.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(file);
    Files.createDirectories(classes.resolve(file).getParent());
    Files.copy(compiled, classes.resolve(file));

    recording = dir.resolve("workload.jfr");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:StartFlightRecording=filename=" + recording + ",settings=profile," + SAMPLING,
        "-cp", classes.toString(), Workload.class.getName(), "40")
        .redirectErrorStream(true).redirectOutput(dir.resolve("workload.log").toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the workload did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("workload.log")));

    result = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(), Pipeline.defaultRules(false),
        RuleContext.defaults()).withKeepResults(true), null);
    profile = RecordingReader.read(List.of(recording), Path::toString);
    assertEquals(List.of(), profile.problems());
    ranking = Profiles.rank(profile, result);
    assertNotNull(ranking);
  }

  private static Map<String, Integer> marks() throws IOException {
    Map<String, Integer> out = new HashMap<>();
    List<String> src = Files.readAllLines(SOURCE);
    for (int i = 0; i < src.size(); i++) {
      Matcher m = MARK.matcher(src.get(i));
      if (m.find()) out.put(m.group(1), i + 1);
    }
    return out;
  }

  private static Finding finding(RuleId rule, String mark) {
    return result.findings().stream()
        .filter(f -> f.rule() == rule && f.pos().line() == lines.get(mark))
        .findFirst().orElseThrow(() -> new AssertionError("no " + rule.id() + " at " + mark + ": " + result.findings()));
  }

  @Test
  void theHottestSiteRanksFirst() {
    HotSite first = ranking.sites().get(0);
    assertEquals((int) lines.get("hottest"), first.line(), "first: " + first);
    assertTrue(first.what().startsWith("varargs"), first.what());
    assertTrue(first.bci() >= 0 && !first.byLine(), "matched by bytecode offset: " + first);
    assertTrue(ranking.ofProgram(first.bytes()) > 0.5, "the hottest site has most of the bytes: " + ranking.ofProgram(first.bytes()));
    Finding varargs = finding(RuleId.VARARGS_ALLOCATION, "hottest");
    assertEquals(first.bytes(), ranking.bytesOf(varargs));
  }

  @Test
  void theCommandLinePrintsTheHottestFindingFirst() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "--fail-on", "never", "--profile", recording.toString(), classes.toString());
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, stderr);
    List<String> stdout = out.toString(StandardCharsets.UTF_8).lines().toList();
    String first = stdout.get(0);
    assertTrue(first.startsWith("dev/noescape/profile/workload/Workload.java:" + lines.get("hottest") + ": ")
        && first.contains("[VarargsAllocation] (measured: "), first);
    assertTrue(stderr.lines().anyMatch(l -> l.startsWith("noescape: profile: ") && l.contains("explained by a finding or verdict")),
        stderr);
  }

  @Test
  void aJdkInternalAllocationIsCreditedToTheProgramLineThatCausedIt() {
    // ArrayList.grow's arrays: credited to the list.add(...) line, with the JDK frames as the path...
    Attribution a = Attribution.of(profile, result.inputClasses()::contains);
    Attribution.Hit grow = a.hits().stream()
        .filter(h -> h.objectClass().equals("java.lang.Object[]")
            && h.via().stream().anyMatch(f -> f.type().equals("java.util.ArrayList") && f.method().equals("grow")))
        .findFirst().orElseThrow(() -> new AssertionError("no sample of ArrayList.grow: " + a.hits()));
    assertEquals(Workload.class.getName(), grow.at().type());
    assertEquals("lists", grow.at().method());
    assertEquals((int) lines.get("add"), grow.at().line());
    assertEquals("add", grow.via().get(0).method(), "the path starts at the call the line makes: " + grow.via());

    // ...and through that call to the list it fills, which the UnpresizedCollection finding is about.
    HotSite list = ranking.sites().stream().filter(s -> s.line() == lines.get("list")).findFirst().orElseThrow();
    assertTrue(list.insideBytes() > 0, list.toString());
    assertTrue(list.parts().stream().anyMatch(part -> part.via().stream().anyMatch(f -> f.method().equals("grow"))),
        list.parts().toString());
    assertTrue(ranking.bytesOf(finding(RuleId.UNPRESIZED_COLLECTION, "list")) > 0);
  }

  @Test
  void whatACalleeAllocatesForItsCallerStaysWithTheCall() {
    HotSite format = ranking.sites().stream()
        .filter(s -> s.line() == lines.get("format") && s.verdict() instanceof Verdict.InsideCallee)
        .findFirst().orElseThrow(() -> new AssertionError("no call place at the format line: " + ranking.sites()));
    assertEquals("String.format", ((Verdict.InsideCallee) format.verdict()).callee());
    assertTrue(((Verdict.InsideCallee) format.verdict()).jdk());
  }

  @Test
  void nearlyEverySampledProgramByteIsExplained() {
    assertTrue(ranking.explainedShare() >= 0.9, "explained: " + ranking.explainedShare() + "\n" + ranking.sites());
    assertFalse(ranking.sites().isEmpty());
    assertEquals(ranking.programBytes(), ranking.sites().stream().mapToLong(HotSite::bytes).sum());
  }
}
