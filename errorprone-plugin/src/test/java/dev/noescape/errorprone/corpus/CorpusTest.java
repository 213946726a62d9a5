package dev.noescape.errorprone.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.noescape.corpus.CorpusExpectations;
import dev.noescape.corpus.CorpusFiles;
import dev.noescape.corpus.CorpusExpectations.FileExpectations;
import dev.noescape.corpus.CorpusScore;
import dev.noescape.corpus.CorpusScore.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the whole annotated corpus ({@code testdata/src/main/java}) in one javac run with Error
 * Prone and the noescape checkers, and compares the findings with the {@code // expect:} markers
 * (syntax: {@code testdata/README.md}). Prints a per-rule table; fails on any missing or unexpected
 * finding, on javac errors in the corpus, and when the corpus shrinks below its minimum size.
 */
class CorpusTest {
  static final int MIN_MARKERS = 200;
  static final int MIN_POSITIVES_PER_RULE = 15;
  static final int MIN_NEGATIVES_PER_RULE = 10;

  private static final Pattern EP_MESSAGE = Pattern.compile("^\\[([A-Za-z]+)\\]\\s*(.*)$", Pattern.DOTALL);

  @TempDir Path classes;

  static Path sourceRoot() {
    return CorpusFiles.sourceRoot();
  }

  static List<Path> corpusFiles(Path root) {
    return CorpusFiles.corpusFiles(root);
  }

  static String relative(Path root, Path file) {
    return CorpusFiles.relative(root, file);
  }

  /** The test JVM's class path (surefire may hide it behind a manifest-only jar). */
  static String testClassPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
    return cp;
  }

  /** Independent of the checkers: every marker parses and the corpus keeps its minimum size. */
  @Test
  void corpusMarkersParseAndMeetMinimums() throws IOException {
    Path root = sourceRoot();
    assertTrue(Files.isDirectory(root), "no corpus at " + root + " (system property noescape.testdata.dir)");
    CorpusScore score = new CorpusScore(CorpusExpectations.FrontEnd.JAVAC);
    for (Path f : corpusFiles(root)) {
      String rel = relative(root, f);
      score.score(CorpusExpectations.parse(rel, Files.readString(f, UTF_8)), List.of());
    }
    StringBuilder counts = new StringBuilder("noescape corpus markers (expect/ok/gap):\n");
    for (Map.Entry<String, CorpusScore.RuleStats> e : score.stats().entrySet()) {
      CorpusScore.RuleStats s = e.getValue();
      counts.append(String.format(Locale.ROOT, "  %-22s %4d %4d %4d%n", e.getKey(), s.positives(), s.negatives(), s.gaps()));
    }
    counts.append("  total expect+ok: ").append(score.markers());
    System.out.println(counts);
    List<String> problems = score.sizeProblems(MIN_MARKERS, MIN_POSITIVES_PER_RULE, MIN_NEGATIVES_PER_RULE);
    assertTrue(problems.isEmpty(), "corpus too small:\n  " + String.join("\n  ", problems));
  }

  @Test
  void corpusMatchesExpectations() throws IOException {
    Path root = sourceRoot();
    assertTrue(Files.isDirectory(root), "no corpus at " + root + " (system property noescape.testdata.dir)");
    List<Path> files = corpusFiles(root);
    assertTrue(!files.isEmpty(), "no .java files under " + root);

    Map<String, FileExpectations> expectations = new LinkedHashMap<>();
    for (Path f : files) {
      String rel = relative(root, f);
      expectations.put(rel, CorpusExpectations.parse(rel, Files.readString(f, UTF_8)));
    }

    // ---- one javac run with Error Prone over the whole corpus ----
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String cp = testClassPath();
    StringBuilder ep = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (String rule : CorpusExpectations.CHECKED_RULES) ep.append(" -Xep:").append(rule).append(":WARN");
    // The contract is an error by default; as a warning the whole corpus still compiles and is scored.
    ep.append(" -Xep:AllocationContract:WARN");
    // The corpus marks every allocation that escapes, the expected escapes (thrown, static
    // initializers, returned) included: they are left out of reports by default, not by the engine.
    ep.append(" -XepOpt:NoEscape:ExpectedEscapes=true");
    List<String> options =
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            ep.toString(),
            "-processorpath", cp,
            "-classpath", cp,
            "-d", classes.toString(),
            "--release", "21",
            "-g",
            "-encoding", "UTF-8",
            "-Xmaxwarns", "100000",
            "-Xmaxerrs", "10000");
    boolean compiled;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      compiled = javac.getTask(null, fm, diagnostics, options, null, units).call();
    } catch (RuntimeException e) {
      throw new AssertionError("javac with Error Prone crashed on the corpus: " + e, e);
    }

    Map<String, List<Finding>> findings = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String msg = d.getMessage(Locale.ROOT);
      String where = d.getSource() == null ? "<no file>" : relative(root, Paths.get(d.getSource().toUri())) + ":" + d.getLineNumber();
      Matcher m = EP_MESSAGE.matcher(msg);
      if (m.matches() && CorpusExpectations.RULES.contains(m.group(1)) && d.getSource() != null) {
        String rel = relative(root, Paths.get(d.getSource().toUri()));
        String text = m.group(2).strip();
        int see = text.indexOf("\n    (see ");
        if (see >= 0) text = text.substring(0, see).strip();
        findings.computeIfAbsent(rel, k -> new ArrayList<>())
            .add(new Finding(rel, (int) d.getLineNumber(), m.group(1), text.replace('\n', ' ')));
      } else if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(where + ": " + msg);
      } else if (msg.contains("noescape")) {
        notes.add(where + ": " + d.getKind() + ": " + msg);
      }
    }
    if (!compiled || !errors.isEmpty()) {
      fail("the corpus does not compile with Error Prone and the noescape checkers:\n  "
          + String.join("\n  ", errors) + (notes.isEmpty() ? "" : "\nnotes:\n  " + String.join("\n  ", notes)));
    }

    // ---- compare ----
    CorpusScore score = new CorpusScore(CorpusExpectations.FrontEnd.JAVAC);
    for (FileExpectations fe : expectations.values()) {
      score.score(fe, findings.getOrDefault(fe.file(), List.of()));
    }
    List<String> strays = new ArrayList<>();
    for (String file : findings.keySet()) {
      if (!expectations.containsKey(file)) strays.add(file);
    }

    writeFindings(findings);

    StringBuilder report = new StringBuilder();
    report.append("noescape corpus: ").append(files.size()).append(" files, ").append(score.markers())
        .append(" expect+ok markers\n").append(score.table());
    if (!notes.isEmpty()) report.append("plugin notes:\n  ").append(String.join("\n  ", notes)).append('\n');
    System.out.println(report);

    List<String> problems = new ArrayList<>(score.sizeProblems(MIN_MARKERS, MIN_POSITIVES_PER_RULE, MIN_NEGATIVES_PER_RULE));
    StringBuilder failure = new StringBuilder();
    if (!problems.isEmpty()) failure.append("corpus too small:\n  ").append(String.join("\n  ", problems)).append('\n');
    if (!score.missing().isEmpty()) {
      failure.append("missing findings (FN): ").append(score.missing().size()).append("\n  ")
          .append(String.join("\n  ", sorted(score.missing()))).append('\n');
    }
    if (!score.unexpected().isEmpty()) {
      failure.append("unexpected findings (FP): ").append(score.unexpected().size()).append("\n  ")
          .append(String.join("\n  ", sorted(score.unexpected()))).append('\n');
    }
    if (!score.wrongMessages().isEmpty()) {
      failure.append("findings whose message lacks the expected fragment: ").append(score.wrongMessages().size())
          .append("\n  ").append(String.join("\n  ", sorted(score.wrongMessages()))).append('\n');
    }
    if (!strays.isEmpty()) failure.append("findings in files outside the corpus: ").append(strays).append('\n');
    if (failure.length() > 0) {
      System.out.println(failure);
      fail(report + failure.toString());
    }
  }

  /** All findings, one per line, for reading and for comparing front ends: target/noescape-corpus/findings.txt. */
  private static void writeFindings(Map<String, List<Finding>> findings) {
    List<String> lines = new ArrayList<>();
    for (List<Finding> fs : findings.values()) {
      for (Finding f : fs) lines.add(f.file() + ":" + f.line() + " [" + f.rule() + "] " + f.message());
    }
    try {
      Path out = Paths.get("target", "noescape-corpus", "findings.txt");
      Files.createDirectories(out.getParent());
      Files.write(out, sorted(lines), UTF_8);
    } catch (IOException | RuntimeException e) {
      System.out.println("could not write the findings file: " + e);
    }
  }

  private static List<String> sorted(List<String> lines) {
    return CorpusFiles.sortedByFileLine(lines);
  }
}
