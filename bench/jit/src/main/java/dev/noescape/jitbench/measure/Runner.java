package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.ProbeSpec;
import dev.noescape.jitbench.probe.SiteMarkers.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one probe variant in a pool thread: the JVM, then its compilation log, into a {@link ProbeRun}. */
final class Runner {
  static final Comparator<ProbeRun> ORDER = Comparator.comparing(ProbeRun::probe)
      .thenComparingInt(ProbeRun::jdk).thenComparing(ProbeRun::variant).thenComparingInt(ProbeRun::repetition);

  private final Launcher launcher;
  private final LogCheck logCheck;
  private final Map<String, Site> sites;
  private final Path logs;
  private final List<ProbeRun> runs;
  private final AtomicInteger done = new AtomicInteger();

  Runner(Launcher launcher, LogCheck logCheck, Map<String, Site> sites, Path logs, List<ProbeRun> runs) {
    this.launcher = launcher;
    this.logCheck = logCheck;
    this.sites = sites;
    this.logs = logs;
    this.runs = runs;
  }

  Future<?> submit(ExecutorService pool, Jdk jdk, ProbeSpec probe, Variant variant, int repetition) {
    return pool.submit(() -> {
      runs.add(run(jdk, probe, variant, repetition));
      int k = done.incrementAndGet();
      if (k % 20 == 0) System.err.println("jitbench: " + k + " runs done");
    });
  }

  private ProbeRun run(Jdk jdk, ProbeSpec probe, Variant variant, int repetition) {
    Path log = logs.resolve(jdk.feature() + "-" + probe.id() + "-" + variant.label() + "-" + repetition + ".xml");
    Launcher.Launch l = launcher.run(jdk, probe, variant, log);
    boolean osr = false;
    Boolean eliminated = null;
    String failures = "";
    String detail = l.detail();
    if (l.status().equals("ok")) {
      try {
        Site site = sites.get(probe.id());
        LogCheck.Result r = logCheck.check(log, l.compileId(), probe, site == null ? new Site("", -1, 0) : site);
        if (!r.found()) detail = "compile " + l.compileId() + " is not a C2 task of the compilation log";
        osr = r.osr();
        eliminated = r.found() ? r.eliminated() : null;
        failures = r.inlineFailures();
      } catch (IOException e) {
        detail = "compilation log unreadable: " + e.getMessage();
      }
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // left behind under target/: harmless
    }
    return new ProbeRun(probe.id(), jdk.feature(), variant.label(), repetition, l.status(), l.compileId(), osr,
        l.calls(), l.bytes(), l.attempts(), l.warmMs(), l.wallMs(), eliminated, failures, detail);
  }

  static void await(List<Future<?>> jobs, String what) throws InterruptedException {
    for (Future<?> f : jobs) {
      try {
        f.get();
      } catch (ExecutionException e) {
        System.err.println("jitbench: a run of the " + what + " failed: " + e.getCause());
      }
    }
  }
}
