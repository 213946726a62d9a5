package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/**
 * Allocation merges at an if/else: reduced by ReduceAllocationMerges from JDK 23 (C2 splits the
 * field loads through the Phi), not on JDK 17.
 */
public final class Merges {
  private Merges() {}

  @Probe(id = "merge.if-else", group = "merge", pair = "merge.values-not-objects",
      jdk17 = Expect.HEAP, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (3: merged objects) and ConnectionGraph::can_reduce_phi / reduce_phi (JDK 23+, ReduceAllocationMerges)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "One of two Points chosen at an if/else, then only its fields read.")
  public static int ifElse(int n, int i) {
    Point p;
    if ((i & 1) == 0) {
      p = new Point(n, i); // site: merge.if-else
    } else {
      p = new Point(i, n);
    }
    int o = Opaque.next();
    return p.x - p.y + o;
  }

  @Probe(id = "merge.read-before-call", group = "merge", pair = "merge.if-else",
      jdk17 = Expect.HEAP, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::can_reduce_phi / reduce_phi_on_field_access (JDK 23+: field loads through the Phi are split; the object is dead at the call)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "The same if/else merge whose fields are read before the call, so only the loads use the Phi.")
  public static int readBeforeCall(int n, int i) {
    Point p;
    if ((i & 1) == 0) {
      p = new Point(n, i); // site: merge.read-before-call
    } else {
      p = new Point(i, n);
    }
    int r = p.x - p.y;
    int o = Opaque.next();
    return r + o;
  }

  @Probe(id = "merge.values-not-objects", group = "merge", pair = "merge.if-else",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (no object Phi: the values are merged, not the objects)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "The same result with the values chosen at the if/else and one allocation after it.")
  public static int valuesNotObjects(int n, int i) {
    int x;
    int y;
    if ((i & 1) == 0) {
      x = n;
      y = i;
    } else {
      x = i;
      y = n;
    }
    Point p = new Point(x, y); // site: merge.values-not-objects
    int o = Opaque.next();
    return p.x - p.y + o;
  }

  @Probe(id = "merge.with-null", group = "merge", pair = "merge.if-else",
      jdk17 = Expect.HEAP, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (2/3: merge with null) and ConnectionGraph::can_reduce_phi_check_inputs (JDK 23+)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "A Point or null chosen at an if/else, then null-checked and read.")
  public static int withNull(int n, int i) {
    Point p = null;
    if ((i & 1) == 0) {
      p = new Point(n, i); // site: merge.with-null
    }
    int o = Opaque.next();
    return p == null ? o : p.x - p.y + o;
  }

  @Probe(id = "merge.locked", group = "merge", pair = "merge.if-else",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::can_reduce_phi_check_users (a monitor on the merged object is not a use the reduction handles)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "The merged Point is also locked: a use of the Phi other than field loads.")
  public static int locked(int n, int i) {
    Point p;
    if ((i & 1) == 0) {
      p = new Point(n, i); // site: merge.locked
    } else {
      p = new Point(i, n);
    }
    int r;
    synchronized (p) {
      r = p.x - p.y;
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "merge.three-way", group = "merge", pair = "merge.if-else",
      jdk17 = Expect.HEAP, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::can_reduce_phi (JDK 23+: a Phi of any number of scalar-replaceable allocations)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "One of three Points chosen by a switch.")
  public static int threeWay(int n, int i) {
    Point p;
    switch (i % 3) {
      case 0:
        p = new Point(n, i); // site: merge.three-way
        break;
      case 1:
        p = new Point(i, n);
        break;
      default:
        p = new Point(n, n);
        break;
    }
    int o = Opaque.next();
    return p.x - p.y + o;
  }
}
