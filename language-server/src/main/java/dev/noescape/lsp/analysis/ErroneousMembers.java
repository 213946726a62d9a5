package dev.noescape.lsp.analysis;

import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The members of a unit that hold one of javac's errors: their findings are not reported. A member
 * is what a class declares and javac attributes as one piece: a method, a field with its
 * initializer, an initializer block; a member of a local or anonymous class belongs to the member
 * that declares the class. Where javac could not attribute (an unresolved type, a syntax error), the
 * front end would see error types, so the findings there say nothing; the other members' are as
 * exact as in a clean file. An error outside every member (an import, a class header) marks none:
 * its uses carry errors of their own.
 */
final class ErroneousMembers {
  private final Set<Tree> members;

  private ErroneousMembers(Set<Tree> members) {
    this.members = members;
  }

  static ErroneousMembers of(CompilationUnitTree unit, List<Long> errorPositions) {
    Set<Tree> erroneous = Collections.newSetFromMap(new IdentityHashMap<>());
    if (!errorPositions.isEmpty()) {
      collect(ErrorProneEndPosTable.create(unit), unit.getTypeDecls(), errorPositions, erroneous);
    }
    return new ErroneousMembers(erroneous);
  }

  /** The members of the classes among {@code trees} (and of their member classes) that hold an error. */
  private static void collect(ErrorProneEndPosTable ends, List<? extends Tree> trees, List<Long> errors, Set<Tree> out) {
    for (Tree t : trees) {
      if (!(t instanceof ClassTree c)) continue;
      for (Tree member : c.getMembers()) {
        if (member instanceof ClassTree) {
          collect(ends, List.of(member), errors, out);
        } else if (member instanceof MethodTree || member instanceof VariableTree || member instanceof BlockTree) {
          JCTree m = (JCTree) member;
          int start = TreeInfo.getStartPos(m);
          int end = ends.getEndPosition(m);
          for (long e : errors) {
            if (e >= start && e <= end) {
              out.add(member);
              break;
            }
          }
        }
      }
    }
  }

  /** Whether the tree lies in an erroneous member. */
  boolean contains(TreePath path) {
    if (members.isEmpty()) return false;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (members.contains(p.getLeaf())) return true;
    }
    return false;
  }
}
