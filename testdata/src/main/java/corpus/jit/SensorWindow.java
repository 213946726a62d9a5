// corpus-rules: NotScalarReplaced
package corpus.jit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sensor readings summarized in small temporary objects. None of them escapes; C2 (the model
 * targets JDK 21, the release this module is compiled for) still allocates some of them, and
 * NotScalarReplaced says which and why. The others are traps: C2 scalar-replaces them.
 */
final class SensorWindow {
  static final class Range {
    int lo;
    int hi;

    Range(int lo, int hi) {
      this.lo = lo;
      this.hi = hi;
    }

    int width() {
      return hi - lo;
    }
  }

  static final class Tracked {
    static int lost;
    final int id;

    Tracked(int id) {
      this.id = id;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    protected void finalize() {
      lost++;
    }
  }

  record Sample(int sensor, int value) {}

  private SensorWindow() {}

  static int spread(int[] readings, int count) {
    int[] window = new int[count]; // expect: NotScalarReplaced(not a constant)
    window[0] = readings[0];
    window[1] = readings[1];
    return window[0] - window[1];
  }

  static int spreadOfTwo(int[] readings) {
    int[] window = new int[2]; // ok: NotScalarReplaced -- constant length, constant indices
    window[0] = readings[0];
    window[1] = readings[1];
    return window[0] - window[1];
  }

  static int spreadOfPair(int[] readings) {
    int[] window = new int[pairSize()]; // ok: NotScalarReplaced -- pairSize() returns a constant and is inlined, so the length folds // javac-gap: NotScalarReplaced -- the plugin has no bytecode of the methods it compiles: pairSize()'s constant is unknown to it
    window[0] = readings[0];
    window[1] = readings[1];
    return window[0] - window[1];
  }

  static int spreadOfSome(int[] readings, int count) {
    int[] window = new int[atLeastTwo(count)]; // expect: NotScalarReplaced(not a constant)
    window[0] = readings[0];
    window[1] = readings[1];
    return window[0] - window[1];
  }

  private static int pairSize() {
    return 2;
  }

  private static int atLeastTwo(int count) {
    return Math.max(2, count);
  }

  static long histogramPeak(int[] readings) {
    long[] buckets = new long[128]; // expect: NotScalarReplaced(above 64)
    buckets[3] = readings.length;
    return buckets[3];
  }

  static int bucketOf(int value) {
    int[] bounds = new int[4]; // expect: NotScalarReplaced(index)
    bounds[value & 3] = value;
    return bounds[0];
  }

  static double mean(int[] readings) {
    double[] acc = new double[2]; // expect: NotScalarReplaced(loop)
    for (int r : readings) {
      acc[0] += r;
      acc[1] += 1;
    }
    return acc[0] / acc[1];
  }

  static double meanWithLocals(int[] readings) {
    Range r = new Range(0, 0); // ok: NotScalarReplaced -- fields updated in the loop, one object
    for (int v : readings) {
      r.hi += v;
      r.lo++;
    }
    return (double) r.hi / r.lo;
  }

  static int drift(int[] readings) {
    Range r = new Range(0, 1); // expect: NotScalarReplaced(carried)
    for (int v : readings) {
      r = new Range(r.lo + v, r.hi); // expect: NotScalarReplaced(carried)
    }
    return r.width();
  }

  static int widest(int[] readings) {
    int best = 0;
    for (int v : readings) {
      Range r = new Range(v, v + 10); // ok: NotScalarReplaced -- a new object per iteration, dead at its end
      best = Math.max(best, r.width());
    }
    return best;
  }

  static int pick(boolean low, int a, int b) {
    Range r;
    if (low) {
      r = new Range(a, b); // expect: NotScalarReplaced(merged)
    } else {
      r = new Range(b, a); // expect: NotScalarReplaced(merged)
    }
    return r.width();
  }

  static int pickValues(boolean low, int a, int b) {
    int lo = low ? a : b;
    int hi = low ? b : a;
    Range r = new Range(lo, hi); // ok: NotScalarReplaced -- the values are merged, not the objects
    return r.width();
  }

