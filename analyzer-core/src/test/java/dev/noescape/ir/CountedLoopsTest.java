package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.noescape.ir.CountedLoops.Comparison;
import dev.noescape.ir.CountedLoops.Count;
import dev.noescape.ir.CountedLoops.Operand;
import dev.noescape.ir.CountedLoops.Update;
import org.junit.jupiter.api.Test;

/** The one trip-count formula both front ends use, on the loop shapes they hand it. */
class CountedLoopsTest {
  private static Operand name(String t) {
    return new Operand(t, null, false, false);
  }

  private static Operand num(long n) {
    return new Operand(Long.toString(n), n, false, false);
  }

  private static String text(Count c) {
    return c.trips() == null ? "none: " + c.reason() : c.trips().text();
  }

  @Test
  void forwardLoops() {
    assertEquals("n", text(CountedLoops.of(num(0), name("n"), 1, Comparison.LT, Update.AFTER_BODY)));
    assertEquals("n + 1", text(CountedLoops.of(num(0), name("n"), 1, Comparison.LE, Update.AFTER_BODY)));
    assertEquals("n - a", text(CountedLoops.of(name("a"), name("n"), 1, Comparison.LT, Update.AFTER_BODY)));
    assertEquals("n - (a + 1)", text(CountedLoops.of(new Operand("a + 1", null, true, false), name("n"), 1,
        Comparison.LT, Update.AFTER_BODY)), "an additive start is parenthesized on the right of '-'");
    assertEquals("(n + 2) / 3", text(CountedLoops.of(num(0), name("n"), 3, Comparison.LT, Update.AFTER_BODY)));
    assertEquals("n", text(CountedLoops.of(num(0), name("n"), 1, Comparison.NE, Update.AFTER_BODY)));
    assertEquals("none: not a counted loop", text(CountedLoops.of(num(0), name("n"), -1, Comparison.LT, Update.AFTER_BODY)));
    assertEquals("n", text(CountedLoops.of(num(-1), name("n"), 1, Comparison.LT, Update.BEFORE_TEST)), "++i < n from -1");
  }

  @Test
  void decrementingLoops() {
    // for (i = len; --i >= 0;): the test sees len - 1 first
    assertEquals("len", text(CountedLoops.of(name("len"), num(0), -1, Comparison.GE, Update.BEFORE_TEST)));
    // for (i = len; i-- > 0;): the test sees len, the body len - 1
    assertEquals("len", text(CountedLoops.of(name("len"), num(0), -1, Comparison.GT, Update.AFTER_TEST)));
    assertEquals("len", text(CountedLoops.of(name("len"), num(0), -1, Comparison.GT, Update.AFTER_BODY)));
    assertEquals("len", text(CountedLoops.of(new Operand("len - 1", null, true, false), num(0), -1, Comparison.GE,
        Update.AFTER_BODY)));
    assertEquals("len", text(CountedLoops.of(name("len"), num(0), -1, Comparison.NE, Update.AFTER_BODY)));
    assertEquals("len - 1", text(CountedLoops.of(name("len"), num(0), -1, Comparison.GT, Update.BEFORE_TEST)));
    assertEquals("(len + 1) / 2", text(CountedLoops.of(new Operand("len - 1", null, true, false), num(0), -2,
        Comparison.GE, Update.AFTER_BODY)), "len - 1, len - 3, …, 0 or 1");
    assertEquals("none: condition uses != with a step other than 1",
        text(CountedLoops.of(name("len"), num(0), -2, Comparison.NE, Update.AFTER_BODY)));
  }

  @Test
  void constantEndsGiveTheIndexRangeTheBodySees() {
    Count pre = CountedLoops.of(num(11), num(0), -1, Comparison.GE, Update.BEFORE_TEST);
    assertEquals(11L, pre.trips().constant());
    assertEquals(new Boxes.Range(0, 10), pre.indexRange());
    Count post = CountedLoops.of(num(128), num(0), -1, Comparison.GT, Update.AFTER_TEST);
    assertEquals(128L, post.trips().constant());
    assertEquals(new Boxes.Range(0, 127), post.indexRange(), "i-- > 0 from 128: the body sees 127..0");
    Count up = CountedLoops.of(num(0), new Operand("CAP", 13L, false, false), 1, Comparison.LT, Update.AFTER_BODY);
    assertEquals("CAP", up.trips().text());
    assertEquals(13L, up.trips().constant());
    assertEquals(new Boxes.Range(0, 12), up.indexRange());
    Count none = CountedLoops.of(num(0), num(0), 1, Comparison.LT, Update.AFTER_BODY);
    assertEquals(0L, none.trips().constant());
    assertNull(none.indexRange());
  }
}
