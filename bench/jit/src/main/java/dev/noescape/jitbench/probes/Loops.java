package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/** Objects and arrays inside loops: accumulators, and objects carried from one iteration to the next. */
public final class Loops {
  private Loops() {}

  @Probe(id = "loop.array-accumulator", group = "loop-update", pair = "loop.field-accumulator",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "macro.cpp PhaseMacroExpand::scalar_replacement/value_from_mem_phi (the elements share one memory slice whose loop Phi the loads cannot be resolved through)",
      note = "The issue's double[2] whose elements are updated in a loop.")
  public static int arrayAccumulator(int n, int i) {
    double[] acc = new double[2]; // site: loop.array-accumulator
    for (int k = 0; k < n; k++) {
      acc[0] += k;
      acc[1] += k * 0.5;
    }
    int o = Opaque.next();
    return (int) (acc[0] + acc[1]) + i + o;
  }

  @Probe(id = "loop.field-accumulator", group = "loop-update", pair = "loop.array-accumulator",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::split_unique_types (each instance field gets its own memory slice, so loop Phis split per field)",
      callee = "dev.noescape.jitbench.probes.Loops$Acc::<init>",
      note = "The same two accumulators as fields of a local object.")
  public static int fieldAccumulator(int n, int i) {
    Acc acc = new Acc(); // site: loop.field-accumulator
    for (int k = 0; k < n; k++) {
      acc.a += k;
      acc.b += k * 0.5;
    }
    int o = Opaque.next();
    return (int) (acc.a + acc.b) + i + o;
  }

  @Probe(id = "loop.array-no-loop", group = "loop-update", pair = "loop.array-accumulator",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "macro.cpp PhaseMacroExpand::value_from_mem (straight-line stores: every load finds its store)",
      note = "The same double[2] updated twice without a loop.")
  public static int arrayNoLoop(int n, int i) {
    double[] acc = new double[2]; // site: loop.array-no-loop
    acc[0] += n;
    acc[1] += i * 0.5;
    acc[0] += i;
    int o = Opaque.next();
    return (int) (acc[0] + acc[1]) + o;
  }

  @Probe(id = "loop.carried", group = "loop-phi", pair = "loop.fresh-per-iteration",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (3: merged with other objects at the loop Phi; can_reduce_phi does not reduce loop Phis)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "The issue's Point carried from one iteration to the next (p = new Point(p.x + k, ...)).")
  public static int carried(int n, int i) {
    Point p = new Point(0, i);
    for (int k = 0; k < n; k++) {
      p = new Point(p.x + k, p.y); // site: loop.carried
    }
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "loop.fresh-per-iteration", group = "loop-phi", pair = "loop.carried",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (no merge: one object per iteration, dead at its end)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "A new Point per iteration, live across a call inside the iteration and dead at its end; only an int is carried.")
  public static int freshPerIteration(int n, int i) {
    int s = 0;
    for (int k = 0; k < n; k++) {
      Point p = new Point(s + k, i); // site: loop.fresh-per-iteration
      s = p.x + Opaque.next() + (p.y & 1);
    }
    return s;
  }

  @Probe(id = "loop.mutated-in-place", group = "loop-phi", pair = "loop.carried",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::split_unique_types (one object, its fields updated in the loop)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "One Point whose field is updated each iteration instead of replacing the object.")
  public static int mutatedInPlace(int n, int i) {
    Point p = new Point(0, i); // site: loop.mutated-in-place
    for (int k = 0; k < n; k++) {
      p.x += k;
    }
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  static final class Acc {
    double a;
    double b;
  }
}
