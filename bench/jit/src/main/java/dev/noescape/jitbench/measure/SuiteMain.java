package dev.noescape.jitbench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.noescape.jitbench.classfile.ClassSource;
import dev.noescape.jitbench.probe.ProbeSpec;
import dev.noescape.jitbench.probe.SiteMarkers;
import dev.noescape.jitbench.probe.SiteMarkers.Site;
import dev.noescape.jitbench.probes.Suite;
import dev.noescape.jitbench.report.ProbeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Runs the probe suite: every probe on every JDK, one JVM per probe and variant (main, EA off,
 * callee not inlined), then again the probes whose verdict is partial or not what their author
 * expected (stability), and writes {@code measurements.json} and {@code probes.md}.
 *
 * <p>Usage: {@code SuiteMain --jdk HOME [--jdk HOME…] [--out DIR] [--parallel 2] [--only REGEX]
 * [--repeat 1] [--stability 2] [--calls 50000] [--rounds 5] [--n 8] [--classes DIR]
 * [--sources DIR]}.
 */
public final class SuiteMain {
  private SuiteMain() {}

  /** Options, with the defaults run.sh uses. */
  static final class Options {
    final List<Jdk> jdks = new ArrayList<>();
    Path out = Path.of("target/bench/jit");
    Path classes = Path.of("bench/jit/target/classes");
    Path sources = Path.of("bench/jit/src/main/java");
    int parallel = 2;
    Pattern only = null;
    int repeat = 1;
    int stability = 2;
    int calls = 50_000;
    int rounds = 5;
    int n = 8;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int k = 0; k < args.length; k++) {
        String a = args[k];
        if (k + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
        String v = args[++k];
        switch (a) {
          case "--jdk" -> o.jdks.add(Jdk.of(Path.of(v)));
          case "--out" -> o.out = Path.of(v);
          case "--classes" -> o.classes = Path.of(v);
          case "--sources" -> o.sources = Path.of(v);
          case "--parallel" -> o.parallel = Integer.parseInt(v);
          case "--only" -> o.only = Pattern.compile(v);
          case "--repeat" -> o.repeat = Integer.parseInt(v);
          case "--stability" -> o.stability = Integer.parseInt(v);
          case "--calls" -> o.calls = Integer.parseInt(v);
          case "--rounds" -> o.rounds = Integer.parseInt(v);
          case "--n" -> o.n = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.jdks.isEmpty()) throw new IllegalArgumentException("give at least one --jdk HOME");
      return o;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("jitbench: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<ProbeSpec> probes = new ArrayList<>(Suite.probes());
    Map<String, Site> sites = SiteMarkers.scan(o.sources);
    List<String> problems = SiteMarkers.check(probes, sites);
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.err.println("jitbench: " + p));
      System.exit(2);
    }
    if (o.only != null) probes.removeIf(p -> !o.only.matcher(p.id()).find());
    Files.createDirectories(o.out.resolve("logs"));
    Launcher launcher = new Launcher(o.classes.toAbsolutePath(), o.n, o.calls, o.rounds);
    long start = System.nanoTime();
    List<ProbeRun> runs = Collections.synchronizedList(new ArrayList<>());
    try (ClassSource own = new ClassSource(null, List.of(o.classes))) {
      Runner runner = new Runner(launcher, new LogCheck(own), sites, o.out.resolve("logs"), runs);
      ExecutorService pool = Executors.newFixedThreadPool(o.parallel);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (Jdk jdk : o.jdks) {
          for (int r = 0; r < 2; r++) jobs.add(runner.submit(pool, jdk, Suite.EMPTY, Variant.MAIN, r));
          for (ProbeSpec p : probes) {
            for (int r = 0; r < o.repeat; r++) jobs.add(runner.submit(pool, jdk, p, Variant.MAIN, r));
            jobs.add(runner.submit(pool, jdk, p, Variant.EA_OFF, 0));
            if (Variant.CALLEE_NOT_INLINED.appliesTo(p)) {
              jobs.add(runner.submit(pool, jdk, p, Variant.CALLEE_NOT_INLINED, 0));
            }
          }
        }
        Runner.await(jobs, "first pass");
        // Stability: run again the probes whose verdict is partial or not what the author expected.
        List<Outcome> first = Outcomes.compute(probes, o.jdks, runs, sites);
        List<Future<?>> again = new ArrayList<>();
        for (Outcome out : first) {
          boolean doubtful = out.verdict().equals(Verdict.PARTIAL.label()) || Boolean.FALSE.equals(out.asExpected());
          if (!doubtful) continue;
          ProbeSpec p = probes.stream().filter(s -> s.id().equals(out.probe())).findFirst().orElseThrow();
          Jdk jdk = o.jdks.stream().filter(j -> j.feature() == out.jdk()).findFirst().orElseThrow();
          for (int r = 0; r < o.stability; r++) {
            again.add(runner.submit(pool, jdk, p, Variant.MAIN, o.repeat + r));
          }
        }
        Runner.await(again, "stability pass");
      } finally {
        pool.shutdown();
      }
    }
    List<Outcome> outcomes = Outcomes.compute(probes, o.jdks, runs, sites);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("date", LocalDate.now().toString());
    json.put("machine", Machine.describe());
    json.put("jdks", o.jdks.stream().map(j -> Map.of("feature", j.feature(), "version", j.version(),
        "home", j.home().toString())).toList());
    json.put("settings", Map.of("calls", o.calls, "rounds", o.rounds, "n", o.n, "parallel", o.parallel,
        "repeat", o.repeat, "stability", o.stability, "seconds", seconds));
    List<ProbeRun> sorted = new ArrayList<>(runs);
    sorted.sort(Runner.ORDER);
    json.put("runs", sorted);
    json.put("outcomes", outcomes);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.writeValue(o.out.resolve("measurements.json").toFile(), json);
    String md = ProbeReport.markdown(probes, o.jdks, outcomes, sorted, json, launcher);
    Files.writeString(o.out.resolve("probes.md"), md, StandardCharsets.UTF_8);
    System.out.println("jitbench: " + probes.size() + " probes on " + o.jdks.size() + " JDKs in " + seconds
        + " s; wrote " + o.out.resolve("measurements.json") + " and " + o.out.resolve("probes.md"));
  }

  /** Reads a measurements.json written by {@link #main}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMeasurements(Path file) throws IOException {
    return new ObjectMapper().readValue(file.toFile(), Map.class);
  }
}
