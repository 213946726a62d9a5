package dev.noescape.bytecode;

import dev.noescape.backend.BackEnd;
import dev.noescape.jit.ClassFileFacts;
import dev.noescape.jit.SitePredictions;
import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.Budget;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.engine.WorkPeaks;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.CacheMisses;
import dev.noescape.ir.Program;
import dev.noescape.models.JdkSummaries;
import dev.noescape.rules.ProjectLibraries;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.export.ClassPathSummaries;
import dev.noescape.ir.SourceLoops;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sootup.core.cache.provider.LRUCacheProvider;
import sootup.core.inputlocation.AnalysisInputLocation;
import sootup.core.model.SourceType;
import sootup.java.bytecode.frontend.inputlocation.JavaClassPathAnalysisInputLocation;
import sootup.java.core.views.JavaView;

/**
 * The whole-program pipeline over class files: class files (SootUp) → method IR → escape engine
 * (summaries bottom-up over the call graph) → rules → findings. The entry point of the command
 * line and the Maven goals.
 */
public final class BytecodeAnalysis {
  private BytecodeAnalysis() {}

  /** Classes the view keeps parsed at once: enough for a class and what its lowering looks up. */
  private static final int CACHE_CLASSES = 64;

  /**
   * SootUp's default body interceptors without constant and copy propagation and without the
   * aggregator: they turn {@code int copy = 16; list.add(copy)} into {@code Integer.valueOf(16)}, a
   * cached constant, where the source boxes a variable (javac inlines only constant variables, which
   * bytecode then shows as constants anyway), and they fold javac's synthetic loop copies into their
   * uses. The lowering follows single definitions itself, so it loses nothing by their absence.
   */
  private static final List<sootup.core.interceptor.BodyInterceptor> INTERCEPTORS =
      sootup.interceptors.BytecodeBodyInterceptors.Default.getBodyInterceptors().stream()
          .filter(i -> !(i instanceof sootup.interceptors.ConstantPropagatorAndFolder)
              && !(i instanceof sootup.interceptors.CopyPropagator)
              && !(i instanceof sootup.interceptors.Aggregator))
          .toList();

  private static final List<sootup.core.interceptor.BodyInterceptor> UNTYPED_INTERCEPTORS = INTERCEPTORS.stream()
      .filter(i -> !(i instanceof sootup.interceptors.TypeAssigner))
      .toList();

  /**
   * The last resort: SootUp 3.0.1's {@code LocalSplitter} throws {@code IllegalStateException} on
   * some bodies (httpcore5 5.1's {@code DefaultBHttpClientConnection.terminateRequest}: a local
   * slot reused across a try/finally). Without it each slot stays one local: fewer, less precise
   * names, the same allocations, calls and fields.
   */
  private static final List<sootup.core.interceptor.BodyInterceptor> UNSPLIT_INTERCEPTORS = UNTYPED_INTERCEPTORS.stream()
      .filter(i -> !(i instanceof sootup.interceptors.LocalSplitter))
      .toList();

  /** A view over the run's inputs and class path with these interceptors, made on first use. */
  private static java.util.function.Supplier<JavaView> lazyView(Options options,
      List<sootup.core.interceptor.BodyInterceptor> interceptors) {
    return new java.util.function.Supplier<>() {
      JavaView v;

      @Override
      public JavaView get() {
        if (v == null) {
          List<AnalysisInputLocation> locations = new ArrayList<>();
          for (Path p : options.inputs()) quietLocation(p, SourceType.Application, interceptors, locations);
          for (Path p : options.classpath()) quietLocation(p, SourceType.Library, interceptors, locations);
          v = new JavaView(locations, new LRUCacheProvider(CACHE_CLASSES / 4));
        }
        return v;
      }
    };
  }

  private static void quietLocation(Path p, SourceType type, List<sootup.core.interceptor.BodyInterceptor> interceptors,
      List<AnalysisInputLocation> locations) {
    if (!java.nio.file.Files.exists(p) || !readableJar(p)) return;
    try {
      locations.add(new JavaClassPathAnalysisInputLocation(p.toString(), type, interceptors));
    } catch (RuntimeException e) {
      // reported when the typed view was made
    }
  }

  /** Debugging aid: print the IR of methods whose key contains this string. */
  static String DUMP = System.getProperty("noescape.bytecode.dump");

