package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodRef;
import dev.noescape.rules.RuleContext;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.export.SummaryIndex;
import dev.noescape.summary.export.SummaryWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summaries that travel, through the bytecode front end: module A's run exports its summaries,
 * module B's run uses them for A's methods instead of lowering A's classes.
 */
class BytecodeSummariesTest {
  @TempDir Path tmp;
  Path a;
  Path b;

  static final String REGISTRY = """
      package a;
      import java.util.ArrayList;
      import java.util.List;
      public class Registry {
        static final List<Object> KEPT = new ArrayList<>();
        public static void keep(Object o) { KEPT.add(o); }
        public static int size(Object o) { return o.hashCode(); }
        private static void hidden(Object o) { KEPT.add(o); }
        public void inst(Object o) { hidden(o); }
        public static void fill(List<Object> l) { l.add(new Object()); }
      }
      """;

  static final String CLIENT = """
      package b;
      import a.Registry;
      public class Client {
        public static void kept() {
          Registry.keep(new StringBuilder("kept"));
        }
        public static int notKept() {
          return Registry.size(new StringBuilder("local"));
        }
        public static void open(Registry r) {
          r.inst(new StringBuilder("open"));
        }
      }
      """;

  @BeforeEach
  void compile() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("a"));
    Files.createDirectories(src.resolve("b"));
    Files.writeString(src.resolve("a/Registry.java"), REGISTRY);
    Files.writeString(src.resolve("b/Client.java"), CLIENT);
    Path all = tmp.resolve("all");
    Files.createDirectories(all);
    Snippets.compile(List.of(src.resolve("a/Registry.java"), src.resolve("b/Client.java")), all, List.of());
    a = tmp.resolve("a-classes");
    b = tmp.resolve("b-classes");
    Files.createDirectories(a);
    Files.createDirectories(b);
    Files.move(all.resolve("a"), a.resolve("a"));
    Files.move(all.resolve("b"), b.resolve("b"));
  }

  static BytecodeAnalysis.Result run(Path input, List<Path> cp) {
    return BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(input), cp, Set.of(RuleId.HEAP_ESCAPE),
        RuleContext.defaults()), null);
  }

  static List<String> escapes(BytecodeAnalysis.Result r) {
    return r.findings().stream().map(f -> f.pos().line() + " " + f.message().substring(0, f.message().indexOf(" escapes")))
        .collect(Collectors.toList());
  }

  static Map<String, MethodSummary> byKey(Map<MethodRef, MethodSummary> m) {
    Map<String, MethodSummary> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k.key(), v));
    return out;
  }

  @Test
  void exportsNonPrivateMethodsWithFoldedSideFacts() {
    Map<String, MethodSummary> ex = byKey(run(a, List.of()).exports());
    assertEquals(Set.of("a.Registry#<init>()", "a.Registry#keep(java.lang.Object)", "a.Registry#size(java.lang.Object)",
        "a.Registry#inst(java.lang.Object)", "a.Registry#fill(java.util.List)"), ex.keySet());
    assertTrue(ex.get("a.Registry#keep(java.lang.Object)").param(0).escapes());
    assertTrue(ex.get("a.Registry#inst(java.lang.Object)").param(1).escapes());
    assertEquals(List.of(ParamTag.NONE), ex.get("a.Registry#size(java.lang.Object)").params());
    // fill stores an object of its own into the list's content: the engine tracks that as a side
    // fact the tags cannot hold, so the export says the content escapes.
    ParamTag fill = ex.get("a.Registry#fill(java.util.List)").param(0);
    assertTrue(fill.contentEscapes() && !fill.escapes(), fill.toString());
  }

  @Test
  void shippedSummariesReplaceLoweringAndGiveTheSameFindings() throws IOException {
    BytecodeAnalysis.Result lowered = run(b, List.of(a));
    assertEquals(List.of("5 new StringBuilder(\"kept\")", "11 new StringBuilder(\"open\")"), escapes(lowered));
    assertEquals(0, lowered.summaryUse().resources());

    SummaryWriter.write(a, run(a, List.of()).exports(), "test");
    BytecodeAnalysis.Result shipped = run(b, List.of(a));
    assertEquals(escapes(lowered), escapes(shipped));
    assertEquals(new BytecodeAnalysis.SummaryUse(1, 1, 2), shipped.summaryUse());
    assertEquals(List.of(), shipped.problems());

    // Opting out lowers A again.
    BytecodeAnalysis.Result optOut = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(b), List.of(a),
        Set.of(RuleId.HEAP_ESCAPE), RuleContext.defaults()).withClasspathSummaries(false), null);
    assertEquals(new BytecodeAnalysis.SummaryUse(0, 0, 0), optOut.summaryUse());
  }

  @Test
  void theSummaryNotTheBodyDecides() throws IOException {
    // A summary claiming keep() keeps nothing (and inst() too): B's "kept" no longer escapes, which
    // only the shipped summary can have told it. inst() is overridable, so the call in open() is
    // still unknown: an implementation summary does not answer an open virtual call.
    MethodSummary none1 = new MethodSummary(List.of(ParamTag.NONE), false, Allocates.NO, "computed");
    MethodSummary none2 = new MethodSummary(List.of(ParamTag.NONE, ParamTag.NONE), false, Allocates.NO, "computed");
    SummaryWriter.write(a, Map.of(
        new MethodRef("a.Registry", "keep", List.of("java.lang.Object"), "void", true), none1,
        new MethodRef("a.Registry", "size", List.of("java.lang.Object"), "int", true), none1,
        new MethodRef("a.Registry", "inst", List.of("java.lang.Object"), "void", false), none2), "test");
    assertEquals(List.of("11 new StringBuilder(\"open\")"), escapes(run(b, List.of(a))));
  }

  @Test
  void corruptResourceIsOneProblemAndTheClassesAreLowered() throws IOException {
    Path file = a.resolve(SummaryIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "noescape-summaries 1 test\nC a.Registry\n", StandardCharsets.UTF_8);
    BytecodeAnalysis.Result r = run(b, List.of(a));
    assertEquals(List.of("5 new StringBuilder(\"kept\")", "11 new StringBuilder(\"open\")"), escapes(r));
    List<String> problems = new ArrayList<>();
    for (BytecodeAnalysis.Problem p : r.problems()) problems.add(p.toString());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains(file.toString()) && problems.get(0).contains("no 'end' trailer"), problems.get(0));
    assertEquals(0, r.summaryUse().classesNotLowered());
    assertFalse(r.findings().isEmpty());
  }
}
