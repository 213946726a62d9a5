package dev.noescape.jitbench.report;

import dev.noescape.jitbench.measure.Jdk;
import dev.noescape.jitbench.measure.Launcher;
import dev.noescape.jitbench.measure.Outcome;
import dev.noescape.jitbench.measure.ProbeRun;
import dev.noescape.jitbench.measure.Variant;
import dev.noescape.jitbench.probe.ProbeSpec;
import dev.noescape.jitbench.probes.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code probes.md}: the probe suite's verdicts per JDK, side by side, with the controls and the checks. */
public final class ProbeReport {
  private ProbeReport() {}

  public static String markdown(List<ProbeSpec> probes, List<Jdk> jdks, List<Outcome> outcomes,
      List<ProbeRun> runs, Map<String, Object> header, Launcher launcher) {
    StringBuilder sb = new StringBuilder("# Probe suite: what C2 allocates\n\n");
    sb.append("Date ").append(header.get("date")).append("; machine ").append(header.get("machine"))
        .append("; settings ").append(header.get("settings")).append(".\n\n");
    sb.append("Bytes per call are net of the harness's own (the `control.empty` probe), medians over the rounds;"
        + " `EA off` is the `-XX:-DoEscapeAnalysis` control (below ").append(8)
        .append(" B/call the probe is invalid); `callee` is the control with the probe's callee not inlined;"
            + " `log` says whether the compilation log names an eliminated allocation at the site line;"
            + " `stable` counts the main runs that gave the verdict.\n\n");

    sb.append("## Summary\n\n");
    List<List<String>> sum = new ArrayList<>();
    for (Jdk jdk : jdks) {
      List<Outcome> os = outcomes.stream().filter(o -> o.jdk() == jdk.feature()).toList();
      long invalid = os.stream().filter(o -> o.verdict().equals("invalid")).count();
      long sr = os.stream().filter(o -> o.verdict().equals("scalar-replaced")).count();
      long partial = os.stream().filter(o -> o.verdict().equals("heap (partial)")).count();
      long heap = os.stream().filter(o -> o.verdict().startsWith("heap")).count();
      long judged = os.stream().filter(o -> o.asExpected() != null).count();
      long asExpected = os.stream().filter(o -> Boolean.TRUE.equals(o.asExpected())).count();
      long calleeHeap = os.stream().filter(o -> o.calleeControl().equals("heap")).count();
      long calleeRun = os.stream().filter(o -> !o.calleeControl().equals("n/a")).count();
      long unstable = os.stream().filter(o -> !stable(o.stability())).count();
      sum.add(List.of(jdk.label() + " (" + jdk.version() + ")", Integer.toString(os.size()),
          Long.toString(os.size() - invalid), Long.toString(sr), heap + " (" + partial + " partial)",
          Markdown.ratio((int) asExpected, (int) judged), calleeHeap + "/" + calleeRun,
          Long.toString(unstable)));
    }
    sb.append(Markdown.table(List.of("JDK", "probes", "valid", "scalar-replaced", "heap",
        "as the author expected", "callee control shows heap", "unstable"), sum)).append('\n');
    sb.append(logAgreement(jdks, outcomes)).append('\n');

    sb.append("## Probes\n\n");
    List<String> head = new ArrayList<>(List.of("probe", "site"));
    for (Jdk jdk : jdks) {
      String j = Integer.toString(jdk.feature());
      head.addAll(List.of("expect " + j, "measured " + j, "B " + j, "EA off " + j, "callee " + j, "log " + j, "stable " + j));
    }
    List<List<String>> rows = new ArrayList<>();
    String group = "";
    for (ProbeSpec p : probes) {
      if (!p.group().equals(group)) {
        group = p.group();
        List<String> g = new ArrayList<>(List.of("**" + group + "**", ""));
        for (int k = 2; k < head.size(); k++) g.add("");
        rows.add(g);
      }
      List<String> row = new ArrayList<>(List.of(p.id(), site(outcomes, p)));
      for (Jdk jdk : jdks) {
        Outcome o = find(outcomes, p.id(), jdk.feature());
        if (o == null) {
          for (int k = 0; k < 7; k++) row.add("");
          continue;
        }
        String measured = o.verdict() + (Boolean.FALSE.equals(o.asExpected()) ? " ✗" : "");
        row.addAll(List.of(Objects.toString(o.expected(), "–"), measured, Markdown.bytes(o.netBytes()),
            Markdown.bytes(o.netBytesEaOff()), o.calleeControl(),
            o.logEliminated() == null ? "–" : o.logEliminated() ? "eliminated" : "—", o.stability()));
      }
      rows.add(row);
    }
    sb.append(Markdown.table(head, rows)).append('\n');
    sb.append("✗: not what the probe's author expected.\n\n");

    sb.append("## Invalid, unexpected and differing\n\n");
    for (Outcome o : outcomes) {
      if (o.verdict().equals("invalid")) {
        sb.append("- ").append(o.probe()).append(" on JDK ").append(o.jdk()).append(": invalid: ").append(o.why()).append('\n');
      }
    }
    for (Outcome o : outcomes) {
      if (Boolean.FALSE.equals(o.asExpected())) {
        sb.append("- ").append(o.probe()).append(" on JDK ").append(o.jdk()).append(": expected ")
            .append(o.expected()).append(", measured ").append(o.verdict()).append(" (")
            .append(Markdown.bytes(o.netBytes())).append(" of ").append(Markdown.bytes(o.netBytesEaOff()))
            .append(" B/call, ").append(o.stability()).append(")")
            .append(o.inlineFailures().isEmpty() ? "" : "; not inlined: " + o.inlineFailures()).append('\n');
      }
    }
    if (jdks.size() > 1) {
      for (ProbeSpec p : probes) {
        List<String> verdicts = jdks.stream().map(j -> find(outcomes, p.id(), j.feature()))
            .map(o -> o == null ? "" : o.verdict()).toList();
        if (verdicts.stream().distinct().count() > 1 && !verdicts.contains("invalid")) {
          sb.append("- ").append(p.id()).append(" differs between JDKs: ");
          for (int k = 0; k < jdks.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(jdks.get(k).label()).append(' ').append(verdicts.get(k));
          }
          sb.append('\n');
        }
      }
    }
    sb.append("\n## Inlining failures in the measured compiles\n\n");
    for (Outcome o : outcomes) {
      if (!o.inlineFailures().isEmpty()) {
        sb.append("- ").append(o.probe()).append(" (JDK ").append(o.jdk()).append("): ").append(o.inlineFailures()).append('\n');
      }
    }
    sb.append("\n## How each probe was run\n\n```\n");
    ProbeSpec example = probes.isEmpty() ? Suite.EMPTY : probes.get(0);
    if (!jdks.isEmpty()) {
      sb.append(String.join(" ", launcher.command(jdks.get(0), example, Variant.MAIN, Path.of("LOG.xml")))).append('\n');
    }
    sb.append("```\n\nplus `-XX:-DoEscapeAnalysis` (EA off) or `-XX:CompileCommand=dontinline,<callee>` (callee control); ")
        .append(runs.size()).append(" JVM runs in all.\n");
    return sb.toString();
  }

