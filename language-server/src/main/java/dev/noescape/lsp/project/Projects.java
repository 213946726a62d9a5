package dev.noescape.lsp.project;

import dev.noescape.errorprone.ErrorProneArgs;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The project model of each build the open files belong to: the nearest {@code pom.xml} above a
 * file is its build, with Maven's answer ({@link MavenResolver}) when cached. Otherwise Maven runs
 * in the background, once per POM version, and until it answers the model is read from the POM
 * alone (no class path): analysis never waits for Maven. When it answers (or fails), the listener
 * is told, so the open files are analyzed again. A file outside any build is compiled alone, with
 * the JDK.
 */
public final class Projects implements AutoCloseable {
  /** Told when a model was resolved or dropped. */
  public interface Listener {
    void modelChanged(Path pom);

    void log(String message);
  }

  private final MavenResolver maven;
  private final Listener listener;
  private final ExecutorService resolver = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "noescape-maven");
    t.setDaemon(true);
    return t;
  });
  private final Map<Path, ProjectModel> models = new HashMap<>();

  public Projects(MavenResolver maven, Listener listener) {
    this.maven = maven;
    this.listener = listener;
  }

  /** The nearest {@code pom.xml} in the directory of {@code path} (or {@code path} itself) or above, or null. */
  public static Path pomAbove(Path path) {
    for (Path dir = Files.isDirectory(path) ? path : path.getParent(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)) return pom.toAbsolutePath().normalize();
    }
    return null;
  }

  /** The model of the build {@code uri} belongs to; never waits for Maven. */
  public ProjectModel modelFor(URI uri) {
    Path file = "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    Path pom = file == null ? null : pomAbove(file);
    return pom == null ? ProjectModel.none() : model(pom);
  }

  /** The model of the build of {@code pom}, starting Maven in the background when it has no answer for this POM yet. */
  public synchronized ProjectModel model(Path pom) {
    ProjectModel m = models.get(pom);
    if (m != null) return m;
    MavenResolver.Answer cached = maven.cached(pom);
    if (cached != null) {
      m = of(pom, PomSettings.read(cached.effectivePom(), pom.getParent()), cached.classPath(), true, List.of());
    } else {
      m = of(pom, PomSettings.read(pom, pom.getParent()), List.of(), false, List.of());
      resolveLater(pom);
    }
    models.put(pom, m);
    return m;
  }

  /** The POM changed (or the user asked to reload it): the next model is read and resolved anew. */
  public void pomChanged(Path pom) {
    synchronized (this) {
      models.remove(pom);
    }
    listener.modelChanged(pom);
  }

  /** Every build a model was made for. */
  public synchronized List<Path> poms() {
    return List.copyOf(models.keySet());
  }

  private void resolveLater(Path pom) {
    resolver.execute(() -> {
      ProjectModel resolved;
      String answered = null;
      try {
        MavenResolver.Answer a = maven.resolve(pom);
        resolved = of(pom, PomSettings.read(a.effectivePom(), pom.getParent()), a.classPath(), true, List.of());
        answered = "noescape: " + pom + ": class path of " + a.classPath().size() + " entries from Maven";
      } catch (Exception e) {
        if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        String why = (e.getMessage() == null ? e.toString() : e.getMessage()) + " — analyzing without the dependencies";
        synchronized (this) {
          ProjectModel old = models.get(pom);
          if (old == null) return;
          List<String> problems = new ArrayList<>(old.problems());
          problems.add(why);
          // Marked resolved: Maven is not asked again until the POM changes.
          resolved = new ProjectModel(old.pom(), old.sourceRoots(), old.classPath(), old.release(), old.encoding(),
              old.config(), true, problems);
        }
      }
      synchronized (this) {
        if (!models.containsKey(pom)) return; // dropped meanwhile: the next use resolves it again
        models.put(pom, resolved);
      }
      // Told once the model is in use, not before: a client that waits for this line and then opens
      // a file gets that file analyzed with the class path (told before, the file could be analyzed
      // without it, and the answer published for its version).
      if (answered != null) listener.log(answered);
      for (String p : resolved.problems()) listener.log("noescape: " + p);
      listener.modelChanged(pom);
    });
  }

  /** The model from what a POM says. */
  static ProjectModel of(Path pom, PomSettings s, List<Path> classPath, boolean resolved, List<String> more) {
    List<String> problems = new ArrayList<>(s.problems());
    problems.addAll(more);
    String release = s.release();
    if (release != null) {
      int feature = Runtime.version().feature();
      int r;
      try {
        r = Integer.parseInt(release);
      } catch (NumberFormatException e) {
        r = -1;
      }
      if (r < 8 || r > feature) {
        problems.add(pom + ": release " + release + " cannot be compiled by this JDK (8 to " + feature
            + "); using the JDK's own");
        release = null;
      }
    }
    Charset encoding = StandardCharsets.UTF_8;
    if (s.encoding() != null) {
      try {
        encoding = Charset.forName(s.encoding());
      } catch (IllegalArgumentException e) {
        problems.add(pom + ": unknown encoding " + s.encoding() + "; using UTF-8");
      }
    }
    ErrorProneArgs config = ErrorProneArgs.parse(s.errorProneArgs());
    for (String p : config.problems()) problems.add(pom + ": " + p);
    return new ProjectModel(pom, s.sourceRoots(), classPath, release, encoding, config, resolved, problems);
  }

  @Override
  public void close() {
    resolver.shutdownNow();
  }
}
