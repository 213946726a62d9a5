package corpus.boxing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Boxes of a value whose type keeps it in the cache (docs/design.md, "Boxing"): a {@code byte}
 * widened to an {@code int} or {@code long} is within -128..127 whatever it was read from, so its
 * box never allocates; an unsigned byte ({@code b & 0xFF}) or a {@code short} has no such bound.
 */
@dev.noescape.annotations.HotPath public class ByteRanges { // hot, so that its boxes are warnings whatever requires them: the file is about ranges
  private final List<Integer> seen = new ArrayList<>();
  private final Map<Integer, String> names = new HashMap<>();

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

}
