package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Source;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.engine.MethodResult;
import dev.noescape.errorprone.Faults.Stage;
import dev.noescape.errorprone.frontend.FrontEndResult;
import dev.noescape.errorprone.frontend.FrontEndResult.SiteKey;
import dev.noescape.errorprone.frontend.JavacFrontEnd;
import dev.noescape.finding.Finding;
import dev.noescape.finding.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Program;
import dev.noescape.ir.SourcePos;
import dev.noescape.models.JdkSummaries;
import dev.noescape.rules.AllocationContractRule;
import dev.noescape.rules.RuleContext;
import dev.noescape.rules.RuleRunner;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The noescape analysis of one compilation unit, shared by the checkers so the work is done once:
 * the javac front end, the escape engine over the unit's methods with the JDK models, and every
 * rule that has a checker. It also resolves each finding to the tree to report at and builds its
 * suggested fix.
 *
 * <p>Error Prone scans a compilation unit once with all enabled checkers, so the first noescape
 * checker to see a unit computes its analysis and the others find it in a small cache keyed by the
 * unit's identity (and the options, which are the same for all checkers of one compilation). The
 * cache lives in the javac {@link Context} of the compilation, so nothing outlives the compilation
 * (a long-lived daemon or IDE does not keep old trees alive through it), and it holds only the
 * most recent units.
 *
 * <p>Nothing here throws: every stage is isolated. A failing method is left out (the engine is
 * re-run without it), a failing rule loses its findings for the failing method only, a failing fix
 * leaves the finding without a fix. All such problems, and the methods the front end skipped, are
 * printed as one note per unit.
 */
final class CompilationUnitAnalysis {

  /** The rules that have a checker in this plugin, run together once per unit. */
  static final Set<RuleId> RULES =
      Collections.unmodifiableSet(
          EnumSet.of(
              RuleId.HEAP_ESCAPE,
              RuleId.LEAKING_PARAMETER,
              RuleId.BOXING_ALLOCATION,
              RuleId.VARARGS_ALLOCATION,
              RuleId.CAPTURING_LAMBDA,
              RuleId.UNPRESIZED_COLLECTION,
              RuleId.HASH_MAP_CAPACITY,
              RuleId.STRING_CONCAT_IN_LOOP,
              RuleId.ALLOCATION_CONTRACT));

  /** Problems listed in full in the note; the rest are counted. */
  private static final int MAX_PROBLEMS_IN_NOTE = 6;

  /** Units kept per compilation: Error Prone finishes one unit with all checkers before the next. */
  private static final int CACHE_SIZE = 2;

  /** The per-compilation cache, most recent first. */
  private static final class Cache {
    final List<CompilationUnitAnalysis> entries = new ArrayList<>();
    /** Malformed options are named in the note of the first unit only, not in every unit's. */
    boolean optionProblemsReported;
  }

  private static final Context.Key<Cache> CACHE_KEY = new Context.Key<>();

  /** One finding, ready to report: where, and the fix if one could be built. */
  record Report(Finding finding, TreePath path, SuggestedFix fix) {}

  private final CompilationUnitTree unit;
  private final NoEscapeOptions options;
  private final RuleContext ruleContext;
  private final Set<RuleId> enabledRules;
  /** The rules computed for this unit: see {@link #reportableRules}. */
  private final Set<RuleId> computedRules;
  private final Map<RuleId, List<Report>> reports = new EnumMap<>(RuleId.class);
  /** Problems that concern one rule only: told by that rule's checker, so a disabled check adds no noise. */
  private final Map<RuleId, List<String>> ruleProblems = new EnumMap<>(RuleId.class);
  private final Map<RuleId, Tree> ruleProblemPositions = new EnumMap<>(RuleId.class);
  private final List<String> problems = new ArrayList<>();
  private Tree notePosition;
  private boolean notePrinted;
  /** Summaries shipped by class path entries ({@link DependencySummaries}), for calls into them. */
  private SummaryProvider implementations = SummaryProvider.NONE;

