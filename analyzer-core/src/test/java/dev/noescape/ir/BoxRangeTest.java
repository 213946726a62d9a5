package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Boxes.Range}: the values a counted loop's index takes, and when its box never allocates. */
class BoxRangeTest {
  @Test
  void aCountedLoopsIndexRunsFromItsStartToItsLastValue() {
    assertEquals(new Boxes.Range(0, 12), Boxes.Range.ofCountedLoop(0, 13, 1, false)); // i = 0; i < 13; i++
    assertEquals(new Boxes.Range(1, 12), Boxes.Range.ofCountedLoop(1, 12, 1, true)); // m = 1; m <= 12; m++
    assertEquals(new Boxes.Range(-128, 127), Boxes.Range.ofCountedLoop(127, -128, -1, true)); // k = 127; k >= -128; k--
    assertEquals(new Boxes.Range(1, 10), Boxes.Range.ofCountedLoop(10, 0, -1, false)); // k = 10; k > 0; k--
    assertNull(Boxes.Range.ofCountedLoop(5, 5, 1, false)); // no iteration
  }

  @Test
  void aRangeInsideTheCacheNeverAllocatesAndOneEndOutsideDoes() {
    assertTrue(Boxes.neverAllocates("java.lang.Integer", null, new Boxes.Range(-128, 127)));
    assertFalse(Boxes.neverAllocates("java.lang.Integer", null, new Boxes.Range(0, 128)));
    assertFalse(Boxes.neverAllocates("java.lang.Character", null, new Boxes.Range(-1, 10)));
    assertFalse(Boxes.neverAllocates("java.lang.Double", null, new Boxes.Range(0, 1)));
    assertFalse(Boxes.neverAllocates("java.lang.Integer", null, null));
    // a constant wins over a range
    assertFalse(Boxes.neverAllocates("java.lang.Integer", 300L, new Boxes.Range(0, 1)));
    assertEquals("0..199", new Boxes.Range(0, 199).toString());
  }
}
