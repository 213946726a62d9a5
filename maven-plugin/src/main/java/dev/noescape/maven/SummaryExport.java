package dev.noescape.maven;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.export.SummaryIndex;
import dev.noescape.summary.export.SummaryWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.project.MavenProject;

/**
 * Ships a module's summaries: {@code target/classes/META-INF/noescape/summaries}, so that packaging
 * puts them in the jar, and, when {@code check} runs after {@code package} (its default phase is
 * {@code verify}), into the jar already built, so that downstream modules of the same reactor
 * (which see the jar) and {@code install} get them too.
 */
final class SummaryExport {
  private SummaryExport() {}

  /** Writes the summaries; returns the files written, for the log. */
  static List<Path> write(MavenProject project, Map<MethodRef, MethodSummary> exports, String producer) throws IOException {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    // With includeTests the run also analyzed test classes: they do not ship.
    Map<MethodRef, MethodSummary> main = new LinkedHashMap<>();
    for (Map.Entry<MethodRef, MethodSummary> e : exports.entrySet()) {
      if (Files.isRegularFile(classes.resolve(e.getKey().owner().replace('.', '/') + ".class"))) main.put(e.getKey(), e.getValue());
    }
    List<Path> wrote = new ArrayList<>();
    wrote.add(SummaryWriter.write(classes, main, producer));
    Path jar = builtJar(project);
    if (jar != null) {
      addToJar(jar, SummaryWriter.encode(main, producer));
      wrote.add(jar);
    }
    return wrote;
  }

  /** The module's jar when {@code package} already made it in the build directory, else null. */
  private static Path builtJar(MavenProject project) {
    if (project.getArtifact() == null || project.getArtifact().getFile() == null) return null;
    Path f = project.getArtifact().getFile().toPath().toAbsolutePath().normalize();
    Path build = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    return f.startsWith(build) && f.toString().endsWith(".jar") && Files.isRegularFile(f) ? f : null;
  }

  /**
   * Puts the resource into {@code jar}, with the manifest's timestamp so that a reproducible build
   * ({@code project.build.outputTimestamp}) stays reproducible.
   */
  private static void addToJar(Path jar, byte[] bytes) throws IOException {
    URI uri = URI.create("jar:" + jar.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
      Path entry = fs.getPath(SummaryIndex.RESOURCE);
      if (Files.isRegularFile(entry) && java.util.Arrays.equals(Files.readAllBytes(entry), bytes)) return;
      Files.createDirectories(entry.getParent());
      Files.write(entry, bytes);
      Path manifest = fs.getPath("META-INF/MANIFEST.MF");
      if (Files.exists(manifest)) {
        FileTime t = Files.getLastModifiedTime(manifest);
        Files.setLastModifiedTime(entry, t);
        Files.setLastModifiedTime(entry.getParent(), t);
        Files.setLastModifiedTime(entry.getParent().getParent(), t);
      }
    }
  }
}
