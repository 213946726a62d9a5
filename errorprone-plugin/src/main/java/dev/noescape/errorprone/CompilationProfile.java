package dev.noescape.errorprone;

import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.noescape.profile.AllocationProfile;
import dev.noescape.profile.Attribution;
import dev.noescape.profile.jfr.RecordingReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.tools.JavaFileObject;

/**
 * The recordings of {@code -XepOpt:NoEscape:Profile=…} for one javac compilation, credited to the
 * classes it compiles from source ({@link Attribution}): a sample goes to the first stack frame of
 * such a class, so allocations inside the JDK and the dependencies are credited to the line of the
 * compiled code that asked for them, and every unit of the compilation measures shares against the
 * same program bytes.
 *
 * <p>Read once per compilation (attribution needs every class entered, which javac does for all units
 * before Error Prone analyzes the first), and the samples kept for the next compilation of the same
 * JVM (a Maven build compiles main and test code in one) while the files are unchanged. Problems with
 * the recordings are named once, in the first unit's note.
 */
final class CompilationProfile {
  private static final Context.Key<CompilationProfile> KEY = new Context.Key<>();

  /** The recordings last read in this JVM, and what identified them. */
  private static Object lastIdentity;
  private static AllocationProfile lastProfile;

  private final Attribution attribution;
  private final List<String> problems;
  private boolean problemsTaken;

  private CompilationProfile(Attribution attribution, List<String> problems) {
    this.attribution = attribution;
    this.problems = problems;
  }

  /** The profile of this compilation for {@code recordings} (paths as given); never throws but fatal errors. */
  static CompilationProfile of(Context context, List<String> recordings) {
    synchronized (KEY) {
      CompilationProfile p = context.get(KEY);
      if (p == null) {
        p = read(context, recordings);
        context.put(KEY, p);
      }
      return p;
    }
  }

  private static CompilationProfile read(Context context, List<String> recordings) {
    try {
      List<Path> paths = new ArrayList<>();
      for (String r : recordings) paths.add(Path.of(r));
      AllocationProfile profile = profile(paths);
      List<String> problems = new ArrayList<>();
      for (String p : profile.problems()) problems.add("profile " + p);
      Attribution a = profile.isEmpty() ? null : Attribution.of(profile, compiledFromSource(context));
      return new CompilationProfile(a, problems);
    } catch (Throwable t) {
      Faults.rethrowIfFatal(t);
      return new CompilationProfile(null, List.of("profile not used: " + Faults.describe(t)));
    }
  }

  /** The samples of {@code paths}, from the last compilation when its files are the same. */
  private static AllocationProfile profile(List<Path> paths) {
    List<Object> identity = new ArrayList<>();
    for (Path p : paths) {
      identity.add(p.toAbsolutePath().normalize().toString());
      try {
        identity.add(Files.size(p));
        identity.add(Files.getLastModifiedTime(p));
      } catch (IOException | RuntimeException e) {
        identity.add(null); // missing: the reader names it
      }
    }
    synchronized (CompilationProfile.class) {
      if (identity.equals(lastIdentity)) return lastProfile;
      AllocationProfile read = RecordingReader.read(paths, Path::toString);
      lastIdentity = identity;
      lastProfile = read;
      return read;
    }
  }

  /**
   * Whether a class (binary name) is compiled from source in this compilation: javac enters such a
   * class with its source file as its class file (a class read from the class path has a class file).
   */
  private static Predicate<String> compiledFromSource(Context context) {
    Symtab syms = Symtab.instance(context);
    Names names = Names.instance(context);
    Map<String, Boolean> known = new HashMap<>();
    return name -> known.computeIfAbsent(name, n -> {
      for (ClassSymbol c : syms.getClassesForName(names.fromString(n))) {
        if (c.classfile != null && c.classfile.getKind() == JavaFileObject.Kind.SOURCE) return true;
      }
      return false;
    });
  }

  /** The samples credited to the compiled classes, or null when no recording could be used. */
  Attribution attribution() {
    return attribution;
  }

  /** The recordings' problems the first time only (they go into one unit's note). */
  synchronized List<String> takeProblems() {
    if (problemsTaken) return List.of();
    problemsTaken = true;
    return problems;
  }
}
