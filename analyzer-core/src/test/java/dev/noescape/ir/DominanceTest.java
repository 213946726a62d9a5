package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Dominance}: which statements run whenever another runs in one iteration, as the javac
 * front end records it from blocks ({@link MethodIRBuilder#beginBlock}) and as the bytecode front
 * end gives it ({@link MethodIRBuilder#givenPlace}, {@link MethodIRBuilder#placeOrder}).
 */
class DominanceTest {
  private final MethodIRBuilder b = new MethodIRBuilder(
      new MethodRef("com.acme.Files", "copy", List.of(), "void", true), "Files.copy", "Files.java", SourcePos.line(1));

  /** A call statement at {@code line}: its ordinal. */
  private int stmt(int line) {
    return b.call(null, new MethodRef("com.acme.Io", "op" + line, List.of(), "void", true), List.of(), SourcePos.line(line))
        .ctx().ordinal();
  }

  /** {@code if (…) { body }}: the arm's block under a condition. */
  private void arm(Runnable body) {
    b.beginConditional();
    b.beginBlock();
    body.run();
    b.endBlock();
    b.endConditional();
  }

  @Test
  void afterAnEarlyContinueTheRestOfTheBlockRunsTogether() {
    // for (…) { a; if (skip) continue; x; s; if (c) { y; } t; }
    b.beginLoop(LoopKind.FOR, SourcePos.line(2), null, "test");
    b.beginBlock();
    int a = stmt(3);
    arm(() -> b.jump(1));
    int x = stmt(5);
    int s = stmt(6);
    int[] y = new int[1];
    arm(() -> y[0] = stmt(7));
    int t = stmt(8);
    b.endBlock();
    b.endLoop();
    Dominance d = b.build().control().dominance();
    assertTrue(d.runsWhenever(s, x), "s follows x on every path");
    assertTrue(d.runsWhenever(x, s), "x precedes s on every path");
    assertTrue(d.runsWhenever(a, x), "a precedes x, the continue comes after it");
    assertFalse(d.runsWhenever(x, a), "the continue may skip x after a");
    assertTrue(d.runsWhenever(t, y[0]), "t follows the arm y is on");
    assertTrue(d.runsWhenever(s, y[0]), "s precedes the arm");
    assertFalse(d.runsWhenever(y[0], t), "y runs on one arm only");
  }

  @Test
  void aNestedLoopAndAnotherLoopAreLeftOut() {
    // x; for (…) { y; } s;   — y repeats on its own, s still follows x
    b.beginBlock();
    int x = stmt(2);
    b.beginLoop(LoopKind.FOR, SourcePos.line(3), null, "test");
    b.beginBlock();
    int y = stmt(4);
    b.endBlock();
    b.endLoop();
    int s = stmt(6);
    b.endBlock();
    Dominance d = b.build().control().dominance();
    assertTrue(d.runsWhenever(s, x));
    assertTrue(d.runsWhenever(x, s));
    assertFalse(d.runsWhenever(x, y), "another loop");
    assertFalse(d.runsWhenever(y, x));
    assertFalse(d.runsWhenever(s, y));
  }

  @Test
  void aReturnBetweenEndsPostDominance() {
    // x; if (done) return; s;
    b.beginBlock();
    int x = stmt(2);
    arm(() -> b.jump(Integer.MAX_VALUE));
    int s = stmt(4);
    b.endBlock();
    Dominance d = b.build().control().dominance();
    assertFalse(d.runsWhenever(s, x));
    assertTrue(d.runsWhenever(x, s));
  }

  @Test
  void placesGivenByTheControlFlow() {
    // places 0 → 1 → 2 (2 post-dominates 0), statement ordinals 0 and 1 in places 0 and 2
    b.placeOrder(0, -1, 1);
    b.placeOrder(1, 0, 2);
    b.placeOrder(2, 1, -1);
    b.givenPlace(0);
    int x = stmt(2);
    b.givenPlace(2);
    int s = stmt(4);
    b.givenPlace(-1);
    int none = stmt(5);
    Dominance d = b.build().control().dominance();
    assertTrue(d.runsWhenever(s, x), "through place 1, which has no statement");
    assertTrue(d.runsWhenever(x, s));
    assertFalse(d.runsWhenever(none, x), "in no place");
  }
}