  private CompilationUnitAnalysis(CompilationUnitTree unit, NoEscapeOptions options, RuleContext ruleContext,
      Set<RuleId> enabledRules, Set<RuleId> computedRules) {
    this.unit = unit;
    this.options = options;
    this.ruleContext = ruleContext;
    this.enabledRules = enabledRules;
    this.computedRules = computedRules;
  }

  /** The analysis of {@code unit}, computed on first use; never throws (except fatal VM errors). */
  static CompilationUnitAnalysis of(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options) {
    Cache cache = cache(state.context);
    synchronized (cache) {
      for (CompilationUnitAnalysis a : cache.entries) {
        if (a.unit == unit && a.options.equals(options)) return a;
      }
    }
    boolean reportOptionProblems;
    synchronized (cache) {
      reportOptionProblems = !cache.optionProblemsReported;
      cache.optionProblemsReported = true;
    }
    CompilationUnitAnalysis a = compute(unit, state, options, reportOptionProblems);
    SelfTiming.unit();
    synchronized (cache) {
      cache.entries.add(0, a);
      while (cache.entries.size() > CACHE_SIZE) cache.entries.remove(cache.entries.size() - 1);
    }
    return a;
  }

  private static Cache cache(Context context) {
    synchronized (CACHE_KEY) {
      Cache c = context.get(CACHE_KEY);
      if (c == null) {
        c = new Cache();
        context.put(CACHE_KEY, c);
      }
      return c;
    }
  }

  /** The findings of {@code rule} in this unit, in report order. */
  List<Report> reports(RuleId rule) {
    return reports.getOrDefault(rule, List.of());
  }

  RuleContext ruleContext() {
    return ruleContext;
  }

  /** Problems of one rule (its failures, its findings without a tree, its fixes that failed). */
  List<String> ruleProblems(RuleId rule) {
    return ruleProblems.getOrDefault(rule, List.of());
  }

  /** Where the first problem of {@code rule} happened, or null. */
  Tree ruleProblemPosition(RuleId rule) {
    return ruleProblemPositions.get(rule);
  }

  /**
   * Problems found after the analysis (by a checker): printed only if this unit has not had its
   * note yet, so there is still at most one note per unit.
   */
  void lateProblems(VisitorState state, Tree at, List<String> late) {
    if (late.isEmpty()) return;
    synchronized (this) {
      if (notePrinted) return;
      problems.addAll(late);
      if (notePosition == null) notePosition = at;
    }
    printNote(state);
  }

  void lateProblem(VisitorState state, Tree at, String problem) {
    lateProblems(state, at, List.of(problem));
  }

  /**
   * A problem of one rule: in the unit's note when that rule's check is enabled, else kept for its
   * checker to tell should it run after all (so a disabled check adds no noise to the note).
   */
  private void ruleProblem(RuleId rule, Tree at, String problem) {
    if (enabledRules.contains(rule)) {
      problems.add(problem);
      if (notePosition == null) notePosition = at;
      return;
    }
    ruleProblems.computeIfAbsent(rule, r -> new ArrayList<>()).add(problem);
    if (at != null) ruleProblemPositions.putIfAbsent(rule, at);
  }

  /**
   * The rules whose findings a checker can ask for in this compilation: all of them, except the
   * off-by-default ones not named on the command line, whose checkers stop before asking (the same
   * test, {@link DefaultOff#explicitlyEnabled}, as {@link NoEscapeChecker}). Their findings are the
   * most numerous (a verdict per escaping allocation and per leaking parameter, with its chain, tree
   * path and position), so an ordinary compilation does not build them only to drop them.
   */
  private static Set<RuleId> reportableRules(VisitorState state) {
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    for (RuleId r : RULES) {
      if (!DefaultOff.isOffByDefault(r) || DefaultOff.explicitlyEnabled(state, r.id())) rules.add(r);
    }
    return rules;
  }

