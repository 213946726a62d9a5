package dev.noescape.errorprone;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import dev.noescape.summary.SummaryProvider;
import dev.noescape.summary.export.ClassPathSummaries;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The summaries the jars and directories on javac's class path ship in
 * {@code META-INF/noescape/summaries}, for calls into classes compiled elsewhere (another module of
 * the build, a library analyzed by its publisher).
 *
 * <p>Made once per compilation (kept in its {@link Context}); each entry's resource is opened once
 * per JVM ({@link dev.noescape.summary.export.SummaryReader#cached}, keyed by path, size and mtime),
 * which matters because Maven runs javac in-process, module after module, in one JVM. A class path
 * entry is asked for nothing but that one resource, and a class's summaries are decoded on the
 * first call into it. Problems (an unreadable or corrupt resource, a newer format) become problems
 * of the next unit's note: the compilation never fails because of them.
 */
final class DependencySummaries {
  private static final Context.Key<DependencySummaries> KEY = new Context.Key<>();

  private final SummaryProvider provider;
  private final List<String> pending = new ArrayList<>();

  private DependencySummaries(Context context) {
    SummaryProvider p;
    try {
      p = ClassPathSummaries.load(classPath(context), this::problem);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      problem("summaries on the class path not read: " + Faults.describe(t));
      p = SummaryProvider.NONE;
    }
    this.provider = p;
  }

  static DependencySummaries of(Context context) {
    synchronized (KEY) {
      DependencySummaries d = context.get(KEY);
      if (d == null) {
        d = new DependencySummaries(context);
        context.put(KEY, d);
      }
      return d;
    }
  }

  /** Summaries of single method bodies on the class path: for {@code EscapeAnalysis}'s implementations. */
  SummaryProvider provider() {
    return provider;
  }

  private synchronized void problem(String text) {
    pending.add(text);
  }

  /** Problems not yet told, for the note of the unit being analyzed. */
  synchronized List<String> takeProblems() {
    if (pending.isEmpty()) return List.of();
    List<String> out = new ArrayList<>(pending);
    pending.clear();
    return out;
  }

  /**
   * javac's user class path: what its file manager resolved from {@code -classpath}, the
   * {@code CLASSPATH} variable or the default; from the options when the file manager is not a
   * standard one (a build tool's wrapper).
   */
  static List<Path> classPath(Context context) {
    List<Path> out = new ArrayList<>();
    JavaFileManager fm = context.get(JavaFileManager.class);
    if (fm instanceof StandardJavaFileManager s) {
      Iterable<? extends Path> paths = s.getLocationAsPaths(StandardLocation.CLASS_PATH);
      if (paths != null) {
        for (Path p : paths) out.add(p);
        return out;
      }
    }
    Options options = Options.instance(context);
    for (String name : List.of("--class-path", "-classpath", "-cp")) {
      String cp = options.get(name);
      if (cp == null) continue;
      for (String e : cp.split(File.pathSeparator)) if (!e.isEmpty()) out.add(Path.of(e));
      break;
    }
    return out;
  }
}
