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

  /** A byte widened to an int is always within -128..127 (commons-math3's RandomDataGenerator.nextHexString): cached. */
  void bytes(byte[] data) {
    for (int i = 0; i < data.length; i++) {
      seen.add(Integer.valueOf(data[i])); // ok: BoxingAllocation -- a byte's values are -128..127: always from the Integer cache
      names.put((int) data[i], "b"); // ok: BoxingAllocation -- a cast widens the byte, its values stay -128..127
    }
  }

  /** A byte parameter: its type alone bounds it. */
  Long widened(byte b) {
    Long out = null;
    for (int i = 0; i < 3; i++) {
      out = Long.valueOf(b); // ok: BoxingAllocation -- a byte: -128..127, inside Long's cache
    }
    return out;
  }

  /** The twins: an unsigned byte is 0..255, a short spans more than the cache: both allocate. */
  void unsignedAndShort(byte[] data, short[] wide) {
    for (int i = 0; i < data.length; i++) {
      seen.add(Integer.valueOf(data[i] & 0xFF)); // expect: BoxingAllocation -- data[i] & 0xFF is an int of 0..255, which passes the cache
      seen.add(Integer.valueOf(wide[i])); // expect: BoxingAllocation -- a short has no such guarantee
    }
  }

  void codes(String s) {
    for (int i = 0; i < 10 && i < s.length(); i++) {
      names.put((int) s.charAt(i), "c"); // expect: BoxingAllocation -- a char read from a string is not assumed small
    }
  }
}
