package dev.noescape.errorprone;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.errorprone.Faults.Stage;
import dev.noescape.errorprone.JavacAnalysis.Report;
import dev.noescape.finding.Finding;
import dev.noescape.ir.Reason;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of the noescape checkers: one checker per rule, each reporting its rule's
 * findings from the shared {@link CompilationUnitAnalysis} of the unit.
 *
 * <p>Findings are reported from a compilation-unit matcher, at the tree of the allocation site (or
 * parameter) the front end recorded. Error Prone applies {@code @SuppressWarnings} only around the
 * tree a matcher is called on, so this class walks the tree path of each finding itself and asks
 * {@link BugChecker#isSuppressed(Tree, VisitorState)} at every enclosing variable, method and class
 * declaration: {@code @SuppressWarnings("BoxingAllocation")} on any of them silences the finding
 * (as do custom suppression annotations and generated-code settings Error Prone applies there).
 */
public abstract class NoEscapeChecker extends BugChecker implements CompilationUnitTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** The rule this checker reports: the one whose {@link RuleId#id()} is the check's {@code @BugPattern} name. */
  protected RuleId rule() {
    return RuleId.byId(canonicalName());
  }

  /**
   * True for the checks that stay silent unless named on the command line
   * ({@code -Xep:HeapEscape[:LEVEL]}): see {@link DefaultOff#isOffByDefault}.
   */
  protected boolean offByDefault() {
    return DefaultOff.isOffByDefault(rule());
  }

  /**
   * The {@code -XepOpt:NoEscape:…} options of this compilation. Error Prone keeps its flags on the
   * state, so a checker needs no constructor of its own (one per check would only repeat it). A
   * value that does not parse falls back to the default and is named once in the note.
   */
  static NoEscapeOptions options(VisitorState state) {
    try {
      return NoEscapeOptions.fromFlags(state.errorProneOptions().getFlags());
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      return NoEscapeOptions.defaults();
    }
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    // Before any class of noescape-core is touched: a processor path without it is one error line.
    if (!PluginSetUp.ready(state)) return Description.NO_MATCH;
    long[] timing = SelfTiming.start();
    try {
      return report(tree, state);
    } finally {
      SelfTiming.stop(timing);
    }
  }

  private Description report(CompilationUnitTree tree, VisitorState state) {
    CompilationUnitAnalysis analysis = null;
    try {
      if (offByDefault() && !DefaultOff.explicitlyEnabled(state, canonicalName())) {
        return Description.NO_MATCH;
      }
      analysis = CompilationUnitAnalysis.of(tree, state, options(state));
      // This rule's own problems (a failure of the rule, a fix that could not be built) are told
      // only when its checker runs, so a disabled check never adds to the note.
      analysis.lateProblems(state, analysis.ruleProblemPosition(rule()), analysis.ruleProblems(rule()));
      for (Report r : analysis.reports(rule())) {
        try {
          Faults.hook(Stage.REPORT, () -> rule().id() + " " + r.finding().method().key());
          if (suppressed(r.path(), state)) {
            onSuppressed(r, state);
            continue;
          }
          String message = r.measured() == null ? r.finding().message() : r.finding().message() + " (" + r.measured() + ")";
          Description.Builder d = buildDescription(atStart(r.path().getLeaf())).setMessage(message);
          if (isInformation(r.finding())) d.overrideSeverity(SeverityLevel.SUGGESTION);
          if (r.fix() != null) d.addFix(r.fix());
          state.reportMatch(d.build());
        } catch (Throwable t) {
          Faults.rethrowIfFatal(t);
          analysis.lateProblem(state, r.path().getLeaf(),
              "could not report a " + rule().id() + " finding: " + Faults.describe(t));
        }
      }
    } catch (Throwable t) {
      if (PluginSetUp.isLinkageFailure(t)) {
        PluginSetUp.linkageFailed(state, t);
        return Description.NO_MATCH;
      }
      Faults.rethrowIfFatal(t);
      if (analysis != null) {
        analysis.lateProblem(state, null, rule().id() + " failed: " + Faults.describe(t));
      } else {
        try {
          PluginNotes.note(state, tree, null, "noescape: " + rule().id() + " failed: " + Faults.describe(t));
        } catch (Throwable u) {
          Faults.rethrowIfFatal(u);
        }
      }
    }
    return Description.NO_MATCH;
  }

  /**
   * Called for each finding an enclosing {@code @SuppressWarnings} silenced; a check whose
   * suppression needs a stated reason reports its absence here. Nothing by default.
   */
  void onSuppressed(Report r, VisitorState state) {}

  /**
   * Whether {@code @SuppressWarnings("RuleId")} (or another suppression Error Prone honours) on a
   * declaration enclosing the report silences it, as the rule's checker decides when it reports: for
   * callers of {@link JavacAnalysis} outside Error Prone (a language server).
   */
  public static boolean isSuppressed(Report r, VisitorState state) {
    return CHECKERS.get().get(r.finding().rule()).suppressed(r.path(), state);
  }

  /** One instance of each checker, by rule, made on first use (a checker reads its {@code @BugPattern} when made). */
  private static final Supplier<Map<RuleId, NoEscapeChecker>> CHECKERS = Suppliers.memoize(() -> {
    Map<RuleId, NoEscapeChecker> byRule = new EnumMap<>(RuleId.class);
    for (Class<? extends BugChecker> c : NoEscapeCheckers.ALL) {
      try {
        NoEscapeChecker checker = (NoEscapeChecker) c.getDeclaredConstructor().newInstance();
        byRule.put(checker.rule(), checker);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + c.getName(), e);
      }
    }
    return byRule;
  });

  /** Whether {@code @SuppressWarnings} (or another suppression) on an enclosing declaration silences the finding. */
  private boolean suppressed(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if ((t instanceof VariableTree || t instanceof MethodTree || t instanceof ClassTree)
          && isSuppressed(t, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * ArgEscape information ({@code HeapEscape} at {@code Verbosity=2}: "does not escape, but is
   * passed to …") is a note whatever level the check runs at: nothing there is on the heap, so it
   * must not count as a warning (or fail a {@code -Werror} build). Its reason chain ends at the
   * call that does not keep the object; a GlobalEscape chain ends at a cause of escape. So is a
   * warning the rules demoted to information because C2 is predicted to remove its allocation
   * ({@code rules.JitAwareWarnings}: information from a warning rule).
   */
  public static boolean isInformation(Finding f) {
    if (f.severity() == Severity.INFO && f.rule().defaultSeverity() == Severity.WARNING) return true;
    List<Reason> chain = f.reasons();
    return f.rule() == RuleId.HEAP_ESCAPE
        && (chain.isEmpty() || chain.get(chain.size() - 1).kind() == Reason.Kind.PASSED_TO_NON_ESCAPING_CALL);
  }

  /**
   * The tree's position with its start as the preferred position. javac points a diagnostic at a
   * tree's preferred position, which for a binary expression or an assignment is the operator and
   * for a call the parenthesis; a multi-line {@code s = s + …} would then be reported on a later
   * line than the one the allocating expression starts on. Findings are about expressions, so
   * they are reported where the expression starts, on both front ends.
   */
  static DiagnosticPosition atStart(Tree leaf) {
    JCTree t = (JCTree) leaf;
    int start = t.getStartPosition();
    return new DiagnosticPosition() {
      @Override
      public JCTree getTree() {
        return t;
      }

      @Override
      public int getStartPosition() {
        return start;
      }

      @Override
      public int getPreferredPosition() {
        return start;
      }

      @Override
      public int getEndPosition(EndPosTable endPosTable) {
        return t.getEndPosition(endPosTable);
      }
    };
  }
}
