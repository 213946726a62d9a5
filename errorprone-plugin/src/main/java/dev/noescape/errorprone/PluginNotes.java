package dev.noescape.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;
import javax.tools.JavaFileObject;

/**
 * Prints the plugin's one note per compilation unit.
 *
 * <p>A javac note ({@code Note: ...}, the same diagnostic an annotation processor's
 * {@code Messager} prints) is neither a warning nor an error: {@code -Werror} does not turn it into
 * a failure, and IDEs and build logs show it next to the file. If the note cannot be printed, it
 * goes to javac's notice writer as a raw line, and as a last resort to {@code System.err}.
 */
final class PluginNotes {
  private PluginNotes() {}

  static void note(VisitorState state, CompilationUnitTree unit, Tree at, String text) {
    Log log = null;
    try {
      log = Log.instance(state.context);
      JavaFileObject previous = log.useSource(unit.getSourceFile());
      try {
        JCDiagnostic.Note note = new JCDiagnostic.Note("compiler", "proc.messager", text);
        if (at instanceof JCTree tree) {
          log.note(tree, note);
        } else {
          log.note(unit.getSourceFile(), note);
        }
      } finally {
        log.useSource(previous);
      }
      return;
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    try {
      if (log != null) {
        log.printRawLines(Log.WriterKind.NOTICE, text);
        return;
      }
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
    }
    System.err.println(text);
  }
}
