package dev.noescape.maven;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.pipeline.Profiles;
import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.TextReport;
import dev.noescape.rules.RuleContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The analysis of one module as every goal runs it: its classes with its class path and sources,
 * through {@link Pipeline}; notes logged as WARN lines.
 */
final class ModuleAnalysis {
  /** The goals' analysis parameters. */
  record Settings(List<String> rules, List<String> excludeRules, int verbosity, boolean reportOutsideLoops,
      List<String> hotAnnotations, boolean includeTests, List<String> includes, List<String> excludes,
      boolean contractAllowsNoEscape, boolean classpathSummaries, boolean expectedEscapes,
      List<Path> profiles, int jitJdk, boolean demoteJitWarnings) {
    Settings {
      profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
  }

  private final MavenProject project;
  private final Log log;
  private final String pluginVersion;
  private final List<String> rules;
  private final List<String> excludeRules;
  private final int verbosity;
  private final boolean reportOutsideLoops;
  private final boolean contractAllowsNoEscape;
  private final List<String> hotAnnotations;
  private final boolean includeTests;
  private final List<String> includes;
  private final List<String> excludes;
  private final boolean classpathSummaries;
  private final boolean expectedEscapes;
  private final List<Path> profiles;
  private final int jitJdk;
  private final boolean demoteJitWarnings;

  ModuleAnalysis(MavenProject project, Log log, String pluginVersion, Settings s) {
    this.project = project;
    this.log = log;
    this.pluginVersion = pluginVersion;
    this.rules = s.rules();
    this.excludeRules = s.excludeRules();
    this.verbosity = s.verbosity();
    this.reportOutsideLoops = s.reportOutsideLoops();
    this.contractAllowsNoEscape = s.contractAllowsNoEscape();
    this.hotAnnotations = s.hotAnnotations();
    this.includeTests = s.includeTests();
    this.includes = s.includes();
    this.excludes = s.excludes();
    this.classpathSummaries = s.classpathSummaries();
    this.expectedEscapes = s.expectedEscapes();
    this.jitJdk = s.jitJdk();
    this.demoteJitWarnings = s.demoteJitWarnings();
    this.profiles = s.profiles();
  }

  /** The paths of a {@code File} list parameter, absolute (null entries dropped). */
  static List<Path> paths(List<File> files) {
    List<Path> out = new ArrayList<>();
    if (files != null) for (File f : files) if (f != null) out.add(f.toPath().toAbsolutePath().normalize());
    return out;
  }

  private Log getLog() {
    return log;
  }

  /** One module's analysis, mapped to its sources. */
  record Analysis(ReportRun run, Pipeline.Mapped mapped, int classes, BytecodeAnalysis.Result result) {}

  /**
   * Analyzes the module, or returns null when there is nothing to analyze (no classes directory);
   * every note is logged as one WARN line.
   */
  Analysis analyze() throws MojoExecutionException {
    BytecodeAnalysis.Options options = options();
    List<Path> inputs = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    addIfDirectory(inputs, project.getBuild().getOutputDirectory());
    for (String s : project.getCompileSourceRoots()) addIfDirectory(sources, s);
    if (includeTests) {
      addIfDirectory(inputs, project.getBuild().getTestOutputDirectory());
      for (String s : project.getTestCompileSourceRoots()) addIfDirectory(sources, s);
    }
    if (inputs.isEmpty()) {
      getLog().info("noescape: no classes in " + shown(Path.of(project.getBuild().getOutputDirectory())) + ", nothing to analyze");
      return null;
    }
    List<String> notes = new ArrayList<>();
    List<Path> classpath = classpath(inputs, notes);
    // the compile class path is the module's own dependencies: advice may name what it holds
    options = new BytecodeAnalysis.Options(inputs, List.of(), options.rules(), options.ruleContext())
        .withDependencies(classpath)
        .withClasspathSummaries(classpathSummaries)
        .withKeepResults(!profiles.isEmpty())
        .withSourceLoops(Pipeline.sourceLoops(sources, project.getBasedir().toPath().toAbsolutePath()));
    Profiles.Pending recordings = profiles.isEmpty() ? null : Profiles.start(profiles, this::shown);

    quietSootUp();
    ProgressLog progress = new ProgressLog(System::nanoTime, line -> getLog().info(line));
    BytecodeAnalysis.Result result;
    try {
      result = BytecodeAnalysis.run(options, progress);
    } catch (OutOfMemoryError e) {
      throw new MojoExecutionException("noescape: out of memory: give Maven more heap (MAVEN_OPTS=-Xmx4g)");
    } catch (RuntimeException | LinkageError e) {
      getLog().debug(e);
      throw new MojoExecutionException("noescape: the analysis failed: " + Pipeline.describe(e)
          + (getLog().isDebugEnabled() ? "" : " (-X prints the stack trace)"));
    }
    List<String> shownInputs = inputs.stream().map(this::shown).toList();
    notes = Pipeline.notes(notes, result, shownInputs);
    Path root = project.getBasedir().toPath().toAbsolutePath();
    long analyzed = progress.now();
    Pipeline.Mapped mapped = Pipeline.map(result.findings(), sources, root, e -> getLog().debug(e));
    if (getLog().isDebugEnabled()) {
      getLog().debug("noescape: time split: " + progress.split(analyzed) + ", source mapping "
          + String.format(Locale.ROOT, "%.2f s", (progress.now() - analyzed) / 1e9));
    }
    notes.addAll(mapped.notes());
    ProfileRanking ranking = null;
    if (recordings != null) {
      AllocationProfile profile = recordings.get();
      for (String p : profile.problems()) notes.add("profile " + p);
      ranking = Profiles.rank(profile, result);
    }
    for (String n : notes) getLog().warn("noescape: " + n);
    if (ranking != null) getLog().info("noescape: " + Profiles.summary(ranking));
    if (progress.logged) getLog().info("noescape: analyzed " + result.classesTotal() + " classes in " + progress.elapsed());
    BytecodeAnalysis.SummaryUse use = result.summaryUse();
    if (use.resources() > 0) {
      // Multi-module builds: the summaries upstream modules wrote replace analyzing their classes.
      getLog().info("noescape: used " + use.summariesUsed() + " method summar" + (use.summariesUsed() == 1 ? "y" : "ies")
          + " shipped by " + use.resources() + " class path entr" + (use.resources() == 1 ? "y" : "ies") + " ("
          + use.classesNotLowered() + " class" + (use.classesNotLowered() == 1 ? "" : "es") + " not re-analyzed)");
    }
    java.util.function.Predicate<String> reported = ClassPatterns.filter(split(includes), split(excludes));
    List<ReportedFinding> kept = mapped.findings().stream()
        .filter(f -> f.finding().method() == null || reported.test(f.finding().method().owner()))
        .toList();
    return new Analysis(new ReportRun(pluginVersion == null ? "unknown" : pluginVersion, kept, notes, null, mapped.waived(),
        ranking), mapped, result.classesTotal(), result);
  }

  /**
   * SootUp logs through slf4j, which Maven binds to its own log: a class it cannot find in the
   * hierarchy (the JDK is left out of the view on purpose) would be one WARNING line each. Unless
   * {@code -X} or the user configured it, its loggers print nothing (what matters comes back as
   * notes).
   */
  private void quietSootUp() {
    String key = "org.slf4j.simpleLogger.log.sootup";
    if (!getLog().isDebugEnabled() && System.getProperty(key) == null) System.setProperty(key, "off");
  }

  /** The compile (and with {@code includeTests}, test) class path without the inputs; missing entries become notes. */
  private List<Path> classpath(List<Path> inputs, List<String> notes) throws MojoExecutionException {
    Set<String> elements = new LinkedHashSet<>();
    try {
      elements.addAll(project.getCompileClasspathElements());
      if (includeTests) elements.addAll(project.getTestClasspathElements());
    } catch (org.apache.maven.artifact.DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("noescape: dependencies not resolved: " + e.getMessage());
    }
    Set<Path> out = new LinkedHashSet<>();
    for (String e : elements) {
      Path p = Path.of(e).toAbsolutePath().normalize();
      if (inputs.contains(p)) continue;
      if (!Files.exists(p)) {
        notes.add("class path entry not found, calls into it count as unknown: " + shown(p));
        continue;
      }
      out.add(p);
    }
    return new ArrayList<>(out);
  }

  private BytecodeAnalysis.Options options() throws MojoExecutionException {
    if (verbosity != 1 && verbosity != 2) throw new MojoExecutionException("noescape: verbosity must be 1 or 2 (was " + verbosity + ")");
    Set<RuleId> selected = EnumSet.noneOf(RuleId.class);
    List<String> wanted = split(rules);
    if (wanted.isEmpty()) selected.addAll(Pipeline.defaultRules(false));
    for (String r : wanted) selected.add(rule(r, "rules"));
    for (String r : split(excludeRules)) selected.remove(rule(r, "excludeRules"));
    Set<String> hot = new LinkedHashSet<>();
    for (String a : split(hotAnnotations)) {
      String name = Pipeline.annotationName(a);
      if (name == null) throw new MojoExecutionException("noescape: hotAnnotations: not an annotation name: '" + a + "'");
      hot.add(name);
    }
    RuleContext d = RuleContext.defaults();
    if (jitJdk != 0 && (jitJdk < 8 || jitJdk > 99)) {
      throw new MojoExecutionException("noescape: jitJdk: not a JDK release (17, 21, 25): " + jitJdk);
    }
    RuleContext context = new RuleContext(d.targetRelease(), d.guavaOnClasspath(), reportOutsideLoops, verbosity, hot,
        contractAllowsNoEscape, expectedEscapes).withJit(jitJdk, List.of(), demoteJitWarnings);
    return new BytecodeAnalysis.Options(List.of(), List.of(), selected, context);
  }

  private static RuleId rule(String id, String parameter) throws MojoExecutionException {
    RuleId r = RuleId.byId(id);
    if (r == null) {
      List<String> known = new ArrayList<>();
      for (RuleId k : RuleId.values()) known.add(k.id());
      throw new MojoExecutionException("noescape: " + parameter + ": unknown rule '" + id + "' (rules: " + String.join(", ", known) + ")");
    }
    return r;
  }

  /** Values of a list parameter, each also split at commas, trimmed, empties dropped. */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values == null) return out;
    for (String v : values) {
      if (v == null) continue;
      for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
    }
    return out;
  }

  /** {@code warning}, {@code error} or {@code never} (null). */
  static Severity threshold(String failOn) throws MojoExecutionException {
    return switch (failOn == null ? "" : failOn.trim().toLowerCase(Locale.ROOT)) {
      case "warning" -> Severity.WARNING;
      case "error" -> Severity.ERROR;
      case "never" -> null;
      default -> throw new MojoExecutionException("noescape: failOn must be warning, error or never (was '" + failOn + "')");
    };
  }

  private static void addIfDirectory(List<Path> out, String dir) {
    if (dir == null) return;
    Path p = Path.of(dir).toAbsolutePath().normalize();
    if (Files.isDirectory(p) && !out.contains(p)) out.add(p);
  }

  /** {@code p} relative to the project's directory when it is inside it. */
  String shown(Path p) {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  /**
   * Logs the Go-style line of each finding, heaviest first with what was measured when a recording
   * ranks the run ({@link TextReport#order}): WARN for warnings and errors, INFO for information.
   */
  void logFindings(ReportRun run) {
    for (ReportedFinding f : TextReport.order(run)) {
      String line = TextReport.line(f, run.profile());
      if (f.finding().severity() == Severity.INFO) getLog().info(line);
      else getLog().warn(line);
    }
  }

}
