package dev.noescape.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the parameters, the analysis of one module, and logging. */
abstract class AbstractNoEscapeMojo extends AbstractMojo {


  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  /**
   * The rules to run, by ID (e.g. {@code BoxingAllocation,VarargsAllocation}). Empty: the rules on by
   * default (BoxingAllocation, VarargsAllocation, CapturingLambda, UnpresizedCollection,
   * HashMapCapacity, StringConcatInLoop, AllocationContract). Add {@code HeapEscape} and
   * {@code LeakingParameter} for the escape verdicts (information). Each rule's page:
   * {@code docs/rules/<RuleId>.md}.
   */
  @Parameter(property = "noescape.rules")
  private List<String> rules = new ArrayList<>();

  /** Rules not to run, by ID; applied after {@code rules}. */
  @Parameter(property = "noescape.excludeRules")
  private List<String> excludeRules = new ArrayList<>();

  /**
   * 1: the verdicts; 2: the whole reason chain of every escape and {@code ArgEscape} sites as
   * information (Go's {@code -m=2}).
   */
  @Parameter(property = "noescape.verbosity", defaultValue = "1")
  private int verbosity;

  /**
   * Report boxing, varargs arrays and capturing lambdas everywhere, not only inside loops and hot
   * methods.
   */
  @Parameter(property = "noescape.reportOutsideLoops", defaultValue = "false")
  private boolean reportOutsideLoops;

  /**
   * AllocationContract: allow, in {@code @NoAllocation} methods, allocations whose object provably
   * does not escape (the JIT may remove them, but need not). Off: every allocation counts.
   */
  @Parameter(property = "noescape.contractAllowsNoEscape", defaultValue = "false")
  private boolean contractAllowsNoEscape;

  /**
   * More annotations that make a method hot, besides {@code @HotPath} and {@code @NoAllocation},
   * matched by simple name ({@code com.acme.Fast} counts as {@code Fast}).
   */
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

  /** Skip the goal ({@code -Dnoescape.skip}). */
  @Parameter(property = "noescape.skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Also analyze and report the test classes ({@code target/test-classes}, test sources). Test-scoped
   * dependencies are not resolved for the goal: calls into them count as unknown (escaping).
   */
  @Parameter(property = "noescape.includeTests", defaultValue = "false")
  private boolean includeTests;

  /**
   * The baseline: findings it lists are ignored by {@code check}; {@code baseline} writes it.
   */
  @Parameter(property = "noescape.baselineFile", defaultValue = "${project.basedir}/noescape-baseline.json")
  protected File baselineFile;

  /** Where {@code check} writes {@code noescape.sarif} and {@code noescape.json}. */
  @Parameter(property = "noescape.outputDirectory", defaultValue = "${project.build.directory}/noescape")
  protected File outputDirectory;

  /**
   * Use the escape summaries dependencies ship in {@code META-INF/noescape/summaries} (written by
   * {@code check} in upstream modules, see {@code writeSummaries}) for their methods instead of
   * analyzing their classes. {@code false}: analyze the dependencies' bytecode.
   */
  @Parameter(property = "noescape.readSummaries", defaultValue = "true")
  private boolean readSummaries = true;

  /**
   * JDK Flight Recorder recordings of the module's code at work, or directories of {@code *.jfr}
   * ({@code -Dnoescape.profiles=target/app.jfr}): findings are logged and reported heaviest first by
   * the bytes the recordings measured, the reports carry the measurements, and the HTML report shows
   * the recording's hottest allocation sites with the finding or the engine's verdict for each. A
   * recording that cannot be read is a warning; the goal goes on without it. See docs/profiles.md.
   */
  @Parameter(property = "noescape.profiles")
  private List<File> profiles = new ArrayList<>();

  /** The analysis of this module with these parameters. */
  protected ModuleAnalysis analysis() {
    return new ModuleAnalysis(project, getLog(), pluginVersion,
        new ModuleAnalysis.Settings(rules, excludeRules, verbosity, reportOutsideLoops, hotAnnotations, includeTests, includes, excludes,
            contractAllowsNoEscape, readSummaries, ModuleAnalysis.paths(profiles)));
  }
}
