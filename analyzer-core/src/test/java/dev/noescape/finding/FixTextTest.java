package dev.noescape.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fix text both fix writers share with the rules. */
class FixTextTest {

  @Test
  void ceilCapacityParenthesizesOnlyWhatNeedsIt() {
    assertEquals("(int) Math.ceil(n / 0.75)", FixText.ceilCapacity("n"));
    assertEquals("(int) Math.ceil(this.users.size() / 0.75)", FixText.ceilCapacity(" this.users.size() "));
    assertEquals("(int) Math.ceil((a + b) / 0.75)", FixText.ceilCapacity("a + b"));
    assertEquals("(int) Math.ceil((a + b) / 0.75)", FixText.ceilCapacity("(a + b)"));
    assertEquals("(int) Math.ceil(((a) + (b)) / 0.75)", FixText.ceilCapacity("(a) + (b)"));
  }

  @Test
  void ceilCapacitySizeReadsBackTheSize() {
    assertEquals("ids.size()", FixText.ceilCapacitySize(FixText.ceilCapacity("ids.size()")));
    assertEquals("(a + b)", FixText.ceilCapacitySize(FixText.ceilCapacity("a + b")));
    assertNull(FixText.ceilCapacitySize("ids.size()"));
  }

  @Test
  void namesToResolveSkipKeywordsLiteralsAndUnqualifiedCalls() {
    assertEquals(List.of("Math", "n"), FixText.namesToResolve("(int) Math.ceil(n / 0.75)"));
    assertEquals(List.of("users"), FixText.namesToResolve("users.size() + size() + \"a b\".length()"));
    assertEquals(List.of(), FixText.namesToResolve("'x' + \"y z\""));
  }

  @Test
  void nextCodeCharSkipsWhiteSpaceAndComments() {
    String src = "new X<> /* a ( */ // b (\n  (";
    assertEquals(src.length() - 1, FixText.nextCodeChar(src, 7, -1));
    assertEquals(-1, FixText.nextCodeChar("  /* open", 0, -1));
    assertEquals(-1, FixText.nextCodeChar(null, 0, -1));
  }
}
