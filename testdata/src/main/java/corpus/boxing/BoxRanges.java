package corpus.boxing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boxes of values whose range is proven (docs/design.md, "Boxing"): the index of a counted loop
 * with constant ends stays inside the Integer cache, so its box never allocates. A range outside
 * the cache is reported, and the message says it.
 */
@dev.noescape.annotations.HotPath public class BoxRanges { // hot, so that its boxes are warnings whatever requires them: the file is about ranges
  private final List<Integer> seen = new ArrayList<>();
  private final Map<Integer, String> names = new HashMap<>();

  Integer[] smallIntegers() {
    Integer[] out = new Integer[13];
    for (int i = 0; i < 13; i++) {
      out[i] = Integer.valueOf(i); // ok: BoxingAllocation -- i is 0..12: always from the Integer cache
    }
    return out;
  }

  void months() {
    for (int m = 1; m <= 12; m++) {
      seen.add(m); // ok: BoxingAllocation -- 1..12: cached
    }
  }

  void countdown() {
    for (int k = 127; k >= -128; k--) {
      seen.add(k); // ok: BoxingAllocation -- -128..127: the whole cache, no more
    }
  }

  void wide() {
    for (int i = 0; i < 200; i++) {
      seen.add(i); // expect: BoxingAllocation(values 0..199)
    }
  }

  void scaled() {
    for (int i = 0; i < 13; i++) {
      seen.add(i * 20); // expect: BoxingAllocation -- an expression of the index: no range is proven for it
    }
  }

  void unbounded(int n) {
    for (int i = 0; i < n; i++) {
      seen.add(i); // expect: BoxingAllocation -- the bound is not a constant
    }
  }

  void codes(String s) {
    for (int i = 0; i < 10 && i < s.length(); i++) {
      names.put((int) s.charAt(i), "c"); // expect: BoxingAllocation -- a char read from a string is not assumed small
    }
  }
}