  private static List<Path> concat(List<Path> a, List<Path> b) {
    List<Path> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Runs the whole pipeline. Never throws for bad input: unreadable jars, classes and methods become
   * {@link Problem}s and the rest is analyzed.
   */
  public static Result run(Options options, Progress progress) {
    if (progress == null) progress = Progress.NONE;
    long deadline = options.timeBudget() == null ? Budget.NO_DEADLINE : System.nanoTime() + options.timeBudget().toNanos();
    Lowered l = lower(options, progress, deadline);
    Progress shown = progress;
    BackEnd.Output out = BackEnd.run(new BackEnd.Input(l.program(), JdkSummaries.library(), l.shipped(), l.context(),
        options.rules()).withBudget(Budget.DEFAULT.withDeadline(deadline))
        .withCode(new ClassFileFacts(new ClassBytes(concat(options.inputs(), options.classpath()))::read))
        .withCalleeAllocations(options.calleeAllocations())
        .withCheckpoint((stage, rules, methods) -> {
          if (stage == BackEnd.Stage.RULES) shown.update("rules", 0, 1);
        }));
    AnalysisResult result = out.result();
    int analyzed = l.classesAnalyzed() - budgetProblems(result, options, l.lowering(), l.inputNames(), l.problems());
    List<Finding> findings = new ArrayList<>();
    for (Finding f : out.findings()) {
      if (f.method() != null && l.inputNames().contains(f.method().owner()) && !l.lowering().isGenerated(f)) findings.add(f);
    }
    findings.sort(Finding.ORDER);
    Map<MethodRef, MethodSummary> exports = exports(l.lowering(), l.inputNames(), result);
    List<dev.noescape.engine.MethodResult> kept = new ArrayList<>();
    if (options.keepResults()) {
      for (dev.noescape.engine.MethodResult mr : result.methods()) {
        if (l.inputNames().contains(mr.method().ref().owner())) kept.add(mr);
      }
    }
    return new Result(findings, l.classesTotal(), analyzed, l.problems(), exports,
        new SummaryUse(l.shipped().indexes().size(), l.summarized().size(), l.shipped().usedCount()), jdkCalls(l),
        result.peaks(), l.inputNames(), kept, out.predictions());
  }

  /** How the input methods' calls into the JDK were resolved (model, generated summary, unknown). */
  private static dev.noescape.models.JdkCallCoverage jdkCalls(Lowered l) {
    Set<String> owners = new HashSet<>();
    List<dev.noescape.ir.MethodIR> inputs = new ArrayList<>();
    for (dev.noescape.ir.MethodIR m : l.program().methods()) {
      owners.add(m.ref().owner());
      if (l.inputNames().contains(m.ref().owner())) inputs.add(m);
    }
    return dev.noescape.models.JdkCallCoverage.of(inputs, owners, BytecodeAnalysis::isJdkClass);
  }

  /**
   * The engine's summaries of every lowered method of the inputs and what they reach, with
   * {@code library} as the summaries of everything else (no rules run): how the JDK's own summaries
   * are generated (the {@code tools} module's {@code JdkSummaryGenerator}). Never throws for bad
   * input, as {@link #run}.
   */
  public static Summaries summarize(Options options, dev.noescape.summary.SummaryProvider library, Progress progress) {
    if (progress == null) progress = Progress.NONE;
    Lowered l = lower(options, progress, Budget.NO_DEADLINE);
    AnalysisResult result = BackEnd.run(new BackEnd.Input(l.program(), library, l.shipped(), l.context(), Set.of())).result();
    return new Summaries(l.program(), result, l.problems());
  }

  /**
   * What {@link #summarize} computed.
   *
   * @param program the lowered methods, calls resolved against the closed world of the run
   * @param result the engine's per-method results and summaries (by {@link dev.noescape.ir.MethodRef#key()})
   * @param problems what was skipped, in input order
   */
  public record Summaries(Program program, AnalysisResult result, List<Problem> problems) {}

  /** The lowered program of a run and what the rules and exports need. */
  private record Lowered(Program program, RuleContext context, Set<String> inputNames, ProgramLowering lowering,
      ClassPathSummaries shipped, Set<String> summarized, int classesTotal, int classesAnalyzed, List<Problem> problems) {}

  private static Lowered lower(Options options, Progress progress, long deadline) {
    List<Problem> problems = new ArrayList<>();
    List<ClassFiles.Entry> inputs = new ArrayList<>();
    List<ClassFiles.Entry> libs = new ArrayList<>();
    List<AnalysisInputLocation> locations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path p : options.inputs()) {
      for (ClassFiles.Entry e : ClassFiles.list(p, problems, true)) if (seen.add(e.className())) inputs.add(e);
      location(p, SourceType.Application, locations, problems);
    }
    // Summaries shipped by class path entries (META-INF/noescape): their classes are indexed for
    // the hierarchy but not lowered; calls into them use the shipped summaries.
    ClassPathSummaries shipped = options.classpathSummaries()
        ? ClassPathSummaries.load(options.classpath(), note -> problems.add(new Problem("class path", note)))
        : ClassPathSummaries.of(List.of(), note -> {});
    // Only the inputs and the project's own dependencies say which libraries advice may name: a
    // library that is merely on the class path, as context for summaries, is not the project's.
    ProjectLibraries project = new ProjectLibraries();
    for (ClassFiles.Entry e : inputs) project.see(e.className());
    for (Path p : options.classpath()) {
      boolean own = options.dependencies().contains(p);
      for (ClassFiles.Entry e : ClassFiles.list(p, problems, false)) {
        if (own) project.see(e.className());
        if (seen.add(e.className())) libs.add(e);
      }
      location(p, SourceType.Library, locations, problems);
    }
    int major = 0;
    for (ClassFiles.Entry e : inputs) major = Math.max(major, e.major());
    RuleContext rc = options.ruleContext() != null ? options.ruleContext() : RuleContext.defaults();
    int release = options.release() != null ? options.release() : major >= 45 ? major - 44 : rc.targetRelease();
    RuleContext context = new RuleContext(release, project.guava(), rc.reportOutsideLoops(), rc.verbosity(),
        rc.hotAnnotations(), rc.contractAllowsNoEscape(), rc.expectedEscapes())
        .withPrimitiveCollections(project.primitiveCollections())
        .withJit(rc.jitJdk(), rc.jitDontInline(), rc.demoteJitWarnings());

    JavaView view = new JavaView(locations, new LRUCacheProvider(CACHE_CLASSES));
    // SootUp's type assigner fails on some bodies when classes they use are missing; those bodies
    // are built again in a second view without it (made on first use), where local types are less
    // precise but the allocations, calls and fields the IR needs are the same; a third view also
    // leaves out the local splitter (see UNSPLIT_INTERCEPTORS).
    ProgramLowering lowering = new ProgramLowering(view,
        List.of(lazyView(options, UNTYPED_INTERCEPTORS), lazyView(options, UNSPLIT_INTERCEPTORS)), rc.hotAnnotations(), problems,
        options.sourceLoops());
    List<ClassFiles.Entry> all = new ArrayList<>(inputs);
    all.addAll(libs);
    int done = 0;
    Set<String> readable = new LinkedHashSet<>();
    for (ClassFiles.Entry e : all) {
      if (e.major() == 0) {
        problems.add(new Problem(e.display(), "not a class file (bad header or truncated)"));
        continue;
      }
      if (e.major() > Runtime.version().feature() + 44 && e.major() > 69) {
        // SootUp 3.0.1 reads up to Java 25; newer classes are reported, not guessed at
        problems.add(new Problem(e.display(), "class file version " + e.major() + " is newer than this analyzer reads"));
        continue;
      }
      if (lowering.index(e)) readable.add(e.className());
      progress.update("loading", ++done, all.size());
    }

    Set<String> inputNames = new HashSet<>();
    for (ClassFiles.Entry e : inputs) inputNames.add(e.className());
    // Input classes are all lowered; class-path classes only when the input reaches them (a call,
    // field, allocation or supertype of something lowered), for their summaries. Anonymous classes
    // wait for the code creating them (their bodies inherit its loop depth and hotness).
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    List<String> anonymous = new ArrayList<>();
    Set<String> reached = new HashSet<>();
    for (String c : readable) {
      if (!inputNames.contains(c)) continue;
      reached.add(c);
      (lowering.isAnonymousClass(c) ? anonymous : queue).add(c);
    }
    Set<String> summarized = new HashSet<>();
    // classes whose code is not all in the program: nothing in their nest or package is known to
    // have every caller in view (Program.partialClasses)
    Set<String> partial = new HashSet<>(lowering.failedClasses);
    ProgramLowering.Counter counter = new ProgramLowering.Counter();
    // referenced classes in neither the inputs nor the class path, with a class referring to each
    java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
    int analyzed = 0;
    done = 0;
    while (true) {
      String c = queue.poll();
      if (c == null && !anonymous.isEmpty()) {
        anonymous.sort((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b));
        int pick = 0;
        for (int i = 0; i < anonymous.size(); i++) {
          if (lowering.anonymousReady(anonymous.get(i))) {
            pick = i;
            break;
          }
        }
        c = anonymous.remove(pick);
      }
      if (c == null) break;
      if (deadline != Budget.NO_DEADLINE && System.nanoTime() - deadline > 0) {
        timeBudgetSpent(options, c, queue, anonymous, inputNames, problems);
        break;
      }
      int before = lowering.methods.size();
      boolean ok = lowering.lower(c, counter);
      if (ok && inputNames.contains(c)) analyzed++;
      if (!ok) partial.add(c);
      progress.update("lowering", ++done, reached.size());
      Set<String> refs = new LinkedHashSet<>(lowering.supertypes(c));
      for (int i = before; i < lowering.methods.size(); i++) References.of(lowering.methods.get(i), refs);
      for (String r : refs) {
        if (readable.contains(r) && !inputNames.contains(r) && shipped.covers(r)) {
          summarized.add(r);
        } else if (readable.contains(r)) {
          if (reached.add(r)) (lowering.isAnonymousClass(r) ? anonymous : queue).add(r);
        } else if (!seen.contains(r) && !missing.containsKey(r)) {
          missing.put(r, c);
        }
      }
    }
    missingClasses(missing, problems);

    if (DUMP != null) {
      for (dev.noescape.ir.MethodIR m : lowering.methods) {
        if (!m.ref().key().contains(DUMP)) continue;
        System.out.println("== " + m.ref().key() + " hot=" + m.hot() + " base=" + m.baseLoopDepth() + " params=" + m.params() + " " + m.paramPositions());
        for (dev.noescape.ir.Loop l : m.loops()) System.out.println("  loop " + l);
        for (dev.noescape.ir.Stmt st : m.stmts()) System.out.println("  " + st);
      }
    }
    progress.update("solving", 0, 1);
    Set<String> lowered = new HashSet<>();
    for (dev.noescape.ir.MethodIR m : lowering.methods) lowered.add(m.ref().owner());
    // Classes with shipped summaries implement methods too: virtual calls list them as targets (their
    // summaries answer for them), so a call closed over the known implementations stays sound.
    Set<String> implemented = new HashSet<>(lowered);
    for (String c : readable) if (!inputNames.contains(c) && shipped.covers(c)) implemented.add(c);
    // what the loop did not lower: left by the deadline, shipped summaries, class-path classes no
    // input reaches (a package of a dependency is not whole here, an input's package is)
    partial.addAll(queue);
    partial.addAll(anonymous);
    partial.addAll(summarized);
    for (String c : readable) if (!reached.contains(c)) partial.add(c);
    // a lambda body computeIfAbsent runs on a kept map's miss: decided over the caller's IR (CacheMisses)
    // the integral fields whose values every write proves: loop bounds and boxes (FieldRanges)
    Program program = dev.noescape.ir.FieldRanges.apply(new Program(CacheMisses.linkMappingFunctions(
        Dispatch.resolve(lowering.methods, lowering.virtualCalls, lowering.hierarchy(), implemented)),
        lowering.hierarchy(), partial, true));
    return new Lowered(program, context, inputNames, lowering, shipped, summarized, inputs.size(), analyzed, problems);
  }

