package corpus.boxing;

import java.util.HashMap;
import java.util.Map;

/**
 * One finding per call: a plain call that boxes several of its arguments is one place to change,
 * reported once at its first box, naming the others (docs/design.md, "Boxing"). Arguments are on
 * lines of their own where the test must see which box carries the finding.
 */
public class CallBoxes {
  /** The project's own functional interface, as commons-io's IOTriFunction: its generic parameters take boxes. */
  @FunctionalInterface
  public interface Reader<B, O, L, R> {
    R read(B buffer, O offset, L length);
  }

  private final Map<Integer, Integer> seen = new HashMap<>();

  /** commons-io's IOUtils.read: offset and remaining boxed for one call, one finding with one advice. */
  int fill(Reader<byte[], Integer, Integer, Integer> reader, byte[] buffer, int offset, int length) {
    int remaining = length;
    while (remaining > 0) {
      int location = length - remaining;
      int n = reader.read(buffer,
          offset + location, // expect: BoxingAllocation(in the same call, boxing int to Integer when remaining)
          remaining); // ok: BoxingAllocation -- the same call's second box: part of the line above's finding
      if (n < 0) {
        break;
      }
      remaining -= n;
    }
    return length - remaining;
  }

  /** Both boxes on one line: one finding there, not two. */
  int fillOneLine(Reader<byte[], Integer, Integer, Integer> reader, byte[] buffer, int chunks, int size) {
    int total = 0;
    for (int i = 0; i < chunks; i++) {
      total += reader.read(buffer, i * size, size - 1); // expect: BoxingAllocation(in the same call)
    }
    return total;
  }

  /** Two calls on one line are two calls: one finding each. */
  int twoCalls(Reader<byte[], Integer, Integer, Integer> reader, byte[] buffer, int chunks, int size) {
    int total = 0;
    for (int i = 0; i < chunks; i++) {
      total += reader.read(buffer, i * size, null) + reader.read(buffer, null, i * size - 1); // expect: BoxingAllocation, BoxingAllocation
    }
    return total;
  }

  /** A hot method: key and value of one put are one finding, each box with its own advice. */
  @dev.noescape.annotations.HotPath void record(int[] keys, int[] counts) {
    for (int i = 0; i < keys.length; i++) {
      int key = keys[i];
      int count = counts[i];
      seen.put(key, // expect: BoxingAllocation(for key: Map.put takes an object)
          count); // ok: BoxingAllocation -- the same call's second box: part of the line above's finding
    }
  }

  /**
   * Two boxes of one call in two tiers: the key can change on every iteration and Map requires
   * it (forced: information at -m=2), the value is the same on every iteration (a warning: box it
   * once before the loop). The warning is not hidden in the information's message.
   */
  void mark(int[] keys, int flag) {
    for (int key : keys) {
      seen.put(key, // ok: BoxingAllocation -- forced: a changing key Map requires (information at -m=2)
          flag); // expect: BoxingAllocation(box it once before the loop)
    }
  }
}
