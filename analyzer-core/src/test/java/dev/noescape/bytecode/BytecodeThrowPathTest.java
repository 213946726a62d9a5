package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Uses of an object that C2 does not compile while the program runs as profiled (issue 13:
 * javapoet's {@code Util.checkState} formats its varargs array only on its throw branch, an
 * uncommon trap): on the way to a throw, in the allocating method or in a program callee, and in an
 * assertion. Each case has a twin with the same use on the normal path, which keeps the heap
 * prediction.
 */
class BytecodeThrowPathTest {
  @TempDir static Path dir;
  static List<Finding> findings;

  static final String SOURCE = """
      final class Checks {
        static final class Box {
          final int v;
          Box(int v) { this.v = v; }
        }
        static void checkState(boolean ok, String template, Object... args) {
          if (!ok) throw new IllegalStateException(String.format(template, args));
        }
        static void reportState(boolean ok, String template, Object... args) {
          if (!ok) System.err.println(String.format(template, args));
        }
        static void fail(String message) {
          throw new IllegalStateException(message);
        }
        static void warn(String message) {
          System.err.println(message);
        }
        static void checkThenFail(boolean ok, String template, Object... args) {
          if (!ok) fail(String.format(template, args));
        }
        static void checkThenWarn(boolean ok, String template, Object... args) {
          if (!ok) warn(String.format(template, args));
        }
        static int consume(Object o) {
          return o == null ? 0 : 1;
        }
        static void onThrowPath(boolean ok) {
          checkState(ok, "bad %s", "state");
        }
        static void onNormalPath(boolean ok) {
          reportState(ok, "bad %s", "state");
        }
        static void beforeNeverReturning(boolean ok) {
          checkThenFail(ok, "bad %s", "state");
        }
        static void beforeReturning(boolean ok) {
          checkThenWarn(ok, "bad %s", "state");
        }
        static int inOwnThrow(int v) {
          Box b = new Box(v);
          if (v == Integer.MIN_VALUE) throw new IllegalStateException("bad " + consume(b));
          return b.v;
        }
        static int inOwnBranch(int v) {
          Box b = new Box(v);
          if (v == Integer.MIN_VALUE) System.err.println("bad " + consume(b));
          return b.v;
        }
        static int inAssertion(int v) {
          Box b = new Box(v);
          assert consume(b) == 1 : "lost";
          return b.v;
        }
        static void inLoop(String[] names) {
          for (String n : names) checkState(n.length() > 0, "empty %s", n);
        }
        static void madeOnThrowPath(int v) {
          if (v < 0) throw new IllegalStateException(String.format("negative %d", v));
        }
      }
      """;

  @BeforeAll
  static void analyze() throws IOException {
    Path classes = Snippets.compile(dir, "Checks", SOURCE, List.of());
    RuleContext context = new RuleContext(21, false, false, 2, Set.of()).withJit(25, List.of("Checks::consume"), false);
    findings = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(),
        Set.of(RuleId.HEAP_ESCAPE, RuleId.NOT_SCALAR_REPLACED, RuleId.VARARGS_ALLOCATION), context),
        BytecodeAnalysis.Progress.NONE).findings();
  }

  static RuntimePrediction at(int line) {
    return findings.stream().filter(f -> f.pos().line() == line && f.runtime() != null).findFirst().orElseThrow(
        () -> new AssertionError("no prediction at line " + line + ": " + findings)).runtime();
  }

  static String label(int line) {
    return at(line).label() + " " + at(line).condition().id();
  }

  @Test
  void aVarargsArrayAPreconditionFormatsOnlyWhenItThrowsIsScalarReplacedWhileItDoesNotThrow() {
    RuntimePrediction p = at(28);
    assertEquals("scalar-replaced none", label(28), findings.toString());
    assertEquals(RuntimePrediction.ColdUse.Kind.THROW, p.coldUse().kind());
    assertEquals("used only on the way to a throw in Checks.checkState, which C2 compiles as an uncommon trap while it"
        + " does not throw", p.detail());
  }

  @Test
  void notScalarReplacedAtVerbosityTwoSaysWhileWhat() {
    Finding f = findings.stream().filter(x -> x.rule() == RuleId.NOT_SCALAR_REPLACED && x.pos().line() == 50)
        .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
    assertEquals("new Checks.Box(v) does not escape (scalar-replaced by C2 while assertions are disabled (no -ea), JDK 25)",
        f.message());
  }

  @Test
  void theSameUseOnTheNormalPathKeepsTheHeapPrediction() {
    assertEquals("heap index-not-constant", label(31), findings.toString());
    assertNull(at(31).coldUse());
  }

  @Test
  void aCallThatNeverReturnsMakesTheCodeBeforeItAWayToAThrow() {
    // the engine decides which calls never return (fail throws on every path), the model reads it
    assertEquals("scalar-replaced none", label(34), findings.toString());
    assertTrue(at(34).detail().contains("in Checks.checkThenFail"), at(34).detail());
    assertEquals("heap index-not-constant", label(37), findings.toString());
  }

  @Test
  void aCallInTheAllocatingMethodsOwnThrowOperandDoesNotCount() {
    assertEquals("scalar-replaced none", label(40), findings.toString());
    assertTrue(at(40).detail().contains("in Checks.inOwnThrow"), at(40).detail());
    assertEquals("heap not-inlined", label(45), findings.toString());
  }

  @Test
  void aCallInAnAssertionDoesNotCountWhileAssertionsAreDisabled() {
    assertEquals("scalar-replaced none", label(50), findings.toString());
    assertEquals(RuntimePrediction.ColdUse.Kind.ASSERTION, at(50).coldUse().kind());
  }

  @Test
  void anObjectMadeOnTheWayToAThrowCountsTheUsesBesideIt() {
    // it exists only when the throw happens, and C2 compiles it only once that path ran: the
    // String.format beside it is compiled too (jackson's throw new X(String.format(...)) was
    // predicted removed and measured on the heap)
    RuntimePrediction p = findings.stream().filter(f -> f.pos().line() == 58 && f.runtime() != null
        && f.subject() != null && f.subject().site() != null && f.subject().site().kind() == dev.noescape.ir.SiteKind.VARARGS_ARRAY)
        .findFirst().orElseThrow(() -> new AssertionError(findings.toString())).runtime();
    assertEquals("heap index-not-constant", p.label() + " " + p.condition().id());
    assertNull(p.coldUse());
  }

  @Test
  void aWarningAboutItSaysC2RemovesItOnlyWhileTheThrowDoesNotHappen() {
    Finding f = findings.stream().filter(x -> x.rule() == RuleId.VARARGS_ALLOCATION && x.pos().line() == 55)
        .findFirst().orElseThrow(() -> new AssertionError(findings.toString()));
    assertTrue(f.message().contains("(C2 likely removes it only while Checks.checkState does not throw: it does not"
        + " escape, and Checks.checkState uses it only on the way to a throw, which C2 compiles as an uncommon trap;"
        + " JDK 25)"), f.message());
  }
}
