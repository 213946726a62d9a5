package corpus.cold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loops that call a helper which never returns normally (docs/design.md, "Cold paths"): the
 * message such a call builds, and what runs only on the way to it, runs once per failure, not on
 * every iteration. A helper never returns when every path through it ends in a {@code throw} or
 * in a call that never returns; the engine decides it bottom-up, like the escape summaries. Each
 * cold case has a twin that may return and is still reported.
 */
public class NeverReturns {
  private final List<Object> out = new ArrayList<>();

  /** Never returns: its one path ends in the throw. */
  private static void fail(String message) {
    throw new IllegalArgumentException(message);
  }

  /** Returns when the condition holds: its arguments are evaluated on every call. */
  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Never returns, though it computes first and has a branch: both ways end in a throw. */
  private static void badRange(int from, int to) {
    String what = from > to ? "reversed" : "empty";
    throw new IndexOutOfBoundsException(what + " range " + from + ".." + to);
  }

  /** Ends in an endless loop: it never returns, but only a throw counts as a failure. */
  private static void hang(String why) {
    while (true) {
      Thread.onSpinWait();
    }
  }

  /** Calls itself until it throws: proving it fails would assume it fails (the least fixpoint does not). */
  private static void failAfter(int depth, String message) {
    if (depth == 0) {
      throw new IllegalStateException(message);
    }
    failAfter(depth - 1, message);
  }

  /** Mutually recursive helpers whose every path still meets {@link #fail}: proven without assuming either. */
  private static void reportNested(int depth, String message) {
    if (depth > 0) {
      reportOuter(depth - 1, message);
    }
    fail(message);
  }

  private static void reportOuter(int depth, String message) {
    reportNested(depth, message);
  }

  void parse(int[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        fail(String.format("negative value %d at %d", values[i], i)); // ok: VarargsAllocation, BoxingAllocation -- fail never returns: once per failure
      }
      out.add(values[i]); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void parseUnbraced(long[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) fail(String.format("negative value %d", values[i])); // ok: VarargsAllocation, BoxingAllocation -- an arm without braces is the same call
      out.add(values[i]); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void validate(int[] values) {
    for (int i = 0; i < values.length; i++) {
      check(values[i] >= 0, String.format("negative value %d", values[i])); // expect: VarargsAllocation; ok: BoxingAllocation -- check returns when the value is fine: the message is built on every iteration
    }
  }

  void ranges(int[] starts, int[] ends) {
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] >= ends[i]) {
        Integer at = i; // ok: BoxingAllocation -- only on the way to badRange, which never returns
        out.add(at);
        badRange(starts[i], ends[i]);
      }
      out.add(ends[i] - starts[i]); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void unsupported(List<String> ops) {
    for (String op : ops) {
      if (op.isEmpty()) {
        Failures.unsupported("empty operation", op.length()); // ok: BoxingAllocation -- Failures.unsupported, in another class, never returns
      }
      out.add(op.length()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  void stuck(List<String> items) {
    for (String s : items) {
      if (s == null) {
        hang(String.format("null after %d items", out.size())); // expect: VarargsAllocation; ok: BoxingAllocation -- hang never returns, but by looping: not a failure path
      }
    }
  }

  void deep(int[] depths) {
    for (int d : depths) {
      if (d < 0) {
        failAfter(-d, String.format("depth %d", d)); // expect: VarargsAllocation; ok: BoxingAllocation -- recursion is not assumed to fail
      }
    }
  }

  void nested(int[] depths) {
    for (int d : depths) {
      if (d < 0) {
        reportNested(-d, String.format("depth %d", d)); // ok: VarargsAllocation, BoxingAllocation -- reportNested always reaches fail
      }
    }
  }

  void lookup(List<String> keys, Map<String, Integer> index) {
    for (String k : keys) {
      Integer v = index.get(k);
      if (v == null) {
        out.add(k.length()); // ok: BoxingAllocation -- only on the way to the failing call that closes the block
        Failures.missing(k, index.size());
        continue;
      }
      out.add(v + 1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  /**
   * Never returns, in the body this program has. A subclass elsewhere could override it; one that
   * returned would break its contract, so the call counts as failing (at worst a missed warning).
   */
  protected void reportBad(String message) {
    throw new IllegalStateException(message);
  }

  void overridable(int[] values) {
    for (int v : values) {
      if (v < 0) {
        reportBad(String.format("bad value %d", v)); // ok: VarargsAllocation, BoxingAllocation -- reportBad's body never returns, overridable or not
      }
      out.add(v); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }
}

/** Failures raised for a whole package, from a class of their own. */
final class Failures {
  private Failures() {}

  static void unsupported(String what, Object detail) {
    throw new UnsupportedOperationException(what + ": " + detail);
  }

  /** Never returns: it delegates to another helper that never does. */
  static void missing(String key, int known) {
    unsupported("missing " + key + " among " + known + " keys", key);
  }
}
