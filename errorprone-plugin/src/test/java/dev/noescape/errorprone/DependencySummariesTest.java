package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.export.SummaryIndex;
import dev.noescape.summary.export.SummaryWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin reads the summaries a dependency jar ships (META-INF/noescape/summaries): a call into
 * the jar uses them instead of the conservative default, and a bad resource is one note.
 */
class DependencySummariesTest {
  @TempDir Path dir;
  Path libClasses;

  static final String REGISTRY = """
      package lib;
      public class Registry {
        static final java.util.List<Object> KEPT = new java.util.ArrayList<>();
        public static void keep(Object o) { KEPT.add(o); }
        public static int size(Object o) { return o.hashCode(); }
      }
      """;

  static final String CLIENT = """
      package app;
      import lib.Registry;
      public class Client {
        public static void kept() {
          Registry.keep(new StringBuilder("kept"));
        }
        public static int notKept() {
          return Registry.size(new StringBuilder("local"));
        }
      }
      """;

  static final MethodRef KEEP = new MethodRef("lib.Registry", "keep", List.of("java.lang.Object"), "void", true);
  static final MethodRef SIZE = new MethodRef("lib.Registry", "size", List.of("java.lang.Object"), "int", true);

  @BeforeEach
  void compileLibrary() throws IOException {
    Path src = dir.resolve("lib-src/lib/Registry.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, REGISTRY, StandardCharsets.UTF_8);
    libClasses = dir.resolve("lib-classes");
    Files.createDirectories(libClasses);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", libClasses.toString(), src.toString());
    assertEquals(0, rc);
    Path client = dir.resolve("src/app/Client.java");
    Files.createDirectories(client.getParent());
    Files.writeString(client, CLIENT, StandardCharsets.UTF_8);
  }

  private Path jar(byte[] summaries) throws IOException {
    Path jar = dir.resolve("lib-" + System.nanoTime() + ".jar");
    try (OutputStream o = Files.newOutputStream(jar); ZipOutputStream z = new ZipOutputStream(o)) {
      z.putNextEntry(new ZipEntry("lib/Registry.class"));
      z.write(Files.readAllBytes(libClasses.resolve("lib/Registry.class")));
      if (summaries != null) {
        z.putNextEntry(new ZipEntry(SummaryIndex.RESOURCE));
        z.write(summaries);
      }
    }
    return jar;
  }

  private JavacRunner.Outcome compileClient(Path lib) throws IOException {
    String cp = JavacRunner.testClassPath() + File.pathSeparator + lib;
    return JavacRunner.compile(dir.resolve("src"), dir.resolve("classes-" + System.nanoTime()),
        "-XepDisableAllChecks -Xep:HeapEscape:WARN", "-cp", cp);
  }

  private static List<String> escapes(JavacRunner.Outcome out) {
    return out.messages(Diagnostic.Kind.WARNING).stream().filter(m -> m.contains("[HeapEscape]"))
        .map(m -> m.substring(0, m.indexOf(':'))).toList();
  }

  private static List<String> notes(JavacRunner.Outcome out) {
    return out.messages(Diagnostic.Kind.NOTE).stream().filter(m -> m.contains("noescape")).toList();
  }

  @Test
  void withoutSummariesBothCallsAreUnknown() throws IOException {
    JavacRunner.Outcome out = compileClient(jar(null));
    assertTrue(out.success(), out.toString());
    assertEquals(List.of("5", "8"), escapes(out), out.toString());
    assertEquals(List.of(), notes(out), out.toString());
  }

  @Test
  void shippedSummaryDecidesTheFinding() throws IOException {
    byte[] s = SummaryWriter.encode(Map.of(
        KEEP, new MethodSummary(List.of(ParamTag.escapes("stored in static field Registry.KEPT")), false, Allocates.YES, "computed"),
        SIZE, new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed")), "test");
    JavacRunner.Outcome out = compileClient(jar(s));
    assertTrue(out.success(), out.toString());
    // size() keeps nothing per its summary: only the allocation passed to keep() escapes.
    assertEquals(List.of("5"), escapes(out), out.toString());
    assertTrue(out.messages(Diagnostic.Kind.WARNING).get(0).contains("stored in static field Registry.KEPT"), out.toString());
    assertEquals(List.of(), notes(out), out.toString());
  }

  @Test
  void classesDirectoryOnTheClassPathWorksToo() throws IOException {
    SummaryWriter.write(libClasses, Map.of(SIZE, new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed")), "test");
    JavacRunner.Outcome out = compileClient(libClasses);
    assertTrue(out.success(), out.toString());
    assertEquals(List.of("5"), escapes(out), out.toString());
  }

  @Test
  void corruptResourceIsOneNoteAndTheCompilationGoesOn() throws IOException {
    Path bad = jar("noescape-summaries 1 test\nC lib.Registry\nM\tsize(java.lang.Object)\t.\tN\t-\n".getBytes(StandardCharsets.UTF_8));
    JavacRunner.Outcome out = compileClient(bad);
    assertTrue(out.success(), out.toString());
    assertEquals(List.of("5", "8"), escapes(out), out.toString());
    List<String> notes = notes(out);
    assertEquals(1, notes.size(), out.toString());
    assertTrue(notes.get(0).contains(bad + "!/META-INF/noescape/summaries") && notes.get(0).contains("no 'end' trailer"),
        notes.get(0));
  }
}
