package dev.noescape.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.corpus.CorpusFiles;
import dev.noescape.lsp.document.LineOffsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The two sides of a parity test: what the Error Prone plugin prints for some files (one in-process
 * javac run, as {@code CorpusTest} runs it), and what the server publishes for each of them opened in
 * turn, both as {@code line:character [Rule] message} per file (0-based, as LSP counts; the plugin's
 * column is its diagnostic's offset on its line).
 */
final class Parity {
  private static final Pattern EP_MESSAGE = Pattern.compile("^\\[([A-Za-z]+)\\]\\s*(.*)$", Pattern.DOTALL);

  private Parity() {}

  /** The noescape warnings of one javac run with {@code -Xplugin:ErrorProne <errorProneArgs>}, by file relative to {@code root}. */
  static Map<String, List<String>> plugin(Path root, List<Path> files, String errorProneArgs, String release, Path classes)
      throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> options = List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-Xplugin:ErrorProne " + errorProneArgs,
        "-processorpath", cp, "-classpath", cp, "-d", classes.toString(), "--release", release, "-encoding", "UTF-8",
        "-Xmaxwarns", "100000");
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      assertTrue(javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call(),
          diagnostics.getDiagnostics().toString());
    }
    Map<String, List<String>> out = new TreeMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      Matcher m = EP_MESSAGE.matcher(d.getMessage(Locale.ROOT));
      if (!m.matches() || RuleId.byId(m.group(1)) == null || d.getSource() == null) continue;
      Path file = Path.of(d.getSource().toUri());
      LineOffsets lines = LineOffsets.of(Files.readString(file));
      int offset = (int) d.getPosition();
      // Error Prone appends the fix to the message; the server offers it as a code action instead.
      String message = m.group(2);
      int fix = message.indexOf("\n  Did you mean");
      if (fix >= 0) message = message.substring(0, fix);
      out.computeIfAbsent(CorpusFiles.relative(root, file), k -> new ArrayList<>())
          .add(line(lines.line(offset), lines.character(offset), m.group(1), message));
    }
    out.replaceAll((k, v) -> sorted(v));
    return out;
  }

  /** What the server publishes for each file, opened (and closed) in turn. */
  static Map<String, List<String>> server(InProcessClient c, Path root, List<Path> files) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (Path f : files) {
      URI uri = c.open(f);
      List<String> found = new ArrayList<>();
      for (org.eclipse.lsp4j.Diagnostic d : c.diagnostics(uri, Duration.ofMinutes(2))) {
        found.add(line(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter(), d.getCode().getLeft(),
            d.getMessage().getLeft()));
      }
      c.close(uri);
      if (!found.isEmpty()) out.put(CorpusFiles.relative(root, f), sorted(found));
    }
    return out;
  }

  /** Fails with every difference, one line each (then on different counts of the same line). */
  static void assertSame(Map<String, List<String>> plugin, Map<String, List<String>> server) {
    List<String> differences = new ArrayList<>();
    TreeSet<String> files = new TreeSet<>(plugin.keySet());
    files.addAll(server.keySet());
    for (String file : files) {
      List<String> p = plugin.getOrDefault(file, List.of());
      List<String> s = server.getOrDefault(file, List.of());
      for (String x : p) if (!s.contains(x)) differences.add("only the plugin: " + file + " " + x);
      for (String x : s) if (!p.contains(x)) differences.add("only the server: " + file + " " + x);
    }
    assertEquals(List.of(), differences);
    assertEquals(plugin, server);
  }

  static int count(Map<String, List<String>> findings) {
    return findings.values().stream().mapToInt(List::size).sum();
  }

  private static String line(int line, int character, String rule, String message) {
    return line + ":" + character + " [" + rule + "] " + message.strip();
  }

  private static List<String> sorted(List<String> l) {
    List<String> out = new ArrayList<>(l);
    out.sort(null);
    return out;
  }
}
