package dev.noescape.lsp.project;

import dev.noescape.errorprone.ErrorProneArgs;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a file is compiled against: its build's source roots and class path, the release, the
 * encoding, and the build's noescape configuration.
 *
 * @param pom the build file, or null (no build: the open files alone, with the JDK)
 * @param sourceRoots where javac finds the other sources the file needs
 * @param classPath the compile class path (dependencies; with the summaries they ship)
 * @param release the {@code --release} to compile with, or null (the running JDK's)
 * @param encoding the sources' encoding
 * @param config the rules, their levels and the options the build gives noescape
 * @param resolved whether the class path came from Maven (false while it runs, or when it failed)
 * @param problems what could not be read, one line each
 */
public record ProjectModel(Path pom, List<Path> sourceRoots, List<Path> classPath, String release, Charset encoding,
    ErrorProneArgs config, boolean resolved, List<String> problems) {
  public ProjectModel {
    sourceRoots = List.copyOf(sourceRoots);
    classPath = List.copyOf(classPath);
    problems = List.copyOf(problems);
  }

  /** No build: the JDK alone, noescape's defaults. */
  public static ProjectModel none() {
    return new ProjectModel(null, List.of(), List.of(), null, StandardCharsets.UTF_8, ErrorProneArgs.parse(List.of()),
        true, List.of());
  }
}
