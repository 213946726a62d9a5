package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fix the command line suggests compiles: the command line runs ({@link Main}, {@code --all
 * --source … --sarif …}) on the corpus's class files and on the showcase's, each SARIF
 * {@code fix} is applied alone to a copy of its source file, and the patched files are compiled
 * with javac at the project's release ({@code --release 21}) against the project's other classes.
 * A fix that does not compile fails the test with its rule, place, edits and javac's error. (The
 * javac plugin's fixes are compiled by its {@code FixesTest}.)
 *
 * <p>Fixes are applied in rounds, the k-th fix of every file in round k, so that one javac run
 * checks many fixes and each error still belongs to one fix.
 */
@Tag("e2e")
class FixesCompileTest {
  private static final String RELEASE = "21";

  @TempDir Path work;

  /** One SARIF fix: where it was reported, and its replacements in one file. */
  record Suggested(String where, Path file, List<Replacement> replacements) {}

  record Replacement(int startLine, int startColumn, int endLine, int endColumn, String text) {}

  @Test
  void everyFixOnTheCorpusCompiles() throws Exception {
    String dir = System.getProperty("noescape.testdata.dir");
    Path testdata = (dir != null ? Path.of(dir) : Path.of("..", "testdata")).toAbsolutePath().normalize();
    Path classes = testdata.resolve("target/classes");
    Path sources = testdata.resolve("src/main/java");
    assertTrue(Files.isDirectory(classes), "no corpus classes at " + classes + " (build the testdata module)");
    int checked = checkFixesCompile(sources, classes);
    // The corpus exercises every kind of fix (capacities, factories, builders); far more than 20.
    assertTrue(checked >= 20, "only " + checked + " fixes on the corpus");
  }

  @Test
  void everyFixOnTheShowcaseCompiles() throws Exception {
    Path classes = work.resolve("showcase-classes");
    compile(ShowcaseAgreementTest.SOURCES, javaFiles(ShowcaseAgreementTest.SOURCES), classes, List.of());
    int checked = checkFixesCompile(ShowcaseAgreementTest.SOURCES, classes);
    assertTrue(checked >= 1, "no fix on the showcase");
  }

  /** Runs the command line on {@code classes}, applies and compiles its fixes; returns how many. */
  private int checkFixesCompile(Path sourceRoot, Path classes) throws Exception {
    Path sources = sourceRoot.toAbsolutePath().normalize();
    Path sarif = work.resolve("noescape.sarif");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "--all", "--source", sources.toString(), "--sarif", sarif.toString(), classes.toString());
    assertTrue(status == 0 || status == 1, "command line exit " + status + "\n" + err.toString(StandardCharsets.UTF_8));
    Map<Path, List<Suggested>> byFile = fixes(sarif, sources);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (int round = 0; ; round++) {
      Path dir = work.resolve("round-" + round);
      Map<Path, Suggested> patched = new LinkedHashMap<>();
      for (Map.Entry<Path, List<Suggested>> e : byFile.entrySet()) {
        if (round >= e.getValue().size()) continue;
        Suggested fix = e.getValue().get(round);
        Path copy = dir.resolve(sources.relativize(e.getKey()));
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, apply(Files.readString(e.getKey()), fix.replacements()));
        patched.put(copy, fix);
      }
      if (patched.isEmpty()) break;
      checked += patched.size();
      String errors = compile(dir, List.copyOf(patched.keySet()), work.resolve("out-" + round), List.of(classes));
      for (Map.Entry<Path, Suggested> e : patched.entrySet()) {
        String name = e.getKey().toString();
        String mine = errors.lines().filter(l -> l.startsWith(name + ":") && l.contains(": error:"))
            .reduce("", (a, b) -> a + "\n    " + b);
        if (!mine.isEmpty()) failures.add(e.getValue().where() + " " + e.getValue().replacements() + mine);
      }
    }
    assertEquals(List.of(), failures, "fixes that do not compile");
    System.out.println(checked + " fixes compiled in " + sources);
    return checked;
  }

  /** The SARIF fixes by source file, in report order; each fix changes one file here. */
  private static Map<Path, List<Suggested>> fixes(Path sarif, Path sources) throws Exception {
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    Map<Path, List<Suggested>> byFile = new TreeMap<>();
    for (JsonNode result : log.path("runs").path(0).path("results")) {
      JsonNode region = result.path("locations").path(0).path("physicalLocation");
      String where = result.path("ruleId").asText() + " " + region.path("artifactLocation").path("uri").asText() + ":"
          + region.path("region").path("startLine").asText();
      for (JsonNode fix : result.path("fixes")) {
        JsonNode changes = fix.path("artifactChanges");
        assertEquals(1, changes.size(), where + ": a fix changing several files");
        JsonNode change = changes.get(0);
        Path file = resolve(change.path("artifactLocation").path("uri").asText(), sources);
        List<Replacement> reps = new ArrayList<>();
        for (JsonNode r : change.path("replacements")) {
          JsonNode d = r.path("deletedRegion");
          reps.add(new Replacement(d.path("startLine").asInt(), d.path("startColumn").asInt(), d.path("endLine").asInt(),
              d.path("endColumn").asInt(), r.path("insertedContent").path("text").asText()));
        }
        byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(new Suggested(where, file, reps));
      }
    }
    return byFile;
  }

  /** A SARIF uri (relative to the project root, the working directory here) as a source file. */
  private static Path resolve(String uri, Path sources) {
    for (Path base : List.of(Path.of("").toAbsolutePath(), sources.toAbsolutePath())) {
      Path p = base.resolve(uri).normalize();
      if (Files.isRegularFile(p)) return p;
    }
    throw new AssertionError("a fix for a file not found: " + uri);
  }

  /** {@code text} with the replacements made (1-based lines and UTF-16 columns, end exclusive). */
  static String apply(String text, List<Replacement> replacements) {
    List<Replacement> last = new ArrayList<>(replacements);
    last.sort(Comparator.comparingInt(Replacement::startLine).thenComparingInt(Replacement::startColumn).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (Replacement r : last) {
      sb.replace(offset(text, r.startLine(), r.startColumn()), offset(text, r.endLine(), r.endColumn()), r.text());
    }
    return sb.toString();
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at) + 1;
      if (at == 0) throw new AssertionError("no line " + line);
    }
    return at + column - 1;
  }

  private static List<Path> javaFiles(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Compiles {@code files} into {@code out}; returns javac's diagnostics (asserting success when nothing is patched). */
  private static String compile(Path root, List<Path> files, Path out, List<Path> classPath) throws Exception {
    Path annotations = Path.of(dev.noescape.annotations.HotPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> cp = new ArrayList<>();
    for (Path p : classPath) cp.add(p.toString());
    cp.add(annotations.toString());
    List<String> args = new ArrayList<>(List.of("--release", RELEASE, "-proc:none", "-nowarn", "-Xmaxerrs", "10000",
        "-cp", String.join(java.io.File.pathSeparator, cp), "-d", out.toString()));
    for (Path f : files) args.add(f.toString());
    ShowcaseAgreementTest.Javac run = ShowcaseAgreementTest.javac(args);
    if (classPath.isEmpty()) assertEquals(0, run.status(), "javac on " + root + ":\n" + run.diagnostics());
    return run.diagnostics();
  }
}
