package dev.noescape.errorprone.frontend;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import dev.noescape.errorprone.frontend.FrontEndResult.Skipped;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.CacheMisses;
import dev.noescape.ir.FieldRanges;
import dev.noescape.ir.Program;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The javac front end: lowers the attributed trees of one compilation unit to the method IR.
 *
 * <p>One scan of the unit ({@link UnitIndex}: lambda names, declared methods for override lookup),
 * then one walk per body ({@link BodyLowering}): every method, constructor (with the instance
 * initializers), static initializer, lambda body and the methods of nested, local and anonymous
 * classes ({@link ClassLowering}). Naming follows {@link Descriptors} so that keys agree with the
 * bytecode front end. Loop trip counts come from {@link LoopTripCounts}, captures from
 * {@link Captures}.
 *
 * <p>{@link dev.noescape.ir.MethodIR#sourceFile()} is the path of the unit's URI ({@code /abs/path/Foo.java}), or the
 * file object's name when the URI has no path (in-memory sources).
 */
public final class JavacFrontEnd {
  private JavacFrontEnd() {}

  /**
   * Lowers every method, constructor, initializer and lambda body of the compilation unit. Never
   * throws: a method it cannot lower is listed in {@link FrontEndResult#skipped()} and left out.
   */
  public static FrontEndResult build(CompilationUnitTree unit, VisitorState state, Set<String> hotAnnotationSimpleNames) {
    Set<String> hot = new LinkedHashSet<>(MethodIR.BUILTIN_HOT_ANNOTATIONS);
    if (hotAnnotationSimpleNames != null) hot.addAll(hotAnnotationSimpleNames);
    UnitContext u;
    try {
      u = new UnitContext(unit, state, hot);
    } catch (RuntimeException | StackOverflowError | AssertionError e) {
      return new FrontEndResult(new Program(List.of()), Map.of(), Map.of(), Map.of(),
          List.of(new Skipped(String.valueOf(unit.getSourceFile() == null ? "<unit>" : unit.getSourceFile().getName()),
              e.getClass().getSimpleName() + ": " + e.getMessage())), Map.of());
    }
    TreePath unitPath = new TreePath(unit);
    for (Tree t : unit.getTypeDecls()) {
      if (!(t instanceof JCClassDecl cd)) continue;
      TreePath classPath = new TreePath(unitPath, cd);
      u.guard(cd.name.toString(), () -> ClassLowering.lowerClass(u, cd, classPath, false, 0));
      // bodies discovered on the way: lambdas, anonymous and local classes
      u.guard(cd.name.toString() + " (nested bodies)", u::drain);
    }
    u.guard("(nested bodies)", u::drain);
    // a body left out takes its calls with it: no class of the unit is whole then
    Set<String> partial = new LinkedHashSet<>();
    if (!u.skipped.isEmpty()) {
      for (Tree t : unit.getTypeDecls()) {
        if (t instanceof JCClassDecl cd && cd.sym != null) partial.add(cd.sym.flatName().toString());
      }
    }
    return new FrontEndResult(FieldRanges.apply(new Program(CacheMisses.linkMappingFunctions(u.methods), new UnitHierarchy(u), partial, false)), Collections.unmodifiableMap(u.siteTrees),
        Collections.unmodifiableMap(u.paramTrees), Collections.unmodifiableMap(u.methodTrees), List.copyOf(u.skipped),
        Collections.unmodifiableMap(u.functionalBodies));
  }
}
