package dev.noescape.errorprone.frontend;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.Set;

/**
 * Test-only checker: runs the front end on each compilation unit and keeps the last result.
 * With {@link #breakMethod} set, the first call statement of that method is made malformed (its
 * method expression removed) while the front end runs, and restored afterwards, to check that a
 * fault in one method is contained.
 */
@BugPattern(summary = "test harness for JavacFrontEnd", severity = BugPattern.SeverityLevel.WARNING)
public class FrontEndTestChecker extends BugChecker implements CompilationUnitTreeMatcher {
  static volatile FrontEndResult last;
  /** Every result of the current compilation, by source file name. */
  static final java.util.Map<String, FrontEndResult> all = new java.util.concurrent.ConcurrentHashMap<>();
  static volatile String breakMethod;
  /** Lower each unit this many times (warming up) and time only the last run. */
  static volatile int repeat = 1;
  /** Time spent in the front end (for the corpus smoke test's performance report). */
  static final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

  @Override
  public Description matchCompilationUnit(CompilationUnitTree tree, VisitorState state) {
    JCMethodInvocation[] broken = new JCMethodInvocation[1];
    JCTree.JCExpression[] saved = new JCTree.JCExpression[1];
    if (breakMethod != null) {
      new TreeScanner() {
        @Override
        public void visitMethodDef(JCMethodDecl m) {
          if (m.name.contentEquals(breakMethod) && m.body != null && broken[0] == null
              && m.body.stats.head instanceof JCExpressionStatement es && es.expr instanceof JCMethodInvocation mi) {
            broken[0] = mi;
            saved[0] = mi.meth;
            mi.meth = null;
          }
          super.visitMethodDef(m);
        }
      }.scan((JCTree) tree);
    }
    try {
      for (int i = 1; i < repeat; i++) JavacFrontEnd.build(tree, state, Set.of("HotPath", "NoAllocation", "Fast"));
      long t0 = System.nanoTime();
      last = JavacFrontEnd.build(tree, state, Set.of("HotPath", "NoAllocation", "Fast"));
      nanos.addAndGet(System.nanoTime() - t0);
      all.put(tree.getSourceFile().getName(), last);
    } finally {
      if (broken[0] != null) broken[0].meth = saved[0];
    }
    return Description.NO_MATCH;
  }
}
