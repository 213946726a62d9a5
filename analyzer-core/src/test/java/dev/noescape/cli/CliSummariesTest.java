package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.export.SummaryIndex;
import dev.noescape.summary.export.SummaryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --write-summaries} and {@code --no-classpath-summaries} on two small "modules". */
class CliSummariesTest {
  @TempDir Path dir;

  static List<String> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("[HeapEscape]")).toList();
  }

  Path compile(String name, String pkg, String source, Path cp) throws IOException {
    Path src = dir.resolve(name + "-src/" + pkg + "/X.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = dir.resolve(name);
    Files.createDirectories(classes);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
        "-cp", cp == null ? "" : cp.toString(), src.toString());
    assertEquals(0, rc);
    return classes;
  }

  @Test
  void writesAndReadsSummaries() throws IOException {
    Path a = compile("a", "a", """
        package a;
        public class X {
          static final java.util.List<Object> KEPT = new java.util.ArrayList<>();
          public static void keep(Object o) { KEPT.add(o); }
        }
        """, null);
    Path b = compile("b", "b", """
        package b;
        public class X {
          public static void use() {
            a.X.keep(new StringBuilder("kept"));
          }
        }
        """, a);
    Path out = dir.resolve("out");
    run("-q", "--write-summaries", out.toString(), a.toString());
    String text = Files.readString(out.resolve(SummaryIndex.RESOURCE));
    assertTrue(text.contains("M\tkeep(java.lang.Object)\t.\tY\te;stored in static field X.KEPT"), text);

    // A's own (true) summary: B's allocation escapes, as when A's bytecode is analyzed.
    List<String> analyzed = run("--all", "--no-classpath-summaries", "-cp", a.toString(), b.toString());
    assertEquals(1, analyzed.size(), analyzed.toString());
    Files.createDirectories(a.resolve("META-INF/noescape"));
    Files.copy(out.resolve(SummaryIndex.RESOURCE), a.resolve(SummaryIndex.RESOURCE));
    assertEquals(analyzed, run("--all", "-cp", a.toString(), b.toString()));

    // A summary claiming keep() keeps nothing decides, unless the option turns summaries off.
    SummaryWriter.write(a, Map.of(new MethodRef("a.X", "keep", List.of("java.lang.Object"), "void", true),
        new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed")), "test");
    assertEquals(List.of(), run("--all", "-cp", a.toString(), b.toString()));
    assertEquals(analyzed, run("--all", "--no-classpath-summaries", "-cp", a.toString(), b.toString()));
  }
}
