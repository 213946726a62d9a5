package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the C2 model predicts an object its method returns: in the analyzed callers C2 inlines the
 * method into (issue 13: {@code new Splitter} in {@code Splitter.on}, removed where the caller keeps
 * it), and what it predicts for an object the program hands to a JDK method that passes it on.
 */
class BytecodeReturnedIntoCallersTest {
  @TempDir static Path dir;
  static List<Finding> findings;

  static final String SOURCE = """
      import java.lang.reflect.Method;
      final class Returns {
        static final class Box {
          final int v;
          Box(int v) { this.v = v; }
        }
        static Object kept;
        static Box make(int v) {
          return new Box(v);
        }
        static Box made(int v) {
          return new Box(v);
        }
        static Box unused(int v) {
          return new Box(v);
        }
        static int local(int v) {
          return make(v).v + 1;
        }
        static int stores(int v) {
          Box b = made(v);
          kept = b;
          return b.v;
        }
        static Object reflect(Method m, String s) throws ReflectiveOperationException {
          return m.invoke(null, s);
        }
        static Box inner(int v) {
          return new Box(v);
        }
        static Box outer(int v) {
          return inner(v);
        }
        static final Box DEFAULT = inner(0);
        static int throughTwo(int v) {
          return outer(v).v;
        }
      }
      """;

  @BeforeAll
  static void analyze() throws IOException {
    Path classes = Snippets.compile(dir, "Returns", SOURCE, List.of());
    RuleContext context = new RuleContext(21, false, false, 2, Set.of()).withJit(25, List.of(), false);
    findings = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(),
        Set.of(RuleId.HEAP_ESCAPE, RuleId.NOT_SCALAR_REPLACED), context), BytecodeAnalysis.Progress.NONE).findings();
  }

  /** The runtime prediction on the findings at {@code line}: {@code label condition}. */
  static List<String> at(int line) {
    return findings.stream().filter(f -> f.pos().line() == line && f.runtime() != null)
        .map(f -> f.runtime().label() + " " + f.runtime().condition().id()).distinct().toList();
  }

  static RuntimePrediction first(int line) {
    return findings.stream().filter(f -> f.pos().line() == line && f.runtime() != null).findFirst().orElseThrow().runtime();
  }

  @Test
  void aReturnedObjectIsPredictedWhereItsCallersKeepIt() {
    // make's only caller reads a field of the result and drops it: inlined there, C2 removes it
    assertEquals(List.of("scalar-replaced none"), at(9), findings.toString());
    assertTrue(first(9).detail().startsWith("returned to callers that keep it: Returns.local line 18"), first(9).detail());
  }

  @Test
  void aCallerThatReturnsItOnPassesItToItsOwnCallers() {
    // inner's object is returned by outer, whose caller keeps it; the class initializer, which
    // stores it in a static field, runs once and is never compiled by C2
    assertEquals(List.of("scalar-replaced none"), at(29), findings.toString());
    assertEquals("returned to callers that keep it: Returns.throughTwo line 36", first(29).detail());
  }

  @Test
  void aCallerThatLetsItEscapeOrNoCallerLeavesItOnTheHeap() {
    assertEquals(List.of("heap escapes"), at(12), findings.toString());
    assertTrue(first(12).detail().contains("Returns.stores line 21, where it escapes"), first(12).detail());
    // no analyzed caller: the callers the analysis does not see decide; the engine's verdict stands
    assertEquals(List.of("heap escapes"), at(15), findings.toString());
  }

  @Test
  void aJdkMethodThatPassesTheObjectOnThroughAFieldsInterfaceCallKeepsIt() {
    // Method.invoke inlines, but hands the varargs array to methodAccessor.invoke
    assertEquals(List.of("heap not-inlined"), at(26), findings.toString());
    assertTrue(first(26).detail().contains("MethodAccessor.invoke"), first(26).detail());
  }
}
