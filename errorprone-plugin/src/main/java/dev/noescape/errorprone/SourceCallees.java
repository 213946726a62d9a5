package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.model.JavacElements;
import dev.noescape.errorprone.frontend.FrontEndResult;
import dev.noescape.errorprone.frontend.JavacFrontEnd;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bodies of the callees of a unit's {@code @NoAllocation} methods that other compilation units
 * of the same javac run declare, for {@code AllocationContract} only.
 *
 * <p>Error Prone needs {@code -XDcompilePolicy=simple}: every unit is attributed and flow-analyzed
 * before any is desugared, so when the checks run on one unit the trees of the others are still
 * attributed source trees, reachable from a class symbol with {@link JavacTrees#getPath}. A unit
 * that declares a callee is lowered whole by the same front end (at most {@link #MAX_UNITS} per
 * unit, following the calls transitively from the contract methods), with a state whose path is
 * that unit (its end positions). The other rules never see these methods: their summaries would
 * change what those rules report in this unit without a tree to show it, and each unit is
 * analyzed on its own by design. Classes read from class files have no tree: their calls stay
 * unknown (summaries from jars are another matter).
 */
final class SourceCallees {
  private SourceCallees() {}

  /** Other units lowered per analyzed unit, at most: a contract's callees rarely span more. */
  static final int MAX_UNITS = 16;

  /**
   * The methods of the other units that declare callees reachable from the contract methods of
   * {@code program} (this unit's); empty when it has no contract method or nothing to add.
   */
  static List<MethodIR> lower(CompilationUnitTree unit, Program program, VisitorState state, Set<String> hotNames) {
    ArrayDeque<MethodIR> work = new ArrayDeque<>();
    for (MethodIR m : program.methods()) if (m.hasAllocationContract()) work.add(m);
    if (work.isEmpty()) return List.of();
    Map<String, MethodIR> known = new HashMap<>(program.byKey());
    List<MethodIR> extra = new ArrayList<>();
    Map<CompilationUnitTree, Boolean> lowered = new IdentityHashMap<>();
    lowered.put(unit, true);
    java.util.Set<String> visited = new java.util.HashSet<>();
    JavacTrees trees = JavacTrees.instance(state.context);
    JavacElements elements = JavacElements.instance(state.context);
    while (!work.isEmpty()) {
      MethodIR m = work.poll();
      if (!visited.add(m.ref().key())) continue;
      for (Stmt st : m.stmts()) {
        if (!(st instanceof Stmt.Call c)) continue;
        List<MethodRef> targets = new ArrayList<>(c.overrides());
        targets.add(0, c.callee());
        for (MethodRef t : targets) {
          MethodIR callee = known.get(t.key());
          if (callee == null && lowered.size() <= MAX_UNITS) {
            CompilationUnitTree other = unitOf(t.owner(), trees, elements);
            if (other != null && !lowered.containsKey(other)) {
              lowered.put(other, true);
              FrontEndResult r = JavacFrontEnd.build(other, state.withPath(new TreePath(other)), hotNames);
              for (MethodIR x : r.program().methods()) {
                if (known.putIfAbsent(x.ref().key(), x) == null) extra.add(x);
              }
              callee = known.get(t.key());
            }
          }
          if (callee != null) work.add(callee);
        }
      }
    }
    return extra;
  }

  /** The compilation unit of this run that declares the class (binary name), or null (a class file, the JDK). */
  private static CompilationUnitTree unitOf(String binaryName, JavacTrees trees, JavacElements elements) {
    ClassSymbol cs = elements.getTypeElement(binaryName.replace('$', '.'));
    if (cs == null || cs.sourcefile == null) return null;
    TreePath p = trees.getPath(cs); // null for a class read from a class file
    return p == null ? null : p.getCompilationUnit();
  }
}