  /** The rules whose checks are (probably) enabled in this compilation: see {@link DefaultOff#probablyEnabled}. */
  private static Set<RuleId> enabledRules(VisitorState state) {
    Set<RuleId> enabled = EnumSet.noneOf(RuleId.class);
    for (RuleId r : RULES) {
      boolean offByDefault = DefaultOff.isOffByDefault(r);
      try {
        if (DefaultOff.probablyEnabled(state, r.id(), offByDefault, !offByDefault)) enabled.add(r);
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        if (!offByDefault) enabled.add(r);
      }
    }
    return enabled;
  }

  // ---- the pipeline ----

  private static CompilationUnitAnalysis compute(
      CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, boolean reportOptionProblems) {
    RuleContext ctx;
    try {
      ctx = new RuleContext(targetRelease(state.context), guavaOnClasspath(state), options.reportOutsideLoops(),
          options.verbosity(), options.hotAnnotations(), options.contractAllowsNoEscape());
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      ctx = new RuleContext(Runtime.version().feature(), false, options.reportOutsideLoops(), options.verbosity(),
          options.hotAnnotations(), options.contractAllowsNoEscape());
    }
    CompilationUnitAnalysis a = new CompilationUnitAnalysis(unit, options, ctx, enabledRules(state), reportableRules(state));
    if (reportOptionProblems) a.problems.addAll(options.problems());
    try {
      a.run(state);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      a.reports.clear();
      a.problems.add("analysis of the unit failed: " + Faults.describe(t));
    }
    a.printNote(state);
    return a;
  }

  private void run(VisitorState state) {
    String file = fileName();

    // 1. Front end: javac trees -> IR. Never throws by contract; guarded anyway.
    FrontEndResult fe;
    try {
      Faults.hook(Stage.FRONT_END, () -> file);
      fe = JavacFrontEnd.build(unit, state, options.allHotAnnotations());
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      problems.add("front end failed: " + Faults.describe(t));
      return;
    }
    if (fe == null) {
      problems.add("front end produced no result");
      return;
    }
    if (fe.skipped() != null) {
      for (FrontEndResult.Skipped s : fe.skipped()) problems.add("skipped " + s.method() + ": " + s.cause());
    }
    Program program = fe.program();
    if (program == null || program.methods().isEmpty()) return;

    // 2. Engine, with the failing methods left out if the whole unit cannot be analyzed.
    DependencySummaries deps = null;
    try {
      deps = DependencySummaries.of(state.context);
      implementations = deps;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      problems.add("summaries on the class path not read: " + Faults.describe(t));
    }
    AnalysisResult result = analyze(program, fe);
    // A resource found corrupt while decoding is told once, in this unit's note.
    if (deps != null) problems.addAll(deps.takeProblems());
    if (result == null) return;

    // 3. Rules.
    List<Finding> findings = runRules(result, fe);
    if (computedRules.contains(RuleId.ALLOCATION_CONTRACT)) findings = withSourceCallees(findings, program, state);

    // 4. Trees and fixes.
    Map<String, MethodIR> methods = program.byKey();
    // Several findings may get the same fix (two accumulations of one String in one loop); applying
    // it twice would duplicate its insertions, so it goes with the first of them only.
    Set<SuggestedFix> offered = new java.util.HashSet<>();
    for (Finding f : findings) {
      if (!RULES.contains(f.rule())) continue;
      TreePath path;
      try {
        path = pathFor(f, fe);
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        path = null;
      }
      if (path == null) {
        ruleProblem(f.rule(), null, "no source position for a " + f.rule().id() + " finding in "
            + displayName(f, methods));
        continue;
      }
      SuggestedFix fix = null;
      if (f.fix() != null) {
        try {
          Faults.hook(Stage.FIX, () -> f.rule().id() + " " + f.method().key());
          fix = FixBuilder.build(f.fix(), path, state.withPath(path)).orElse(null);
          if (fix != null && !offered.add(fix)) fix = null;
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          ruleProblem(f.rule(), path.getLeaf(), "could not build the " + f.rule().id() + " fix in "
              + displayName(f, methods) + ": " + Faults.describe(t));
        }
      }
      reports.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(new Report(f, path, fix));
    }
  }

