package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.util.Context;
import dev.noescape.backend.BackEnd;
import dev.noescape.errorprone.Faults.Stage;
import dev.noescape.errorprone.frontend.FrontEndResult;
import dev.noescape.errorprone.frontend.JavacFrontEnd;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.Reason;
import dev.noescape.engine.SiteResult;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Program;
import dev.noescape.models.JdkSummaries;
import dev.noescape.profile.Attribution;
import dev.noescape.profile.ProfileJoin;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.profile.RuntimePredictor;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The javac side of noescape on one attributed compilation unit, without Error Prone's reporting:
 * the javac front end (trees to IR), the {@link BackEnd} (engine and rules) with the JDK's summaries
 * and those the class path ships ({@link DependencySummaries}), {@code AllocationContract} following
 * calls into the other units of the javac run ({@link SourceCallees}), and for every finding the tree
 * to report at ({@link FindingTrees}) and its suggested fix ({@link FixBuilder}). The checkers report
 * from it through {@link CompilationUnitAnalysis}; anything else that holds javac's attributed trees
 * (a language server compiling a file in process) calls {@link #analyze(CompilationUnitTree, Context,
 * NoEscapeOptions, Set)} and gets the same findings, trees and fixes.
 *
 * <p>Nothing here throws (but fatal VM errors): every stage is isolated. A failing method is left out
 * of the engine, a failing rule loses its findings in the failing method only (both in the back end),
 * a failing fix leaves the finding without a fix; each such problem, and each method the front end
 * skipped, is a {@link Problem} of the result.
 */
public final class JavacAnalysis {
  private JavacAnalysis() {}

  /**
   * One finding, ready to report: where, the fix if one could be built, and what the recordings of
   * {@code -XepOpt:NoEscape:Profile} measured for it ({@link ProfileRanking#measured}; null without
   * recordings or samples there).
   */
  public record Report(Finding finding, TreePath path, SuggestedFix fix, String measured) {
    public Report(Finding finding, TreePath path, SuggestedFix fix) {
      this(finding, path, fix, null);
    }
  }

  /**
   * Something the analysis went on without, in one line.
   *
   * @param rule the one rule it concerns (its failure, its finding without a tree, its fix), else null
   * @param at the tree it happened at, or null
   */
  public record Problem(RuleId rule, Tree at, String message) {}

  /**
   * The engine's verdict on one allocating expression of the unit, whether or not a rule reports it:
   * what an editor shows on hover.
   *
   * @param path the expression's tree
   * @param description what allocates, as the findings name it: {@code new StringBuilder()}
   * @param allocates false for a boxing conversion the {@code valueOf} caches always serve
   * @param state the engine's escape state
   * @param chain the reasons for {@code state}, outermost step last (empty for {@code NO_ESCAPE})
   */
  public record Verdict(TreePath path, String description, boolean allocates, EscapeState state, List<Reason> chain) {
    public Verdict {
      chain = List.copyOf(chain);
    }
  }

  /**
   * What the analysis of a unit found.
   *
   * @param reports the findings of the requested rules, sorted with {@link Finding#ORDER}
   * @param problems in the order met
   * @param verdicts the engine's verdict on every allocating expression of the methods it analyzed,
   *     in program order (methods, then sites); empty from {@link #reportsOnly}
   */
  public record Result(List<Report> reports, List<Problem> problems, List<Verdict> verdicts) {
    public Result {
      reports = List.copyOf(reports);
      problems = List.copyOf(problems);
      verdicts = List.copyOf(verdicts);
    }
  }

  /**
   * Analyzes a unit javac has attributed (and flow-analyzed), outside Error Prone's scanner: the state
   * is made from javac's context. Never throws (but fatal VM errors).
   */
  public static Result analyze(CompilationUnitTree unit, Context context, NoEscapeOptions options, Set<RuleId> rules) {
    return analyze(unit, VisitorState.createForUtilityPurposes(context).withPath(new TreePath(unit)), options, rules);
  }

  /** Analyzes a unit with the state Error Prone scans it with. Never throws (but fatal VM errors). */
  public static Result analyze(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, Set<RuleId> rules) {
    return analyze(unit, state, options, rules, true);
  }

  /**
   * As {@link #analyze(CompilationUnitTree, VisitorState, NoEscapeOptions, Set)}, without the
   * {@linkplain Result#verdicts() verdicts} (empty): the checkers report findings only, and a
   * verdict per allocating expression of every unit is work a compilation never prints.
   */
  static Result reportsOnly(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, Set<RuleId> rules) {
    return analyze(unit, state, options, rules, false);
  }

