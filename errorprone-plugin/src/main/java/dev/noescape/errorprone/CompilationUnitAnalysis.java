package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.noescape.errorprone.JavacAnalysis.Report;
import dev.noescape.catalog.RuleId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The noescape analysis of one compilation unit as the checkers see it: the {@link JavacAnalysis} of
 * the unit, computed once for all checkers ({@link UnitAnalysisCache}), its reports by rule, and the
 * unit's one note ({@link UnitNote}), which also names malformed options (in the first unit's
 * note) and the problems checkers meet while reporting.
 */
final class CompilationUnitAnalysis {

  /** The rules run together once per unit: every declared rule, each with its checker in {@link NoEscapeCheckers#ALL}. */
  static final Set<RuleId> RULES = Collections.unmodifiableSet(EnumSet.allOf(RuleId.class));

  private final CompilationUnitTree unit;
  private final NoEscapeOptions options;
  private final Map<RuleId, List<Report>> reports = new EnumMap<>(RuleId.class);
  private final UnitNote note;

  private CompilationUnitAnalysis(CompilationUnitTree unit, NoEscapeOptions options, UnitNote note) {
    this.unit = unit;
    this.options = options;
    this.note = note;
  }

  /** The analysis of {@code unit}, computed on first use; never throws (except fatal VM errors). */
  static CompilationUnitAnalysis of(CompilationUnitTree unit, VisitorState state, NoEscapeOptions options) {
    UnitAnalysisCache cache = UnitAnalysisCache.of(state.context);
    CompilationUnitAnalysis a = cache.get(unit, options);
    if (a != null) return a;
    a = compute(unit, state, options, cache.firstToReportOptionProblems());
    SelfTiming.unit();
    cache.put(a);
    return a;
  }

  CompilationUnitTree unit() {
    return unit;
  }

  NoEscapeOptions options() {
    return options;
  }

  /** The findings of {@code rule} in this unit, in report order. */
  List<Report> reports(RuleId rule) {
    return reports.getOrDefault(rule, List.of());
  }

  /** Problems of one rule (its failures, its findings without a tree, its fixes that failed). */
  List<String> ruleProblems(RuleId rule) {
    return note.ruleProblems(rule);
  }

  /** Where the first problem of {@code rule} happened, or null. */
  Tree ruleProblemPosition(RuleId rule) {
    return note.ruleProblemPosition(rule);
  }

  /** Problems found by a checker after the analysis: in the unit's note if it was not printed yet. */
  void lateProblems(VisitorState state, Tree at, List<String> late) {
    note.lateProblems(state, at, late);
  }

  void lateProblem(VisitorState state, Tree at, String problem) {
    lateProblems(state, at, List.of(problem));
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

  private static CompilationUnitAnalysis compute(
      CompilationUnitTree unit, VisitorState state, NoEscapeOptions options, boolean reportOptionProblems) {
    CompilationUnitAnalysis a = new CompilationUnitAnalysis(unit, options, new UnitNote(unit, enabledRules(state)));
    if (reportOptionProblems) for (String p : options.problems()) a.note.add(p);
    JavacAnalysis.Result result = JavacAnalysis.reportsOnly(unit, state, options, reportableRules(state));
    for (JavacAnalysis.Problem p : result.problems()) a.note.add(p);
    for (Report r : result.reports()) a.reports.computeIfAbsent(r.finding().rule(), x -> new ArrayList<>()).add(r);
    a.note.print(state);
    return a;
  }
}
