package dev.noescape.lsp.analysis;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.ErrorProneEndPosTable;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.main.JavaCompiler;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Context;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.errorprone.JavacAnalysis;
import dev.noescape.errorprone.NoEscapeChecker;
import dev.noescape.finding.Finding;
import dev.noescape.lsp.analysis.FileResult.Item;
import dev.noescape.lsp.analysis.FileResult.Step;
import dev.noescape.lsp.project.ProjectModel;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Analyzes one version of a document: javac parses and attributes it in process (with the other
 * sources it needs from the project's source roots, and the unsaved text of other open documents),
 * then {@link JavacAnalysis} runs the javac front end, the engine and the rules on its unit, as the
 * Error Prone plugin does. The result is plain data ({@link FileResult}); the javac context is dropped
 * when this returns.
 *
 * <p>A file that does not compile still gets the findings of the members (methods, fields,
 * initializers) javac attributed without error ({@link ErroneousMembers}); javac's own errors are not
 * reported. One analyzer runs one analysis at a time: it keeps a file manager per project (javac's
 * cache of the JDK and the class path jars) between analyses.
 */
public final class FileAnalyzer implements AutoCloseable {
  /** javac's own options: no annotation processing, attribute and flow-analyze despite errors, no class files. */
  private static final List<String> JAVAC_OPTIONS =
      List.of("-proc:none", "--should-stop=ifError=FLOW", "-implicit:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", "100000");

  private final javax.tools.JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private StandardJavaFileManager fileManager;
  private ProjectModel fileManagerFor;

  /**
   * The findings of {@code request}'s document. Never throws but for cancellation
   * ({@link CancellationException}, when {@code cancel} says the request went stale) and fatal VM
   * errors: a failure is a problem of an empty result.
   */
  public FileResult analyze(Request request, Cancellation cancel) {
    try {
      return run(request, cancel);
    } catch (Throwable t) {
      if (Cancellation.causedBy(t)) throw new CancellationException("superseded by a newer edit");
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) throw (VirtualMachineError) t;
      return FileResult.empty(request.uri(), request.version(), request.text(),
          List.of("analysis of " + request.uri() + " failed: " + describe(t)));
    }
  }

  private FileResult run(Request request, Cancellation cancel) throws IOException {
    SourceText main = new SourceText(request.uri(), request.text());
    List<JavaFileObject> inputs = new ArrayList<>();
    inputs.add(main);
    for (Map.Entry<URI, String> other : request.otherOpen().entrySet()) {
      if (!other.getKey().equals(request.uri())) inputs.add(new SourceText(other.getKey(), other.getValue()));
    }
    List<String> options = new ArrayList<>(JAVAC_OPTIONS);
    if (request.project().release() != null) options.addAll(List.of("--release", request.project().release()));

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), fileManager(request.project()), diagnostics, options,
        null, inputs);
    Context context = ((BasicJavacTask) task).getContext();
    try {
      task.addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          cancel.check();
        }
      });
      CompilationUnitTree unit = null;
      for (CompilationUnitTree u : task.parse()) {
        // javac wraps file objects of the caller's: they are told apart by URI
        if (u.getSourceFile().toUri().equals(request.uri())) unit = u;
      }
      if (unit == null) throw new IllegalStateException("javac did not parse the document");
      task.analyze();
      cancel.check();

      JavacAnalysis.Result result = JavacAnalysis.analyze(unit, context, request.options(), request.levels().keySet());
      cancel.check();
      return result(request, unit, context, result, ErroneousMembers.of(unit, errorsIn(request.uri(), diagnostics)));
    } finally {
      // Only compiling to the end would close what the task opened: the file manager of --release's
      // ct.sym (megabytes of zip index) stays open, and reachable, once per analysis otherwise. The
      // result holds nothing of the task.
      JavaCompiler.instance(context).close();
    }
  }

  private static FileResult result(Request request, CompilationUnitTree unit, Context context, JavacAnalysis.Result result,
      ErroneousMembers erroneous) {
    VisitorState state = VisitorState.createForUtilityPurposes(context);
    ErrorProneEndPosTable endPositions = ErrorProneEndPosTable.create(unit);
    List<Item> items = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (JavacAnalysis.Report r : result.reports()) {
      if (erroneous.contains(r.path()) || NoEscapeChecker.isSuppressed(r, state.withPath(r.path()))) continue;
      Finding f = r.finding();
      JCTree leaf = (JCTree) r.path().getLeaf();
      int start = leaf.getStartPosition();
      FileResult.Fix fix = null;
      if (r.fix() != null) {
        try {
          fix = FixEdits.of(r.fix(), unit, endPositions);
        } catch (RuntimeException e) {
          problems.add("could not turn the " + f.rule().id() + " fix into edits: " + describe(e));
        }
      }
      items.add(new Item(f.rule(), severity(f, request.levels()), start, Math.max(start, endPositions.getEndPosition(leaf)),
          f.message(), steps(f), fix));
    }
    List<FileResult.Verdict> verdicts = new ArrayList<>();
    for (JavacAnalysis.Verdict v : result.verdicts()) {
      if (erroneous.contains(v.path())) continue;
      JCTree leaf = (JCTree) v.path().getLeaf();
      int start = leaf.getStartPosition();
      Step first = v.chain().isEmpty() ? null : step(v.chain().get(0));
      verdicts.add(new FileResult.Verdict(start, Math.max(start, endPositions.getEndPosition(leaf)), v.description(),
          v.allocates(), v.state(), first));
    }
    for (JavacAnalysis.Problem p : result.problems()) problems.add(p.message());
    return new FileResult(request.uri(), request.version(), request.text(), items, verdicts, problems);
  }

  /** The project's level for the rule; {@code ArgEscape} information is information at any level, as in the plugin. */
  private static Severity severity(Finding f, Map<RuleId, Severity> levels) {
    if (NoEscapeChecker.isInformation(f)) return Severity.INFO;
    return levels.getOrDefault(f.rule(), f.rule().defaultSeverity());
  }

  private static List<Step> steps(Finding f) {
    List<Step> steps = new ArrayList<>();
    for (var reason : f.reasons()) steps.add(step(reason));
    return steps;
  }

  private static Step step(dev.noescape.ir.Reason reason) {
    var pos = reason.pos();
    return pos == null ? new Step(reason.text(), 0, 0, 0) : new Step(reason.text(), pos.line(), pos.column(), pos.endColumn());
  }

  /** The offsets of javac's errors in the document. */
  private static List<Long> errorsIn(URI uri, DiagnosticCollector<JavaFileObject> diagnostics) {
    List<Long> positions = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null && d.getSource().toUri().equals(uri)) {
        positions.add(d.getPosition());
      }
    }
    return positions;
  }

  /** The file manager for the project's locations: kept while the project model stays the same. */
  private StandardJavaFileManager fileManager(ProjectModel project) throws IOException {
    if (fileManager != null && project.equals(fileManagerFor)) return fileManager;
    close();
    StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, project.encoding());
    fm.setLocationFromPaths(StandardLocation.CLASS_PATH, project.classPath());
    // Set even when empty: otherwise javac looks for sources on the class path.
    fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, project.sourceRoots());
    fileManager = fm;
    fileManagerFor = project;
    return fm;
  }

  @Override
  public void close() {
    if (fileManager == null) return;
    try {
      fileManager.close();
    } catch (IOException e) {
      // the file manager only closes the jars it opened; nothing to tell
    }
    fileManager = null;
    fileManagerFor = null;
  }

  /** {@code IllegalStateException: message at Class.method(File.java:12)}, one line. */
  static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    String where = trace.length > 0 ? " at " + trace[0] : "";
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""))
        + where;
  }
}