  private static Result analyze(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, Set<RuleId> rules,
      boolean withVerdicts) {
    Run run = new Run(unit, state, options, rules, withVerdicts);
    try {
      run.run();
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      run.reports.clear();
      run.verdicts.clear();
      run.problems.add(new Problem(null, null, "analysis of the unit failed: " + Faults.describe(t)));
    }
    return new Result(run.reports, run.problems, run.verdicts);
  }

  /** The unit's file name, or {@code <unknown>}. */
  static String fileName(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile() == null ? "<unknown>" : unit.getSourceFile().getName();
    } catch (RuntimeException e) {
      return "<unknown>";
    }
  }

  /** The state of one {@link #analyze} call. */
  private static final class Run {
    final CompilationUnitTree unit;
    final VisitorState state;
    final NoEscapeOptions options;
    final Set<RuleId> rules;
    final List<Report> reports = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<Verdict> verdicts = new ArrayList<>();
    final boolean withVerdicts;

    Run(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, Set<RuleId> rules, boolean withVerdicts) {
      this.unit = unit;
      this.state = state;
      this.options = options;
      this.rules = rules;
      this.withVerdicts = withVerdicts;
    }

    void problem(String message) {
      problems.add(new Problem(null, null, message));
    }

    void run() {
      String file = fileName(unit);
      RuleContext ruleContext = CompilationFacts.ruleContext(state, options);

      // 1. Front end: javac trees -> IR. Never throws by contract; guarded anyway.
      FrontEndResult fe;
      try {
        Faults.hook(Stage.FRONT_END, () -> file);
        fe = JavacFrontEnd.build(unit, state, options.allHotAnnotations());
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problem("front end failed: " + Faults.describe(t));
        return;
      }
      if (fe == null) {
        problem("front end produced no result");
        return;
      }
      if (fe.skipped() != null) {
        for (FrontEndResult.Skipped s : fe.skipped()) problem("skipped " + s.method() + ": " + s.cause());
      }
      Program program = fe.program();
      if (program == null || program.methods().isEmpty()) return;

      // 2. Back end: engine and rules, faults contained.
      DependencySummaries deps = null;
      SummaryProvider implementations = SummaryProvider.NONE;
      try {
        deps = DependencySummaries.of(state.context);
        implementations = deps;
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problem("summaries on the class path not read: " + Faults.describe(t));
      }
      SummaryProvider library;
      try {
        library = JdkSummaries.library();
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problem("JDK models unavailable, library calls treated as unknown: " + Faults.describe(t));
        library = SummaryProvider.NONE;
      }
      if (JdkCallLog.enabled()) {
        try {
          JdkCallLog.record(program);
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          problem("could not record the JDK call statistic: " + Faults.describe(t));
        }
      }
      BackEnd.Input input = new BackEnd.Input(program, library, implementations, ruleContext, rules)
          .withCheckpoint(Faults.AT_BACK_END).withCode(new JavacCodeFacts(state.context));
      BackEnd.Output out = BackEnd.run(input.isolatingFaults());
      for (BackEnd.Failure f : out.failures()) if (f.stage() == BackEnd.Stage.ENGINE) engineProblem(f, fe);
      // A resource found corrupt while decoding is told once, in this unit's note.
      if (deps != null) for (String p : deps.takeProblems()) problem(p);
      if (out.result().methods().isEmpty()) return; // the engine could analyze none of the methods
      for (BackEnd.Failure f : out.failures()) if (f.stage() == BackEnd.Stage.RULES) ruleProblem(f, fe);
      if (withVerdicts) verdicts(out, fe);

      // 3. AllocationContract with the callees other units of this javac run declare.
      List<Finding> findings = out.findings();
      if (rules.contains(RuleId.ALLOCATION_CONTRACT)) findings = withSourceCallees(findings, input);

      // 4. Trees, fixes, and what the recordings measured.
      ProfileRanking ranking = ranking(out);
      Map<String, MethodIR> methods = program.byKey();
      FindingTrees trees = new FindingTrees(unit);
      // Several findings may get the same fix (two accumulations of one String in one loop); applying
      // it twice would duplicate its insertions, so it goes with the first of them only.
      Set<SuggestedFix> offered = new HashSet<>();
      for (Finding f : findings) {
        if (!rules.contains(f.rule())) continue;
        // A method lowered without a tree is code javac writes itself (a record's equals, hashCode
        // and toString: frontend.ClassLowering): analyzed for its summary, never reported, as the
        // bytecode front end leaves out the members javac generates.
        if (f.method() != null && methods.containsKey(f.method().key()) && !fe.methodTrees().containsKey(f.method().key())) continue;
        TreePath path;
        try {
          path = trees.pathFor(f, fe);
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          path = null;
        }
        if (path == null) {
          problems.add(new Problem(f.rule(), null, "no source position for a " + f.rule().id() + " finding in "
              + FindingTrees.displayName(f, methods)));
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
            problems.add(new Problem(f.rule(), path.getLeaf(), "could not build the " + f.rule().id() + " fix in "
                + FindingTrees.displayName(f, methods) + ": " + Faults.describe(t)));
          }
        }
        reports.add(new Report(f, path, fix, ranking == null ? null : ranking.measured(f)));
      }
    }

    /**
     * The recordings ({@code -XepOpt:NoEscape:Profile}) joined to this unit's results, or null
     * without recordings (their problems go into the first unit's note; a failure into this one's).
     */
    private ProfileRanking ranking(BackEnd.Output out) {
      if (options.profiles().isEmpty()) return null;
      try {
        CompilationProfile profile = CompilationProfile.of(state.context, options.profiles());
        for (String p : profile.takeProblems()) problem(p);
        Attribution a = profile.attribution();
        // the model of C2's predictions of this run (dev.noescape.jit), for sites sampled on the heap
        RuntimePredictor predictor = RuntimePredictor.bySite(out.predictions()::get);
        return a == null ? null : ProfileJoin.join(a, out.result().methods(), predictor);
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problem("profile not used: " + Faults.describe(t));
        return null;
      }
    }

    /** The verdict on every site of the methods the engine analyzed (not the placeholders of those it did not). */
    private void verdicts(BackEnd.Output out, FrontEndResult fe) {
      Set<String> notAnalyzed = out.result().notAnalyzed();
      for (MethodResult m : out.result().methods()) {
        String key = m.method().ref().key();
        if (notAnalyzed.contains(key)) continue;
        for (SiteResult s : m.sites()) {
          TreePath path = fe.siteTrees().get(new FrontEndResult.SiteKey(key, s.site().id()));
          if (path != null) {
            verdicts.add(new Verdict(path, s.site().description(), !s.site().neverAllocates(), s.state(), s.chain()));
          }
        }
      }
    }

    /** A method the engine failed on (at its tree), or the unit as a whole. */
    private void engineProblem(BackEnd.Failure f, FrontEndResult fe) {
      if (f.methods().isEmpty()) {
        problem("escape analysis of the unit failed: " + Faults.describe(f.cause()));
        return;
      }
      MethodIR m = f.methods().get(0);
      problems.add(new Problem(null, FindingTrees.leafOf(fe.methodTrees().get(m.ref().key())),
          "escape analysis failed in " + m.displayName() + ": " + Faults.describe(f.cause())));
    }

    /** A rule that failed in some methods: a problem of that rule, at the first of them that has a tree. */
    private void ruleProblem(BackEnd.Failure f, FrontEndResult fe) {
      Set<String> failedIn = new LinkedHashSet<>();
      Tree at = null;
      for (MethodIR m : f.methods()) {
        failedIn.add(m.displayName());
        if (at == null) at = FindingTrees.leafOf(fe.methodTrees().get(m.ref().key()));
      }
      problems.add(new Problem(f.rule(), at,
          "rule " + f.rule().id() + " failed in " + String.join(", ", failedIn) + ": " + Faults.describe(f.cause())));
    }

    /**
     * {@code AllocationContract} again, with the bodies of the callees other units of this javac run
     * declare ({@link SourceCallees}): their calls are then followed instead of unknown. The other
     * rules keep the unit-only analysis. On a fault, the unit-only contract findings stay.
     */
    private List<Finding> withSourceCallees(List<Finding> findings, BackEnd.Input unitOnly) {
      try {
        Program program = unitOnly.program();
        List<MethodIR> extra = SourceCallees.lower(unit, program, state, options.allHotAnnotations());
        if (extra.isEmpty()) return findings;
        List<MethodIR> all = new ArrayList<>(program.methods());
        all.addAll(extra);
        // the other units' classes are lowered only in part (the callees): none is whole
        Set<String> partial = new LinkedHashSet<>();
        for (MethodIR m : extra) partial.add(m.ref().owner());
        BackEnd.Output wide = BackEnd.run(unitOnly.withProgram(program.withMethods(all).withPartialClasses(partial))
            .withRules(Set.of(RuleId.ALLOCATION_CONTRACT)));
        Set<String> own = program.byKey().keySet();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) if (f.rule() != RuleId.ALLOCATION_CONTRACT) out.add(f);
        for (Finding f : wide.findings()) {
          if (f.method() != null && own.contains(f.method().key())) out.add(f);
        }
        out.sort(Finding.ORDER);
        return out;
      } catch (Throwable t) {
        Faults.rethrowIfFatal(t);
        problems.add(new Problem(RuleId.ALLOCATION_CONTRACT, null,
            "AllocationContract could not follow calls into other files: " + Faults.describe(t)));
        return findings;
      }
    }
  }
}
