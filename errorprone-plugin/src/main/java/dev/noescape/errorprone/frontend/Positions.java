package dev.noescape.errorprone.frontend;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.noescape.ir.SourcePos;

/**
 * Source positions of trees. Columns are counted in characters from the start of the line
 * (1-based, a tab counts as one character), not with javac's tab expansion, so they agree with
 * what editors, SARIF viewers and the JavaParser source mapping show. The end column is the
 * column just past the expression when it ends on the line it starts on, else 0.
 */
final class Positions {
  private final LineMap lines;
  private final VisitorState state;
  /** The unit's source, read once (VisitorState.getSourceForNode re-reads it on every call). */
  private final CharSequence source;

  Positions(CompilationUnitTree unit, VisitorState state) {
    this.lines = unit.getLineMap();
    this.state = state;
    CharSequence src = null;
    try {
      src = unit.getSourceFile().getCharContent(true);
    } catch (java.io.IOException | RuntimeException e) {
      // no source text: fall back to javac's rendering of trees
    }
    this.source = src;
  }

  SourcePos of(Tree tree) {
    if (tree == null || lines == null) return SourcePos.UNKNOWN;
    int start = TreeInfo.getStartPos((JCTree) tree);
    if (start < 0) return SourcePos.UNKNOWN;
    int line = (int) lines.getLineNumber(start);
    long lineStart = lines.getStartPosition(line);
    int column = (int) (start - lineStart) + 1;
    int endColumn = 0;
    int end = state.getEndPosition(tree);
    if (end > start && lines.getLineNumber(end) == line) endColumn = (int) (end - lineStart) + 1;
    return new SourcePos(line, column, endColumn);
  }

  /** The source text of a tree, or javac's rendering of it when the source is not available (generated members). */
  String text(Tree tree) {
    if (source != null) {
      int start = TreeInfo.getStartPos((JCTree) tree);
      int end = state.getEndPosition(tree);
      if (start >= 0 && end > start && end <= source.length()) return source.subSequence(start, end).toString();
    }
    return tree.toString();
  }
}
