package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * JDK classes whose own code allocates: the site is the line of the probe that creates the JDK
 * object; what is measured is everything allocated under it (the object and its internal buffers).
 */
public final class JdkInternals {
  private static final List<Integer> ARRAY_LIST = new ArrayList<>(List.of(1000, 2000, 3000, 4000));

  /** Three List classes the megamorphic iteration cycles through. */
  private static final List<List<Integer>> LISTS =
      List.of(ARRAY_LIST, new LinkedList<>(ARRAY_LIST), List.of(1000, 2000, 3000, 4000));

  private static final Integer KEY = 4242;

  private JdkInternals() {}

  @Probe(id = "jdk.sb-append", group = "jdk-internal", pair = "jdk.sb-empty",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "macro.cpp PhaseMacroExpand::can_eliminate_allocation (the byte[] buffer is reached through the coder/growth paths of AbstractStringBuilder: merged at a Phi and passed to intrinsics)",
      callee = "java.lang.AbstractStringBuilder::<init>",
      note = "new StringBuilder() with one char appended, only its length read.")
  public static int sbAppend(int n, int i) {
    StringBuilder sb = new StringBuilder(); // site: jdk.sb-append
    sb.append('x');
    int o = Opaque.next();
    return sb.length() + n + i + o;
  }

  @Probe(id = "jdk.sb-empty", group = "jdk-internal", pair = "jdk.sb-append",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (byte[16] of constant length, stored into a NoEscape builder)",
      callee = "java.lang.AbstractStringBuilder::<init>",
      note = "new StringBuilder() and its length, nothing appended.")
  public static int sbEmpty(int n, int i) {
    StringBuilder sb = new StringBuilder(); // site: jdk.sb-empty
    int o = Opaque.next();
    return sb.length() + n + i + o;
  }

  @Probe(id = "jdk.sb-to-string", group = "jdk-internal", pair = "jdk.string-concat",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "stringopts.cpp PhaseStringOpts (OptimizeStringConcat fuses the builder chain into one String allocation, which toString's callers keep)",
      note = "new StringBuilder().append(i).toString(), only the String's length read.")
  public static int sbToString(int n, int i) {
    String s = new StringBuilder().append(i).toString(); // site: jdk.sb-to-string
    int o = Opaque.next();
    return s.length() + n + o;
  }

  @Probe(id = "jdk.string-concat", group = "jdk-internal", pair = "jdk.sb-to-string",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "StringConcatFactory (invokedynamic): the strategy's byte[] and String are allocated in code C2 does not scalar-replace (macro.cpp: passed to intrinsics)",
      note = "\"v\" + i, only the String's length read.")
  public static int stringConcat(int n, int i) {
    String s = "v" + i; // site: jdk.string-concat
    int o = Opaque.next();
    return s.length() + n + o;
  }

  @Probe(id = "jdk.arraylist-add", group = "jdk-internal", pair = "jdk.arraylist-presized",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::adjust_scalar_replaceable_state (elementData is the shared empty array or grow()'s new array: merged objects)",
      callee = "java.util.ArrayList::<init>",
      note = "new ArrayList<>() with one element added and read back.")
  public static int arrayListAdd(int n, int i) {
    List<Integer> list = new ArrayList<>(); // site: jdk.arraylist-add
    list.add(KEY);
    int o = Opaque.next();
    return list.size() + list.get(0) + n + i + o;
  }

  @Probe(id = "jdk.arraylist-presized", group = "jdk-internal", pair = "jdk.arraylist-add",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (new Object[4] of constant length after inlining; grow() never runs, so it is an uncommon trap)",
      callee = "java.util.ArrayList::<init>",
      note = "new ArrayList<>(4) with one element added: the buffer never grows.")
  public static int arrayListPresized(int n, int i) {
    List<Integer> list = new ArrayList<>(4); // site: jdk.arraylist-presized
    list.add(KEY);
    int o = Opaque.next();
    return list.size() + list.get(0) + n + i + o;
  }

  @Probe(id = "jdk.arraylist-empty", group = "jdk-internal", pair = "jdk.arraylist-add",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (the list holds the shared empty array: only the ArrayList object itself, NoEscape)",
      callee = "java.util.ArrayList::<init>",
      note = "new ArrayList<>() and its size, nothing added.")
  public static int arrayListEmpty(int n, int i) {
    List<Integer> list = new ArrayList<>(); // site: jdk.arraylist-empty
    int o = Opaque.next();
    return list.size() + n + i + o;
  }

  @Probe(id = "jdk.hashmap-put", group = "jdk-internal", pair = "jdk.hashmap-empty",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node / adjust_scalar_replaceable_state (resize() allocates a Node[] of computed length; nodes stored at unknown index)",
      callee = "java.util.HashMap::<init>",
      note = "new HashMap<>() with one entry put and read back.")
  public static int hashMapPut(int n, int i) {
    Map<Integer, Integer> map = new HashMap<>(); // site: jdk.hashmap-put
    map.put(KEY, KEY);
    int o = Opaque.next();
    return map.size() + map.get(KEY) + n + i + o;
  }

  @Probe(id = "jdk.hashmap-empty", group = "jdk-internal", pair = "jdk.hashmap-put",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (the table is allocated lazily: only the HashMap object, NoEscape)",
      callee = "java.util.HashMap::<init>",
      note = "new HashMap<>() and its size, nothing put.")
  public static int hashMapEmpty(int n, int i) {
    Map<Integer, Integer> map = new HashMap<>(); // site: jdk.hashmap-empty
    int o = Opaque.next();
    return map.size() + n + i + o;
  }

  @Probe(id = "jdk.iterator-monomorphic", group = "jdk-iterator", pair = "jdk.iterator-megamorphic",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "doCall.cpp Compile::call_generator (ArrayList.iterator inlined on a monomorphic site; the Itr is NoEscape)",
      callee = "java.util.ArrayList::iterator",
      note = "An enhanced for over a static ArrayList: its ArrayList.Itr, with a call inside the loop.")
  public static int iteratorMonomorphic(int n, int i) {
    int s = 0;
    for (Integer v : ARRAY_LIST) { // site: jdk.iterator-monomorphic
      s += v + Opaque.next();
    }
    return s + n + i;
  }

  @Probe(id = "jdk.iterator-megamorphic", group = "jdk-iterator", pair = "jdk.iterator-monomorphic",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "doCall.cpp Compile::call_generator (List.iterator on 3 receiver types: a virtual call returns the iterator, GlobalEscape)",
      note = "The same loop over an ArrayList, a LinkedList and a List.of in turn.")
  public static int iteratorMegamorphic(int n, int i) {
    int s = 0;
    for (Integer v : LISTS.get(i % 3)) { // site: jdk.iterator-megamorphic
      s += v + Opaque.next();
    }
    return s + n + i;
  }

  @Probe(id = "jdk.stream-sum", group = "jdk-stream", pair = "jdk.iterator-monomorphic",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::try_to_inline (the stream pipeline's depth and megamorphic stage calls stop inlining: its objects reach real calls)",
      note = "IntStream.range(0, n).map(capturing lambda).sum().")
  public static int streamSum(int n, int i) {
    int s = IntStream.range(0, n).map(v -> v + i).sum(); // site: jdk.stream-sum
    int o = Opaque.next();
    return s + o;
  }
}
