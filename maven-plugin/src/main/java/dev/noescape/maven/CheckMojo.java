package dev.noescape.maven;

import dev.noescape.catalog.Severity;
import dev.noescape.pipeline.Baseline;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.pipeline.ReportFiles;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Analyzes the module's classes ({@code target/classes}) with its compile class path and sources,
 * prints one Go-style line per finding and a per-rule summary, writes
 * {@code target/noescape/noescape.sarif} and {@code noescape.json}, and fails the build when
 * findings at or above {@code failOn} remain after the baseline and {@code @SuppressWarnings}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends AbstractNoEscapeMojo {

  /**
   * The least severe finding that fails the build: {@code warning} (any warning or error),
   * {@code error} (only broken {@code @NoAllocation} contracts) or {@code never}.
   */
  @Parameter(property = "noescape.failOn", defaultValue = "warning")
  private String failOn;

  /**
   * Write the escape summaries of the module's methods into
   * {@code target/classes/META-INF/noescape/summaries} (and into the module's jar when it is already
   * packaged), so that modules and projects depending on this one analyze calls into it with its
   * real summaries instead of re-analyzing (or, in the javac plugin, guessing). {@code false}
   * ({@code -Dnoescape.writeSummaries=false}): write nothing.
   */
  @Parameter(property = "noescape.writeSummaries", defaultValue = "true")
  private boolean writeSummaries = true;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("noescape: skipped (noescape.skip)");
      return;
    }
    Severity threshold = ModuleAnalysis.threshold(failOn);
    ModuleAnalysis module = analysis();
    ModuleAnalysis.Analysis analysis = module.analyze();
    if (analysis == null) return;

    if (writeSummaries) {
      try {
        List<Path> wrote = SummaryExport.write(project, analysis.result().exports(), "noescape " + analysis.run().toolVersion());
        getLog().info("noescape: wrote " + analysis.result().exports().size() + " method summaries to "
            + String.join(", ", wrote.stream().map(module::shown).toList()));
      } catch (IOException | RuntimeException e) {
        getLog().debug(e);
        getLog().warn("noescape: cannot write the summaries: " + Pipeline.describe(e) + "; dependents analyze this module's classes instead");
      }
    }

    List<ReportedFinding> findings = analysis.run().findings();
    Baseline.Applied applied = null;
    Path baseline = baselineFile == null ? null : baselineFile.toPath();
    if (baseline != null && Files.isRegularFile(baseline)) {
      try {
        applied = Baseline.read(baseline).apply(findings);
        findings = applied.remaining();
      } catch (IOException e) {
        getLog().warn("noescape: baseline " + module.shown(baseline) + " ignored: " + Pipeline.describe(e));
      }
    }
    ReportRun run = new ReportRun(analysis.run().toolVersion(), findings, analysis.run().notes(), null,
        analysis.run().waived(), analysis.run().profile());

    Path dir = outputDirectory.toPath();
    Path sarif = dir.resolve(ReportFiles.SARIF);
    long writing = System.nanoTime();
    try {
      Files.createDirectories(dir);
      Pipeline.writeSarif(run, analysis.mapped().sourceText(), sarif);
      Pipeline.writeJson(run, dir.resolve(ReportFiles.JSON));
    } catch (IOException | RuntimeException e) {
      getLog().debug(e);
      throw new MojoExecutionException("noescape: cannot write the reports in " + module.shown(dir) + ": " + Pipeline.describe(e));
    }
    getLog().debug(String.format(java.util.Locale.ROOT, "noescape: time split: writers %.2f s", (System.nanoTime() - writing) / 1e9));

    module.logFindings(run);
    ReportRun summaryRun = new ReportRun(run.toolVersion(), findings, List.of());
    for (String line : TextReport.summary(summaryRun).split("\n")) getLog().info(line);
    if (applied != null) {
      getLog().info("noescape: " + applied.ignored() + " finding" + (applied.ignored() == 1 ? "" : "s")
          + " in the baseline " + module.shown(baseline) + " not shown");
      for (String key : applied.stale()) {
        getLog().warn("noescape: baseline entry no longer occurs, remove it from " + module.shown(baseline) + ": " + key);
      }
    }
    getLog().info("noescape: wrote " + module.shown(sarif) + ", " + module.shown(dir.resolve(ReportFiles.JSON)));

    List<ReportedFinding> failing = Pipeline.atOrAbove(findings, threshold);
    if (!failing.isEmpty()) {
      int n = failing.size();
      throw new MojoFailureException("noescape: " + n + (n == 1 ? " finding" : " findings") + " at or above "
          + threshold.name().toLowerCase(java.util.Locale.ROOT) + " (failOn): see " + module.shown(sarif)
          + " (mvn noescape:baseline accepts the current findings; -Dnoescape.failOn=never reports without failing)");
    }
  }
}
