package dev.noescape.errorprone;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs javac in-process with Error Prone as a javac plugin ({@code -Xplugin:ErrorProne}) and this
 * module on the annotation processor path, as a user's build does: the noescape checkers are found
 * through {@code ServiceLoader}, not handed to Error Prone by a test helper.
 */
final class JavacRunner {
  private JavacRunner() {}

  record Outcome(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    List<String> messages(Diagnostic.Kind kind) {
      List<String> out = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        if (d.getKind() == kind) out.add(d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
      return out;
    }

    List<String> all() {
      List<String> out = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
        out.add(d.getKind() + " " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
      return out;
    }

    @Override
    public String toString() {
      return "success=" + success + "\n" + String.join("\n", all()) + "\n" + output;
    }
  }

  /** Compiles the {@code .java} files under {@code sources} into {@code classes}. */
  static Outcome compile(Path sources, Path classes, String errorProneArgs, String... javacArgs) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<File> files;
    try (var walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    Files.createDirectories(classes);
    String path = testClassPath();
    List<String> options = new ArrayList<>(List.of(
        "-d", classes.toString(),
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-processorpath", path,
        "-cp", path,
        "-Xplugin:ErrorProne " + errorProneArgs));
    options.addAll(List.of(javacArgs));
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(out, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
      return new Outcome(ok, diagnostics.getDiagnostics(), out.toString());
    }
  }

  /** The test class path, with surefire's manifest-only jar expanded. */
  static String testClassPath() throws IOException {
    String raw = System.getProperty("surefire.test.class.path");
    if (raw == null || raw.isBlank()) raw = System.getProperty("java.class.path");
    Set<String> entries = new LinkedHashSet<>();
    for (String e : raw.split(File.pathSeparator)) {
      if (e.isBlank()) continue;
      entries.add(e);
      if (e.endsWith(".jar") && new File(e).isFile()) {
        try (JarFile jar = new JarFile(e)) {
          Manifest m = jar.getManifest();
          String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
          if (cp == null) continue;
          for (String u : cp.trim().split("\\s+")) {
            try {
              entries.add(new File(new File(e).getParentFile().toURI().resolve(u)).getPath());
            } catch (IllegalArgumentException ignored) {
              // not a file URL: skip
            }
          }
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
