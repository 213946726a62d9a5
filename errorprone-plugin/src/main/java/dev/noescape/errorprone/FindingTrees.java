package dev.noescape.errorprone;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.noescape.errorprone.frontend.FrontEndResult;
import dev.noescape.errorprone.frontend.FrontEndResult.SiteKey;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subject;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SourcePos;
import java.util.Map;

/**
 * Finding to tree: the tree a finding of one compilation unit is reported at (the allocation
 * site's, the parameter's, the call's, else the method's), from what the javac front end recorded.
 */
final class FindingTrees {
  private final CompilationUnitTree unit;

  FindingTrees(CompilationUnitTree unit) {
    this.unit = unit;
  }

  /** The tree of the finding's subject (a site's or parameter's by its id or slot, a call's by its position), else its method's. */
  TreePath pathFor(Finding f, FrontEndResult fe) {
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

  static String displayName(Finding f, Map<String, MethodIR> methods) {
    MethodIR ir = f.method() == null ? null : methods.get(f.method().key());
    if (ir != null) return ir.displayName();
    return f.method() == null ? "?" : f.method().displayName();
  }

  static Tree leafOf(TreePath p) {
    return p == null ? null : p.getLeaf();
  }
}
