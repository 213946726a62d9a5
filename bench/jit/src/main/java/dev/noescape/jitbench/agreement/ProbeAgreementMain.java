package dev.noescape.jitbench.agreement;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.SiteMarkers;
import dev.noescape.jitbench.probe.SiteMarkers.Site;
import dev.noescape.jitbench.report.Markdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins noescape's predictions with the probe suite's measured verdicts: a confusion matrix per
 * JDK, per condition (the probes' groups) and, when predictions carry one, per predicted
 * condition; then every disagreement.
 *
 * <p>Usage: {@code ProbeAgreementMain --measurements target/bench/jit/measurements.json --noescape
 * noescape.json --sources bench/jit/src/main/java --out agreement-probes.md}; {@code --noescape
 * 17=a.json,25=b.json} joins each JDK's measurements with the report predicted for it.
 */
public final class ProbeAgreementMain {
  private ProbeAgreementMain() {}

  /** One probe on one JDK: the measurement and the prediction at its site. */
  record Row(String probe, String group, int jdk, Expect measured, String verdict, Prediction prediction, Site site) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args, List.of("--measurements", "--noescape", "--sources", "--out"));
    List<Row> rows = join(Measurements.read(Path.of(o.get("--measurements"))),
        NoescapeReport.readPerJdk(o.get("--noescape")), SiteMarkers.scan(Path.of(o.get("--sources"))));
    String md = markdown(rows);
    Files.writeString(Path.of(o.get("--out")), md, StandardCharsets.UTF_8);
    System.out.println("jitbench: wrote " + o.get("--out"));
  }

  static List<Row> join(List<Measurements.Verdict> measured, NoescapeReport report, Map<String, Site> sites) {
    return join(measured, Map.of(0, report), sites);
  }

  /** The join with one report per JDK ({@link NoescapeReport#readPerJdk}); a JDK without one is left out. */
  static List<Row> join(List<Measurements.Verdict> measured, Map<Integer, NoescapeReport> reports, Map<String, Site> sites) {
    List<Row> rows = new ArrayList<>();
    for (Measurements.Verdict m : measured) {
      Site site = sites.get(m.probe());
      NoescapeReport report = NoescapeReport.forJdk(reports, m.jdk());
      if (site == null || report == null) continue;
      Prediction p = NoescapeReport.predict(report.at(site.file(), site.line(), site.column()));
      rows.add(new Row(m.probe(), m.group(), m.jdk(), m.measured(), m.verdict(), p, site));
    }
    return rows;
  }

  static String markdown(List<Row> rows) {
    StringBuilder sb = new StringBuilder("# Agreement: noescape's prediction against the probe suite\n\n");
    long model = rows.stream().filter(r -> !r.prediction().source().equals("proxy")).count();
    sb.append(model == 0
        ? "No finding carries `runtime.prediction`: every prediction is today's proxy (a HeapEscape"
            + " \"escapes to heap\" finding at the site means heap, none means scalar-replaced). This is the"
            + " \"before\" of issue 13.\n\n"
        : model + " of " + rows.size() + " predictions come from `runtime.prediction` or NotScalarReplaced;"
            + " the others from the proxy.\n\n");
    sb.append("Invalid probes (their EA-off control shows nothing, or C2 never compiled them) are left out.\n\n");
    Map<Integer, Confusion> byJdk = new TreeMap<>();
    Map<Integer, Confusion> byJdkArg = new TreeMap<>();
    for (Row r : rows) {
      byJdk.computeIfAbsent(r.jdk(), k -> new Confusion()).add(r.prediction().prediction(), r.measured());
      byJdkArg.computeIfAbsent(r.jdk(), k -> new Confusion()).add(r.prediction().withArgEscapeAsHeap(), r.measured());
    }
    for (Map.Entry<Integer, Confusion> e : byJdk.entrySet()) {
      sb.append("## JDK ").append(e.getKey()).append("\n\n").append(e.getValue().matrix()).append('\n');
      sb.append("Per condition (the probes' groups):\n\n");
      Map<String, Confusion> byGroup = new TreeMap<>();
      Map<String, Confusion> byCondition = new TreeMap<>();
      for (Row r : rows) {
        if (r.jdk() != e.getKey()) continue;
        byGroup.computeIfAbsent(r.group(), k -> new Confusion()).add(r.prediction().prediction(), r.measured());
        byCondition.computeIfAbsent(r.prediction().source() + ": " + r.prediction().condition(), k -> new Confusion())
            .add(r.prediction().prediction(), r.measured());
      }
      sb.append(Confusion.rows("condition", byGroup)).append('\n');
      sb.append("Per predicted condition (the prediction's source and condition; for the proxy the first"
          + " reason kind of the HeapEscape finding):\n\n");
      sb.append(Confusion.rows("predicted condition", byCondition)).append('\n');
    }
    sb.append("## Alternative proxy: ArgEscape counted as heap\n\n"
        + "HeapEscape at verbosity 2 also reports sites that do not escape but are passed to a call"
        + " (\"only inlining lets the JIT scalar-replace it\"). Counting those as heap too:\n\n");
    sb.append(Confusion.rows("JDK", stringKeys(byJdkArg))).append('\n');

    sb.append("## Disagreements\n\n");
    List<List<String>> dis = new ArrayList<>();
    for (Row r : rows) {
      if (r.measured() == null || r.prediction().prediction() == r.measured()) continue;
      dis.add(List.of(r.probe(), Integer.toString(r.jdk()), r.prediction().prediction().label(),
          r.prediction().source() + " (" + r.prediction().condition() + ")", r.verdict(),
          r.site().file().replaceFirst("^.*/", "") + ":" + r.site().line()));
    }
    sb.append(Markdown.table(List.of("probe", "JDK", "predicted", "from", "measured", "site"), dis));
    return sb.toString();
  }

  private static Map<String, Confusion> stringKeys(Map<Integer, Confusion> m) {
    Map<String, Confusion> out = new TreeMap<>();
    m.forEach((k, v) -> out.put("JDK " + k, v));
    return out;
  }
}
