package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import dev.noescape.catalog.RuleId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems of one compilation unit and its one note ({@link PluginNotes}): {@code noescape:
 * 2 problems in Foo.java, findings there may be incomplete: …}, printed at most once per unit, at the
 * first problem's tree (else the first class).
 *
 * <p>A problem that concerns one rule only goes into the note when that rule's check is enabled;
 * otherwise it is kept for the rule's checker, which tells it should it run after all, so a disabled
 * check adds no noise. Problems found after the note was printed are dropped: one note per unit.
 */
final class UnitNote {
  /** Problems listed in full in the note; the rest are counted. */
  private static final int MAX_PROBLEMS_IN_NOTE = 6;

  private final CompilationUnitTree unit;
  private final Set<RuleId> enabledRules;
  private final List<String> problems = new ArrayList<>();
  /** Problems of rules whose checks are not enabled: told by that rule's checker, if it runs. */
  private final Map<RuleId, List<String>> ruleProblems = new EnumMap<>(RuleId.class);
  private final Map<RuleId, Tree> ruleProblemPositions = new EnumMap<>(RuleId.class);
  private Tree notePosition;
  private boolean notePrinted;

  /** @param enabledRules the rules whose checks are (probably) enabled in this compilation */
  UnitNote(CompilationUnitTree unit, Set<RuleId> enabledRules) {
    this.unit = unit;
    this.enabledRules = enabledRules;
  }

  /** A problem of the unit. */
  synchronized void add(String problem) {
    problems.add(problem);
  }

  /** A problem of the analysis, routed by its rule (see the class documentation). */
  synchronized void add(JavacAnalysis.Problem p) {
    if (p.rule() == null || enabledRules.contains(p.rule())) {
      problems.add(p.message());
      if (notePosition == null) notePosition = p.at();
      return;
    }
    ruleProblems.computeIfAbsent(p.rule(), r -> new ArrayList<>()).add(p.message());
    if (p.at() != null) ruleProblemPositions.putIfAbsent(p.rule(), p.at());
  }

  /** Problems of one rule (its failures, its findings without a tree, its fixes that failed). */
  synchronized List<String> ruleProblems(RuleId rule) {
    return ruleProblems.getOrDefault(rule, List.of());
  }

  /** Where the first problem of {@code rule} happened, or null. */
  synchronized Tree ruleProblemPosition(RuleId rule) {
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
    print(state);
  }

  /** Prints the note, if there are problems and it was not printed yet. */
  void print(VisitorState state) {
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
    String f = JavacAnalysis.fileName(unit);
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
