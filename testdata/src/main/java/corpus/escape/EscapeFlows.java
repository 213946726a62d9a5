// corpus-rules: HeapEscape
package corpus.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Escapes through other code: values reachable from a returned object, helpers that keep or do
 * not keep their argument, overridable methods, lambdas and anonymous classes handed to unknown
 * code. Every escaping allocation in this file is marked.
 */
final class EscapeFlows {
  record Pair(Object left, Object right) {}

  static final class Holder {
    Object value;
  }

  /** Not final: {@link #handle} can be overridden, so its argument escapes. */
  static class Handler {
    protected void handle(Object event) {}

    void dispatch(String name) {
      handle(new StringBuilder(name)); // expect: HeapEscape
    }
  }

  private static Object lastMeasured;

  private final List<Object> retained = new ArrayList<>(); // expect: HeapEscape
  private final Executor executor;

  EscapeFlows(Executor executor) {
    this.executor = executor;
  }

  static Pair pairOfBuffers() {
    StringBuilder a = new StringBuilder(); // expect: HeapEscape
    StringBuilder b = new StringBuilder(); // expect: HeapEscape
    return new Pair(a, b); // expect: HeapEscape(returned)
  }

  void keep(String s) {
    retained.add(new StringBuilder(s)); // expect: HeapEscape
  }

  void record(int latencyMicros) {
    retained.add(latencyMicros); // expect: HeapEscape
    retained.add(7); // ok: HeapEscape -- 7 is cached: no allocation
  }

  static void publish(Holder target, int n) {
    target.value = new int[n]; // expect: HeapEscape
  }

  private static void stash(Object o) {
    lastMeasured = o;
  }

  static void stashed(String s) {
    stash(new StringBuilder(s)); // expect: HeapEscape
  }

  private static int measure(StringBuilder sb) {
    return sb.length();
  }

  static int measured(String s) {
    StringBuilder sb = new StringBuilder(s); // ok: HeapEscape -- measure() does not keep it (ArgEscape at most)
    sb.append('!');
    return measure(sb);
  }

  static int localHolder() {
    Holder h = new Holder(); // ok: HeapEscape -- a local holder
    h.value = new Object(); // ok: HeapEscape -- stored only into a local object
    return h.value == null ? 0 : 1;
  }

  void schedule(String name) {
    StringBuilder sb = new StringBuilder(name); // expect: HeapEscape
    executor.execute(() -> System.out.println(sb)); // expect: HeapEscape
  }

  static int countLong(List<String> words, int min) {
    List<String> hits = new ArrayList<>(); // ok: HeapEscape -- captured by a lambda that forEach does not keep
    words.forEach(w -> { // ok: HeapEscape -- forEach does not keep its consumer
      if (w.length() > min) {
        hits.add(w);
      }
    });
    return hits.size();
  }

  static Comparator<String> byLength() {
    return new Comparator<String>() { // expect: HeapEscape(returned)
      @Override
      public int compare(String a, String b) {
        return Integer.compare(a.length(), b.length());
      }
    };
  }

  static Runnable deferredPrint(String msg) {
    StringBuilder sb = new StringBuilder(msg); // expect: HeapEscape
    return () -> System.out.println(sb); // expect: HeapEscape(returned)
  }

  static List<String> copyOf(List<String> source) {
    return new ArrayList<>(source); // expect: HeapEscape(returned)
  }

  static Object lastMeasured() {
    return lastMeasured;
  }

  static void fail(String state) {
    throw new IllegalStateException(state); // expect: HeapEscape(thrown)
  }

  /** A non-static inner class: plain new is an ordinary allocation. */
  final class Counter {
    int n;
  }

  int countTo(int limit) {
    Counter c = new Counter(); // ok: HeapEscape -- local instance of an inner class
    while (c.n < limit) {
      c.n++;
    }
    return c.n;
  }

  Counter exposedCounter() {
    return new Counter(); // expect: HeapEscape(returned)
  }
}