  /**
   * The summaries other modules may use: every non-private method of the input classes that was
   * lowered and whose summary did not fall back to unknown (an absent method is unknown to its
   * callers anyway). A summary describes the method's own body; calls inside it to overridable
   * methods of the module were already treated as open (unknown), so it holds whoever subclasses
   * the module's classes. Private methods and lambda bodies cannot be called from outside.
   */
  private static Map<MethodRef, MethodSummary> exports(ProgramLowering lowering, Set<String> inputNames, AnalysisResult result) {
    Map<MethodRef, MethodSummary> out = new LinkedHashMap<>();
    for (dev.noescape.ir.MethodIR m : lowering.methods) {
      MethodRef ref = m.ref();
      if (!inputNames.contains(ref.owner()) || ref.name().equals("<clinit>")) continue;
      dev.noescape.bytecode.hierarchy.Hierarchy.ClassInfo c = lowering.hierarchy().programClass(ref.owner());
      Integer flags = c == null ? null : c.methods().get(ref.key().substring(ref.key().indexOf('#') + 1));
      if (flags == null || (flags & dev.noescape.bytecode.hierarchy.Hierarchy.ClassInfo.PRIVATE) != 0) continue;
      MethodSummary s = result.exported().get(ref.key());
      if (s != null) out.put(ref, s);
    }
    return out;
  }

