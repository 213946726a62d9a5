package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.util.concurrent.atomic.AtomicInteger;

/** Baselines and the escape states themselves: what every other group is compared against. */
public final class Basics {
  private static final Point[] HOLDER = new Point[1];

  private Basics() {}

  /** The control: no allocation at all; what the harness allocates per call is subtracted from every probe. */
  public static int empty(int n, int i) {
    return n + i + Opaque.next();
  }

  @Probe(id = "basic.point", group = "baseline", jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (NoEscape); macro.cpp PhaseMacroExpand::eliminate_allocate_node",
      callee = "dev.noescape.jitbench.probes.Point::<init>",
      note = "A local object read after a call: the textbook scalar replacement.")
  public static int point(int n, int i) {
    Point p = new Point(n, i); // site: basic.point
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "basic.static-store", group = "escape-state", pair = "basic.point",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_final_edges (a store into a field of a GlobalEscape base, the class mirror, makes the value GlobalEscape)",
      note = "Stored into a static field: GlobalEscape, never scalar-replaced.")
  public static int staticStore(int n, int i) {
    Point p = new Point(n, i); // site: basic.static-store
    Opaque.sink = p;
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "basic.passed-to-call", group = "escape-state", pair = "basic.point",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (ArgEscape); macro.cpp PhaseMacroExpand::can_eliminate_allocation (\"Object is passed as argument\")",
      note = "Passed to a call that is never inlined and does not keep it: ArgEscape, still allocated.")
  public static int passedToCall(int n, int i) {
    Point p = new Point(n, i); // site: basic.passed-to-call
    int o = Opaque.consume(p);
    return p.x + p.y + o;
  }

  @Probe(id = "basic.nested-holder", group = "holder", pair = "basic.array-holder",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (stored into a field of a scalar-replaceable base)",
      callee = "dev.noescape.jitbench.probes.Basics$Line::<init>",
      note = "A Point stored into a field of another local object: both are scalar-replaced.")
  public static int nestedHolder(int n, int i) {
    Point a = new Point(n, i); // site: basic.nested-holder
    Line l = new Line(a);
    int o = Opaque.next();
    return l.p.x + l.p.y + o;
  }

  @Probe(id = "basic.array-holder", group = "holder", pair = "basic.nested-holder",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (6: \"may point to more than one object\", the Point p[] = new Point[1] comment)",
      note = "The same Point stored into element 0 of a local Point[1]: escape.cpp's own comment says it is not scalar-replaced.")
  public static int arrayHolder(int n, int i) {
    Point[] box = new Point[1];
    box[0] = new Point(n, i); // site: basic.array-holder
    int o = Opaque.next();
    return box[0].x + box[0].y + o;
  }

  @Probe(id = "basic.escaping-holder", group = "holder", pair = "basic.nested-holder",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::find_non_escaped_objects (escape state propagates through fields)",
      note = "Stored into an existing (static) array: reachable from a static, so GlobalEscape.")
  public static int escapingHolder(int n, int i) {
    Point p = new Point(n, i); // site: basic.escaping-holder
    HOLDER[0] = p;
    int o = Opaque.next();
    return p.x + p.y + o;
  }

  @Probe(id = "basic.cas-field", group = "atomic", pair = "basic.plain-increment",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (5: \"is used in LoadStore or mismatched access\")",
      callee = "java.util.concurrent.atomic.AtomicInteger::<init>",
      note = "AtomicInteger.incrementAndGet is a LoadStore (getAndAdd) on the object's field: not scalar-replaceable.")
  public static int casField(int n, int i) {
    AtomicInteger a = new AtomicInteger(n); // site: basic.cas-field
    a.incrementAndGet();
    int o = Opaque.next();
    return a.get() + i + o;
  }

  @Probe(id = "basic.plain-increment", group = "atomic", pair = "basic.cas-field",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (plain loads and stores only)",
      callee = "dev.noescape.jitbench.probes.Basics$Counter::<init>",
      note = "The same counter as a plain int field: ordinary loads and stores.")
  public static int plainIncrement(int n, int i) {
    Counter c = new Counter(n); // site: basic.plain-increment
    c.value++;
    int o = Opaque.next();
    return c.value + i + o;
  }

  @Probe(id = "basic.volatile-field", group = "atomic", pair = "basic.plain-increment",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "memnode.cpp MemBarNode::Ideal (membars of a scalar-replaced instance's volatile accesses are removed)",
      callee = "dev.noescape.jitbench.probes.Basics$VolatileCounter::<init>",
      note = "A volatile field of a local object: its barriers go away with the object.")
  public static int volatileField(int n, int i) {
    VolatileCounter c = new VolatileCounter(n); // site: basic.volatile-field
    c.value = c.value + 1;
    int o = Opaque.next();
    return c.value + i + o;
  }

  @Probe(id = "basic.record-equals", group = "records", pair = "basic.class-equals",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "callGenerator.cpp CallGenerator::for_method_handle_inline (the ObjectMethods invokedynamic equals inlined through its method handles)",
      callee = "dev.noescape.jitbench.probes.Basics$Pair::equals",
      note = "Two records compared with the generated (invokedynamic) equals.")
  public static int recordEquals(int n, int i) {
    Pair a = new Pair(n, i); // site: basic.record-equals
    Pair b = new Pair(n, i);
    int o = Opaque.next();
    return (a.equals(b) ? 1 : 0) + a.x() + o;
  }

  @Probe(id = "basic.class-equals", group = "records", pair = "basic.record-equals",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (a small equals inlined on an exact receiver type)",
      callee = "dev.noescape.jitbench.probes.Basics$Pt::equals",
      note = "The same comparison with a hand-written equals.")
  public static int classEquals(int n, int i) {
    Pt a = new Pt(n, i); // site: basic.class-equals
    Pt b = new Pt(n, i);
    int o = Opaque.next();
    return (a.equals(b) ? 1 : 0) + a.x + o;
  }

  @Probe(id = "basic.record-key", group = "records", pair = "basic.class-key",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "callGenerator.cpp CallGenerator::for_method_handle_inline (the ObjectMethods hashCode and equals inlined inside HashMap.get)",
      callee = "dev.noescape.jitbench.probes.Basics$Key::hashCode",
      note = "A record as a composite HashMap key: map.get(new Key(a, b)), the only key type of the map.")
  public static int recordKey(int n, int i) {
    Key k = new Key(n, i & 3); // site: basic.record-key
    Integer v = KEYS.get(k);
    int o = Opaque.next();
    return (v == null ? 0 : v) + k.a() + o;
  }

  @Probe(id = "basic.class-key", group = "records", pair = "basic.record-key",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (HashMap.get, hash and the key's small hashCode and equals inlined)",
      callee = "dev.noescape.jitbench.probes.Basics$Pt::hashCode",
      note = "The same lookup with a hand-written final key class.")
  public static int classKey(int n, int i) {
    Pt k = new Pt(n, i & 3); // site: basic.class-key
    Integer v = PTS.get(k);
    int o = Opaque.next();
    return (v == null ? 0 : v) + k.x + o;
  }

  @Probe(id = "basic.record-ref-equals", group = "records", pair = "basic.record-equals",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "callGenerator.cpp CallGenerator::for_method_handle_inline (the ObjectMethods equals, Objects.equals on the String component inlined)",
      callee = "dev.noescape.jitbench.probes.Basics$Named::equals",
      note = "Two records with a String component compared with the generated equals.")
  public static int recordRefEquals(int n, int i) {
    Named a = new Named(NAME, n); // site: basic.record-ref-equals
    Named b = new Named(NAME, i);
    int o = Opaque.next();
    return (a.equals(b) ? 1 : 0) + a.v() + o;
  }

  static final class Line {
    final Point p;

    Line(Point p) {
      this.p = p;
    }
  }

  static final class Counter {
    int value;

    Counter(int value) {
      this.value = value;
    }
  }

  static final class VolatileCounter {
    volatile int value;

    VolatileCounter(int value) {
      this.value = value;
    }
  }

  record Pair(int x, int y) {}

  record Key(int a, int b) {}

  record Named(String name, int v) {}

  private static final String NAME = "probe";
  private static final java.util.Map<Key, Integer> KEYS = new java.util.HashMap<>();
  private static final java.util.Map<Pt, Integer> PTS = new java.util.HashMap<>();

  static {
    for (int b = 0; b < 4; b++) {
      KEYS.put(new Key(8, b), b);
      PTS.put(new Pt(8, b), b);
    }
  }

  static final class Pt {
    final int x;
    final int y;

    Pt(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Pt p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return 31 * x + y;
    }
  }
}