  /** How often the compilation log's eliminate entries agree with the bytes (the workload mode relies on the log alone). */
  private static String logAgreement(List<Jdk> jdks, List<Outcome> outcomes) {
    List<List<String>> rows = new ArrayList<>();
    for (Jdk jdk : jdks) {
      int srElim = 0;
      int srNot = 0;
      int heapElim = 0;
      int heapNot = 0;
      for (Outcome o : outcomes) {
        if (o.jdk() != jdk.feature() || o.logEliminated() == null || o.verdict().equals("invalid")) continue;
        boolean sr = o.verdict().equals("scalar-replaced");
        if (sr && o.logEliminated()) srElim++;
        else if (sr) srNot++;
        else if (o.logEliminated()) heapElim++;
        else heapNot++;
      }
      rows.add(List.of(jdk.label(), Integer.toString(srElim), Integer.toString(srNot), Integer.toString(heapElim),
          Integer.toString(heapNot), Markdown.ratio(srElim + heapNot, srElim + srNot + heapElim + heapNot)));
    }
    return "Compilation log against bytes (valid probes): does an `eliminate_allocation`/`eliminate_boxing` entry"
        + " at the site line mean the bytes are gone?\n\n"
        + Markdown.table(List.of("JDK", "scalar-replaced, log eliminated", "scalar-replaced, log silent",
            "heap, log eliminated", "heap, log silent", "log agrees"), rows);
  }

  private static String site(List<Outcome> outcomes, ProbeSpec p) {
    return outcomes.stream().filter(o -> o.probe().equals(p.id())).map(Outcome::site).findFirst().orElse("")
        .replaceFirst("^.*/", "");
  }

  private static Outcome find(List<Outcome> outcomes, String probe, int jdk) {
    return outcomes.stream().filter(o -> o.probe().equals(probe) && o.jdk() == jdk).findFirst().orElse(null);
  }

  private static boolean stable(String stability) {
    String[] kn = stability.split("/");
    return kn.length == 2 && kn[0].equals(kn[1]);
  }
}
