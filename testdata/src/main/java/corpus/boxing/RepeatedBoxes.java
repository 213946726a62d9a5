package corpus.boxing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * What a reported box says about when it allocates, one finding per value boxed more than once in
 * an iteration, and the advice that fits where the box goes (docs/design.md, "Boxing").
 */
public class RepeatedBoxes {
  static final class Op {
    int index;
    String text;
  }

  private final Map<Integer, String> pending = new HashMap<>();
  private final Map<Integer, Op> ops = new HashMap<>();
  private final Map<Character, Integer> counts = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  private final List<Long> stamps = new java.util.ArrayList<>();

  /** {@code get(i)} then {@code remove(i)}: one finding at the first box, naming the second. */
  String drain(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      String s = pending.get(i); // expect: BoxingAllocation(i is boxed again on line)
      if (s != null) {
        sb.append(s);
        pending.remove(i); // ok: BoxingAllocation -- the same i as the line above: part of its finding
      }
    }
    return sb.toString();
  }

  /** A field of a local's object, read twice with only JDK calls between: one finding. */
  void index(List<Op> batch) {
    for (Op op : batch) {
      if (ops.containsKey(op.index)) { // expect: BoxingAllocation(box it once)
        continue;
      }
      ops.put(op.index, op); // ok: BoxingAllocation -- op.index again, no write between: part of the line above
    }
  }

  /** Exclusive branches: one box of i runs per iteration, nothing to reuse: no repeat, so each is a forced box. */
  void either(int n, boolean[] drop) {
    for (int i = 0; i < n; i++) {
      if (drop[i]) {
        pending.remove(i); // ok: BoxingAllocation -- forced: only one of the two boxes runs per iteration (exclusive arms), so the other is no second box; Map requires it and i changes (information at -m=2)
      } else {
        pending.put(i, "kept"); // ok: BoxingAllocation -- forced: the other arm's box never runs in this iteration
      }
    }
  }

  /** An {@code else if} chain (commons-math3's SimplexSolver ratio test): the two adds never run in one iteration. */
  List<Integer> ties(double[] ratios, double min) {
    List<Integer> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ratios.length; i++) {
      int cmp = Double.compare(ratios[i], min);
      if (cmp == 0) {
        rows.add(i); // ok: BoxingAllocation -- forced: the else-if arm's add is exclusive with this one; List requires the box (information at -m=2)
      } else if (cmp < 0) {
        min = ratios[i];
        rows.clear();
        rows.add(i); // ok: BoxingAllocation -- forced: exclusive with the add above
      }
    }
    return rows;
  }

  /** The twin: two ifs that may both be taken in one iteration: i may be boxed twice, each box says so. */
  List<Integer> both(double[] ratios, double min) {
    List<Integer> rows = new java.util.ArrayList<>();
    for (int i = 0; i < ratios.length; i++) {
      if (ratios[i] == min) {
        rows.add(i); // expect: BoxingAllocation(where both run in one iteration, box it once)
      }
      if (ratios[i] < min) {
        rows.add(i); // expect: BoxingAllocation(i is boxed again in the loop)
      }
    }
    return rows;
  }

  /** Two boxes of one value inside one arm (commons-math3's ArcsSet.split): the first runs whenever the second does: one finding. */
  void split(double[] ends, double cut, List<Double> minus, List<Double> plus) {
    for (int i = 0; i < ends.length; i++) {
      double x = ends[i];
      if (x > cut) {
        minus.add(x); // expect: BoxingAllocation(x is boxed again on line)
        plus.add(x); // ok: BoxingAllocation -- the same x as the line above, in the same arm: part of its finding
      }
    }
  }

  /** The twin: the first box is under the if, the second runs on every iteration: two findings, each naming the other. */
  void splitAfter(double[] ends, double cut, List<Double> minus, List<Double> plus) {
    for (int i = 0; i < ends.length; i++) {
      double x = ends[i];
      if (x > cut) {
        minus.add(x); // expect: BoxingAllocation(where both run in one iteration)
      }
      plus.add(x); // expect: BoxingAllocation(x is boxed again in the loop)
    }
  }

  private final Map<Integer, Double> derivatives = new HashMap<>();
  private final List<Integer> ids = new java.util.ArrayList<>();

  /** A key unboxed into a final int and boxed again for get and put (commons-math3's SparseGradient): keep the key's own box. */
  void merge(Map<Integer, Double> from) {
    for (Map.Entry<Integer, Double> entry : from.entrySet()) {
      final int id = entry.getKey();
      Double old = derivatives.get(id); // expect: BoxingAllocation(id is unboxed from entry.getKey(): keep the Integer it returns (declare id as Integer))
      if (old == null) {
        derivatives.put(id, entry.getValue()); // ok: BoxingAllocation -- id again, in an arm the get above runs whenever: part of its finding
      }
    }
  }

  /** One use of an unboxed key: keeping the box removes it, a local change: a warning, not a forced box. */
  void keys(Map<Integer, Double> from) {
    for (Map.Entry<Integer, Double> entry : from.entrySet()) {
      int id = entry.getKey();
      ids.add(id); // expect: BoxingAllocation(but id is unboxed from entry.getKey(): keep the Integer it returns)
    }
  }

  /** The twin: the local is assigned again, so it is not the key's value: box it once. */
  void mergeAbs(Map<Integer, Double> from) {
    for (Map.Entry<Integer, Double> entry : from.entrySet()) {
      int id = entry.getKey();
      if (id < 0) {
        id = -id;
      }
      Double old = derivatives.get(id); // expect: BoxingAllocation(box it once (Integer key = id;))
      derivatives.put(id, old == null ? entry.getValue() : old); // ok: BoxingAllocation -- id again: part of the line above's finding
    }
  }

  /** A write between the two boxes: two values, two findings. */
  @dev.noescape.annotations.HotPath void shifted(int n) { // hot: each box of a changing value that Map requires is a warning only here
    for (int i = 0; i < n; i++) {
      String s = pending.get(i); // expect: BoxingAllocation(when i is outside -128..127)
      i++;
      pending.put(i, s); // expect: BoxingAllocation -- i was incremented since the box above: another value
    }
  }

  /** A call into the program between two reads of a field: it may write the field, so two findings. */
  void relabel(List<Op> batch) {
    for (Op op : batch) {
      String s = pending.get(op.index); // expect: BoxingAllocation(when op.index is outside)
      renumber(op);
      pending.put(op.index, s); // expect: BoxingAllocation -- renumber may have changed op.index
    }
  }

  private static void renumber(Op op) {
    op.index = op.index * 2;
  }

  /** A character: allocates only above 127. */
  void tally(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Integer n = counts.get(c); // expect: BoxingAllocation(non-ASCII)
      counts.put(c, n == null ? 1 : n + 1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2); the conditional's int; c again is part of the line above's finding
    }
  }

  /** A double has no cache: every box allocates. */
  void weigh(List<String> names, double w) {
    for (String name : names) {
      weights.put(name, w); // expect: BoxingAllocation(for every value)
    }
  }

  /** A constant boxed on every iteration: one box in a static final serves them all. */
  void unknown(List<String> names) {
    for (String name : names) {
      weights.put(name, Double.NaN); // expect: BoxingAllocation(into a static final Double)
    }
  }

  /** A long: allocates outside the cache, as a timestamp always is. */
  @dev.noescape.annotations.HotPath void stamp(int n) { // hot: List.add requires the box of a changing value, a warning only here
    for (int i = 0; i < n; i++) {
      stamps.add(System.nanoTime()); // expect: BoxingAllocation(when the value is outside -128..127)
    }
  }

  /** A predicate the method makes itself: its primitive specialization is the fix. */
  int countOwn(int[] values, Set<Integer> wanted) {
    Predicate<Integer> keep = wanted::contains; // ok: CapturingLambda -- outside any loop
    int n = 0;
    for (int v : values) {
      if (keep.test(v)) { // expect: BoxingAllocation(IntPredicate)
        n++;
      }
    }
    return n;
  }

  /** A predicate the caller passes: its type is the method's signature, so no local change removes the box: information, not a warning. */
  public int countGiven(int[] values, Predicate<Integer> keep) {
    int n = 0;
    for (int v : values) {
      if (keep.test(v)) { // ok: BoxingAllocation -- forced: the predicate is a parameter, its type the signature; no local change removes the box (information at -m=2)
        n++;
      }
    }
    return n;
  }

  /** Already the fix: no box. */
  int countPrimitive(int[] values, IntPredicate keep) {
    int n = 0;
    for (int v : values) {
      if (keep.test(v)) {
        n++;
      }
    }
    return n;
  }
}
