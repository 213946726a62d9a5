package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.ProbeSpec;
import dev.noescape.jitbench.probe.SiteMarkers.Site;
import dev.noescape.jitbench.probes.Suite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the runs into one {@link Outcome} per probe and JDK. */
final class Outcomes {
  private Outcomes() {}

  static List<Outcome> compute(List<ProbeSpec> probes, List<Jdk> jdks, List<ProbeRun> all, Map<String, Site> sites) {
    List<ProbeRun> runs;
    synchronized (all) {
      runs = new ArrayList<>(all);
    }
    List<Outcome> out = new ArrayList<>();
    for (Jdk jdk : jdks) {
      double baseline = baseline(runs, jdk.feature());
      for (ProbeSpec p : probes) out.add(outcome(p, jdk.feature(), runs, baseline, sites.get(p.id())));
    }
    return out;
  }

  /** The harness's own bytes per call on a JDK: the lowest of the empty control's runs (0 when none measured). */
  static double baseline(List<ProbeRun> runs, int jdk) {
    return runs.stream().filter(r -> r.probe().equals(Suite.EMPTY.id()) && r.jdk() == jdk && r.measured())
        .mapToDouble(ProbeRun::bytesPerCall).min().orElse(0.0);
  }

  private static Outcome outcome(ProbeSpec p, int jdk, List<ProbeRun> runs, double baseline, Site site) {
    List<ProbeRun> mains = select(runs, p, jdk, Variant.MAIN);
    ProbeRun off = first(select(runs, p, jdk, Variant.EA_OFF));
    ProbeRun callee = first(select(runs, p, jdk, Variant.CALLEE_NOT_INLINED));
    double netOff = off != null && off.measured() ? off.bytesPerCall() - baseline : Double.NaN;

    // One verdict per main run; the reported one is the most frequent (the first run's on a tie).
    Map<Verdict, Integer> counts = new LinkedHashMap<>();
    List<Double> nets = new ArrayList<>();
    String why = "";
    for (ProbeRun m : mains) {
      if (!m.measured()) {
        counts.merge(Verdict.INVALID, 1, Integer::sum);
        why = "main run " + m.status() + (m.osr() ? " (OSR compile)" : "") + (m.detail().isEmpty() ? "" : ": " + m.detail());
        continue;
      }
      double net = Math.max(0, m.bytesPerCall() - baseline);
      nets.add(net);
      counts.merge(Verdict.classify(net, netOff), 1, Integer::sum);
    }
    Verdict verdict = Verdict.INVALID;
    int best = 0;
    for (Map.Entry<Verdict, Integer> e : counts.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        verdict = e.getKey();
      }
    }
    if (verdict == Verdict.INVALID && why.isEmpty()) {
      why = off == null || !off.measured()
          ? "EA-off control did not measure" + (off == null ? "" : ": " + off.status() + " " + off.detail())
          : String.format(java.util.Locale.ROOT, "EA-off control shows %.1f B/call: the probe measures nothing", netOff);
    }
    double net = median(nets);
    String calleeControl = "n/a";
    double netCallee = Double.NaN;
    if (callee != null) {
      if (!callee.measured()) {
        calleeControl = "invalid";
      } else {
        netCallee = Math.max(0, callee.bytesPerCall() - baseline);
        calleeControl = netCallee >= Verdict.VISIBLE_BYTES ? "heap" : "no allocation";
      }
    }
    Boolean logEliminated = mains.stream().filter(ProbeRun::measured).map(ProbeRun::logEliminated)
        .filter(b -> b != null).findFirst().orElse(null);
    String failures = mains.stream().filter(ProbeRun::measured).map(ProbeRun::inlineFailures)
        .filter(s -> !s.isEmpty()).findFirst().orElse("");
    Expect expected = p.expected(jdk);
    return new Outcome(p.id(), p.group(), p.pair(), jdk, expected == null ? null : expected.label(),
        verdict.label(), why, net, netOff, netCallee, calleeControl, logEliminated,
        best + "/" + mains.size(), failures, site == null ? "" : site.file() + ":" + site.line(), p.hotspot());
  }

  private static List<ProbeRun> select(List<ProbeRun> runs, ProbeSpec p, int jdk, Variant v) {
    return runs.stream().filter(r -> r.probe().equals(p.id()) && r.jdk() == jdk && r.variant().equals(v.label()))
        .sorted(Runner.ORDER).toList();
  }

  private static ProbeRun first(List<ProbeRun> runs) {
    return runs.isEmpty() ? null : runs.get(0);
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) return Double.NaN;
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
