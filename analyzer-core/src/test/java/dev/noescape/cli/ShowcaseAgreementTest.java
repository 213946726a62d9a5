package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two front ends agree on the showcase project: the command line (bytecode front end plus source
 * mapping, {@link Main} in-process with {@code --source}) over the showcase compiled here with the
 * JDK's javac ({@code --release 21 -g}, noescape-annotations on the class path, as the showcase's
 * build does) must report exactly the warnings the javac plugin prints, listed with line and column
 * in {@code testdata/showcase/README.md} ("Expected warnings"): same file, line, column and rule.
 */
@Tag("e2e")
class ShowcaseAgreementTest {
  static final Path SHOWCASE = Path.of("..", "testdata", "showcase");
  static final Path SOURCES = SHOWCASE.resolve("src/main/java");
  static final String PACKAGE_DIR = "dev/noescape/showcase/";

  /** {@code | `App.java:[50,11]` | CapturingLambda |} and {@code | `a/B.java:[104,15]` `[105,15]` | BoxingAllocation ×2 |}. */
  static final Pattern ROW = Pattern.compile("^\\|\\s*`([\\w/]+\\.java):\\[(\\d+),(\\d+)]`((?:\\s*`\\[\\d+,\\d+]`)*)\\s*\\|\\s*(\\w+)");
  static final Pattern MORE = Pattern.compile("`\\[(\\d+),(\\d+)]`");
  static final Pattern TOTAL = Pattern.compile("## Expected warnings \\((\\d+) with the default rules\\)");
  static final Pattern LINE = Pattern.compile("^(\\S+\\.java):(\\d+)(?::(\\d+))?: .+ \\[(\\w+)]$");

  @TempDir Path classes;

  /** The README's table as {@code path:line:column:rule}, path relative to the showcase package. */
  static List<String> expected() throws Exception {
    String readme = Files.readString(SHOWCASE.resolve("README.md"));
    Matcher total = TOTAL.matcher(readme);
    assertTrue(total.find(), "README: no 'Expected warnings (N ...)' heading");
    List<String> out = new ArrayList<>();
    for (String line : readme.lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (!m.find()) continue;
      String file = m.group(1);
      String rule = m.group(5);
      out.add(file + ":" + m.group(2) + ":" + m.group(3) + ":" + rule);
      Matcher more = MORE.matcher(m.group(4));
      while (more.find()) out.add(file + ":" + more.group(1) + ":" + more.group(2) + ":" + rule);
    }
    assertEquals(Integer.parseInt(total.group(1)), out.size(), "README rows vs its own total: " + out);
    return out.stream().sorted().toList();
  }

  private void compileShowcase() throws Exception {
    Path annotations = Path.of(dev.noescape.annotations.HotPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> files;
    try (Stream<Path> s = Files.walk(SOURCES)) {
      files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    List<String> args = new ArrayList<>(List.of("--release", "21", "-g", "-proc:none", "-cp", annotations.toString(),
        "-d", classes.toString()));
    args.addAll(files);
    Javac run = javac(args);
    assertEquals(0, run.status(), "javac on the showcase:\n" + run.diagnostics());
  }

  /** javac's exit status and what it printed. */
  record Javac(int status, String diagnostics) {}

  /** Runs the JDK's javac in-process with {@code args}. */
  static Javac javac(List<String> args) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "needs a JDK");
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    return new Javac(status, diagnostics.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commandLineReportsWhatTheJavacPluginReports() throws Exception {
    List<String> expected = expected();
    compileShowcase();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "--source", SOURCES.toString(), classes.toString());
    String errText = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status, "the showcase has warnings\n" + errText);
    List<String> actual = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "Go-style line: " + line);
      String path = m.group(1).replace('\\', '/');
      int at = path.indexOf(PACKAGE_DIR);
      assertTrue(at >= 0, "mapped to the showcase's sources: " + line);
      actual.add(path.substring(at + PACKAGE_DIR.length()) + ":" + m.group(2) + ":" + (m.group(3) == null ? "0" : m.group(3))
          + ":" + m.group(4));
    }
    actual.sort(null);
    List<String> missing = new ArrayList<>(expected);
    for (String a : actual) missing.remove(a);
    List<String> unexpected = new ArrayList<>(actual);
    for (String e : expected) unexpected.remove(e);
    assertTrue(missing.isEmpty() && unexpected.isEmpty(), "command line vs javac plugin (README) on the showcase:\n"
        + "  reported by the javac plugin only: " + missing + "\n  reported by the command line only: " + unexpected
        + "\n" + errText);
  }
}