  /**
   * The library summaries the engine used; the contract rule resolves callees with them too (and with
   * {@code implementations} where dispatch is closed, as the engine does).
   */
  private SummaryProvider library = SummaryProvider.NONE;

  private AnalysisResult analyze(Program program, FrontEndResult fe) {
    SummaryProvider library;
    try {
      library = JdkSummaries.library();
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      problems.add("JDK models unavailable, library calls treated as unknown: " + Faults.describe(t));
      library = SummaryProvider.NONE;
    }
    this.library = library;
    if (JDK_CALLS != null) recordJdkCalls(program);
    try {
      return engine(library, implementations, program);
    } catch (Throwable whole) {
      Faults.rethrowIfFatal(whole);
      // Find the methods the engine fails on by analyzing each alone, then analyze the rest
      // together (calls to the left-out methods are then unknown, as for skipped methods).
      List<MethodIR> ok = new ArrayList<>();
      for (MethodIR m : program.methods()) {
        try {
          engine(library, implementations, new Program(List.of(m)));
          ok.add(m);
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          problems.add("escape analysis failed in " + m.displayName() + ": " + Faults.describe(t));
          if (notePosition == null) notePosition = leafOf(fe.methodTrees().get(m.ref().key()));
        }
      }
      if (ok.size() == program.methods().size() || ok.isEmpty()) {
        if (ok.size() == program.methods().size()) {
          problems.add("escape analysis of the unit failed: " + Faults.describe(whole));
        }
        return null;
      }
      try {
        return engine(library, implementations, new Program(ok));
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problems.add("escape analysis of the unit failed: " + Faults.describe(t));
        return null;
      }
    }
  }

  /**
   * Debugging aid ({@code bench/jdk-coverage.sh}): with {@code -Dnoescape.jdkcalls=FILE}, each
   * compilation unit appends how its calls into the JDK were resolved ({@code model generated
   * unknown}, one line) to FILE.
   */
  private static final String JDK_CALLS = System.getProperty("noescape.jdkcalls");

