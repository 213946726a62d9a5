package dev.noescape.errorprone;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import dev.noescape.summary.export.ClassPathSummaries;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * The summaries that jars and directories on javac's class path ship in
 * {@code META-INF/noescape/summaries}, for calls into classes compiled elsewhere (another module of
 * the build, a library analyzed by its publisher).
 *
 * <p>A call's owner is looked up in javac's symbol table: the class file javac read it from names
 * the class path entry (a jar, or a classes directory), and only that entry's resource is opened,
 * when a call into it is first analyzed. So the cost follows the dependencies the code calls, not
 * the length of the class path, and the entry is the one class loading would use. Each resource is
 * opened once per JVM ({@link dev.noescape.summary.export.SummaryReader#cached}, keyed by path,
 * size and mtime), which matters because Maven runs javac in-process, module after module, in one
 * JVM. Problems (an unreadable or corrupt resource, a newer format) become problems of the unit's
 * note: the compilation never fails because of them.
 */
final class DependencySummaries implements SummaryProvider {
  private static final Context.Key<DependencySummaries> KEY = new Context.Key<>();

  private final Symtab symtab;
  private final Names names;
  private final Map<String, Optional<Path>> entryOfClass = new HashMap<>();
  private final Map<Path, ClassPathSummaries> byEntry = new HashMap<>();
  private final List<String> pending = new ArrayList<>();

  private DependencySummaries(Context context) {
    this.symtab = Symtab.instance(context);
    this.names = Names.instance(context);
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

  @Override
  public synchronized Optional<MethodSummary> lookup(MethodRef method) {
    long[] timing = SelfTiming.start();
    try {
      Optional<Path> entry = entryOfClass.computeIfAbsent(method.owner(), this::entryOf);
      if (entry.isEmpty()) return Optional.empty();
      ClassPathSummaries s = byEntry.computeIfAbsent(entry.get(), e -> ClassPathSummaries.load(List.of(e), pending::add));
      return s.lookup(method);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      pending.add("summaries of " + method.owner() + " not read: " + Faults.describe(t));
      return Optional.empty();
    } finally {
      SelfTiming.stopReading(timing);
    }
  }

  /** The class path entry javac read {@code owner} from; empty for the JDK and this compilation's own classes. */
  private Optional<Path> entryOf(String owner) {
    ClassSymbol c = symtab.getClass(symtab.unnamedModule, names.fromString(owner));
    if (c == null || c.classfile == null || c.classfile.getKind() != JavaFileObject.Kind.CLASS) return Optional.empty();
    URI uri = c.classfile.toUri();
    if ("jar".equals(uri.getScheme())) {
      String ssp = uri.getSchemeSpecificPart();
      int bang = ssp.indexOf("!/");
      if (bang < 0) return Optional.empty();
      return Optional.of(Path.of(URI.create(ssp.substring(0, bang))));
    }
    if (!"file".equals(uri.getScheme())) return Optional.empty(); // jrt: the JDK
    // a classes directory: strip the class's own path (a/b/C$D.class) from the file's
    Path file = Path.of(uri);
    Path root = file.getParent();
    for (int i = 0; i < owner.chars().filter(ch -> ch == '.').count() && root != null; i++) root = root.getParent();
    return Optional.ofNullable(root);
  }

  /** Problems not yet told, for the note of the unit being analyzed. */
  synchronized List<String> takeProblems() {
    if (pending.isEmpty()) return List.of();
    List<String> out = new ArrayList<>(pending);
    pending.clear();
    return out;
  }
}
