package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Finding;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model of C2 (dev.noescape.jit) targets one JDK release: what differs between JDK 17 and 25,
 * as the probe suite measured it (bench/jit/results-2026-12-06.md), on the bytecode front end.
 */
class BytecodeJitTargetTest {
  @TempDir static Path dir;
  static Path classes;

  static final String SOURCE = """
      final class Shapes {
        static final class P {
          int x;
          int y;
          P(int x, int y) { this.x = x; this.y = y; }
        }
        static int next() { return 1; }

        static int readBeforeCall(boolean c, int a, int b) {
          P p;
          if (c) p = new P(a, b); else p = new P(b, a);
          int r = p.x - p.y;
          return r + next();
        }

        static int aliveAcrossCall(boolean c, int a, int b) {
          P p;
          if (c) p = new P(a, b); else p = new P(b, a);
          int o = next();
          return p.x - p.y + o;
        }

        static int builder(int i) {
          StringBuilder sb = new StringBuilder();
          sb.append('x');
          return sb.length() + i;
        }

        static int coldMedium(int a, int b) {
          P p = new P(a, b);
          int r = 0;
          if ((a & 15) == 0) r = medium(p, b);
          return r + p.x;
        }

        static int boxedSum(int[] xs) {
          int total = 0;
          for (int x : xs) {
            Integer boxed = x + 1000;
            total += boxed;
          }
          return total;
        }

        static int medium(P p, int k) {
          int r = k;
          r = r * 31 + p.y; r = r * 31 + p.y; r = r * 31 + p.y;
          r = r * 31 + p.y; r = r * 31 + p.y; r = r * 31 + p.y;
          return r;
        }
      }
      """;

  @BeforeAll
  static void compile() throws IOException {
    classes = Snippets.compile(dir, "Shapes", SOURCE, List.of());
  }

  /** The prediction per method, for the first site of each (verbosity 2 reports every non-escaping site). */
  static Map<String, RuntimePrediction> predictions(int jdk) {
    RuleContext context = new RuleContext(21, false, false, 2, Set.of()).withJit(jdk, List.of(), false);
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.NOT_SCALAR_REPLACED), context),
        BytecodeAnalysis.Progress.NONE);
    Map<String, RuntimePrediction> out = new TreeMap<>();
    for (Finding f : r.findings()) out.putIfAbsent(f.method().name(), f.runtime());
    return out;
  }

  static String summary(RuntimePrediction p) {
    return p.label() + " " + p.condition().id() + " " + p.jdk();
  }

  /** The BoxingAllocation finding of boxedSum. */
  static Finding boxing(int jdk, boolean demote) {
    RuleContext context = new RuleContext(21, false, false, 1, Set.of()).withJit(jdk, List.of(), demote);
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.BOXING_ALLOCATION), context),
        BytecodeAnalysis.Progress.NONE);
    return r.findings().stream().filter(f -> f.method().name().equals("boxedSum")).findFirst().orElseThrow();
  }

  @Test
  void aWarningC2LikelyRemovesSaysSoAndIsInformationFromJdk23WhenDemoted() {
    Finding on25 = boxing(25, false);
    assertEquals(Severity.WARNING, on25.severity());
    assertTrue(on25.message().endsWith(
        " (C2 likely removes it: it does not escape and Integer.intValue is inlined; JDK 25)"), on25.message());
    assertEquals(Severity.INFO, boxing(25, true).severity());
    Finding on17 = boxing(17, true);
    assertEquals(Severity.WARNING, on17.severity(), "JDK 17's scalar-replaced predictions measured below 95 %");
    assertTrue(on17.message().endsWith("; JDK 17)"), on17.message());
  }

  @Test
  void jdk17ReducesNoMergeAndKeepsTheBuilderBuffer() {
    Map<String, RuntimePrediction> p = predictions(17);
    assertEquals("heap merged 17", summary(p.get("readBeforeCall")));
    assertEquals("heap merged 17", summary(p.get("aliveAcrossCall")));
    assertEquals("heap jdk-buffer 17", summary(p.get("builder")));
    // JDK 17 judges a site hot by counts: the conditional call still inlines a 40-byte callee
    assertEquals("scalar-replaced none 17", summary(p.get("coldMedium")));
  }

  @Test
  void jdk25ReducesAMergeNotAliveAcrossACallAndTreatsAConditionalSiteAsCold() {
    Map<String, RuntimePrediction> p = predictions(25);
    assertEquals("scalar-replaced none 25", summary(p.get("readBeforeCall")));
    assertEquals(C2Condition.MERGED, p.get("aliveAcrossCall").condition());
    assertEquals("alive across a call after the merge", p.get("aliveAcrossCall").detail());
    assertEquals("scalar-replaced none 25", summary(p.get("builder")));
    assertEquals("heap not-inlined 25", summary(p.get("coldMedium")));
  }
}
