package corpus.cold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loop allocations on cold paths (docs/design.md, "Cold paths"): in a static initializer, a catch
 * block, an assertion, a branch guarded by a logging level check, or on the way to a throw. They
 * run once, or once per failure or enabled log line, so the repeat rules do not warn about them.
 * Each cold case has a hot twin that is still reported.
 */
public class ColdPaths {
  private static final Logger LOG = Logger.getLogger("corpus.cold");

  /** Escapes for the control characters, built once per class. */
  private static final String[] ESCAPES = new String[32];

  private static final Map<String, Integer> CODES = new HashMap<>(); // ok: UnpresizedCollection -- filled in the static initializer: once per class

  static {
    for (int i = 0; i < 32; i++) {
      ESCAPES[i] = String.format("\\u%04x", i); // ok: VarargsAllocation, BoxingAllocation -- static initializer: runs once
    }
    String[] names = {"alpha", "beta", "gamma"};
    for (String n : names) {
      CODES.put(n, n.length()); // ok: BoxingAllocation -- static initializer: runs once
    }
  }

  /** An enum's constants are created by its static initializer. */
  enum Unit {
    BYTES(1), KILO(1024), MEGA(1024 * 1024);

    private final List<Integer> multiples = new ArrayList<>();

    Unit(int size) {
      for (int k = 1; k <= 4; k++) {
        multiples.add(k * size); // ok: BoxingAllocation -- an enum's constructor runs from its static initializer only
      }
    }
  }

  private final List<Object> out = new ArrayList<>();

  int parseAll(List<String> cells) {
    int bad = 0;
    for (String c : cells) {
      try {
        out.add(Integer.parseInt(c)); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      } catch (NumberFormatException e) {
        out.add(c.length()); // ok: BoxingAllocation -- in a catch block: an error path
        out.add(String.format("bad cell %s at %d", c, bad)); // ok: VarargsAllocation, BoxingAllocation -- in a catch block
        bad++;
      }
    }
    return bad;
  }

  void checkAll(int[] values, int limit) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] > limit) {
        String msg = String.format("value %d at %d exceeds %d", values[i], i, limit); // ok: VarargsAllocation, BoxingAllocation -- only on the way to the throw below
        throw new IllegalArgumentException(msg);
      }
      out.add(values[i]); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void requireAll(List<String> keys, Map<String, Integer> index) {
    for (String k : keys) {
      Integer v = index.get(k);
      if (v == null) {
        List<String> known = new ArrayList<>(index.keySet());
        known.sort(null);
        for (String s : known) {
          out.add(s.length()); // ok: BoxingAllocation -- the loop only builds an error message: its one exit leads to the throw below, an error path
        }
        throw new IllegalStateException("missing " + k + " among " + known);
      }
      out.add(v + 1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void logAll(List<String> events, long start) {
    for (String e : events) {
      if (LOG.isLoggable(Level.FINE)) {
        LOG.fine(String.format("%s after %d ms", e, System.currentTimeMillis() - start)); // ok: VarargsAllocation, BoxingAllocation -- only when FINE is enabled
      }
      if (!LOG.isLoggable(Level.FINEST)) {
        out.add(e.length()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      } else {
        out.add(e.hashCode()); // ok: BoxingAllocation -- the else arm of a negated level check: only when FINEST is enabled
      }
      out.add(String.format("%s", e.length())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
    }
  }

  void assertAll(List<String> rows, int width) {
    for (String r : rows) {
      assert r.length() <= width : String.format("row %s longer than %d", r, width); // ok: VarargsAllocation, BoxingAllocation -- in an assertion: only with -ea
      out.add(r.length() * width); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  String retryAll(List<String> parts) {
    String joined = "";
    for (String p : parts) {
      try {
        joined = joined + p; // expect: StringConcatInLoop
      } catch (RuntimeException e) {
        joined = joined + "?"; // ok: StringConcatInLoop -- in a catch block
      }
    }
    return joined;
  }

  // ---- lazy initialization: at most once per call ------------------------------------------------

  private List<Integer> pending;

  List<Integer> evens(int[] values) {
    List<Integer> found = null;
    for (int v : values) {
      if (v % 2 == 0) {
        if (found == null) {
          found = new ArrayList<>(Arrays.asList(v)); // ok: VarargsAllocation, BoxingAllocation -- lazy initialization: the first even value only
        }
        found.add(v); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      }
    }
    return found;
  }

  void queue(int[] values) {
    for (int v : values) {
      if (pending == null) pending = new ArrayList<>(Arrays.asList(v)); // ok: VarargsAllocation, BoxingAllocation -- a lazily created field: once per call
      pending.add(-v); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  List<List<Integer>> runs(int[] values) {
    List<List<Integer>> out = new ArrayList<>();
    List<Integer> run = null;
    for (int v : values) {
      if (run == null) run = new ArrayList<>(Arrays.asList(v)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      if (v < 0) {
        out.add(run);
        run = null; // the loop starts over: the null check is true again
      }
    }
    return out;
  }

  int perRow(int[][] rows) {
    int total = 0;
    for (int[] row : rows) {
      List<Integer> seen = null;
      if (seen == null) seen = Arrays.asList(row.length); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      total += seen.size();
    }
    return total;
  }
}
