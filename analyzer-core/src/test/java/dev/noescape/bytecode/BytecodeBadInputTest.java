package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never stops a run: each broken thing is one Problem naming it, the rest is analyzed. */
class BytecodeBadInputTest {
  @TempDir Path tmp;

  /** A classes directory holding just these corpus classes. */
  private Path classesDir(String... binaryNames) throws IOException {
    Path dir = tmp.resolve("classes");
    for (String c : binaryNames) {
      Path p = dir.resolve(c.replace('.', '/') + ".class");
      Files.createDirectories(p.getParent());
      Files.write(p, corpusClass(c));
    }
    return dir;
  }

  private static byte[] corpusClass(String binaryName) throws IOException {
    return Files.readAllBytes(BytecodeCorpusTest.classesDir().resolve(binaryName.replace('.', '/') + ".class"));
  }

  private static BytecodeAnalysis.Result run(List<Path> inputs, List<Path> cp) {
    return BytecodeAnalysis.run(new BytecodeAnalysis.Options(inputs, cp, EnumSet.allOf(RuleId.class), RuleContext.defaults()),
        BytecodeAnalysis.Progress.NONE);
  }

  @Test
  void brokenClassesAreProblemsAndTheRestIsAnalyzed() throws IOException {
    Path jar = tmp.resolve("x.jar");
    byte[] good = corpusClass("corpus.boxing.BoxingCaches");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(z, "corpus/boxing/BoxingCaches.class", good);
      put(z, "a/Truncated.class", java.util.Arrays.copyOf(good, good.length / 3));
      put(z, "a/NotAClass.class", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      byte[] future = good.clone();
      future[6] = 0;
      future[7] = (byte) 99; // class file version 99
      put(z, "a/Future.class", future);
    }
    BytecodeAnalysis.Result r = run(List.of(jar), List.of(tmp.resolve("missing.jar")));
    String problems = r.problems().toString();
    assertTrue(problems.contains("x.jar!a/NotAClass.class"), problems);
    assertTrue(problems.contains("x.jar!a/Future.class"), problems);
    assertTrue(problems.contains("missing.jar"), problems);
    assertTrue(problems.contains("Truncated"), problems);
    assertEquals(4, r.classesTotal());
    assertTrue(r.classesAnalyzed() >= 1, "the good class is analyzed: " + problems);
    assertTrue(r.findings().stream().anyMatch(f -> f.file().equals("corpus/boxing/BoxingCaches.java")));
  }

  @Test
  void missingSuperclassesAndDependenciesDoNotStopTheRun() throws IOException {
    // an inner class without its outer class, a subclass without its superclass
    Path dir = classesDir("corpus.leak.SessionStore$Session", "corpus.hot.custom.Throttle");
    BytecodeAnalysis.Result r = run(List.of(dir), List.of());
    assertEquals(2, r.classesTotal());
    assertEquals(2, r.classesAnalyzed(), r.problems().toString());
  }

  @Test
  void spentTimeBudgetSkipsWhatIsLeftWithOneNote() throws IOException {
    Path dir = classesDir("corpus.boxing.BoxingCaches", "corpus.hot.custom.Throttle");
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(dir), List.of(),
        EnumSet.allOf(RuleId.class), RuleContext.defaults()).withTimeBudget(java.time.Duration.ofNanos(1)), BytecodeAnalysis.Progress.NONE);
    assertEquals(2, r.classesTotal());
    assertEquals(0, r.classesAnalyzed());
    assertEquals(List.of("corpus.boxing.BoxingCaches: not analyzed (budget): the time budget (0 ms) was spent before 2 classes"
        + " (this one first) were read"), r.problems().stream().map(Object::toString).toList());
    assertEquals(List.of(), r.findings());
  }

  /**
   * SootUp 3.0.1's LocalSplitter throws on httpcore5 5.1.3's
   * {@code DefaultBHttpClientConnection.terminateRequest} (an empty try-with-resources compiled by
   * an old javac: "The DisjointSetForest does not contain the node"), in the typed view and the
   * untyped fallback alike; the third view, without the splitter, builds it. The class (Apache 2.0)
   * is read from the jar the build fetches from Maven Central into target/real-jars/.
   */
  @Test
  void bodyTheLocalSplitterCannotSplitIsBuiltWithoutIt() throws IOException {
    Path httpcore = Path.of("target/real-jars/httpcore5-5.1.3.jar");
    assertTrue(Files.isRegularFile(httpcore), "the build copies httpcore5 into " + httpcore.toAbsolutePath());
    String name = "org/apache/hc/core5/http/impl/io/DefaultBHttpClientConnection.class";
    byte[] bytes;
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(httpcore.toFile())) {
      bytes = z.getInputStream(z.getEntry(name)).readAllBytes();
    }
    Path jar = tmp.resolve("hc.jar");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
      put(z, name, bytes);
    }
    BytecodeAnalysis.Result r = run(List.of(jar), List.of());
    assertEquals(1, r.classesTotal());
    assertEquals(1, r.classesAnalyzed(), r.problems().toString());
    assertEquals(1, r.problems().size(), "only the missing-dependency note: " + r.problems());
    assertTrue(r.problems().get(0).toString().startsWith("class path: 23 classes org.apache.hc.core5.http.ClassicHttpRequest, "),
        r.problems().toString());
  }

  private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    OutputStream o = z;
    o.write(bytes);
    z.closeEntry();
  }
}
