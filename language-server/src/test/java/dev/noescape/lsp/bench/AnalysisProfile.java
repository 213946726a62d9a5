package dev.noescape.lsp.bench;

import dev.noescape.lsp.Settings;
import dev.noescape.lsp.analysis.Cancellation;
import dev.noescape.lsp.analysis.FileAnalyzer;
import dev.noescape.lsp.analysis.FileResult;
import dev.noescape.lsp.analysis.Request;
import dev.noescape.lsp.project.ProjectModel;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The analysis of the bench's 1,000-line file in a loop, in this JVM, without the protocol: for a
 * profiler (run it under {@code -XX:StartFlightRecording}). Prints the time of each run.
 *
 * <p>Usage: {@code AnalysisProfile [RUNS]}
 */
public final class AnalysisProfile {
  private AnalysisProfile() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    String text = BigFile.text(1000);
    // With a source root (as in a project), the file is taken to lie in it.
    java.nio.file.Path root = args.length > 1 ? java.nio.file.Path.of(args[1]).toAbsolutePath() : null;
    URI uri = root == null ? URI.create("file:///bench/dev/noescape/showcase/Big.java")
        : root.resolve("dev/noescape/showcase/Big.java").toUri();
    ProjectModel none = ProjectModel.none();
    ProjectModel project = root == null ? none : new ProjectModel(root.resolve("pom.xml"), java.util.List.of(root),
        java.util.List.of(), "21", java.nio.charset.StandardCharsets.UTF_8, none.config(), true, java.util.List.of());
    try (FileAnalyzer analyzer = new FileAnalyzer()) {
      for (int i = 1; i <= runs; i++) {
        long t = System.nanoTime();
        FileResult r = analyzer.analyze(new Request(uri, i, BigFile.edited(text, i), project,
            Settings.defaults().levels(project.config()), project.config().options(), Map.of()), Cancellation.NEVER);
        System.out.printf(Locale.ROOT, "run %d: %.0f ms, %d findings%n", i, (System.nanoTime() - t) / 1e6, r.items().size());
      }
      if (System.getProperty("histogram") != null) histogram();
    }
  }

  /** The classes with the most instances alive after the runs (the VM's own class histogram): what a leak would keep. */
  private static void histogram() {
    try {
      javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
      String out = (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
          "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
      out.lines().limit(40).forEach(System.out::println);
      out.lines().filter(l -> l.contains("javac.util.Context ") || l.contains("JavacTaskImpl") || l.contains("VisitorState ")
          || l.contains("JCCompilationUnit ") || l.contains("FileResult ")).forEach(System.out::println);
    } catch (javax.management.JMException e) {
      throw new IllegalStateException(e);
    }
  }
}
