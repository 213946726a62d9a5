package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/** Kinds of call the object is passed to: recursive, native, intrinsic, virtual with 1, 2 or 3 receiver types. */
public final class Calls {
  /** Three implementations, all loaded (the class initializer creates them). */
  private static final Visitor[] VISITORS = {new Sum(), new Diff(), new Prod()};

  /** Not final, so C2 knows only its declared type (Single) and must use the class hierarchy. */
  private static Single single = new OnlySingle();

  private Calls() {}

  @Probe(id = "call.recursive", group = "call-kind", pair = "call.iterative",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::try_to_inline (recursion deeper than MaxRecursiveInlineLevel 1 is not inlined, so a real call receives the object)",
      callee = "dev.noescape.jitbench.probes.Calls::recursive",
      note = "Passed to a recursive method that walks down n levels before reading it.")
  public static int recursiveCall(int n, int i) {
    Point p = new Point(n, i); // site: call.recursive
    int r = recursive(p, n);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "call.iterative", group = "call-kind", pair = "call.recursive",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (small hot callee inlined)",
      callee = "dev.noescape.jitbench.probes.Calls::iterative",
      note = "The same computation as a loop in a non-recursive callee.")
  public static int iterativeCall(int n, int i) {
    Point p = new Point(n, i); // site: call.iterative
    int r = iterative(p, n);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "call.native", group = "call-kind", pair = "call.intrinsic",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (a native callee cannot be analyzed: its arguments escape globally)",
      note = "Passed to Thread.holdsLock, a native method with no intrinsic.")
  public static int nativeCall(int n, int i) {
    Point p = new Point(n, i); // site: call.native
    int r = Thread.holdsLock(p) ? 1 : 0;
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }

  @Probe(id = "call.intrinsic", group = "call-kind", pair = "call.native",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "library_call.cpp LibraryCallKit::inline_native_getClass (the native Object.getClass is an intrinsic: a load of the klass, known for a fresh object)",
      note = "Passed to Object.getClass, native but intrinsified.")
  public static int intrinsicCall(int n, int i) {
    Point p = new Point(n, i); // site: call.intrinsic
    int r = p.getClass() == Point.class ? 1 : 0;
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }

  @Probe(id = "call.identity-hash", group = "call-kind", pair = "call.overridden-hash",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "library_call.cpp LibraryCallKit::inline_native_hashcode (reads and may install the header's hash: needs a real object)",
      note = "System.identityHashCode of a local object.")
  public static int identityHash(int n, int i) {
    Point p = new Point(n, i); // site: call.identity-hash
    int r = System.identityHashCode(p) & 1;
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }

  @Probe(id = "call.overridden-hash", group = "call-kind", pair = "call.identity-hash",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (the overriding hashCode is small and inlined on the exact type)",
      callee = "dev.noescape.jitbench.probes.Calls$HashedPoint::hashCode",
      note = "The same with a class that overrides hashCode.")
  public static int overriddenHash(int n, int i) {
    HashedPoint p = new HashedPoint(n, i); // site: call.overridden-hash
    int r = p.hashCode() & 1;
    int o = Opaque.next();
    return r + p.x + p.y + o;
  }

  @Probe(id = "call.megamorphic", group = "call-dispatch", pair = "call.bimorphic",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "doCall.cpp Compile::call_generator (3 receiver types: no type-profile inlining, a virtual call receives the object)",
      callee = "dev.noescape.jitbench.probes.Calls$Sum::visit",
      note = "Passed to Visitor.visit on receivers of 3 types in turn.")
  public static int megamorphic(int n, int i) {
    Point p = new Point(n, i); // site: call.megamorphic
    int r = VISITORS[i % 3].visit(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "call.bimorphic", group = "call-dispatch", pair = "call.megamorphic",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "doCall.cpp Compile::call_generator (two receiver types in the profile: both inlined behind a type check)",
      callee = "dev.noescape.jitbench.probes.Calls$Sum::visit",
      note = "Passed to Visitor.visit on receivers of 2 types in turn.")
  public static int bimorphic(int n, int i) {
    Point p = new Point(n, i); // site: call.bimorphic
    int r = VISITORS[i & 1].visit(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "call.monomorphic", group = "call-dispatch", pair = "call.bimorphic",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "doCall.cpp Compile::call_generator (one receiver type in the profile, though 3 are loaded: inlined behind a guard)",
      callee = "dev.noescape.jitbench.probes.Calls$Sum::visit",
      note = "Passed to Visitor.visit, always on the same receiver type.")
  public static int monomorphic(int n, int i) {
    Point p = new Point(n, i); // site: call.monomorphic
    int r = VISITORS[0].visit(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "call.single-implementation", group = "call-dispatch", pair = "call.monomorphic",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "doCall.cpp Compile::optimize_inlining (class hierarchy analysis: one loaded implementation, devirtualized without a profile guard)",
      callee = "dev.noescape.jitbench.probes.Calls$OnlySingle::visit",
      note = "Passed to an interface method that has exactly one loaded implementation.")
  public static int singleImplementation(int n, int i) {
    Point p = new Point(n, i); // site: call.single-implementation
    int r = single.visit(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  static int recursive(Point p, int k) {
    return k <= 0 ? p.x : recursive(p, k - 1) + 1;
  }

  static int iterative(Point p, int k) {
    int r = 0;
    while (k > 0) {
      r++;
      k--;
    }
    return p.x + r;
  }

  interface Visitor {
    int visit(Point p);
  }

  static final class Sum implements Visitor {
    @Override
    public int visit(Point p) {
      return p.x + p.y;
    }
  }

  static final class Diff implements Visitor {
    @Override
    public int visit(Point p) {
      return p.x - p.y;
    }
  }

  static final class Prod implements Visitor {
    @Override
    public int visit(Point p) {
      return p.x * p.y;
    }
  }

  interface Single {
    int visit(Point p);
  }

  static final class OnlySingle implements Single {
    @Override
    public int visit(Point p) {
      return p.x ^ p.y;
    }
  }

  static final class HashedPoint {
    final int x;
    final int y;

    HashedPoint(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HashedPoint h && h.x == x && h.y == y;
    }

    @Override
    public int hashCode() {
      return 31 * x + y;
    }
  }
}
