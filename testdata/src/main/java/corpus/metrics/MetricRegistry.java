package corpus.metrics;

import dev.noescape.annotations.NoAllocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Counters, gauges and histograms keyed by name and tags, exported as text. */
final class MetricRegistry {
  record Key(String name, Map<String, String> tags) {}

  static final class Histogram {
    final long[] buckets;
    final double[] bounds;

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new long[bounds.length + 1];
    }

    @NoAllocation
    void observe(double value) {
      int i = 0;
      while (i < bounds.length && value > bounds[i]) {
        i++;
      }
      buckets[i]++;
    }
  }

  private final Map<Key, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<Key, Supplier<Double>> gauges = new ConcurrentHashMap<>();
  private final Map<String, Histogram> histograms = new HashMap<>();

  void increment(String name, Map<String, String> tags) {
    counters.computeIfAbsent(new Key(name, tags), k -> new LongAdder()).increment(); // ok: CapturingLambda -- captures nothing
  }

  void registerQueueGauges(Map<String, Collection<?>> queues) {
    for (Map.Entry<String, Collection<?>> e : queues.entrySet()) {
      Collection<?> q = e.getValue();
      gauges.put(new Key("queue.size", Map.of("queue", e.getKey())), () -> (double) q.size()); // expect: CapturingLambda // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: VarargsAllocation -- Map.of(K, V)
    }
  }

  void registerConstants(List<String> names) {
    for (String n : names) {
      gauges.put(new Key(n, Map.of()), () -> 1.0); // expect: BoxingAllocation // ok: CapturingLambda -- captures nothing; ok: VarargsAllocation -- Map.of() is fixed-arity
    }
  }

  Map<String, Long> snapshotCounters() {
    Map<String, Long> snapshot = new TreeMap<>();
    for (Map.Entry<Key, LongAdder> e : counters.entrySet()) {
      snapshot.merge(e.getKey().name(), e.getValue().sum(), Long::sum); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return snapshot;
  }

  Map<String, Double> snapshotGauges() {
    Map<String, Double> values = new HashMap<>(); // expect: UnpresizedCollection
    for (Map.Entry<Key, Supplier<Double>> e : gauges.entrySet()) {
      values.put(e.getKey().name(), e.getValue().get());
    }
    return values;
  }

  Map<String, Histogram> histograms(List<String> names, double[] bounds) {
    Map<String, Histogram> created = new HashMap<>(names.size()); // expect: HashMapCapacity
    for (String n : names) {
      created.put(n, histograms.computeIfAbsent(n, k -> new Histogram(bounds))); // expect: CapturingLambda
    }
    return created;
  }

  Map<String, Integer> tagCardinality() {
    Map<String, Integer> cardinality = new HashMap<>(); // ok: UnpresizedCollection -- counting pattern
    for (Key k : counters.keySet()) {
      for (String tag : k.tags().keySet()) {
        cardinality.put(tag, cardinality.getOrDefault(tag, 0) + 1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: BoxingAllocation -- cached 0
      }
    }
    return cardinality;
  }

  String export() {
    StringBuilder out = new StringBuilder();
    List<String> lines = new ArrayList<>(); // expect: UnpresizedCollection
    for (Map.Entry<Key, LongAdder> e : counters.entrySet()) {
      lines.add(e.getKey().name() + " " + e.getValue().sum());
    }
    lines.sort(null);
    for (String l : lines) {
      out.append(l).append('\n');
    }
    return out.toString();
  }

  String exportTags(Key key) {
    String rendered = "";
    for (Map.Entry<String, String> t : key.tags().entrySet()) {
      rendered = rendered + (rendered.isEmpty() ? "" : ",") + t.getKey() + "=" + t.getValue(); // expect: StringConcatInLoop
    }
    return "{" + rendered + "}";
  }
}
