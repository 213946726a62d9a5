// PLACEHOLDER-UNTIL-MERGE: stands in for the source mapper of dev.noescape.source (JavaParser);
// delete this package at merge and rewire dev.noescape.cli.Pipeline#mapToSources.
package dev.noescape.cli.placeholder;

import dev.noescape.finding.Finding;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds each finding's file under the source roots and names it relative to the project root; no
 * columns, fixes or suppression (the real mapper adds them).
 */
public final class SourceMapperPlaceholder {
  private final List<Path> sourceRoots;
  private final Path projectRoot;

  public SourceMapperPlaceholder(List<Path> sourceRoots, Path projectRoot) {
    this.sourceRoots = List.copyOf(sourceRoots);
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
  }

  public List<ReportedFinding> map(List<Finding> findings) {
    List<ReportedFinding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Path source = find(f.file());
      Finding mapped = source == null ? f : new Finding(f.rule(), f.severity(), relative(source), f.pos(), f.message(),
          f.reasons(), f.hotness(), f.fix(), f.method(), f.siteId(), f.subject());
      out.add(ReportedFinding.of(mapped));
    }
    return out;
  }

  public SourceText sourceText() {
    return file -> {
      try {
        return Files.readAllLines(projectRoot.resolve(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return List.of();
      }
    };
  }

  public List<String> problems() {
    return List.of();
  }

  private Path find(String file) {
    for (Path root : sourceRoots) {
      Path p = root.resolve(file);
      if (Files.isRegularFile(p)) return p.toAbsolutePath().normalize();
    }
    return null;
  }

  private String relative(Path source) {
    Path p = source.startsWith(projectRoot) ? projectRoot.relativize(source) : source;
    return p.toString().replace('\\', '/');
  }
}
