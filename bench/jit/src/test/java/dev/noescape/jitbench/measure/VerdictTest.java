package dev.noescape.jitbench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void invalidWhenTheEaOffControlShowsNothing() {
    assertEquals(Verdict.INVALID, Verdict.classify(0.0, 0.0));
    assertEquals(Verdict.INVALID, Verdict.classify(24.0, 7.9));
    assertEquals(Verdict.INVALID, Verdict.classify(0.0, Double.NaN));
  }

  @Test
  void scalarReplacedHeapAndPartial() {
    assertEquals(Verdict.SCALAR_REPLACED, Verdict.classify(0.0, 24.0));
    assertEquals(Verdict.SCALAR_REPLACED, Verdict.classify(0.9, 24.0));
    assertEquals(Verdict.SCALAR_REPLACED, Verdict.classify(40.0, 2064.0 * 1000), "2 % of a large control");
    assertEquals(Verdict.HEAP, Verdict.classify(24.0, 24.0));
    assertEquals(Verdict.HEAP, Verdict.classify(22.0, 24.0));
    assertEquals(Verdict.HEAP, Verdict.classify(30.0, 24.0), "more than the control is still heap");
    assertEquals(Verdict.PARTIAL, Verdict.classify(32.0, 56.0), "a StringBuilder whose buffer stayed");
  }

  @Test
  void partialCountsAsHeap() {
    assertEquals("heap", Verdict.PARTIAL.asExpect().label());
    assertEquals(null, Verdict.INVALID.asExpect());
  }
}
