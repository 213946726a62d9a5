package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/** Locks on local objects, and objects that escape only on a path the profile says is never or rarely taken. */
public final class Paths {
  private Paths() {}

  @Probe(id = "lock.local", group = "lock", pair = "lock.notify",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "macro.cpp PhaseMacroExpand::eliminate_locking_node (EliminateLocks: a lock on a NoEscape object is removed, then the object is scalar-replaced)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "synchronized on a local Point around reading its fields.")
  public static int local(int n, int i) {
    Point p = new Point(n, i); // site: lock.local
    int r;
    synchronized (p) {
      r = p.x * 3 + p.y;
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "lock.notify", group = "lock", pair = "lock.local",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (Object.notifyAll is native: its receiver escapes)",
      note = "The same, plus notifyAll() on it inside the block.")
  public static int notifyAll(int n, int i) {
    Point p = new Point(n, i); // site: lock.notify
    int r;
    synchronized (p) {
      p.notifyAll();
      r = p.x * 3 + p.y;
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "trap.never-taken-escape", group = "uncommon-path", pair = "trap.rarely-taken-escape",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse2.cpp Parse::do_if / GraphKit::uncommon_trap (a never-taken branch becomes an uncommon trap; the store that lets it escape is not compiled, the object is rematerialized on deoptimization)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "Stored into a static field only when i == Integer.MIN_VALUE, which never happens.")
  public static int neverTakenEscape(int n, int i) {
    Point p = new Point(n, i); // site: trap.never-taken-escape
    if (i == Integer.MIN_VALUE) {
      Opaque.sink = p;
    }
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "trap.rarely-taken-escape", group = "uncommon-path", pair = "trap.never-taken-escape",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (flow-insensitive: a compiled escaping store on any path makes the object GlobalEscape on all paths)",
      note = "Stored into a static field on 1 call in 1024.")
  public static int rarelyTakenEscape(int n, int i) {
    Point p = new Point(n, i); // site: trap.rarely-taken-escape
    if ((i & 1023) == 0) {
      Opaque.sink = p;
    }
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "trap.never-taken-call", group = "uncommon-path", pair = "trap.rarely-taken-call",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse2.cpp Parse::do_if (never-taken branch: uncommon trap, the call is not compiled)",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "Passed to a call that is never inlined, only when i == Integer.MIN_VALUE.")
  public static int neverTakenCall(int n, int i) {
    Point p = new Point(n, i); // site: trap.never-taken-call
    int r = 0;
    if (i == Integer.MIN_VALUE) {
      r = Opaque.consume(p);
    }
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }

  @Probe(id = "trap.rarely-taken-call", group = "uncommon-path", pair = "trap.never-taken-call",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "macro.cpp PhaseMacroExpand::can_eliminate_allocation (\"Object is passed as argument\" on the compiled rare path)",
      note = "Passed to the same call on 1 call in 1024.")
  public static int rarelyTakenCall(int n, int i) {
    Point p = new Point(n, i); // site: trap.rarely-taken-call
    int r = 0;
    if ((i & 1023) == 0) {
      r = Opaque.consume(p);
    }
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }
}
