package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.util.HashMap;
import java.util.Map;

/** Boxing outside the valueOf caches: C2 treats valueOf as a boxing call it may remove (EliminateAutoBox). */
public final class Boxing {
  private static final Map<Integer, Integer> MAP = new HashMap<>();

  static {
    for (int k = 0; k < 64; k++) MAP.put(100_000 + k, k);
  }

  private Boxing() {}

  @Probe(id = "box.integer-local", group = "boxing", pair = "box.integer-escapes",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "callnode.cpp CallStaticJavaNode (is_boxing_method); macro.cpp PhaseMacroExpand::eliminate_boxing_node (EliminateAutoBox: unboxed uses only)",
      callee = "java.lang.Integer::valueOf",
      note = "Integer.valueOf(i | 1 << 20) (never cached), unboxed after a call.")
  public static int integerLocal(int n, int i) {
    Integer b = Integer.valueOf(i | 1 << 20); // site: box.integer-local
    int o = Opaque.next();
    return b + n + o;
  }

  @Probe(id = "box.integer-escapes", group = "boxing", pair = "box.integer-local",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_final_edges (stored into a static field: GlobalEscape)",
      note = "The same Integer stored into a static field.")
  public static int integerEscapes(int n, int i) {
    Integer b = Integer.valueOf(i | 1 << 20); // site: box.integer-escapes
    Opaque.sink = b;
    int o = Opaque.next();
    return b + n + o;
  }

  @Probe(id = "box.double-local", group = "boxing", pair = "box.double-passed",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "macro.cpp PhaseMacroExpand::eliminate_boxing_node (Double.valueOf has no cache: a plain new Double, NoEscape)",
      callee = "java.lang.Double::valueOf",
      note = "Double.valueOf(i * 0.5), unboxed after a call.")
  public static int doubleLocal(int n, int i) {
    Double d = Double.valueOf(i * 0.5); // site: box.double-local
    int o = Opaque.next();
    return (int) (d + n) + o;
  }

  @Probe(id = "box.double-passed", group = "boxing", pair = "box.double-local",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (passed to a call that is not inlined: ArgEscape)",
      note = "The same Double passed to a method that is never inlined.")
  public static int doublePassed(int n, int i) {
    Double d = Double.valueOf(i * 0.5); // site: box.double-passed
    int o = Opaque.consume(d);
    return (int) (d + n) + o;
  }

  @Probe(id = "box.map-key", group = "boxing", pair = "box.integer-local",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (the key reaches HashMap.getNode and equals through calls C2 may not all inline)",
      callee = "java.util.HashMap::get",
      note = "The boxed key of HashMap.get (100000 + (i & 63), never cached).")
  public static int mapKey(int n, int i) {
    Integer v = MAP.get(100_000 + (i & 63)); // site: box.map-key
    int o = Opaque.next();
    return v + n + o;
  }

  @Probe(id = "box.long-sum-loop", group = "boxing", pair = "box.integer-local",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (the boxed accumulator is carried around the loop: a merge at the loop Phi)",
      note = "Long sum += k in a loop: a new Long per iteration, carried to the next.")
  public static int longSumLoop(int n, int i) {
    Long sum = 0L;
    for (int k = 0; k < n; k++) {
      sum += k + (long) i << 20; // site: box.long-sum-loop
    }
    int o = Opaque.next();
    return (int) (sum + o);
  }
}
