package corpus.boxing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Boxing conversions at the edges of the valueOf caches: Integer, Short and Long cache -128..127,
 * Character 0..127, Boolean and Byte are always cached, Float and Double never are. Only loops
 * (and hot methods) are checked; a constant is judged by its value, anything else is reported.
 */
final class BoxingCaches {
  private static final int SMALL_LIMIT = 50;
  private static final int BIG_LIMIT = 5000;

  private final List<Object> sink = new ArrayList<>();

  void constants(int rounds) {
    for (int i = 0; i < rounds; i++) {
      sink.add(5); // ok: BoxingAllocation -- 5 is inside Integer's cache
      sink.add(Integer.valueOf(100)); // ok: BoxingAllocation -- explicit valueOf of a cached constant
      sink.add(127); // ok: BoxingAllocation -- upper edge of the cache
      sink.add(-128); // ok: BoxingAllocation -- lower edge of the cache
      sink.add(128); // expect: BoxingAllocation
      sink.add(Integer.valueOf(1000)); // expect: BoxingAllocation
      sink.add(-129); // expect: BoxingAllocation
      sink.add(SMALL_LIMIT); // ok: BoxingAllocation -- static final constant 50
      sink.add(BIG_LIMIT); // expect: BoxingAllocation
      sink.add(-1L); // ok: BoxingAllocation -- Long caches -128..127 too
      sink.add(Long.valueOf(4096L)); // expect: BoxingAllocation
      sink.add('a'); // ok: BoxingAllocation -- Character caches 0..127
      sink.add('\u00e9'); // expect: BoxingAllocation
      sink.add((short) 100); // ok: BoxingAllocation -- Short cache
      sink.add((short) 300); // expect: BoxingAllocation
      sink.add(true); // ok: BoxingAllocation -- Boolean never allocates
      sink.add(Boolean.valueOf(i > rounds / 2)); // ok: BoxingAllocation -- Boolean.valueOf returns TRUE/FALSE
      sink.add((byte) i); // ok: BoxingAllocation -- every Byte is cached
      sink.add(0.0); // expect: BoxingAllocation
      sink.add(1.5f); // expect: BoxingAllocation
      sink.add(i); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void localConstants(int rounds) {
    for (int i = 0; i < rounds; i++) {
      final int window = 16;
      sink.add(window); // ok: BoxingAllocation -- a final local with a constant initializer is a constant
      int copy = 16;
      sink.add(copy); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  int countMatches(List<String> words, String target) {
    Integer count = 0; // ok: BoxingAllocation -- outside any loop, and 0 is cached
    for (String w : words) {
      if (w.equals(target)) {
        count++; // expect: BoxingAllocation
      }
    }
    return count;
  }

  double total(double[] prices) {
    Double sum = 0.0; // ok: BoxingAllocation -- outside loops, not a hot method
    for (double p : prices) {
      sum += p; // expect: BoxingAllocation
    }
    return sum;
  }

  List<String> lookupNames(int[] ids, Map<Integer, String> names) {
    List<String> out = new ArrayList<>(ids.length); // ok: UnpresizedCollection -- already presized
    for (int id : ids) {
      out.add(names.get(id)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return out;
  }

  void removeAll(List<Integer> pending, int[] done) {
    for (int id : done) {
      pending.remove(Integer.valueOf(id)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  Map<String, Integer> wordCounts(String[] words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      counts.put(w, counts.getOrDefault(w, 0) + 1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: BoxingAllocation -- getOrDefault's 0 is cached; ok: UnpresizedCollection -- counting pattern
    }
    return counts;
  }

  Map<String, Integer> mergeCounts(String[] words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      counts.merge(w, 1, Integer::sum); // ok: BoxingAllocation -- 1 is cached, Integer::sum boxes inside the metafactory adapter; ok: CapturingLambda -- static method reference; ok: UnpresizedCollection -- merge
    }
    return counts;
  }

  Map<String, Long> weightedCounts(String[] words, int weight) {
    Map<String, Long> counts = new HashMap<>();
    for (String w : words) {
      counts.merge(w, (long) weight, Long::sum); // expect: BoxingAllocation // ok: UnpresizedCollection -- merge
    }
    return counts;
  }

  Map<String, Double> revenue(String[] regions, double[] amounts) {
    Map<String, Double> byRegion = new HashMap<>();
    for (int i = 0; i < regions.length; i++) {
      byRegion.merge(regions[i], amounts[i], Double::sum); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: UnpresizedCollection -- merge
    }
    return byRegion;
  }

  int firstFree(Set<Integer> taken, int start) {
    int candidate = start;
    while (taken.contains(candidate)) { // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      candidate++;
    }
    return candidate;
  }

  void unboxingIsFree(List<Integer> values) {
    long total = 0;
    for (int v : values) { // ok: BoxingAllocation -- unboxing does not allocate
      total += v;
    }
    for (Integer v : values) {
      Integer same = v; // ok: BoxingAllocation -- no conversion at all
      total += same;
    }
    sink.add(total); // ok: BoxingAllocation -- outside loops, not a hot method
  }

  Supplier<Integer> sizeSupplier(List<String> list) {
    // The lambda is neither in a loop nor passed to an iterating method: its body is cold.
    return () -> list.size() * 2; // ok: BoxingAllocation -- cold lambda body; ok: CapturingLambda -- created once, outside loops
  }
}
