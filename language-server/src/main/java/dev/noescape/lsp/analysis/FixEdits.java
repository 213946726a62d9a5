package dev.noescape.lsp.analysis;

import com.google.errorprone.apply.ImportOrganizer;
import com.google.errorprone.apply.ImportStatements;
import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An Error Prone fix as text edits: its replacements, and the import block rewritten as
 * {@code -XepPatchChecks} rewrites it when the fix adds or removes imports (Error Prone's
 * {@link ImportStatements} with its default, static-first order).
 */
final class FixEdits {
  private FixEdits() {}

  static FileResult.Fix of(SuggestedFix fix, CompilationUnitTree unit, ErrorProneEndPosTable endPositions) {
    List<FileResult.Edit> edits = new ArrayList<>();
    for (Replacement r : fix.getReplacements(endPositions)) {
      edits.add(new FileResult.Edit(r.startPosition(), r.endPosition(), r.replaceWith()));
    }
    if (!fix.getImportsToAdd().isEmpty() || !fix.getImportsToRemove().isEmpty()) {
      ImportStatements imports = ImportStatements.create((JCCompilationUnit) unit, ImportOrganizer.STATIC_FIRST_ORGANIZER);
      imports.addAll(fix.getImportsToAdd());
      imports.removeAll(fix.getImportsToRemove());
      if (imports.importsHaveChanged()) {
        edits.add(new FileResult.Edit(imports.getStartPos(), imports.getEndPos(), imports.toString()));
      }
    }
    return new FileResult.Fix(fix.getShortDescription(), edits);
  }
}
