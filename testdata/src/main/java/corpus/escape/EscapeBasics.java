// corpus-rules: HeapEscape
package corpus.escape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The basic ways an allocation escapes its method (GlobalEscape: returned, thrown, stored into a
 * static, into {@code this}, into a parameter's field, array or collection, handed to unknown
 * code) and the allocations that stay local. Every escaping allocation in this file is marked.
 * The class has a single (implicit) constructor, so each field initializer runs in one place.
 */
final class EscapeBasics {
  interface Listener {
    void onEvent(Object event);
  }

  static final class Node {
    final String value;
    Node next;

    Node(String value) {
      this.value = value;
    }
  }

  record Point(int x, int y) {}

  private static final List<String> REGISTRY = new ArrayList<>(); // expect: HeapEscape(static field)
  private static Object lastSeen;

  private final Map<String, Integer> counts = new HashMap<>(); // expect: HeapEscape
  private Object current;
  private Integer retries;
  private Boolean enabled;

  // ---- escapes ---------------------------------------------------------------------------------

  static StringBuilder newBuffer(int size) {
    return new StringBuilder(size); // expect: HeapEscape(returned)
  }

  static int[] letterHistogram(String text) {
    int[] histogram = new int[26]; // expect: HeapEscape(returned)
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        histogram[c - 'a']++;
      }
    }
    return histogram;
  }

  static String label(String name, int id) {
    return name + "#" + id; // expect: HeapEscape(returned)
  }

  static void remember(String a, String b) {
    lastSeen = new Point(a.length(), b.length()); // expect: HeapEscape(static field)
  }

  void track(String id) {
    this.current = new Node(id); // expect: HeapEscape
  }

  void setRetries(int n) {
    retries = n; // expect: HeapEscape
  }

  static void append(Node tail, String value) {
    tail.next = new Node(value); // expect: HeapEscape
  }

  static void fill(Point[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = new Point(i, -i); // expect: HeapEscape
    }
  }

  static void collect(List<Point> sink, int x) {
    sink.add(new Point(x, 0)); // expect: HeapEscape
  }

  static void notify(Listener listener, int x, int y) {
    listener.onEvent(new Point(x, y)); // expect: HeapEscape
  }

  static void checkSize(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("negative size"); // expect: HeapEscape(thrown)
    }
  }

  static List<String> triple(String a, String b, String c) {
    return Arrays.asList(a, b, c); // expect: HeapEscape
  }

  static void register(String name) {
    StringBuilder key = new StringBuilder("svc:"); // ok: HeapEscape -- only its toString() leaves
    key.append(name);
    REGISTRY.add(key.toString());
  }

  // ---- stays local -----------------------------------------------------------------------------

  static String joinLocal(List<String> parts) {
    StringBuilder sb = new StringBuilder(); // ok: HeapEscape -- only toString() leaves the method
    for (String p : parts) {
      sb.append(p).append(',');
    }
    return sb.toString();
  }

  static int distinctCount(List<String> words) {
    List<String> seen = new ArrayList<>(); // ok: HeapEscape -- local; only its size leaves
    for (String w : words) {
      if (!seen.contains(w)) {
        seen.add(w);
      }
    }
    return seen.size();
  }

  static double median3(double a, double b, double c) {
    double[] tmp = {a, b, c}; // ok: HeapEscape -- sorted in place, never leaves
    Arrays.sort(tmp);
    return tmp[1];
  }

  static int hash(String name, String code) {
    return Objects.hash(name, code); // ok: HeapEscape -- Objects.hash does not keep its array
  }

  static int manhattan(int x, int y) {
    Point p = new Point(x, y); // ok: HeapEscape -- only its components are read
    return Math.abs(p.x()) + Math.abs(p.y());
  }

  static int maxFrequency(String[] words) {
    Map<String, Integer> freq = new HashMap<>(); // ok: HeapEscape -- a local map; only a count leaves
    for (String w : words) {
      freq.merge(w, 1, Integer::sum); // ok: HeapEscape -- 1 is cached and Integer::sum captures nothing
    }
    int best = 0;
    for (int n : freq.values()) {
      best = Math.max(best, n);
    }
    return best;
  }

  void resetRetries() {
    retries = 3; // ok: HeapEscape -- Integer.valueOf(3) is cached: no allocation
    enabled = true; // ok: HeapEscape -- Boolean never allocates
  }

  int counters(String key) {
    int[] box = new int[1]; // ok: HeapEscape -- a local array
    box[0] = counts.getOrDefault(key, 0) + key.length(); // ok: HeapEscape -- 0 is cached
    return box[0];
  }

  static long totalQuantity(List<Integer> quantities) {
    Long total = 0L;
    for (Integer q : quantities) {
      total += q; // ok: HeapEscape -- each new Long dies here: 'return total' unboxes it to long
    }
    return total;
  }

  static int lengthOf(Integer boxedLength) {
    Integer doubled = boxedLength * 2; // ok: HeapEscape -- passed to an int parameter: only the int flows on
    return Math.abs(doubled);
  }

  boolean isEnabled() {
    return enabled != null && enabled && current != null && retries != null && lastSeen != null;
  }
}
