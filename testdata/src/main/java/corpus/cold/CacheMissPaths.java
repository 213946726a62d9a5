package corpus.cold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Code that runs only on a cache miss (docs/design.md, "Cold paths"): a lookup found nothing, and
 * the code stores what it computes back where the lookup looked, so it runs once per key (or once
 * per object, for a field), not on every call. Loop allocations there are no warning. Each cold
 * case has a twin that is not a cache miss and is still reported.
 */
public class CacheMissPaths {
  private final Map<String, List<String>> labels = new HashMap<>();
  private final Map<String, List<String>> other = new HashMap<>();
  private final Map<String, String> joined = new HashMap<>();
  private static final Map<Integer, String> NAMES = new HashMap<>();
  private List<String> table;
  private List<String> spare;
  private static List<String> shared;
  private final String[] rows = new String[64];

  /** antlr4's Recognizer.getTokenTypeMap: built once per key, then read from the map. */
  List<String> labelsOf(String prefix, int n) {
    List<String> result = labels.get(prefix);
    if (result == null) {
      result = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        result.add(String.format("%s-%d", prefix, i)); // ok: VarargsAllocation, BoxingAllocation -- on a cache miss: once per prefix
      }
      labels.put(prefix, result);
    }
    return result;
  }

  /** The same shape, but the value goes into another map: every call misses again. */
  List<String> labelsElsewhere(String prefix, int n) {
    List<String> result = labels.get(prefix);
    if (result == null) {
      result = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        result.add(String.format("%s-%d", prefix, i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      other.put(prefix, result);
    }
    return result;
  }

  /** A hit returns early, but the miss stores under another key: the next lookup of key misses again. */
  String joinedUnderAnotherKey(String key, String alias, List<String> parts) {
    String all = joined.get(key);
    if (all != null) return all;
    all = "";
    for (String p : parts) all = all + p; // expect: StringConcatInLoop
    joined.put(alias, all);
    return all;
  }

  /** A null check on a fresh local is no lookup: this runs on every call. */
  List<String> labelsFresh(String prefix, int n) {
    List<String> result = null;
    if (n > 0) result = labels.get(prefix);
    List<String> built = null;
    if (built == null) {
      built = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        built.add(String.format("%s-%d", prefix, i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      labels.put(prefix, built);
    }
    return result != null ? result : built;
  }

  /**
   * A map the call creates is filled, not a cache: the "miss" after the duplicate check is the
   * normal path, taken for every new key on every call (antlr4's TokenStreamRewriter).
   */
  Map<String, String> indexOf(List<String> words) {
    Map<String, String> seen = new HashMap<>();
    for (String w : words) {
      if (seen.get(w) != null) throw new IllegalArgumentException("duplicate " + w);
      seen.put(w, String.format("%s:%d", w, w.length())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
    }
    return seen;
  }

  /** {@code !containsKey(k)} then {@code put(k, …)}: once per key. */
  String joinedOf(String key, List<String> parts) {
    if (!joined.containsKey(key)) {
      String all = "";
      for (String p : parts) {
        all = all + p; // ok: StringConcatInLoop -- on a cache miss: once per key
      }
      joined.put(key, all);
    }
    return joined.get(key);
  }

  /** The hit returns early: what follows runs only on a miss. */
  String nameOf(int code, int width) {
    String name = NAMES.get(code);
    if (name != null) {
      return name;
    }
    String s = "";
    for (int i = 0; i < width; i++) {
      s = s + (char) ('a' + (code + i) % 26); // ok: StringConcatInLoop -- on a cache miss: once per code
    }
    NAMES.put(code, s);
    return s;
  }

  /** A memoized field: computed once per object. */
  List<String> table(int n) {
    if (table == null) {
      List<String> t = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        t.add(String.format("row %d", i)); // ok: VarargsAllocation, BoxingAllocation -- on a cache miss: once per object
      }
      table = t;
    }
    return table;
  }

  /** The twin: it tests one field and sets another, so the test stays true. */
  List<String> spareTable(int n) {
    if (table == null) {
      List<String> t = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        t.add(String.format("row %d", i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
      spare = t;
    }
    return spare;
  }

  /** A memoized static field: computed once. */
  static List<String> shared(int n) {
    if (shared == null) {
      List<String> t = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        t.add(String.format("shared %d", i)); // ok: VarargsAllocation, BoxingAllocation -- on a cache miss: once
      }
      shared = t;
    }
    return shared;
  }

  /** An array of lazily built rows: once per element. */
  String row(int r, int width) {
    String s = rows[r];
    if (s == null) {
      s = "";
      for (int i = 0; i < width; i++) {
        s = s + r; // ok: StringConcatInLoop -- on a cache miss: once per element
      }
      rows[r] = s;
    }
    return s;
  }

  private final Map<String, List<String>> computed = new HashMap<>();
  private static final Map<String, List<String>> COMPUTED = new HashMap<>();

  /** computeIfAbsent on a field: the mapping function runs once per prefix, when the map has none. */
  List<String> labelsComputed(String prefix) {
    return computed.computeIfAbsent(prefix, p -> {
      List<String> r = new ArrayList<>(p.length());
      for (int i = 0; i < p.length(); i++) {
        r.add(String.format("%s-%d", p, i)); // ok: VarargsAllocation, BoxingAllocation -- on a cache miss: computeIfAbsent on a field runs the lambda once per prefix
      }
      return r;
    });
  }

  /** The same on a static field: once per prefix for the whole program. */
  static List<String> labelsShared(String prefix) {
    return COMPUTED.computeIfAbsent(prefix, p -> {
      List<String> r = new ArrayList<>(p.length());
      for (int i = 0; i < p.length(); i++) {
        r.add(String.format("%s-%d", p, i)); // ok: VarargsAllocation, BoxingAllocation -- on a cache miss: once per prefix
      }
      return r;
    });
  }

  /**
   * A function held in a local first: neither front end links it to the call (only a lambda made as
   * the argument is), so its body stays reported although it runs once per prefix. A known gap.
   */
  List<String> labelsThroughALocal(String prefix) {
    java.util.function.Function<String, List<String>> make = p -> {
      List<String> r = new ArrayList<>(p.length());
      for (int i = 0; i < p.length(); i++) {
        r.add(String.format("%s-%d", p, i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- part of the varargs call's finding; the cache miss through a local function is a known gap
      }
      return r;
    };
    return computed.computeIfAbsent(prefix, make);
  }

  /** A map made per call is being filled, not a cache: the function runs once per new prefix on every call. */
  Map<String, List<String>> labelsPerCall(List<String> prefixes) {
    Map<String, List<String>> local = new HashMap<>(); // ok: UnpresizedCollection -- computeIfAbsent: the prefixes may repeat
    for (String prefix : prefixes) {
      local.computeIfAbsent(prefix, p -> {
        List<String> r = new ArrayList<>(p.length());
        for (int i = 0; i < p.length(); i++) {
          r.add(String.format("%s-%d", p, i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
        }
        return r;
      });
    }
    return local;
  }

  /** A map the caller hands in: the method cannot tell it is kept, so every call may run the function. */
  static List<String> labelsIn(Map<String, List<String>> given, String prefix) {
    return given.computeIfAbsent(prefix, p -> {
      List<String> r = new ArrayList<>(p.length());
      for (int i = 0; i < p.length(); i++) {
        r.add(String.format("%s-%d", p, i)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- part of the varargs call's finding
      }
      return r;
    });
  }
}