  /**
   * One problem per budget the engine hit, naming the method (or the first of the methods); returns
   * how many input classes were counted as analyzed but have a method that was not.
   */
  private static int budgetProblems(AnalysisResult result, Options options, ProgramLowering lowering, Set<String> inputNames,
      List<Problem> problems) {
    Set<String> incomplete = new java.util.TreeSet<>();
    for (dev.noescape.engine.BudgetHit h : result.budgetHits()) {
      List<dev.noescape.ir.MethodRef> ms = h.methods();
      if (!h.resultsKept()) {
        for (dev.noescape.ir.MethodRef m : ms) if (inputNames.contains(m.owner())) incomplete.add(m.owner());
      }
      String what = h.resultsKept() ? "summaries unknown (budget): " : "not analyzed (budget): ";
      if (ms.size() == 1) {
        problems.add(new Problem(lowering.display(ms.get(0)), what + h.reason()));
      } else {
        String reason = h.reason().equals(EscapeAnalysis.DEADLINE)
            ? "the time budget (" + shown(options.timeBudget()) + ") was spent"
            : h.reason();
        problems.add(new Problem(lowering.display(ms.get(0)), what + ms.size() + " methods (this one first): " + reason));
      }
    }
    return incomplete.size();
  }

  /** One problem for the classes left when the time budget ran out during lowering. */
  private static void timeBudgetSpent(Options options, String next, java.util.Collection<String> queue,
      java.util.Collection<String> anonymous, Set<String> inputNames, List<Problem> problems) {
    int left = 0;
    for (String c : queue) if (inputNames.contains(c)) left++;
    for (String c : anonymous) if (inputNames.contains(c)) left++;
    if (inputNames.contains(next)) left++;
    problems.add(new Problem(next, "not analyzed (budget): the time budget (" + shown(options.timeBudget())
        + ") was spent before " + left + " classes (this one first) were read"));
  }

