package corpus.loops;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Retry loops (docs/design.md, "Retry loops"): a loop with no condition of its own whose body ends
 * in a test that leaves it goes round again only when the attempt failed (a racing update, a
 * future not done yet): normally its body runs once per call, so what it allocates is no loop
 * warning (information at verbosity 2). Loops that go round on their normal path stay loops: a
 * reader that tests for the end first and then works, a {@code do … while (more)}, a retry loop
 * inside an ordinary loop.
 */
final class RetryLoops {
  private final ConcurrentHashMap<String, Object> cache = new ConcurrentHashMap<>();
  private final AtomicReference<List<String>> names = new AtomicReference<>(List.of());
  private final List<Object> seen = new ArrayList<>();

  /** The shape of caffeine's AsMapView: compute, then leave when the attempt took effect. */
  Object putIfAbsent(String key, Object value) {
    boolean[] added = {false};
    for (;;) {
      Object prior = cache.get(key);
      if (prior != null) return prior;
      Object computed = cache.compute(key, (k, v) -> { // ok: CapturingLambda -- a retry loop: one lambda per call unless the attempt races
        added[0] = v == null;
        seen.add(k.length()); // ok: BoxingAllocation -- the lambda runs once per call, like the loop body that creates it
        return added[0] ? value : v;
      });
      if (added[0]) {
        return null;
      } else {
        Object again = cache.get(key);
        if (again != null) return again;
      }
    }
  }

  /** A compare-and-set loop: the copy is made once unless another thread won the race. */
  void addName(String name) {
    while (true) {
      List<String> current = names.get();
      List<String> next = new ArrayList<>(current.size() + 1);
      next.addAll(current);
      next.add(name);
      seen.add(next.size()); // ok: BoxingAllocation -- once per call: the CAS normally succeeds
      if (names.compareAndSet(current, next)) break;
    }
  }

  /** A retry loop in an ordinary loop repeats with the outer loop. */
  @dev.noescape.annotations.HotPath void addAll(List<String> all) { // hot: List.add requires the box of a changing value, a warning only here
    for (String name : all) {
      for (;;) {
        List<String> current = names.get();
        seen.add(current.size()); // expect: BoxingAllocation(the loop (line @-3))
        if (names.compareAndSet(current, List.of(name))) break;
      }
    }
  }

  /** Goes round on its normal path: it tests for the end first and then works. */
  @dev.noescape.annotations.HotPath void readAll(BufferedReader in) throws IOException { // hot, as above
    while (true) {
      String line = in.readLine();
      if (line == null) break;
      seen.add(line.length()); // expect: BoxingAllocation(the loop (line @-3))
      cache.compute(line, (k, v) -> seen); // expect: CapturingLambda(hoist it out of the loop)
    }
  }

  /** Tests for the end after creating the record: still a loop, since work follows the test. */
  void readRecords(Iterator<String> in) {
    while (true) {
      Runnable r = () -> seen.add(in); // expect: CapturingLambda
      if (!in.hasNext()) return;
      r.run();
    }
  }

  /** A do-while has a condition of its own. */
  @dev.noescape.annotations.HotPath void drain(Iterator<String> it) { // hot, as above
    do {
      seen.add(it.next().length()); // expect: BoxingAllocation(the loop (line @-1))
    } while (it.hasNext());
  }

  /**
   * Ends in a test that leaves when the input is exhausted, not when an attempt succeeded: a
   * {@code do … while (in.hasNext())} in disguise, whose body runs once per element.
   */
  void readUntilExhausted(Iterator<String> in) {
    for (;;) {
      cache.compute(in.next(), (k, v) -> seen); // expect: CapturingLambda(hoist it out of the loop)
      if (!in.hasNext()) break;
    }
  }

  /** Leaves when a count runs out: a data loop too. */
  void takeWhileLeft(Iterator<String> in, int n) {
    int left = n;
    while (true) {
      cache.compute(in.next(), (k, v) -> seen); // expect: CapturingLambda(hoist it out of the loop)
      if (--left <= 0) return;
    }
  }

  /** Leaves when the next link is missing: a walk over a list, once per node. */
  void walk(Node first) {
    Node n = first;
    for (;;) {
      cache.compute("last", (k, v) -> seen); // expect: CapturingLambda(hoist it out of the loop)
      n = n.next;
      if (n == null) break;
    }
  }

  /** A compare-and-set loop that returns on success: still a retry loop. */
  List<String> replaceAndGet(String name) {
    for (;;) {
      List<String> current = names.get();
      cache.compute(name, (k, v) -> seen); // ok: CapturingLambda -- once per call: the CAS normally succeeds
      if (names.compareAndSet(current, List.of(name))) return current;
    }
  }

  /** Leaves when the computed value is there: a retry loop (the lookup normally succeeds at once). */
  Object awaitValue(String key) {
    while (true) {
      Object v = cache.computeIfPresent(key, (k, old) -> seen); // ok: CapturingLambda -- once per call: the value is normally there
      if (v != null) return v;
    }
  }

  /**
   * caffeine's compute: leaves when the value was computed, or else when the mapping is gone (another
   * outcome of the same attempt): a retry loop, since one of its final tests leaves on success.
   */
  Object computeOrRemoved(String key) {
    Object[] computed = {null};
    for (;;) {
      Object f = cache.compute(key, (k, v) -> computed[0] = v); // ok: CapturingLambda -- a retry loop: one lambda per call unless the attempt races
      if (computed[0] != null) {
        return computed[0];
      } else if (f == null) {
        return null;
      }
    }
  }

  /** The same with two exit tests in a row. */
  Object computeOrRemovedInTurn(String key) {
    Object[] computed = {null};
    for (;;) {
      Object f = cache.compute(key, (k, v) -> computed[0] = v); // ok: CapturingLambda -- a retry loop: one lambda per call unless the attempt races
      if (computed[0] != null) return computed[0];
      if (f == null) return null;
    }
  }

  /**
   * The leading exit test of a loop that tests nothing first is its condition: the lambda after it
   * is created once per iteration and can be hoisted, as after {@code while (it.hasNext())}.
   */
  void register(Iterator<String> it, List<Runnable> tasks) {
    for (;;) {
      String s = it.next();
      if (s.isEmpty()) break;
      tasks.add(() -> seen.add(tasks)); // expect: CapturingLambda(hoist it out of the loop)
    }
  }

  private static final class Node {
    int value;
    Node next;
  }

  /** An update after the body is work on the way round: a counted loop, not a retry. */
  @dev.noescape.annotations.HotPath int firstFree(int[] slots) { // hot, as above
    for (int i = 0;; i++) {
      seen.add(i); // expect: BoxingAllocation(the loop (line @-1))
      if (slots[i] == 0) return i;
    }
  }
}