  static int depth(int levels) {
    Range r = new Range(0, levels); // expect: NotScalarReplaced(recursive)
    return descend(r, levels);
  }

  private static int descend(Range r, int k) {
    return k <= 0 ? r.lo : descend(r, k - 1) + 1;
  }

  static int widthViaHelper(int a, int b) {
    Range r = new Range(a, b); // ok: NotScalarReplaced -- the helper is small and inlined
    return widthOf(r);
  }

  private static int widthOf(Range r) {
    return r.hi - r.lo;
  }

  static int tracked(int id) {
    Tracked t = new Tracked(id); // expect: NotScalarReplaced(finalizer)
    return t.id;
  }

  static int bucketHash(int a, int b) {
    Range r = new Range(a, b); // expect: NotScalarReplaced(header)
    return System.identityHashCode(r) & 7;
  }

  static int locked(int a, int b) {
    Range r = new Range(a, b); // ok: NotScalarReplaced -- the lock on a local object is removed
    synchronized (r) {
      return r.width();
    }
  }

  static int counted(int start) {
    AtomicInteger n = new AtomicInteger(start); // expect: NotScalarReplaced(atomic)
    n.incrementAndGet();
    return n.get();
  }

  static int copied(int[] readings, int count) {
    int[] copy = new int[4]; // expect: NotScalarReplaced(arraycopy)
    System.arraycopy(readings, 0, copy, 0, Math.min(count, 4));
    return copy[0];
  }

  static int copiedFour(int[] readings) {
    int[] copy = new int[4]; // ok: NotScalarReplaced -- a constant-length copy
    System.arraycopy(readings, 0, copy, 0, 4);
    return copy[0];
  }

  static int labelLength(int id) {
    StringBuilder sb = new StringBuilder(); // expect: NotScalarReplaced(byte[])
    sb.append("sensor-").append(id);
    return sb.length();
  }

  static int distinctSensors(int a, int b) {
    List<Integer> ids = new ArrayList<>(); // expect: NotScalarReplaced(elementData)
    ids.add(a);
    ids.add(b);
    return ids.size();
  }

  static int emptyList() {
    List<Integer> ids = new ArrayList<>(); // ok: NotScalarReplaced -- the shared empty array, nothing added
    return ids.size();
  }

  static int perSensor(String name, int value) {
    Map<String, Integer> m = new HashMap<>(); // expect: NotScalarReplaced(table)
    m.put(name, value);
    return m.size();
  }

  static int emptyMap() {
    Map<String, Integer> m = new HashMap<>(); // ok: NotScalarReplaced -- the table is allocated lazily
    return m.size();
  }

  static int sampleSum(int sensor, int value) {
    Sample s = new Sample(sensor, value); // ok: NotScalarReplaced -- accessors are inlined
    return s.sensor() + s.value();
  }

  static int maxOf(int a, int b, int c) {
    return largest(a, b, c); // ok: NotScalarReplaced -- the varargs array has a constant length and constant indices
  }

  static Object readVia(Method reading) throws ReflectiveOperationException {
    // Method.invoke is small and inlined, but it hands the array on to methodAccessor.invoke: an
    // interface call on a field, whose one shared call site sees every reflective call's accessor
    return reading.invoke(null, "celsius"); // expect: NotScalarReplaced(MethodAccessor.invoke)
  }

  static int firstWidth(String unit) {
    Object[] pair = {unit, unit}; // ok: NotScalarReplaced -- requireNonNull compares it with null and returns it: inlined, nothing passes it on
    return ((String) Objects.requireNonNull(pair)[0]).length();
  }

  private static int largest(int... xs) {
    return Math.max(xs[0], Math.max(xs[1], xs[2]));
  }

  static int seenBefore(java.util.Collection<Range> seen, int a, int b) {
    // an interface method on a receiver this method did not create: which class's contains runs,
    // and whether C2 inlines it, only the call site's type profile knows (a receiver allocated here,
    // List<Range> l = new ArrayList<>(), has its class known: the jdk.arraylist-* probes)
    Range r = new Range(a, b); // expect: NotScalarReplaced(type profile)
    return seen.contains(r) ? 1 : 0;
  }
}