  private static String shown(java.time.Duration d) {
    return d.toMillis() >= 1000 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * One problem for the classes the lowered code refers to that are in neither the inputs, the class
   * path nor the JDK (a missing dependency): calls into them count as unknown (escaping).
   */
  private static void missingClasses(java.util.Map<String, String> missing, List<Problem> problems) {
    List<String> names = new ArrayList<>();
    String firstUser = null;
    for (java.util.Map.Entry<String, String> e : missing.entrySet()) {
      String name = e.getKey();
      if (name.isEmpty() || name.indexOf('[') >= 0 || name.indexOf('.') < 0 || isJdkClass(name)) continue;
      names.add(name);
      if (firstUser == null) firstUser = e.getValue();
    }
    if (names.isEmpty()) return;
    java.util.Collections.sort(names);
    int shown = Math.min(names.size(), 5);
    String list = String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown) + " more" : "");
    problems.add(new Problem("class path", (names.size() == 1 ? "class " : names.size() + " classes ") + list
        + " not found (referenced from " + firstUser + "; a missing dependency?): calls into "
        + (names.size() == 1 ? "it" : "them") + " count as unknown"));
  }

  private static boolean isJdkClass(String name) {
    return dev.noescape.models.JdkCallCoverage.isJdkClass(name);
  }

  private static void location(Path p, SourceType type, List<AnalysisInputLocation> locations, List<Problem> problems) {
    if (!java.nio.file.Files.exists(p)) return; // ClassFiles reported it
    if (!readableJar(p)) return; // ClassFiles reported it; SootUp would fail the whole view on it
    try {
      locations.add(new JavaClassPathAnalysisInputLocation(p.toString(), type, INTERCEPTORS));
    } catch (RuntimeException e) {
      problems.add(new Problem(p.toString(), "cannot open: " + ProgramLowering.message(e)));
    }
  }

  /**
   * False for a file that is not a readable zip (a truncated jar): SootUp opens every jar of a view
   * as a file system when it looks up any class, so one unreadable jar would make every class of
   * the run unreadable.
   */
  private static boolean readableJar(Path p) {
    if (java.nio.file.Files.isDirectory(p)) return true;
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {
      return true;
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * What to analyze.
   *
   * @param inputs jars or class directories whose classes are analyzed and reported
   * @param classpath dependency jars and directories: their method bodies are analyzed for
   *     summaries, never reported
   * @param rules the rules to run
   * @param ruleContext verbosity, reportOutsideLoops and hot annotations; the target release is
   *     replaced by {@code release}, else by what the input shows (its class file version); which
   *     libraries advice may name (Guava, a primitive-collections library) by what the inputs and
   *     {@code dependencies} hold
   * @param classpathSummaries use the summaries class path entries ship in
   *     {@code META-INF/noescape} for their methods instead of lowering their classes
   * @param timeBudget wall-clock time the run may take (null: none); when it is spent, the classes
   *     and methods not analyzed yet are skipped with one problem each phase (output then depends
   *     on the machine's speed, hence opt-in)
   * @param keepResults keep the engine's results for the input classes' methods in
   *     {@link Result#inputResults()} (what a recording is joined to); otherwise they are dropped with
   *     the run
   * @param dependencies the entries of {@code classpath} that are the project's own dependencies
   *     (what its build compiles against), whose APIs advice may suggest; the other entries are
   *     only the analysis' context (a library there is never suggested)
   * @param release the Java release the project targets, or null to take it from the inputs'
   *     class file version
   * @param sourceLoops where the sources put loop statements (the source mapping's answer), so that
   *     a loop without a condition is named by its own line; {@link SourceLoops#NONE} without sources
   * @param calleeAllocations predict the allocations inside inlined callees
   *     ({@link BackEnd.Input#calleeAllocations()}), for a report that lists them
   */
  public record Options(List<Path> inputs, List<Path> classpath, Set<RuleId> rules, RuleContext ruleContext,
      boolean classpathSummaries, java.time.Duration timeBudget, boolean keepResults, List<Path> dependencies,
      Integer release, SourceLoops sourceLoops, boolean calleeAllocations) {
    public Options {
      if (sourceLoops == null) sourceLoops = SourceLoops.NONE;
      inputs = List.copyOf(inputs);
      classpath = List.copyOf(classpath);
      rules = Set.copyOf(rules);
      dependencies = List.copyOf(dependencies);
    }

    /** Reading the summaries class path entries ship (the default), without a time budget. */
    public Options(List<Path> inputs, List<Path> classpath, Set<RuleId> rules, RuleContext ruleContext) {
      this(inputs, classpath, rules, ruleContext, true, null, false, List.of(), null, SourceLoops.NONE, false);
    }

    public Options withClasspathSummaries(boolean read) {
      return new Options(inputs, classpath, rules, ruleContext, read, timeBudget, keepResults, dependencies, release,
          sourceLoops, calleeAllocations);
    }

    /** A wall-clock budget for the run (null: none; only the engine's deterministic work budgets apply). */
    public Options withTimeBudget(java.time.Duration budget) {
      return new Options(inputs, classpath, rules, ruleContext, classpathSummaries, budget, keepResults, dependencies,
          release, sourceLoops, calleeAllocations);
    }

    /** Whether the result keeps the engine's results for the inputs' methods ({@link Result#inputResults()}). */
    public Options withKeepResults(boolean keep) {
      return new Options(inputs, classpath, rules, ruleContext, classpathSummaries, timeBudget, keep, dependencies,
          release, sourceLoops, calleeAllocations);
    }

    /**
     * These entries as the project's own dependencies: added to the class path (once) and
     * searched for the libraries advice may name.
     */
    public Options withDependencies(List<Path> deps) {
      List<Path> cp = new ArrayList<>(classpath);
      for (Path d : deps) if (!cp.contains(d)) cp.add(d);
      return new Options(inputs, cp, rules, ruleContext, classpathSummaries, timeBudget, keepResults, deps, release,
          sourceLoops, calleeAllocations);
    }

    /** The target release, instead of the inputs' class file version (null: from the class files). */
    public Options withRelease(Integer targetRelease) {
      return new Options(inputs, classpath, rules, ruleContext, classpathSummaries, timeBudget, keepResults, dependencies,
          targetRelease, sourceLoops, calleeAllocations);
    }

    /** Where the sources put loop statements ({@link SourceLoops#NONE}: no sources). */
    public Options withSourceLoops(SourceLoops loops) {
      return new Options(inputs, classpath, rules, ruleContext, classpathSummaries, timeBudget, keepResults, dependencies,
          release, loops, calleeAllocations);
    }

    /** Whether the allocations inside inlined callees are predicted ({@link Result#predictions()}). */
    public Options withCalleeAllocations(boolean predict) {
      return new Options(inputs, classpath, rules, ruleContext, classpathSummaries, timeBudget, keepResults, dependencies,
          release, sourceLoops, predict);
    }
  }

  /**
   * How much the run took from summaries shipped on the class path.
   *
   * @param resources {@code META-INF/noescape} resources found on the class path
   * @param classesNotLowered class path classes the input reaches whose bodies were not lowered
   *     because a resource summarizes them
   * @param summariesUsed distinct methods whose shipped summary answered a call
   */
  public record SummaryUse(int resources, int classesNotLowered, int summariesUsed) {
    public static final SummaryUse NONE = new SummaryUse(0, 0, 0);
  }

  /**
   * Something the run could not read or analyze, and went on without.
   *
   * @param input the jar, directory, class or method concerned ({@code guava.jar!com/google/X.class})
   * @param message what was skipped and why, one line
   */
  public record Problem(String input, String message) {
    @Override
    public String toString() {
      return input + ": " + message;
    }
  }

  /**
   * What a run found.
   *
   * @param findings sorted with {@link Finding#ORDER}; {@link Finding#file()} is the package path
   *     plus the class file's SourceFile attribute ({@code com/acme/Book.java}), positions carry
   *     lines only (column 0) until source mapping refines them
   * @param classesTotal classes in the inputs
   * @param classesAnalyzed classes of the inputs whose methods were all lowered and analyzed
   * @param problems what was skipped, in input order
   * @param exports the summaries of the input's methods that other modules may use (see
   *     {@code exports}), for {@link dev.noescape.summary.export.SummaryWriter}
   * @param summaryUse what summaries shipped on the class path saved
   * @param jdkCalls how the input's calls into the JDK were resolved (a debug statistic)
   * @param work the engine's largest work per method and per recursive component against the
   *     budgets (a debug statistic)
   * @param inputClasses the binary names of the input classes (the program a recording's stack
   *     frames are credited to)
   * @param inputResults with {@link Options#keepResults()}, the engine's results for the methods of
   *     the input classes, in program order; else empty
   */
  public record Result(List<Finding> findings, int classesTotal, int classesAnalyzed, List<Problem> problems,
      Map<MethodRef, MethodSummary> exports, SummaryUse summaryUse, dev.noescape.models.JdkCallCoverage jdkCalls,
      WorkPeaks work, Set<String> inputClasses, List<dev.noescape.engine.MethodResult> inputResults,
      SitePredictions predictions) {
    public Result {
      if (predictions == null) predictions = SitePredictions.NONE;
      findings = List.copyOf(findings);
      problems = List.copyOf(problems);
      exports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exports));
      if (jdkCalls == null) jdkCalls = dev.noescape.models.JdkCallCoverage.NONE;
      if (work == null) work = WorkPeaks.NONE;
      inputClasses = inputClasses == null ? Set.of() : Set.copyOf(inputClasses);
      inputResults = inputResults == null ? List.of() : List.copyOf(inputResults);
    }

    /** Without the input classes' names and results (a run that does not join a recording). */
    public Result(List<Finding> findings, int classesTotal, int classesAnalyzed, List<Problem> problems,
        Map<MethodRef, MethodSummary> exports, SummaryUse summaryUse, dev.noescape.models.JdkCallCoverage jdkCalls,
        WorkPeaks work) {
      this(findings, classesTotal, classesAnalyzed, problems, exports, summaryUse, jdkCalls, work, null, null, null);
    }

    public Result(List<Finding> findings, int classesTotal, int classesAnalyzed, List<Problem> problems,
        Map<MethodRef, MethodSummary> exports, SummaryUse summaryUse) {
      this(findings, classesTotal, classesAnalyzed, problems, exports, summaryUse, null, null);
    }

    public Result(List<Finding> findings, int classesTotal, int classesAnalyzed, List<Problem> problems) {
      this(findings, classesTotal, classesAnalyzed, problems, Map.of(), SummaryUse.NONE);
    }
  }

  /** Told how far the run is; called from the analyzing thread. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    /** {@code phase} is a word ({@code loading}, {@code lowering}, {@code solving}, {@code rules}). */
    void update(String phase, int done, int total);
  }
}
