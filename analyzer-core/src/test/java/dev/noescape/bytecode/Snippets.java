package dev.noescape.bytecode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.annotations.HotPath;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in a test with the JDK's compiler ({@code --release 21} unless the options
 * name another, the noescape annotations on the class path).
 */
final class Snippets {
  private Snippets() {}

  /** The annotations' class directory or jar, as the test class path has it. */
  static Path annotationsPath() {
    try {
      return Paths.get(HotPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles {@code sources} into {@code classes} with {@code -g} unless {@code options} say otherwise. */
  static void compile(List<Path> sources, Path classes, List<String> options) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "no system Java compiler (a JDK is needed)");
    List<String> opts = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(),
        "-cp", annotationsPath().toString()));
    if (!options.contains("--release")) opts.addAll(List.of("--release", "21"));
    if (options.stream().noneMatch(o -> o.startsWith("-g"))) opts.add("-g");
    opts.addAll(options);
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, UTF_8)) {
      boolean ok = javac.getTask(diagnostics, fm, null, opts, null, fm.getJavaFileObjectsFromPaths(sources)).call();
      assertTrue(ok, "javac failed:\n" + diagnostics);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@code source} (one top-level class {@code name} in the default package) and compiles it. */
  static Path compile(Path dir, String name, String source, List<String> options) throws IOException {
    Path src = dir.resolve("src").resolve(name + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source, UTF_8);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    compile(List.of(src), classes, options);
    return classes;
  }
}
