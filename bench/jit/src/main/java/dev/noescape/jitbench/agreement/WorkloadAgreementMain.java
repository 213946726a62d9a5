package dev.noescape.jitbench.agreement;

import dev.noescape.jitbench.classfile.ClassSource;
import dev.noescape.jitbench.compilelog.CompileLog;
import dev.noescape.jitbench.measure.Jdk;
import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.report.Markdown;
import dev.noescape.jitbench.workload.SiteStats;
import dev.noescape.jitbench.workload.WorkloadAnalysis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real-workload mode: reads each JDK's compilation log of {@code workload.Workloads}, works
 * out per allocation site of the libraries whether C2 eliminated it in all, some or none of the
 * compilations that compiled it, joins noescape's predictions (by class, method and bci when a
 * finding has a {@code bci}, else by class and line) and writes the sites and the confusion
 * matrices.
 *
 * <p>Usage: {@code WorkloadAgreementMain --logs 17=LOG,25=LOG --jdks 17=HOME,25=HOME --classpath
 * JARS_AND_DIRS --packages com.fasterxml.jackson.,org.apache.commons.lang3.,… --noescape JSON (or
 * 17=A.json,25=B.json: one report per JDK, as the C2 model predicts for one) --out
 * workload.md}.
 */
public final class WorkloadAgreementMain {
  private WorkloadAgreementMain() {}

