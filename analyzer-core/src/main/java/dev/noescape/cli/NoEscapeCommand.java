package dev.noescape.cli;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.pipeline.Profiles;
import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.report.ReportRun;
import dev.noescape.report.ReportedFinding;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.export.SummaryIndex;
import dev.noescape.summary.export.SummaryWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code noescape [OPTIONS] INPUT...}: the options, their checks, and one run. */
@Command(
    name = "noescape",
    sortOptions = false,
    usageHelpWidth = 100,
    versionProvider = NoEscapeCommand.VersionProvider.class,
    headerHeading = "",
    header = "Static escape and allocation analysis of Java class files (Go's -gcflags=-m for Java).",
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    description = {
      "Analyzes the classes of each INPUT (a jar or a classes directory) and prints one line per finding",
      "on stdout, Go style: path:line:col: message [RuleId]. A per-rule summary and notes on anything",
      "skipped go to stderr. With --sarif, --json or --html it writes those reports instead and prints",
      "a one-line summary on stderr. Compile with -g for local variable names.",
    },
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    // A "Rules:" section comes before the footer (RuleList, from the rules' declarations).
    footer = {
      "Exit status:",
      "  0  the run completed and found nothing at or above --fail-on",
      "  1  findings at or above --fail-on",
      "  2  usage or input error, or the analysis could not complete (one line on stderr)",
      "",
      "Examples:",
      "  noescape target/classes",
      "  noescape --classpath 'target/lib/*' --source src/main/java \\",
      "           --sarif target/noescape/noescape.sarif target/classes",
      "  noescape --all --verbosity 2 app.jar",
      "",
      "Long argument lists can be read from a file: noescape @args.txt",
    })
