package dev.noescape.jitbench.probe;

/**
 * Calls C2 can see nothing through: every run passes
 * {@code -XX:CompileCommand=dontinline,dev.noescape.jitbench.probe.Opaque::*}, so each call is a
 * real call (a safepoint that keeps the probe's object alive, or an escape for an object passed
 * in).
 */
public final class Opaque {
  /** A static field C2 cannot fold (not final): what {@link #next()} returns. */
  public static int value;

  /** Where probes let an object escape globally (a static field keeps it alive). */
  public static Object sink;

  private Opaque() {}

  /** A call the object of interest lives across; returns 0 unless a run changes {@link #value}. */
  public static int next() {
    return value;
  }

  /** 8, from a call C2 cannot inline: a length that is not a compile-time constant. */
  public static int eight() {
    return 8;
  }

  /** Takes an object into a call that is never inlined (it does not keep it: ArgEscape). */
  public static int consume(Object o) {
    return o == null ? 0 : 1;
  }

  /** A varargs method that is never inlined: its array is passed to a real call. */
  public static int count(Object... xs) {
    return xs.length;
  }

  private static int[] array = {1, 2, 3, 4, 5, 6, 7, 8};

  /** An existing int array of length 8 whose length C2 does not know (allocates nothing). */
  public static int[] array() {
    return array;
  }
}
