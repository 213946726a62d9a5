package dev.noescape.bench;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The javac front end: the annotated corpus ({@code testdata/src/main/java}) compiled in-process
 * with javac + Error Prone, as a Maven build does ({@code -Xplugin:ErrorProne}, the checkers found
 * on the processor path through {@code ServiceLoader}), with and without noescape's checkers:
 *
 * <ul>
 *   <li>{@code errorprone}: Error Prone's default checks, noescape's checkers switched off
 *       ({@code -Xep:<Name>:OFF} for each), the baseline;
 *   <li>{@code errorprone+noescape}: the same with noescape's checkers at their defaults: the
 *       difference to {@code errorprone} is what a user pays;
 *   <li>{@code none}: every check disabled ({@code -XepDisableAllChecks}): javac and Error Prone's
 *       scaffolding only;
 *   <li>{@code noescape}: {@code none} + every noescape checker on: the difference to {@code none}
 *       is noescape's front end, engine and rules alone, the most sensitive to a regression.
 * </ul>
 *
 * The corpus directory is {@code -Dnoescape.bench.corpus=DIR}, else {@code testdata/src/main/java}
 * found from the working directory upwards (run from the repository). The setup checks that the
 * corpus compiles and that the noescape variants report warnings (the checkers really ran).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED"})
public class FrontEndBenchmark {
  @Param({"errorprone", "errorprone+noescape", "none", "noescape"})
  public String checks;

  private List<Path> sources;
  private Path classes;
  private List<String> options;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path corpus = corpus();
    try (Stream<Path> walk = Files.walk(corpus)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    classes = Files.createTempDirectory("noescape-bench-classes");
    String path = System.getProperty("java.class.path");
    StringBuilder ep = new StringBuilder("-Xplugin:ErrorProne -XepAllErrorsAsWarnings");
    boolean noescape = checks.contains("noescape");
    if (checks.equals("none") || checks.equals("noescape")) ep.append(" -XepDisableAllChecks");
    for (String name : noescapeCheckers()) {
      if (!noescape) ep.append(" -Xep:").append(name).append(":OFF");
      else if (checks.equals("noescape")) ep.append(" -Xep:").append(name).append(":WARN");
    }
    options = List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", ep.toString(),
        "-processorpath", path, "-classpath", path, "-d", classes.toString(), "--release", "21", "-g",
        "-encoding", "UTF-8", "-Xmaxwarns", "100000");
    // A first compilation checks the set-up, so a broken one fails loudly instead of timing errors.
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compileOnce();
    long ours = diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .filter(d -> noescapeCheckers().stream().anyMatch(n -> d.getMessage(Locale.ROOT).startsWith("[" + n + "]"))).count();
    if (noescape != (ours > 0)) {
      throw new IllegalStateException("checks=" + checks + ": " + ours + " noescape warnings on the corpus");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  @Benchmark
  public List<Diagnostic<? extends JavaFileObject>> compile() {
    return compileOnce();
  }

  private List<Diagnostic<? extends JavaFileObject>> compileOnce() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) throw new IllegalStateException("the corpus did not compile (checks=" + checks + "): " + diagnostics.getDiagnostics());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return diagnostics.getDiagnostics();
  }

  private static Path corpus() {
    String given = System.getProperty("noescape.bench.corpus");
    if (given != null) return Path.of(given);
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("testdata/src/main/java");
      if (Files.isDirectory(candidate)) return candidate;
    }
    throw new IllegalStateException("no testdata/src/main/java above " + Path.of("").toAbsolutePath()
        + ": run from the repository or pass -Dnoescape.bench.corpus=DIR (with -jvmArgsAppend)");
  }

  /** The names of noescape's checkers, as registered for Error Prone's ServiceLoader. */
  private static List<String> noescapeCheckers() {
    TreeSet<String> names = new TreeSet<>();
    try {
      ClassLoader loader = FrontEndBenchmark.class.getClassLoader();
      Enumeration<URL> files = loader.getResources("META-INF/services/" + BugChecker.class.getName());
      while (files.hasMoreElements()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            names.add(Class.forName(line, false, loader).getAnnotation(BugPattern.class).name());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    if (names.isEmpty()) throw new IllegalStateException("no noescape checkers (META-INF/services) on the class path");
    return new ArrayList<>(names);
  }
}
