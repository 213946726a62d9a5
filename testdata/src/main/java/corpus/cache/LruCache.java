package corpus.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A size-bounded LRU cache with a loader, bulk loading and statistics. */
final class LruCache<K, V> {
  private final int maxEntries;
  private final Function<K, V> loader;
  private final LinkedHashMap<K, V> entries;
  private long hits;
  private long misses;
  private String evictionLog = "";

  LruCache(int maxEntries, Function<K, V> loader) {
    this.maxEntries = maxEntries;
    this.loader = loader;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) { // ok: CapturingLambda -- an anonymous class outside loops in a cold constructor
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > LruCache.this.maxEntries;
      }
    };
  }

  V get(K key) {
    V v = entries.get(key);
    if (v != null) {
      hits++;
      return v;
    }
    misses++;
    v = loader.apply(key);
    entries.put(key, v);
    return v;
  }

  Map<K, V> getAll(Collection<K> keys) {
    Map<K, V> result = new HashMap<>(keys.size()); // expect: HashMapCapacity
    for (K k : keys) {
      result.put(k, get(k));
    }
    return result;
  }

  Map<K, V> loadAll(List<K> keys) {
    Map<K, V> loaded = new LinkedHashMap<>(); // ok: UnpresizedCollection -- computeIfAbsent
    for (K k : keys) {
      loaded.computeIfAbsent(k, loader); // ok: CapturingLambda -- passes an existing function, no lambda here
    }
    return loaded;
  }

  List<V> values(List<K> keys) {
    List<V> out = new ArrayList<>(); // expect: UnpresizedCollection(keys.size())
    for (K k : keys) {
      out.add(entries.getOrDefault(k, loader.apply(k)));
    }
    return out;
  }

  void warm(List<K> keys) {
    for (K k : keys) {
      entries.computeIfAbsent(k, key -> loader.apply(key)); // expect: CapturingLambda
      entries.computeIfAbsent(k, loader::apply); // expect: CapturingLambda
    }
  }

  void evict(int count) {
    List<K> victims = new ArrayList<>(); // ok: UnpresizedCollection -- break before the add
    int taken = 0;
    for (K k : entries.keySet()) {
      if (taken++ == count) {
        break;
      }
      victims.add(k);
    }
    for (K k : victims) {
      entries.remove(k);
      evictionLog = evictionLog + k + ";"; // expect: StringConcatInLoop
    }
  }

  Map<String, Long> stats() {
    Map<String, Long> s = new LinkedHashMap<>(); // ok: UnpresizedCollection -- no loop
    s.put("hits", hits); // ok: BoxingAllocation -- outside loops, cold method
    s.put("misses", misses); // ok: BoxingAllocation -- outside loops, cold method
    s.put("size", (long) entries.size()); // ok: BoxingAllocation -- outside loops, cold method
    return s;
  }

  List<String> statLines() {
    Map<String, Long> current = stats();
    List<String> lines = new ArrayList<>(); // expect: UnpresizedCollection
    for (Map.Entry<String, Long> e : current.entrySet()) {
      lines.add(e.getKey() + "=" + e.getValue());
    }
    return lines;
  }
}