  /** A measured site with its prediction; {@code shared} when other sites share its line (line-matched). */
  record Row(int jdk, SiteStats site, Prediction prediction, boolean byBci, boolean shared) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> o = Args.parse(args, List.of("--logs", "--jdks", "--classpath", "--packages", "--noescape", "--out"));
    Map<String, String> logs = pairs(o.get("--logs"));
    Map<String, String> jdks = pairs(o.get("--jdks"));
    List<Path> classpath = Arrays.stream(o.get("--classpath").split(":")).filter(s -> !s.isEmpty()).map(Path::of).toList();
    List<String> packages = Arrays.asList(o.get("--packages").split(","));
    Map<Integer, NoescapeReport> reports = NoescapeReport.readPerJdk(o.get("--noescape"));
    StringBuilder sb = new StringBuilder("# Real workloads: what C2 eliminated, against noescape\n\n");
    sb.append("Reported code: ").append(String.join(", ", packages)).append(". A site is an allocation bytecode of that"
        + " code, or an allocation bytecode inside an inlined JDK method that one of its calls leads to (`via …`: one site"
        + " per call and allocation, predicted by noescape's `calleeAllocations`). `compiles`: C2 compilations"
        + " that compiled it; the verdict is scalar-replaced when it was eliminated in every one, heap in none,"
        + " `some` in between (left out of the matrix).\n\n");
    List<Row> all = new ArrayList<>();
    List<Row> allPerCall = new ArrayList<>();
    for (Map.Entry<String, String> e : logs.entrySet()) {
      String home = jdks.get(e.getKey());
      if (home == null) throw new IllegalArgumentException("no --jdks entry for " + e.getKey());
      Jdk jdk = Jdk.of(Path.of(home));
      WorkloadAnalysis analysis;
      WorkloadAnalysis perCall;
      try (ClassSource classes = new ClassSource(jdk.home(), classpath)) {
        var tasks = CompileLog.read(Path.of(e.getValue()));
        analysis = new WorkloadAnalysis(classes, h -> packages.stream().anyMatch(h::startsWith), true);
        analysis.addAll(tasks);
        perCall = new WorkloadAnalysis(classes, h -> packages.stream().anyMatch(h::startsWith), false);
        perCall.addAll(tasks);
      }
      NoescapeReport report = NoescapeReport.forJdk(reports, jdk.feature());
      if (report == null) continue;
      List<Row> rows = join(jdk.feature(), analysis.sites().values(), report);
      List<Row> perCallRows = join(jdk.feature(), perCall.sites().values(), report);
      all.addAll(rows);
      allPerCall.addAll(perCallRows);
      sb.append(section(jdk, analysis, rows));
      Confusion first = new Confusion();
      for (Row r : perCallRows) first.add(r.prediction().prediction(), measured(r.site()));
      sb.append("The first way of counting (one site per library call for everything its inlined JDK callees allocate,"
          + " predicted by the findings on the call's line): ").append(perCallRows.size()).append(" sites.\n\n")
          .append(first.matrix()).append('\n');
    }
    Files.writeString(Path.of(o.get("--out")), sb.toString(), StandardCharsets.UTF_8);
    Path tsv = Path.of(o.get("--out").replaceFirst("\\.md$", "") + "-sites.tsv");
    Files.writeString(tsv, tsv(all), StandardCharsets.UTF_8);
    Files.writeString(Path.of(o.get("--out").replaceFirst("\\.md$", "") + "-sites-per-call.tsv"), tsv(allPerCall),
        StandardCharsets.UTF_8);
    System.out.println("jitbench: wrote " + o.get("--out") + " (" + all.size() + " site verdicts)");
  }

  static List<Row> join(int jdk, Iterable<SiteStats> sites, NoescapeReport report) {
    Map<String, Integer> perLine = new TreeMap<>();
    for (SiteStats s : sites) perLine.merge(s.holder() + ":" + s.line(), 1, Integer::sum);
    List<Row> rows = new ArrayList<>();
    for (SiteStats s : sites) {
      Prediction inCallee = s.allocation() == null ? null : calleePrediction(s, report);
      if (inCallee == null && s.allocation() != null) inCallee = unpredicted(s, report);
      if (inCallee != null) {
        rows.add(new Row(jdk, s, inCallee, true, false));
        continue;
      }
      List<NoescapeReport.Finding> byBci = report.findings().stream()
          .filter(f -> f.bci() != null && f.bci() == s.bci() && inMethod(f, s)).toList();
      List<NoescapeReport.Finding> at = byBci.isEmpty()
          ? report.findings().stream().filter(f -> f.line() == s.line() && inClass(f, s)).toList()
          : byBci;
      rows.add(new Row(jdk, s, NoescapeReport.predict(at), !byBci.isEmpty(), perLine.get(s.holder() + ":" + s.line()) > 1));
    }
    return rows;
  }

  /**
   * The model's prediction for an allocation inside a callee, matched by the calling method and
   * the call's bci, then the allocating method and the allocation's bci (heap when any match says
   * heap: overloads share a name); null when the report has none (then the line's findings are
   * the prediction, the first way).
   */
  static Prediction calleePrediction(SiteStats s, NoescapeReport report) {
    String caller = s.holder() + "#" + s.method() + "(";
    String allocator = s.allocation().method().holder() + "#" + s.allocation().method().name() + "(";
    Prediction found = null;
    for (NoescapeReport.CalleeAllocation a : report.callees()) {
      if (a.bci() == null || a.bci() != s.bci() || a.allocatorBci() != s.allocation().bci()) continue;
      if (!a.method().startsWith(caller) || !a.allocator().startsWith(allocator)) continue;
      Expect e = a.prediction() == null ? null : Expect.ofLabel(a.prediction());
      if (e == null) continue;
      if (found == null || e == Expect.HEAP) found = new Prediction(e, "calleeAllocations", a.condition(), false);
    }
    return found;
  }

  /**
   * {@link Prediction#unknown} for an allocation inside a callee that the model has no prediction
   * for, when the call it is under is one noescape names as depending on the receiver's type
   * profile; null otherwise (then the line's findings decide, as before).
   */
  static Prediction unpredicted(SiteStats s, NoescapeReport report) {
    String caller = s.holder() + "#" + s.method() + "(";
    for (NoescapeReport.UnpredictedCall c : report.unpredicted()) {
      if (c.bci() != null && c.bci() == s.bci() && c.method().startsWith(caller)) return Prediction.unknown(c.stoppedAt());
    }
    return null;
  }

  /** A finding's method key is {@code pkg.Class$Inner#name(params)}. */
  private static boolean inClass(NoescapeReport.Finding f, SiteStats s) {
    return f.method() != null && f.method().startsWith(s.holder() + "#");
  }

  private static boolean inMethod(NoescapeReport.Finding f, SiteStats s) {
    return inClass(f, s) && f.method().startsWith(s.holder() + "#" + s.method() + "(");
  }

  private static String section(Jdk jdk, WorkloadAnalysis analysis, List<Row> rows) {
    StringBuilder sb = new StringBuilder("## ").append(jdk.label()).append(" (").append(jdk.version()).append(")\n\n");
    long sr = rows.stream().filter(r -> r.site().verdict().equals("scalar-replaced")).count();
    long heap = rows.stream().filter(r -> r.site().verdict().equals("heap")).count();
    long some = rows.size() - sr - heap;
    long unresolvable = rows.stream().filter(r -> r.site().line() == 0).count();
    sb.append(analysis.totals().compilations()).append(" C2 compilations; ").append(rows.size()).append(" sites compiled: ")
        .append(sr).append(" eliminated in every compile, ").append(heap).append(" in none, ").append(some)
        .append(" in some; ").append(analysis.totals().pruned()).append(" copies left out because an uncommon trap cut their block off");
    if (unresolvable > 0) sb.append("; ").append(unresolvable).append(" sites without a line");
    sb.append(".\n\n");
    Confusion c = new Confusion();
    Confusion lineOnlyUnshared = new Confusion();
    for (Row r : rows) {
      Expect measured = measured(r.site());
      c.add(r.prediction().prediction(), measured);
      if (!r.shared()) lineOnlyUnshared.add(r.prediction().prediction(), measured);
    }
    sb.append("All sites (\"some\" left out):\n\n").append(c.matrix()).append('\n');
    sb.append(unknowns(rows));
    sb.append("Only sites alone on their line (no ambiguity in matching by line):\n\n").append(lineOnlyUnshared.matrix()).append('\n');
    Map<String, Confusion> byLib = new TreeMap<>();
    for (Row r : rows) byLib.computeIfAbsent(library(r.site().holder()), k -> new Confusion()).add(r.prediction().prediction(), measured(r.site()));
    sb.append(Confusion.rows("library", byLib)).append('\n');

    sb.append("Most compiled sites (top 40):\n\n");
    List<Row> top = new ArrayList<>(rows);
    top.sort(Comparator.comparingInt((Row r) -> -r.site().compiles()).thenComparing(r -> r.site().key()));
    List<List<String>> t = new ArrayList<>();
    for (Row r : top.subList(0, Math.min(40, top.size()))) {
      SiteStats s = r.site();
      t.add(List.of(s.holder().replaceFirst("^.*\\.", "") + "." + s.method(), "bci " + s.bci() + ", line " + s.line(),
          s.what(), s.eliminatedAll() + "/" + s.compiles(), s.verdict(),
          r.prediction().label() + (r.prediction().argEscape() ? " (ArgEscape)" : "")));
    }
    sb.append(Markdown.table(List.of("method", "where", "allocation", "eliminated in", "measured", "predicted"), t)).append('\n');
    return sb.toString();
  }

  /**
   * The sites noescape does not predict (inside a call whose code the receiver's type profile
   * picks, among receivers the model did not enumerate): how many, and what C2 did with them. They
   * are outside the matrix, not agreements; the headline that follows counts every compiled site
   * with them as disagreements, so that leaving a hard site unpredicted cannot raise it.
   */
  static String unknowns(List<Row> rows) {
    long heap = 0;
    long sr = 0;
    long agree = 0;
    long predicted = 0;
    for (Row r : rows) {
      Expect m = measured(r.site());
      if (m == null) continue;
      Expect p = r.prediction().prediction();
      if (p == null) {
        if (m == Expect.HEAP) heap++;
        else sr++;
      } else {
        predicted++;
        if (p == m) agree++;
      }
    }
    return "Not predicted (\"depends on the receiver's type profile\", left out of the matrix): " + (heap + sr)
        + " sites, " + heap + " measured heap, " + sr + " scalar-replaced; predicted: " + predicted + " of "
        + (predicted + heap + sr) + " sites.\n\n"
        + "**All compiled sites, not predicted counted as disagreements: "
        + Markdown.ratio((int) agree, (int) (predicted + heap + sr)) + "**\n\n";
  }

  /** Every site of every JDK, one line each (the markdown shows the most compiled only). */
  static String tsv(List<Row> rows) {
    StringBuilder sb = new StringBuilder("jdk\tclass\tmethod\tdescriptor\tbci\tline\tallocation\tcompiles"
        + "\teliminated_all\teliminated_some\tmeasured\tpredicted\tsource\tcondition\targ_escape\tline_shared\tinside\n");
    for (Row r : rows) {
      SiteStats s = r.site();
      Prediction p = r.prediction();
      sb.append(String.join("\t", Integer.toString(r.jdk()), s.holder(), s.method(), s.descriptor(),
          Integer.toString(s.bci()), Integer.toString(s.line()), s.what(), Integer.toString(s.compiles()),
          Integer.toString(s.eliminatedAll()), Integer.toString(s.eliminatedSome()), s.verdict(),
          p.label(), p.source(), p.condition(), Boolean.toString(p.argEscape()),
          Boolean.toString(r.shared()), s.allocation() == null ? "" : s.allocation().toString())).append('\n');
    }
    return sb.toString();
  }

  private static Expect measured(SiteStats s) {
    return switch (s.verdict()) {
      case "scalar-replaced" -> Expect.SCALAR_REPLACED;
      case "heap" -> Expect.HEAP;
      default -> null;
    };
  }

  private static String library(String holder) {
    String[] parts = holder.split("\\.");
    return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : holder;
  }

  static Map<String, String> pairs(String text) {
    Map<String, String> out = new TreeMap<>();
    for (String kv : text.split(",")) {
      int eq = kv.indexOf('=');
      if (eq > 0) out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }
}
