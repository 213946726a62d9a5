package dev.noescape.maven;

import dev.noescape.pipeline.Baseline;
import dev.noescape.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the baseline ({@code noescape-baseline.json} at the project root, or {@code baselineFile}):
 * every current finding of the selected rules, by line-independent key ({@code RuleId:Signature}),
 * so {@code check} passes until new findings appear. Run it after {@code compile}:
 * {@code mvn compile noescape:baseline}.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class BaselineMojo extends AbstractNoEscapeMojo {

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("noescape: skipped (noescape.skip)");
      return;
    }
    ModuleAnalysis module = analysis();
    ModuleAnalysis.Analysis analysis = module.analyze();
    if (analysis == null) return;
    Baseline baseline = Baseline.of(analysis.run().findings());
    Path file = baselineFile.toPath();
    try {
      baseline.write(file);
    } catch (IOException | RuntimeException e) {
      getLog().debug(e);
      throw new MojoExecutionException("noescape: cannot write " + module.shown(file) + ": " + Pipeline.describe(e));
    }
    int n = baseline.size();
    getLog().info("noescape: wrote " + module.shown(file) + " with " + n + (n == 1 ? " finding" : " findings")
        + " (" + baseline.entries().size() + (baseline.entries().size() == 1 ? " key" : " keys") + ")");
  }
}
