package dev.noescape.maven;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.Reason;
import dev.noescape.pipeline.ReportFiles;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.Reports;
import dev.noescape.report.SourceText;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.AbstractMavenReportRenderer;
import org.apache.maven.reporting.MavenReportException;

/**
 * The "noescape" page of {@code mvn site}: the findings by rule, the hottest findings, and every
 * finding with its source snippet and reason chain. Also writes the standalone
 * {@code target/noescape/index.html}, {@code noescape.sarif} and {@code noescape.json}. Run directly
 * ({@code mvn compile noescape:report}) it renders the page into {@code target/reports}. Never fails
 * the build on findings (that is {@code check}).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class ReportMojo extends AbstractMavenReport {
  /** Findings listed under "Hottest findings". */
  static final int TOP = 20;

  /** Source lines shown before and after a finding's line. */
  static final int CONTEXT = 2;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  /** The rules to run, by ID. Empty: the warning and error rules. */
  @Parameter(property = "noescape.rules")
  private List<String> rules = new ArrayList<>();

  /** Rules not to run, by ID; applied after {@code rules}. */
  @Parameter(property = "noescape.excludeRules")
  private List<String> excludeRules = new ArrayList<>();

  /** 1: the verdicts; 2: whole reason chains and {@code ArgEscape} sites as information. */
  @Parameter(property = "noescape.verbosity", defaultValue = "1")
  private int verbosity;

  /** Report boxing, varargs arrays and capturing lambdas everywhere, not only in loops and hot methods. */
  @Parameter(property = "noescape.reportOutsideLoops", defaultValue = "false")
  private boolean reportOutsideLoops;

  /**
   * AllocationContract: allow, in {@code @NoAllocation} methods, allocations whose object provably
   * does not escape (the JIT may remove them, but need not). Off: every allocation counts.
   */
  @Parameter(property = "noescape.contractAllowsNoEscape", defaultValue = "false")
  private boolean contractAllowsNoEscape;

  /** More annotations (simple names) that make a method hot, besides {@code @HotPath} and {@code @NoAllocation}. */
  @Parameter(property = "noescape.hotAnnotations")
  private List<String> hotAnnotations = new ArrayList<>();

  /**
   * Classes to report, as patterns over fully qualified names: {@code *} matches within a package
   * segment, {@code **} across segments ({@code com.acme.**}, {@code com.acme.*Service}). Empty:
   * every class. Other classes are still analyzed (for summaries), only not reported.
   */
  @Parameter(property = "noescape.includes")
  private List<String> includes = new ArrayList<>();

  /** Classes not to report, patterns as for {@code includes}; applied after it. */
  @Parameter(property = "noescape.excludes")
  private List<String> excludes = new ArrayList<>();

  /** Skip the report ({@code -Dnoescape.skip}). */
  @Parameter(property = "noescape.skip", defaultValue = "false")
  private boolean skip;

  /** Also analyze and report the test classes and test sources. */
  @Parameter(property = "noescape.includeTests", defaultValue = "false")
  private boolean includeTests;

  /** Where the standalone HTML report, SARIF and JSON are written. */
  @Parameter(property = "noescape.outputDirectory", defaultValue = "${project.build.directory}/noescape")
  private File reportsDirectory;

  /**
   * JDK Flight Recorder recordings of the module's code at work, or directories of {@code *.jfr}: the
   * hottest findings are those the recordings measured the most bytes for, and the HTML report shows
   * the recording's hottest allocation sites (docs/profiles.md).
   */
  @Parameter(property = "noescape.profiles")
  private List<File> profiles = new ArrayList<>();

  @Override
  public String getOutputName() {
    return "noescape";
  }

  @Override
  public String getName(Locale locale) {
    return "noescape";
  }

  @Override
  public String getDescription(Locale locale) {
    return "Allocations that escape to the heap and allocations that are easy to avoid (noescape).";
  }

  @Override
  public boolean canGenerateReport() {
    return !skip && new File(project.getBuild().getOutputDirectory()).isDirectory();
  }

  @Override
  protected void executeReport(Locale locale) throws MavenReportException {
    ModuleAnalysis module = new ModuleAnalysis(project, getLog(), pluginVersion,
        new ModuleAnalysis.Settings(rules, excludeRules, verbosity, reportOutsideLoops, hotAnnotations, includeTests, includes, excludes,
            contractAllowsNoEscape, true, ModuleAnalysis.paths(profiles)));
    ModuleAnalysis.Analysis analysis;
    try {
      analysis = module.analyze();
    } catch (MojoExecutionException e) {
      throw new MavenReportException(e.getMessage());
    }
    ReportRun run = analysis == null ? new ReportRun(String.valueOf(pluginVersion), List.of(), List.of()) : analysis.run();
    SourceText sources = analysis == null ? SourceText.NONE : Reports.safe(analysis.mapped().sourceText());
    if (analysis != null) {
      try {
        List<java.nio.file.Path> wrote = ReportFiles.writeAll(run, sources, reportsDirectory.toPath());
        getLog().info("noescape: wrote " + String.join(", ", wrote.stream().map(module::shown).toList()));
      } catch (RuntimeException e) {
        throw new MavenReportException("noescape: cannot write the reports in " + module.shown(reportsDirectory.toPath())
            + ": " + dev.noescape.pipeline.Pipeline.describe(e));
      }
    }
    new Renderer(getSink(), run, sources).render();
  }

  /** The page. */
  static final class Renderer extends AbstractMavenReportRenderer {
    private final ReportRun run;
    private final SourceText sources;

    Renderer(Sink sink, ReportRun run, SourceText sources) {
      super(sink);
      this.run = run;
      this.sources = sources;
    }

    @Override
    public String getTitle() {
      return "noescape";
    }

    @Override
    protected void renderBody() {
      List<ReportedFinding> all = Reports.sorted(run.findings());
      startSection("noescape");
      paragraph("noescape " + run.toolVersion() + ": " + all.size() + (all.size() == 1 ? " finding" : " findings")
          + " in " + Reports.files(all).size() + (Reports.files(all).size() == 1 ? " file." : " files."));
      endSection();

      startSection("Findings by rule");
      startTable();
      tableHeader(new String[] {"Rule", "Findings"});
      for (Map.Entry<RuleId, Integer> e : Reports.countByRule(all).entrySet()) {
        if (e.getValue() > 0) tableRow(new String[] {e.getKey().id(), String.valueOf(e.getValue())});
      }
      tableRow(new String[] {"total", String.valueOf(all.size())});
      endTable();
      endSection();

      if (!all.isEmpty()) {
        startSection("Hottest findings");
        startTable();
        ProfileRanking profile = run.profile();
        if (profile == null) tableHeader(new String[] {"Where", "Rule", "Finding"});
        else tableHeader(new String[] {"Where", "Measured", "Rule", "Finding"});
        for (ReportedFinding rf : Reports.hottest(all, TOP, profile)) {
          Finding f = rf.finding();
          if (profile == null) {
            tableRow(new String[] {where(f), f.rule().id(), f.message()});
          } else {
            long bytes = profile.bytesOf(f);
            String measured = bytes == 0 ? "-" : ProfileRanking.bytes(bytes) + " (" + ProfileRanking.percent(profile.ofProgram(bytes)) + ")";
            tableRow(new String[] {where(f), measured, f.rule().id(), f.message()});
          }
        }
        endTable();
        endSection();

        startSection("All findings");
        for (ReportedFinding rf : all) {
          Finding f = rf.finding();
          startSection(where(f) + " [" + f.rule().id() + "]");
          paragraph(f.message());
          String snippet = snippet(f);
          if (!snippet.isEmpty()) verbatimText(snippet);
          if (!f.reasons().isEmpty()) {
            StringBuilder chain = new StringBuilder();
            for (Reason r : f.reasons()) chain.append(r.render()).append('\n');
            paragraph("Why:");
            verbatimText(chain.toString());
          }
          endSection();
        }
        endSection();
      }
      if (!run.notes().isEmpty()) {
        startSection("Notes");
        for (String n : run.notes()) paragraph(n);
        endSection();
      }
    }

    private static String where(Finding f) {
      return f.file() + ":" + f.pos().line() + (f.pos().column() > 0 ? ":" + f.pos().column() : "");
    }

    /** The finding's line with {@value #CONTEXT} lines around it, numbered; empty without the source. */
    private String snippet(Finding f) {
      List<String> lines = sources.lines(f.file());
      int line = f.pos().line();
      if (lines.isEmpty() || line <= 0 || line > lines.size()) return "";
      StringBuilder sb = new StringBuilder();
      for (int i = Math.max(1, line - CONTEXT); i <= Math.min(lines.size(), line + CONTEXT); i++) {
        sb.append(String.format(Locale.ROOT, "%s%5d | %s%n", i == line ? ">" : " ", i, Reports.stripEol(lines.get(i - 1))));
      }
      return sb.toString();
    }
  }
}