final class NoEscapeCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;

  /** At most this many notes on stderr, unless --verbosity 2 (the reports carry them all). */
  static final int MAX_NOTES = 20;

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "A jar or a classes directory to analyze and report on.")
  List<String> inputs = new ArrayList<>();

  @Option(names = {"--classpath", "-cp", "--class-path"}, paramLabel = "CP",
      description = "Dependency jars and class directories, separated by '${sys:path.separator}' ('dir/*': every jar in dir)."
          + " Their code is analyzed for method summaries, never reported. Repeatable.")
  List<String> classpath = new ArrayList<>();

  @Option(names = "--dependencies", paramLabel = "CP",
      description = "The project's own dependencies, as --classpath: analyzed the same way, and advice may name"
          + " what they hold (Guava's presizing factories, a primitive-collections library). A library only on"
          + " --classpath is context, never suggested. Repeatable.")
  List<String> dependencies = new ArrayList<>();

  @Option(names = {"--release", "--target"}, paramLabel = "N",
      description = "The Java release the project targets (8, 11, 17, ...): advice uses only what it has"
          + " (HashMap.newHashMap needs 19). Default: the inputs' class file version.")
  String release;

  @Option(names = "--source", paramLabel = "DIR",
      description = "A source root (src/main/java). Findings get columns, snippets and fixes and paths relative to the"
          + " current directory, and @SuppressWarnings(\"RuleId\") is honoured. Repeatable.")
  List<String> sources = new ArrayList<>();

  @Option(names = "--sarif", paramLabel = "FILE", description = "Write SARIF 2.1.0 to FILE (GitHub code scanning).")
  String sarif;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report to FILE.")
  String json;

  @Option(names = "--html", paramLabel = "DIR", description = "Write the HTML report into DIR (DIR/index.html).")
  String html;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "A JDK Flight Recorder recording (or a directory of *.jfr) of the program at work: findings are ranked"
          + " by the bytes it measured, and the HTML report shows its hottest allocation sites with the finding or the"
          + " escape verdict that explains each (docs/profiles.md). Repeatable.")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--all", description = "Also report the escape verdicts: HeapEscape and LeakingParameter.")
  boolean all;

  @Option(names = "--verbosity", paramLabel = "1|2", defaultValue = "1",
      description = "2: the full reason chain of every escape, ArgEscape sites as information (Go's -m=2), and"
          + " every note on stderr. Default: ${DEFAULT-VALUE}.")
  String verbosity;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
      description = "Exit with 1 when a finding is at least this severe: warning, error or never. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(names = "--report-outside-loops",
      description = "Report boxing, varargs and capturing lambdas everywhere, not only in loops and hot methods.")
  boolean reportOutsideLoops;

  @Option(names = "--contract-allows-no-escape",
      description = "AllocationContract: allow allocations whose object provably does not escape in a @NoAllocation"
          + " method (the JIT may remove them, but need not). Default: every allocation counts.")
  boolean contractAllowsNoEscape;

  @Option(names = "--expected-escapes",
      description = "HeapEscape: also report the escapes that are expected (thrown objects, objects made by static"
          + " initializers, returned objects), which are left out so that loop, hot-path and surprising escapes come"
          + " first. Implied by --verbosity 2.")
  boolean expectedEscapes;

  @Option(names = "--jit-jdk", paramLabel = "N",
      description = "The JDK release whose C2 the scalar-replacement prediction (NotScalarReplaced, runtime.prediction)"
          + " targets. Default: the release the class files are compiled for.")
  Integer jitJdk;

  @Option(names = "--jit-dontinline", paramLabel = "CLASS::METHOD", split = ",",
      description = "A -XX:CompileCommand=dontinline pattern the JVM runs with (com.acme.Log::*): the prediction treats"
          + " those methods as never inlined. Repeatable, or comma-separated.")
  List<String> jitDontInline = new ArrayList<>();

  @Option(names = "--demote-jit-warnings",
      description = "Report warnings about allocations C2 is predicted to remove (they do not escape and what"
          + " receives them is inlined) as information, for JDK 23 and later.")
  boolean demoteJitWarnings;

  @Option(names = "--hot-annotation", paramLabel = "NAME", split = ",",
      description = "Another annotation that makes a method hot, besides @HotPath and @NoAllocation, matched by simple"
          + " name (com.acme.Fast counts as Fast). Repeatable, or comma-separated.")
  List<String> hotAnnotations = new ArrayList<>();

  @Option(names = "--write-summaries", paramLabel = "DIR",
      description = "Also write the escape summaries of the input's methods to DIR/META-INF/noescape/summaries, for"
          + " the jar that ships them (see docs/formats/summaries.md).")
  String writeSummaries;

  @Option(names = "--no-classpath-summaries",
      description = "Ignore the summaries class path entries ship in META-INF/noescape: analyze their bodies instead.")
  boolean noClasspathSummaries;

  @Option(names = "--budget-seconds", paramLabel = "N",
      description = "Stop analyzing after about N seconds: classes and methods not reached by then are skipped with a note"
          + " (their summaries count as unknown). Without it only the deterministic work budgets per method apply.")
  String budgetSeconds;

  @Option(names = "--progress",
      description = "Show progress on stderr even when it is not a terminal (a line every 2 s). By default a progress line is drawn only on a terminal, for runs over 2 s.")
  boolean progress;

  @Option(names = {"-q", "--quiet"}, description = "Print no summary, notes or progress on stderr; errors still show.")
  boolean quiet;

  @Option(names = "--debug", description = "Print the stack trace when the analysis fails, how the calls into the JDK were resolved (model, generated summary, unknown), and the engine's largest work per method and per recursive component against its budgets.")
  boolean debug;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
  boolean version;

  private final Analyzer analyzer;
  private final Env env;
  private final PrintStream out;
  private final PrintStream err;

  NoEscapeCommand(Analyzer analyzer, Env env, PrintStream out, PrintStream err) {
    this.analyzer = analyzer;
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** The checked settings of one run. */
  record Settings(BytecodeAnalysis.Options options, List<Path> sourceRoots, List<String> classpathNotes, Severity failOn,
      List<Output> outputs, Path writeSummaries, List<Path> profiles) {}

  /** A report to write: {@code path} resolved, {@code shown} as the user wrote it. */
  record Output(Kind kind, Path path, String shown) {
    enum Kind { SARIF, JSON, HTML }
  }

  @Override
  public Integer call() {
    try {
      return run(settings());
    } catch (UsageException e) {
      err.println("noescape: " + e.getMessage());
      return USAGE;
    }
  }

  Settings settings() throws UsageException {
    int v = switch (verbosity.trim()) {
      case "1" -> 1;
      case "2" -> 2;
      default -> throw new UsageException("--verbosity must be 1 or 2");
    };
    Severity threshold = switch (failOn.trim().toLowerCase(Locale.ROOT)) {
      case "warning" -> Severity.WARNING;
      case "error" -> Severity.ERROR;
      case "never" -> null;
      default -> throw new UsageException("--fail-on must be warning, error or never (was '" + failOn + "')");
    };
    Set<String> hot = new LinkedHashSet<>();
    for (String a : hotAnnotations) hot.add(annotationName(a));

    Path wd = env.workingDir();
    List<Output> outputs = new ArrayList<>();
    if (sarif != null) outputs.add(fileOutput(Output.Kind.SARIF, "--sarif", sarif, wd));
    if (json != null) outputs.add(fileOutput(Output.Kind.JSON, "--json", json, wd));
    if (html != null) {
      Path dir = Inputs.path(html, wd);
      if (Files.isRegularFile(dir)) throw new UsageException("--html needs a directory, " + html + " is a file");
      outputs.add(new Output(Output.Kind.HTML, dir, html));
    }
    List<Path> in = Inputs.inputs(inputs, wd);
    List<Path> sourceRoots = Inputs.sourceRoots(sources, wd);
    Inputs.Classpath cp = Inputs.classpath(classpath, wd, in);
    Inputs.Classpath deps = Inputs.classpath(dependencies, wd, in);

    RuleContext defaults = RuleContext.defaults();
    if (jitJdk != null && (jitJdk < 8 || jitJdk > 99)) throw new UsageException("--jit-jdk must be a JDK release (17, 21, 25)");
    RuleContext context = new RuleContext(defaults.targetRelease(), defaults.guavaOnClasspath(), reportOutsideLoops, v, hot,
        contractAllowsNoEscape, expectedEscapes).withJit(jitJdk == null ? 0 : jitJdk, jitDontInline, demoteJitWarnings);
    List<Path> recordings = new ArrayList<>();
    for (String p : profiles) recordings.add(Inputs.path(p, wd));
    BytecodeAnalysis.Options options = new BytecodeAnalysis.Options(in, cp.entries(), rules(all), context)
        .withDependencies(deps.entries())
        .withRelease(release())
        .withClasspathSummaries(!noClasspathSummaries)
        .withTimeBudget(timeBudget())
        .withKeepResults(!recordings.isEmpty())
        .withSourceLoops(Pipeline.sourceLoops(sourceRoots, wd))
        .withCalleeAllocations(v >= 2 && json != null);
    Path summariesDir = null;
    if (writeSummaries != null) {
      summariesDir = Inputs.path(writeSummaries, wd);
      if (Files.isRegularFile(summariesDir)) throw new UsageException("--write-summaries needs a directory, " + writeSummaries + " is a file");
    }
    List<String> classpathNotes = new ArrayList<>(cp.notes());
    classpathNotes.addAll(deps.notes());
    return new Settings(options, sourceRoots, classpathNotes, threshold, outputs, summariesDir, recordings);
  }

  /** {@code --release N} as a number (1.8 is 8), or null when not given. */
  private Integer release() throws UsageException {
    if (release == null) return null;
    String r = release.trim();
    if (r.startsWith("1.")) r = r.substring(2);
    try {
      int n = Integer.parseInt(r);
      if (n >= 1 && n < 100) return n;
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("--release must be a Java release number such as 8, 11 or 21 (was '" + release + "')");
  }

  private java.time.Duration timeBudget() throws UsageException {
    if (budgetSeconds == null) return null;
    try {
      long n = Long.parseLong(budgetSeconds.trim());
      if (n > 0) return java.time.Duration.ofSeconds(n);
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("--budget-seconds must be a positive whole number (was '" + budgetSeconds + "')");
  }

  /** The warning and error rules; with {@code all}, the information rules too. */
  static Set<RuleId> rules(boolean all) {
    return Pipeline.defaultRules(all);
  }

  private static Output fileOutput(Output.Kind kind, String option, String value, Path wd) throws UsageException {
    Path p = Inputs.path(value, wd);
    if (Files.isDirectory(p)) throw new UsageException(option + " needs a file, " + value + " is a directory");
    return new Output(kind, p, value);
  }

  /** {@code Fast}, {@code @Fast} and {@code com.acme.Fast} all mean the simple name {@code Fast}. */
  static String annotationName(String given) throws UsageException {
    String s = Pipeline.annotationName(given);
    if (s == null) throw new UsageException("--hot-annotation needs an annotation name (was '" + given + "')");
    return s;
  }

  private int run(Settings settings) throws UsageException {
    boolean show = progress || !quiet && env.stderrIsTerminal();
    ProgressLine.Mode mode = !show ? ProgressLine.Mode.OFF
        : env.stderrIsTerminal() ? ProgressLine.Mode.TERMINAL : ProgressLine.Mode.PLAIN;
    ProgressLine line = new ProgressLine(mode, err, env.nanoClock());
    BytecodeAnalysis.Result result;
    Profiles.Pending recordings = settings.profiles().isEmpty() ? null : Profiles.start(settings.profiles(), this::shown);
    Thread ticker = mode != ProgressLine.Mode.OFF && env.tickMillis() > 0 ? startTicker(line, env.tickMillis()) : null;
    try {
      result = analyzer.run(settings.options(), line);
    } catch (OutOfMemoryError e) {
      line.finish();
      if (debug) e.printStackTrace(err);
      throw new UsageException("out of memory: give the JVM more heap (java -Xmx4g -jar noescape-cli.jar …)"
          + " or analyze fewer inputs at once");
    } catch (RuntimeException | LinkageError e) {
      line.finish();
      if (debug) e.printStackTrace(err);
      throw new UsageException("the analysis failed: " + describe(e) + (debug ? "" : " (--debug prints the stack trace)"));
    } finally {
      if (ticker != null) ticker.interrupt();
      line.finish();
    }

    if (debug) {
      err.println("noescape: " + result.jdkCalls());
      for (String u : result.jdkCalls().topUnknown(Integer.getInteger("noescape.topunknown", 15))) err.println("noescape:   unknown " + u);
      err.println("noescape: " + result.work().describe(dev.noescape.engine.Budget.DEFAULT));
    }
    List<String> notes = Pipeline.notes(settings.classpathNotes(), result, inputs);
    Pipeline.Mapped mapped = Pipeline.map(result.findings(), settings.sourceRoots(), env.workingDir().toAbsolutePath(),
        e -> {
          if (debug) e.printStackTrace(err);
        });
    notes.addAll(mapped.notes());
    ProfileRanking ranking = null;
    if (recordings != null) {
      AllocationProfile profile = recordings.get();
      for (String p : profile.problems()) notes.add("profile " + p);
      ranking = Profiles.rank(profile, result);
    }
    ReportRun report = new ReportRun(Version.get(), mapped.findings(), notes,
        new ReportRun.Classes(result.classesTotal(), result.classesAnalyzed()), mapped.waived(), ranking,
        result.predictions().calleeAllocations(), result.predictions().unpredictedCalls());

    List<String> wrote = new ArrayList<>();
    if (settings.writeSummaries() != null) {
      try {
        SummaryWriter.write(settings.writeSummaries(), result.exports(), "noescape " + Version.get());
      } catch (IOException | RuntimeException e) {
        throw new UsageException("cannot write summaries into " + writeSummaries + ": " + describe(e));
      }
      wrote.add(Path.of(writeSummaries).resolve(SummaryIndex.RESOURCE) + " (" + result.exports().size() + " summaries)");
    }
    if (settings.outputs().isEmpty()) {
      Pipeline.printText(report, out);
    } else {
      for (Output o : settings.outputs()) {
        write(o, report, mapped);
        wrote.add(o.kind() == Output.Kind.HTML ? Pipeline.htmlEntry(Path.of(o.shown())).toString() : o.shown());
      }
    }
    if (!quiet) {
      printNotes(notes, settings.options().ruleContext().verbosity() >= 2);
      err.println(Summary.line(report.findings(), result.classesTotal(), result.classesAnalyzed(), wrote));
      if (ranking != null) err.println("noescape: " + Profiles.summary(ranking));
      err.flush();
    }
    return exitCode(report.findings(), settings.failOn());
  }

  /** A recording's path as the user named it on the command line (relative to the working directory). */
  private String shown(Path p) {
    Path wd = env.workingDir().toAbsolutePath();
    Path abs = p.toAbsolutePath();
    return abs.startsWith(wd) ? wd.relativize(abs).toString() : p.toString();
  }

  private void write(Output o, ReportRun report, Pipeline.Mapped mapped) throws UsageException {
    try {
      if (o.kind() == Output.Kind.HTML) {
        Files.createDirectories(o.path());
      } else {
        Path parent = o.path().toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
      }
      switch (o.kind()) {
        case SARIF -> Pipeline.writeSarif(report, mapped.sourceText(), o.path());
        case JSON -> Pipeline.writeJson(report, o.path());
        case HTML -> Pipeline.writeHtml(report, mapped.sourceText(), o.path());
      }
    } catch (IOException | RuntimeException e) {
      if (debug) e.printStackTrace(err);
      throw new UsageException("cannot write " + o.shown() + ": " + describe(e));
    }
  }

  private void printNotes(List<String> notes, boolean all) {
    int shown = all ? notes.size() : Math.min(notes.size(), MAX_NOTES);
    for (int i = 0; i < shown; i++) err.println("noescape: note: " + notes.get(i));
    if (shown < notes.size()) {
      err.println("noescape: note: " + Summary.number(notes.size() - shown) + " more notes (--verbosity 2 lists them all)");
    }
  }

  static int exitCode(List<ReportedFinding> findings, Severity threshold) {
    return Pipeline.atOrAbove(findings, threshold).isEmpty() ? OK : FINDINGS;
  }

  private static Thread startTicker(ProgressLine line, long millis) {
    Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(millis);
          line.tick();
        }
      } catch (InterruptedException e) {
        // the run is over
      }
    }, "noescape-progress");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** One line about an exception: its message, else its type; NoSuchFile and friends by file. */
  static String describe(Throwable e) {
    return Pipeline.describe(e);
  }

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"noescape " + Version.get()};
    }
  }
}