  private void recordJdkCalls(Program program) {
    try {
      java.util.Set<String> owners = new java.util.HashSet<>();
      for (MethodIR m : program.methods()) owners.add(m.ref().owner());
      dev.noescape.models.JdkCallCoverage c =
          dev.noescape.models.JdkCallCoverage.of(program.methods(), owners, dev.noescape.models.JdkCallCoverage::isJdkClass);
      synchronized (CompilationUnitAnalysis.class) {
        java.nio.file.Files.writeString(java.nio.file.Path.of(JDK_CALLS),
            c.model() + " " + c.generated() + " " + c.unknown() + "\n", java.nio.charset.StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      }
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      problems.add("could not record the JDK call statistic: " + Faults.describe(t));
    }
  }

  private static AnalysisResult engine(SummaryProvider library, SummaryProvider implementations, Program program)
      throws Exception {
    Faults.hook(Stage.ENGINE,
        () -> program.methods().stream().map(m -> m.ref().key()).collect(Collectors.joining(" ")));
    return new EscapeAnalysis(library, implementations).analyze(program);
  }

  private List<Finding> runRules(AnalysisResult result, FrontEndResult fe) {
    try {
      return rules(result, computedRules);
    } catch (Throwable whole) {
      Faults.rethrowIfFatal(whole);
    }
    // Isolate: each rule on each method, so one failure costs only that rule in that method.
    List<Finding> all = new ArrayList<>();
    for (RuleId rule : computedRules) {
      Set<String> failedIn = new LinkedHashSet<>();
      String cause = null;
      Tree at = null;
      for (MethodResult mr : result.methods()) {
        try {
          all.addAll(rules(new AnalysisResult(List.of(mr), result.summaries()), EnumSet.of(rule)));
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          failedIn.add(mr.method().displayName());
          if (cause == null) cause = Faults.describe(t);
          if (at == null) at = leafOf(fe.methodTrees().get(mr.method().ref().key()));
        }
      }
      if (!failedIn.isEmpty()) {
        ruleProblem(rule, at, "rule " + rule.id() + " failed in " + String.join(", ", failedIn) + ": " + cause);
      }
    }
    all.sort(Finding.ORDER);
    return all;
  }

  /**
   * {@code AllocationContract} again, with the bodies of the callees other units of this javac run
   * declare ({@link SourceCallees}): their calls are then followed instead of unknown. The other
   * rules keep the unit-only analysis. On a fault, the unit-only contract findings stay.
   */
  private List<Finding> withSourceCallees(List<Finding> findings, Program program, VisitorState state) {
    try {
      List<MethodIR> extra = SourceCallees.lower(unit, program, state, options.allHotAnnotations());
      if (extra.isEmpty()) return findings;
      List<MethodIR> all = new ArrayList<>(program.methods());
      all.addAll(extra);
      AnalysisResult wide = engine(library, implementations, new Program(all));
      Set<String> own = program.byKey().keySet();
      List<Finding> out = new ArrayList<>();
      for (Finding f : findings) if (f.rule() != RuleId.ALLOCATION_CONTRACT) out.add(f);
      for (Finding f : new AllocationContractRule(library, implementations).check(wide, ruleContext)) {
        if (f.method() != null && own.contains(f.method().key())) out.add(f);
      }
      out.sort(Finding.ORDER);
      return out;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      ruleProblem(RuleId.ALLOCATION_CONTRACT, null,
          "AllocationContract could not follow calls into other files: " + Faults.describe(t));
      return findings;
    }
  }

  private List<Finding> rules(AnalysisResult result, Set<RuleId> enabled) throws Exception {
    Faults.hook(Stage.RULES, () -> enabled.stream().map(RuleId::id).collect(Collectors.joining(",")) + " "
        + result.methods().stream().map(m -> m.method().ref().key()).collect(Collectors.joining(" ")));
    List<Finding> found = RuleRunner.run(result, library, implementations, ruleContext, enabled);
    return found == null ? List.of() : found;
  }

  // ---- finding -> tree ----

  private TreePath pathFor(Finding f, FrontEndResult fe) {
    String key = f.method() == null ? null : f.method().key();
    if (key == null) return null;
    TreePath p = null;
    if (f.subject() instanceof Subject.Site s) {
      p = fe.siteTrees().get(new SiteKey(key, s.site().id()));
    } else if (f.subject() instanceof Subject.Param param) {
      p = fe.paramTrees().get(new SiteKey(key, param.slot()));
    } else if (f.subject() instanceof Subject.Call) {
      // The front end keeps no tree per call, but its position is the call's start.
      p = treeAt(fe.methodTrees().get(key), f.pos());
    }
    return p != null ? p : fe.methodTrees().get(key);
  }

  /** The outermost tree under {@code method} that starts at {@code pos} (line and column), or null. */
  private TreePath treeAt(TreePath method, SourcePos pos) {
    if (method == null || pos == null || pos.line() <= 0 || pos.column() <= 0) return null;
    com.sun.source.tree.LineMap lines = unit.getLineMap();
    if (lines == null) return null;
    TreePath[] found = new TreePath[1];
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        if (found[0] != null || tree == null) return null;
        int start = com.sun.tools.javac.tree.TreeInfo.getStartPos((com.sun.tools.javac.tree.JCTree) tree);
        // Columns as the front end counts them (Positions): characters from the line start, plus one.
        if (start >= 0 && lines.getLineNumber(start) == pos.line()
            && start - lines.getStartPosition(pos.line()) + 1 == pos.column()
            && !(tree instanceof com.sun.source.tree.StatementTree)) {
          found[0] = new TreePath(getCurrentPath(), tree);
          return null;
        }
        return super.scan(tree, v);
      }
    }.scan(method, null);
    return found[0];
  }

  private static String displayName(Finding f, Map<String, MethodIR> methods) {
    MethodIR ir = f.method() == null ? null : methods.get(f.method().key());
    if (ir != null) return ir.displayName();
    return f.method() == null ? "?" : f.method().displayName();
  }

  private static Tree leafOf(TreePath p) {
    return p == null ? null : p.getLeaf();
  }

  // ---- the build ----

  /**
   * The Java release the code is compiled for: {@code --release N}, else the lower of
   * {@code -source} and {@code -target} (code compiled with {@code -source 17} may run on a Java 17
   * runtime even when javac itself is newer).
   */
  static int targetRelease(Context context) {
    Options opts = Options.instance(context);
    Integer release = parseRelease(opts.get("--release"));
    if (release != null) return release;
    int best = Integer.MAX_VALUE;
    try {
      Integer s = parseRelease(Source.instance(context).name);
      if (s != null) best = Math.min(best, s);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    for (String option : new String[] {"-source", "--source", "-target", "--target"}) {
      Integer v = parseRelease(opts.get(option));
      if (v != null) best = Math.min(best, v);
    }
    return best == Integer.MAX_VALUE ? Runtime.version().feature() : best;
  }

  /** {@code "17"} → 17, {@code "1.8"} → 8; null when not a release number. */
  static Integer parseRelease(String value) {
    if (value == null) return null;
    String v = value.trim();
    if (v.startsWith("1.")) v = v.substring(2);
    try {
      int n = Integer.parseInt(v);
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Whether Guava's {@code Maps} can be used: already known to this compilation (referenced, or a
   * source being compiled), or loadable from the class path. {@code getTypeFromString} alone only
   * sees classes javac has already entered, so a class path that merely contains Guava needs the
   * {@code Elements} lookup, which loads the class if it exists.
   */
  static boolean guavaOnClasspath(VisitorState state) {
    try {
      if (state.getTypeFromString(GUAVA_MAPS) != null) return true;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    try {
      return JavacElements.instance(state.context).getTypeElement(GUAVA_MAPS) != null;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      return false;
    }
  }

  private static final String GUAVA_MAPS = "com.google.common.collect.Maps";

  // ---- the note ----

  private String fileName() {
    try {
      return unit.getSourceFile() == null ? "<unknown>" : unit.getSourceFile().getName();
    } catch (RuntimeException e) {
      return "<unknown>";
    }
  }

  private void printNote(VisitorState state) {
    String text;
    Tree at;
    synchronized (this) {
      if (notePrinted || problems.isEmpty()) return;
      notePrinted = true;
      StringBuilder sb = new StringBuilder("noescape: ");
      sb.append(problems.size() == 1 ? "1 problem" : problems.size() + " problems")
          .append(" in ").append(simpleFileName()).append(", findings there may be incomplete: ");
      Iterator<String> it = problems.iterator();
      for (int i = 0; it.hasNext() && i < MAX_PROBLEMS_IN_NOTE; i++) {
        if (i > 0) sb.append("; ");
        sb.append(it.next());
      }
      if (problems.size() > MAX_PROBLEMS_IN_NOTE) {
        sb.append("; and ").append(problems.size() - MAX_PROBLEMS_IN_NOTE).append(" more");
      }
      text = sb.toString();
      at = notePosition != null ? notePosition : firstTypeDeclaration();
    }
    PluginNotes.note(state, unit, at, text);
  }

  private String simpleFileName() {
    String f = fileName();
    int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
    return f.substring(slash + 1);
  }

  private Tree firstTypeDeclaration() {
    for (Tree t : unit.getTypeDecls()) {
      if (t instanceof ClassTree) return t;
    }
    return null;
  }
}
