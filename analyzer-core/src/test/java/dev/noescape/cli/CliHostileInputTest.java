package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the whole command line (real analysis, no fakes): broken, newer, huge and
 * deeply recursive class files and a source file that does not parse. Each: one note naming the
 * input, the rest analyzed (the good class's finding is printed), the exit status as docs/cli.md
 * documents (1: a warning was found; notes never change it).
 */
class CliHostileInputTest {
  @TempDir Path dir;

  static final String GOOD_FINDING = "h/Good.java:5: ";

  record Run(int status, List<String> out, List<String> err) {
    List<String> notes() {
      return err.stream().filter(l -> l.startsWith("noescape: note: ")).map(l -> l.substring("noescape: note: ".length())).toList();
    }

    String last() {
      return err.isEmpty() ? "" : err.get(err.size() - 1);
    }
  }

  private Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Env env = new Env(dir, false, System::nanoTime, 0);
    int status = Main.run(dev.noescape.bytecode.BytecodeAnalysis::run, env,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(status, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private Path good() {
    return GeneratedClasses.compile(dir, dir.resolve("good"), Map.of("h/Good.java", GeneratedClasses.GOOD));
  }

  private static void assertGoodAnalyzed(Run r) {
    assertTrue(r.out().stream().anyMatch(l -> l.startsWith(GOOD_FINDING)), "the good class is analyzed: " + r);
    assertEquals(1, r.status(), "a warning was found: " + r);
  }

  /** A jar of the good class and {@code extra} (name → bytes). */
  private Path jarWith(String name, Map<String, byte[]> extra) throws IOException {
    Path classes = good();
    Path jar = dir.resolve(name);
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      GeneratedClasses.put(z, "h/Good.class", Files.readAllBytes(classes.resolve("h/Good.class")));
      for (Map.Entry<String, byte[]> e : extra.entrySet()) GeneratedClasses.put(z, e.getKey(), e.getValue());
    }
    return jar;
  }

  private byte[] goodBytes() throws IOException {
    return Files.readAllBytes(good().resolve("h/Good.class"));
  }

  private static final String GOOD_ONLY = "noescape: 1 finding (BoxingAllocation 1) in 2 classes (1 not fully analyzed, see notes)";

  @Test
  void truncatedJar() throws IOException {
    Path whole = GeneratedClasses.jar(GeneratedClasses.compile(dir, dir.resolve("big"), bigSources(40)), dir.resolve("whole.jar"));
    byte[] bytes = Files.readAllBytes(whole);
    Files.write(dir.resolve("cut.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    good();
    Run r = main("cut.jar", "good");
    assertEquals(List.of(dir.resolve("cut.jar") + ": not a readable jar (truncated or corrupt: zip END header not found): skipped"),
        r.notes());
    assertGoodAnalyzed(r);
    assertEquals("noescape: 1 finding (BoxingAllocation 1) in 1 class", r.last());
  }

  private static Map<String, String> bigSources(int n) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put("t/C" + i + ".java", "package t;\npublic class C" + i + " {\n  public static Object m(int n) {\n"
          + "    java.util.List<Integer> l = new java.util.ArrayList<>();\n    for (int i = 0; i < n; i++) l.add(i);\n    return l;\n  }\n}\n");
    }
    return out;
  }

  @Test
  void badMagicNumber() throws IOException {
    byte[] bad = goodBytes();
    bad[3] = (byte) 0xBF; // CAFEBABF
    Run r = main(jarWith("app.jar", Map.of("h/Bad.class", bad)).getFileName().toString());
    assertEquals(List.of("app.jar!h/Bad.class: not a class file (bad header or truncated)"), r.notes());
    assertGoodAnalyzed(r);
    assertEquals(GOOD_ONLY, r.last());
  }

  @Test
  void classFromANewerJdk() throws IOException {
    byte[] future = goodBytes();
    future[6] = 0;
    future[7] = (byte) 99; // major version 99 (Java 55)
    Run r = main(jarWith("app.jar", Map.of("h/Future.class", future)).getFileName().toString());
    assertEquals(List.of("app.jar!h/Future.class: class file version 99 is newer than this analyzer reads"), r.notes());
    assertGoodAnalyzed(r);
    assertEquals(GOOD_ONLY, r.last());
  }

  @Test
  void missingSuperclass() throws IOException {
    Path classes = GeneratedClasses.compile(dir, dir.resolve("sub"), Map.of(
        "h/Base.java", "package h;\npublic class Base {}\n",
        "h/Sub.java", "package h;\npublic class Sub extends Base {\n  public static long fill(java.util.List<Long> out, int n) {\n"
            + "    for (int i = 0; i < n; i++) out.add((long) n);\n    return n;\n  }\n}\n"));
    Files.delete(classes.resolve("h/Base.class"));
    Run r = main("sub");
    assertEquals(List.of("class path: class h.Base not found (referenced from h.Sub; a missing dependency?): calls into it count as unknown"),
        r.notes());
    assertEquals(1, r.status());
    assertEquals(List.of("h/Sub.java:4: boxing long to Long allocates on every iteration of the loop (line 4) when the value is outside -128..127: "
        + "List.add takes an object, so the box is required, and the value is the same on every iteration: box it once before the"
        + " loop [BoxingAllocation]"), r.out());
    assertEquals("noescape: 1 finding (BoxingAllocation 1) in 1 class", r.last());
  }

  @Test
  void methodOf64KilobytesOfBytecode() throws IOException {
    StringBuilder body = new StringBuilder();
    // each line: aload, sipush, i2l, invokestatic Long.valueOf, invokeinterface List.add, pop: 16 bytes
    for (int i = 0; i < 4_000; i++) body.append("    out.add((long) ").append(i).append(");\n");
    Path classes = GeneratedClasses.compile(dir, dir.resolve("huge"), Map.of(
        "h/Huge.java", "package h;\npublic class Huge {\n  public static void fill(java.util.List<Long> out) {\n" + body + "  }\n}\n",
        "h/Good.java", GeneratedClasses.GOOD));
    assertTrue(Files.size(classes.resolve("h/Huge.class")) > 60_000, "about 64 KB of bytecode");
    Run r = main("huge");
    assertEquals(List.of("huge/h/Huge.class fill(java.util.List): not analyzed (budget): method too large (20001 bytecode"
        + " instructions, the limit is 10000)"), r.notes());
    assertGoodAnalyzed(r);
    assertEquals(GOOD_ONLY, r.last());
  }

  @Test
  void callChain10000Deep() throws IOException {
    StringBuilder src = new StringBuilder("package h;\npublic class Chain {\n  static Object SINK;\n");
    int depth = 10_000;
    for (int i = 0; i < depth; i++) {
      src.append("  static void m").append(i).append("(Object o) { ")
          .append(i + 1 < depth ? "m" + (i + 1) + "(o);" : "SINK = o;").append(" }\n");
    }
    src.append("  public static void main(String[] a) { for (int i = 0; i < 3; i++) m0(new StringBuilder()); }\n}\n");
    GeneratedClasses.compile(dir, dir.resolve("chain"), Map.of("h/Chain.java", src.toString(), "h/Good.java", GeneratedClasses.GOOD));
    // source mapping walks the 10,000-method file too
    Run r = main("--all", "--source", "src-chain", "chain");
    assertEquals(List.of(), r.notes());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("src-chain/h/Chain.java:10004:72: new StringBuilder() escapes to heap: passed to Chain.m0:"
        + " … stored in static field Chain.SINK (line 10004) — the callee lets it escape [HeapEscape]"), r.out().stream().filter(l -> l.contains("10004")).toList().toString());
    assertEquals("noescape: 10,003 findings (LeakingParameter 10,000, HeapEscape 2, BoxingAllocation 1) in 2 classes", r.last());
  }

  @Test
  void recursiveComponentOf2000Methods() throws IOException {
    StringBuilder src = new StringBuilder("package h;\npublic class Ring {\n  static Object SINK;\n");
    int size = 2_000;
    for (int i = 0; i < size; i++) {
      src.append("  static void m").append(i).append("(Object o, int n) { if (n > 0) m").append((i + 1) % size).append("(o, n - 1);")
          .append(i == size / 2 ? " else SINK = o;" : "").append(" }\n");
    }
    src.append("  public static void main(String[] a) { for (int i = 0; i < 3; i++) m0(new StringBuilder(), i); }\n}\n");
    GeneratedClasses.compile(dir, dir.resolve("ring"), Map.of("h/Ring.java", src.toString(), "h/Good.java", GeneratedClasses.GOOD));
    Run r = main("--all", "ring");
    assertEquals(List.of(), r.notes());
    assertEquals(1, r.status());
    assertTrue(r.out().contains("h/Ring.java:2004: new StringBuilder() escapes to heap: passed to Ring.m0: … stored in"
        + " static field Ring.SINK (line 2004) — the callee lets it escape [HeapEscape]"), r.out().toString());
    assertEquals("noescape: 2,003 findings (LeakingParameter 2,000, HeapEscape 2, BoxingAllocation 1) in 2 classes", r.last());
  }

  @Test
  void sourceFileThatDoesNotParse() throws IOException {
    good();
    Path src = dir.resolve("src/h/Good.java");
    Files.createDirectories(src.getParent());
    // the loop body lacks its semicolon and the file ends there
    Files.writeString(src, "package h;\n\npublic class Good {\n  public static long fill(java.util.List<Long> out, int n) {\n"
        + "    for (int i = 0; i < n; i++) out.add((long) n)\n");
    Run r = main("--source", "src", "good");
    assertEquals(1, r.notes().size(), r.err().toString());
    String note = r.notes().get(0);
    assertTrue(note.startsWith("could not parse src/h/Good.java (line 5: Parse error. Found <EOF>"), note);
    assertTrue(note.endsWith("): findings in it keep line-only positions"), note);
    assertEquals(List.of("src/h/Good.java:5: boxing long to Long allocates on every iteration of the loop (line 5) when the value is outside -128..127: "
        + "List.add takes an object, so the box is required, and the value is the same on every iteration: box it once before the"
        + " loop [BoxingAllocation]"), r.out());
    assertEquals(1, r.status());
  }
}
