package corpus.boxing;

import dev.noescape.annotations.HotPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Forced boxes (docs/design.md, "Boxing"): a box its target requires, of a value that can change on
 * every iteration, that no local change removes, is information at -m=2, not a warning. It stays a
 * warning when the value is the same on every iteration (box it once before the loop), when it is
 * boxed again in the loop (box once, reuse), when it is merged into one key (sum, merge once), when
 * the target has a primitive form (IntPredicate, a
 * primitive version of the project's own functional interface), when it is appended to a list the
 * method owns and fills a known number of times (a primitive array of that length), and in a hot
 * method.
 */
public class ForcedBoxes {
  /** The project's own functional interface: a box passed to its type variables has a local fix. */
  @FunctionalInterface
  interface Reader<B, I, R> {
    R read(B buffer, I offset, I length);
  }

  private final List<Integer> ids = new ArrayList<>();
  private final Map<Integer, String> names = new HashMap<>();
  private int cursor;

  /** What the caller gets: a list of objects is the signature. */
  public List<Integer> positions(String text, char c) {
    List<Integer> out = new ArrayList<>(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        out.add(i); // ok: BoxingAllocation -- forced: List.add requires the box and i changes (information at -m=2)
      }
    }
    return out;
  }

  /** The same value on every iteration: box it once before the loop. */
  void tagAll(List<String> keys, int tag) {
    for (String k : keys) {
      names.put(tag, k); // expect: BoxingAllocation(box it once before the loop)
    }
  }

  /** Arithmetic of values the loop does not assign is as invariant as they are. */
  void offsetAll(List<String> keys, int base) {
    int step = 2;
    for (String k : keys) {
      names.put(base + step, k); // expect: BoxingAllocation(box it once before the loop)
    }
  }

  /** Invariant in an inner while that usually runs zero times (commons-math3's SmallPrimes): boxing before it would box every p: box it on first use. */
  void factor(int n, int[] primes, List<Integer> factors) {
    for (int p : primes) {
      while (n % p == 0) {
        n /= p;
        factors.add(p); // expect: BoxingAllocation(box it once, on first use)
      }
    }
  }

  /** The twin: the same while in no other loop: one box before it costs at most one box per call. */
  void factorOnce(int n, int p, List<Integer> factors) {
    while (n % p == 0) {
      n /= p;
      factors.add(p); // expect: BoxingAllocation(box it once before the loop)
    }
  }

  /** A for loop's initializer runs once, before the loop. */
  void fromInit(int n) {
    for (int first = n * 2, i = 0; i < n; i++) {
      ids.add(first); // expect: BoxingAllocation(first is the same on every iteration)
    }
  }

  /** Assigned in the loop, even to the same value: not proven invariant. */
  void reassigned(List<String> keys, int tag) {
    int t = 0;
    for (String k : keys) {
      t = tag;
      names.put(t, k); // ok: BoxingAllocation -- forced: t is assigned in the loop, so the analysis does not call it invariant (information at -m=2)
    }
  }

  /** A field may change on every iteration (a call in the loop may write it): not invariant. */
  void fromField(List<String> keys) {
    for (String k : keys) {
      names.put(cursor, k); // ok: BoxingAllocation -- forced: a field read is never proven invariant (information at -m=2)
    }
  }

  /** Returned as an object: only a different return type removes the box. */
  List<Object> lengths(List<String> words) {
    List<Object> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(w.length()); // ok: BoxingAllocation -- forced: List.add requires it (information at -m=2)
    }
    return out;
  }

  private final Map<String, Long> totals = new HashMap<>();

  /** Merged into a key the loop does not change: sum in a local, merge once after the loop. */
  void addAll(String name, long[] deltas) {
    for (long d : deltas) {
      totals.merge(name, d, Long::sum); // expect: BoxingAllocation(merge once after the loop) // ok: CapturingLambda -- static method reference
    }
  }

  /** A key per element: only a primitive map would remove the box. */
  void addEach(String[] names, long[] deltas) {
    for (int i = 0; i < names.length; i++) {
      totals.merge(names[i], deltas[i], Long::sum); // ok: BoxingAllocation -- forced: a key per element (information at -m=2) // ok: CapturingLambda -- static method reference
    }
  }

  /** Boxed twice in one iteration: one box kept in a local serves both. */
  void move(int[] from) {
    for (int id : from) {
      if (names.containsKey(id)) { // expect: BoxingAllocation(boxed again on line @+1)
        names.remove(id);
      }
    }
  }

  /** A predicate the method makes itself: IntPredicate takes the int without a box. */
  int count(int[] values) {
    Predicate<Integer> even = v -> v % 2 == 0; // ok: CapturingLambda -- captures nothing
    int n = 0;
    for (int v : values) {
      if (even.test(v)) n++; // expect: BoxingAllocation(IntPredicate)
    }
    return n;
  }

  /** Already the fix: no box. */
  int countPrimitive(int[] values) {
    IntPredicate even = v -> v % 2 == 0; // ok: CapturingLambda -- captures nothing
    int n = 0;
    for (int v : values) {
      if (even.test(v)) n++; // ok: BoxingAllocation -- no box
    }
    return n;
  }

  /** A type variable of the project's own functional interface: a primitive version of it removes the boxes. */
  static int readFully(Reader<byte[], Integer, Integer> in, byte[] buffer) {
    int offset = 0;
    while (offset < buffer.length) {
      Integer n = in.read(buffer, offset, buffer.length - offset); // expect: BoxingAllocation(the project's functional interface) -- offset and the length boxed for one call: one finding (CallBoxes)
      if (n <= 0) break;
      offset += n;
    }
    return offset;
  }

  /** A list the method owns, filled once per counted iteration: a long[count] holds the values. */
  long worst(int count) {
    List<Long> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      samples.add(t); // expect: BoxingAllocation(samples is local to ForcedBoxes.worst and holds count values: a long[count] holds them without boxes)
    }
    long worst = 0;
    for (long t : samples) worst = Math.max(worst, t);
    return worst;
  }

  /** The same list returned: the caller's signature wants the list of objects. */
  List<Long> samples(int count) {
    List<Long> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      samples.add(t); // ok: BoxingAllocation -- forced: the list escapes, returned (information at -m=2)
    }
    return samples;
  }

  /** The same list passed to another method: the callee's signature wants the list of objects. */
  long report(int count) {
    List<Long> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      samples.add(t); // ok: BoxingAllocation -- forced: the list is passed to worstOf (information at -m=2)
    }
    return worstOf(samples);
  }

  private static long worstOf(List<Long> samples) {
    long worst = 0;
    for (long t : samples) worst = Math.max(worst, t);
    return worst;
  }

  /** A local list filled by a reader loop: no length is known before the loop to size an array. */
  static int longest(BufferedReader in) throws IOException {
    List<Integer> lengths = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      int n = line.length();
      lengths.add(n); // ok: BoxingAllocation -- forced: the number of lines is not known before the loop (information at -m=2)
    }
    int longest = 0;
    for (int n : lengths) longest = Math.max(longest, n);
    return longest;
  }

  /** A local map filled per counted iteration stays forced: a primitive array indexed by the key is not shown to fit. */
  static int distinct(long[] keys) {
    Map<Long, String> seen = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      seen.put(k, "x"); // ok: BoxingAllocation -- forced: a map is looked up by key (information at -m=2)
    }
    return seen.size();
  }

  /** In a hot method every allocation is shown: the forced box is a warning that says what would remove it. */
  @HotPath
  void record(int[] values) {
    for (int v : values) {
      ids.add(v); // expect: BoxingAllocation(only a primitive collection or an array removes it)
    }
  }
}
