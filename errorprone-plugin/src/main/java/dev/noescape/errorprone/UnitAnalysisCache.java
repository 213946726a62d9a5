package dev.noescape.errorprone;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.util.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyses of the most recent compilation units of one javac compilation, so that the checkers
 * share one.
 *
 * <p>Error Prone scans a compilation unit once with all enabled checkers, so the first noescape
 * checker to see a unit computes its analysis and the others find it here, keyed by the unit's
 * identity (and the options, which are the same for all checkers of one compilation). The cache
 * lives in the javac {@link Context} of the compilation, so nothing outlives the compilation (a
 * long-lived daemon or IDE does not keep old trees alive through it), and it holds only the most
 * recent units.
 */
final class UnitAnalysisCache {
  /** Units kept per compilation: Error Prone finishes one unit with all checkers before the next. */
  private static final int SIZE = 2;

  private static final Context.Key<UnitAnalysisCache> KEY = new Context.Key<>();

  /** Most recent first. */
  private final List<CompilationUnitAnalysis> entries = new ArrayList<>();
  /** Malformed options are named in the note of the first unit only, not in every unit's. */
  private boolean optionProblemsReported;

  private UnitAnalysisCache() {}

  /** The cache of this compilation. */
  static UnitAnalysisCache of(Context context) {
    synchronized (KEY) {
      UnitAnalysisCache c = context.get(KEY);
      if (c == null) {
        c = new UnitAnalysisCache();
        context.put(KEY, c);
      }
      return c;
    }
  }

  /** The analysis of {@code unit} with these options, if it is still here; else null. */
  synchronized CompilationUnitAnalysis get(CompilationUnitTree unit, NoEscapeOptions options) {
    for (CompilationUnitAnalysis a : entries) {
      if (a.unit() == unit && a.options().equals(options)) return a;
    }
    return null;
  }

  /** True the first time only: whether this unit's note should name the malformed options. */
  synchronized boolean firstToReportOptionProblems() {
    boolean first = !optionProblemsReported;
    optionProblemsReported = true;
    return first;
  }

  synchronized void put(CompilationUnitAnalysis a) {
    entries.add(0, a);
    while (entries.size() > SIZE) entries.remove(entries.size() - 1);
  }
}
