package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/** Array length and element index: the conditions C2 puts on arrays before anything else. */
public final class ArrayShapes {
  private ArrayShapes() {}

  @Probe(id = "array.length.const", group = "array-length", pair = "array.length.param",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (AllocateArray: constant length <= EliminateAllocationArraySizeLimit)",
      note = "new int[8]: constant length, constant indices.")
  public static int lengthConst(int n, int i) {
    int[] a = new int[8]; // site: array.length.const
    a[1] = n;
    a[2] = i;
    int o = Opaque.next();
    return a[1] + a[2] + o;
  }

  @Probe(id = "array.length.param", group = "array-length", pair = "array.length.const",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\"); macro.cpp PhaseMacroExpand::can_eliminate_allocation (\"Array's size is not constant\")",
      note = "new int[n], n a parameter (8 at run time).")
  public static int lengthParam(int n, int i) {
    int[] a = new int[n]; // site: array.length.param
    a[1] = n;
    a[2] = i;
    int o = Opaque.next();
    return a[1] + a[2] + o;
  }

  @Probe(id = "array.length.64", group = "array-size-limit", pair = "array.length.65",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (length > EliminateAllocationArraySizeLimit = 64)",
      note = "new int[64]: exactly the limit.")
  public static int length64(int n, int i) {
    int[] a = new int[64]; // site: array.length.64
    a[1] = n;
    a[63] = i;
    int o = Opaque.next();
    return a[1] + a[63] + o;
  }

  @Probe(id = "array.length.65", group = "array-size-limit", pair = "array.length.64",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (length > EliminateAllocationArraySizeLimit = 64: \"has a length that is too big\")",
      note = "new int[65]: one element over the limit.")
  public static int length65(int n, int i) {
    int[] a = new int[65]; // site: array.length.65
    a[1] = n;
    a[63] = i;
    int o = Opaque.next();
    return a[1] + a[63] + o;
  }

  @Probe(id = "array.length.inlined-const", group = "array-length", pair = "array.length.call-result",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (length found constant after inlining: find_int_con)",
      note = "The length comes from a small method that is inlined and returns 8: constant by the time EA runs.")
  public static int lengthInlinedConst(int n, int i) {
    int[] a = new int[eight()]; // site: array.length.inlined-const
    a[1] = n;
    a[2] = i;
    int o = Opaque.next();
    return a[1] + a[2] + o;
  }

  @Probe(id = "array.length.call-result", group = "array-length", pair = "array.length.inlined-const",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")",
      note = "The same 8 from a call that is never inlined: not a constant for C2.")
  public static int lengthCallResult(int n, int i) {
    int[] a = new int[Opaque.eight()]; // site: array.length.call-result
    a[1] = n;
    a[2] = i;
    int o = Opaque.next();
    return a[1] + a[2] + o;
  }

  @Probe(id = "array.ref.const", group = "array-length", pair = "array.ref.param",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (AllocateArray of references, constant length)",
      note = "new String[4] holding a constant string: reference arrays follow the same length rule.")
  public static int refConst(int n, int i) {
    String[] a = new String[4]; // site: array.ref.const
    a[2] = "probe";
    int o = Opaque.next();
    return a[2].length() + n + o;
  }

  @Probe(id = "array.ref.param", group = "array-length", pair = "array.ref.const",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")",
      note = "new String[n/2] (4 at run time): the issue's reference array of non-constant length.")
  public static int refParam(int n, int i) {
    String[] a = new String[n >> 1]; // site: array.ref.param
    a[2] = "probe";
    int o = Opaque.next();
    return a[2].length() + n + o;
  }

  @Probe(id = "array.index.const", group = "array-index", pair = "array.index.variable",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (every element access at a known offset)",
      note = "new int[4], written and read at constant indices.")
  public static int indexConst(int n, int i) {
    int[] a = new int[4]; // site: array.index.const
    a[1] = i;
    a[3] = n;
    int o = Opaque.next();
    return a[1] + a[3] + o;
  }

  @Probe(id = "array.index.variable", group = "array-index", pair = "array.index.const",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (4: \"has field with unknown offset\")",
      note = "The same array written at index i & 3: an unknown offset.")
  public static int indexVariable(int n, int i) {
    int[] a = new int[4]; // site: array.index.variable
    a[i & 3] = i;
    a[3] = n;
    int o = Opaque.next();
    return a[1] + a[3] + o;
  }

  @Probe(id = "array.index.unrolled-loop", group = "array-index", pair = "array.index.variable-trip",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "compile.cpp Compile::Optimize (PhaseIdealLoop LoopOptsMaxUnroll before EA fully unrolls the constant-trip loop, so the indices become constants)",
      note = "Filled by a loop of constant trip count 4: fully unrolled before escape analysis runs.")
  public static int indexUnrolledLoop(int n, int i) {
    int[] a = new int[4]; // site: array.index.unrolled-loop
    for (int k = 0; k < 4; k++) {
      a[k] = k * i;
    }
    int o = Opaque.next();
    return a[1] + a[3] + n + o;
  }

  @Probe(id = "array.index.variable-trip", group = "array-index", pair = "array.index.unrolled-loop",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (4: \"has field with unknown offset\": the loop cannot be unrolled)",
      note = "The same loop up to min(n, 4) (4 at run time): not unrollable, so the index stays a variable.")
  public static int indexVariableTrip(int n, int i) {
    int[] a = new int[4]; // site: array.index.variable-trip
    int m = Math.min(n, 4);
    for (int k = 0; k < m; k++) {
      a[k] = k * i;
    }
    int o = Opaque.next();
    return a[1] + a[3] + n + o;
  }

  /** 8, inlined into the caller (tiny and hot). */
  static int eight() {
    return 8;
  }
}
