package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.util.Arrays;

/** Copies into a fresh array or object: clone, System.arraycopy, Arrays.copyOf, multianewarray. */
public final class Copies {
  private static final int[] SOURCE = {1, 2, 3, 4, 5, 6, 7, 8};
  private static final CloneablePoint PROTOTYPE = new CloneablePoint(3, 4);

  private Copies() {}

  @Probe(id = "copy.clone-constant", group = "array-copy", pair = "copy.clone-unknown-length",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "macro.cpp PhaseMacroExpand::can_eliminate_allocation (an ArrayCopy that is_clonebasic into the allocation is allowed; loads read the source: make_arraycopy_load)",
      note = "clone() of a static final int[8]: the copy has a constant length.")
  public static int cloneConstant(int n, int i) {
    int[] c = SOURCE.clone(); // site: copy.clone-constant
    c[1] = n;
    int o = Opaque.next();
    return c[1] + c[5] + i + o;
  }

  @Probe(id = "copy.clone-unknown-length", group = "array-copy", pair = "copy.clone-constant",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")",
      note = "clone() of an int[8] returned by a call C2 cannot see into: unknown length.")
  public static int cloneUnknownLength(int n, int i) {
    int[] c = Opaque.array().clone(); // site: copy.clone-unknown-length
    c[1] = n;
    int o = Opaque.next();
    return c[1] + c[5] + i + o;
  }

  @Probe(id = "copy.arraycopy-constant", group = "array-copy", pair = "copy.arraycopy-variable",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "macro.cpp PhaseMacroExpand::can_eliminate_allocation (is_arraycopy_validated into the allocation)",
      note = "System.arraycopy of 4 constant elements into a new int[4].")
  public static int arraycopyConstant(int n, int i) {
    int[] d = new int[4]; // site: copy.arraycopy-constant
    System.arraycopy(SOURCE, 2, d, 0, 4);
    int o = Opaque.next();
    return d[1] + d[3] + n + i + o;
  }

  @Probe(id = "copy.arraycopy-variable", group = "array-copy", pair = "copy.arraycopy-constant",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "macro.cpp PhaseMacroExpand::value_from_mem / make_arraycopy_load (with a variable copy length the loaded element may or may not come from the copy)",
      note = "The same copy with length min(n, 4) (4 at run time).")
  public static int arraycopyVariable(int n, int i) {
    int[] d = new int[4]; // site: copy.arraycopy-variable
    System.arraycopy(SOURCE, 2, d, 0, Math.min(n, 4));
    int o = Opaque.next();
    return d[1] + d[3] + n + i + o;
  }

  @Probe(id = "copy.copyof-constant", group = "array-copy", pair = "copy.copyof-variable",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "library_call.cpp LibraryCallKit::inline_array_copyOf; macro.cpp PhaseMacroExpand::can_eliminate_allocation (is_copyof_validated)",
      note = "Arrays.copyOf(SOURCE, 4): an intrinsic allocation of constant length 4.")
  public static int copyOfConstant(int n, int i) {
    int[] d = Arrays.copyOf(SOURCE, 4); // site: copy.copyof-constant
    int o = Opaque.next();
    return d[1] + d[3] + n + i + o;
  }

  @Probe(id = "copy.copyof-variable", group = "array-copy", pair = "copy.copyof-constant",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")",
      note = "Arrays.copyOf(SOURCE, n): the new length is a parameter.")
  public static int copyOfVariable(int n, int i) {
    int[] d = Arrays.copyOf(SOURCE, n); // site: copy.copyof-variable
    int o = Opaque.next();
    return d[1] + d[3] + n + i + o;
  }

  @Probe(id = "copy.copyof-variable-shorter", group = "array-copy", pair = "copy.copyof-variable",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (\"has a non-constant length\")",
      note = "Arrays.copyOf(SOURCE, n - 4): 4 at run time, never SOURCE's length, so JDK 21+'s clone() path for an equal length never runs.")
  public static int copyOfVariableShorter(int n, int i) {
    int[] d = Arrays.copyOf(SOURCE, n - 4); // site: copy.copyof-variable-shorter
    int o = Opaque.next();
    return d[1] + d[3] + n + i + o;
  }

  @Probe(id = "copy.object-clone", group = "object-copy", pair = "copy.copy-constructor",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "library_call.cpp LibraryCallKit::inline_native_clone (Object.clone of an instance becomes an ArrayCopy is_clonebasic; macro.cpp can_eliminate_allocation allows it)",
      callee = "dev.noescape.jitbench.probes.Copies$CloneablePoint::copy",
      note = "Object.clone() of a static Cloneable two-int object.")
  public static int objectClone(int n, int i) {
    CloneablePoint c = PROTOTYPE.copy(); // site: copy.object-clone
    c.x += n;
    int o = Opaque.next();
    return c.x + c.y + i + o;
  }

  @Probe(id = "copy.copy-constructor", group = "object-copy", pair = "copy.object-clone",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::compute_escape (an ordinary NoEscape allocation)",
      callee = "dev.noescape.jitbench.probes.Copies$CloneablePoint::<init>",
      note = "The same copy made with a constructor.")
  public static int copyConstructor(int n, int i) {
    CloneablePoint c = new CloneablePoint(PROTOTYPE.x, PROTOTYPE.y); // site: copy.copy-constructor
    c.x += n;
    int o = Opaque.next();
    return c.x + c.y + i + o;
  }

  @Probe(id = "multi.2x2", group = "multianewarray", pair = "multi.2xn",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse3.cpp Parse::do_multianewarray (constant leading dimensions, 1 + 2 allocations <= MultiArrayExpandLimit 6: expanded into plain array allocations)",
      note = "new int[2][2], read at constant indices.")
  public static int multi2x2(int n, int i) {
    int[][] m = new int[2][2]; // site: multi.2x2
    m[0][1] = n;
    m[1][0] = i;
    int o = Opaque.next();
    return m[0][1] + m[1][0] + o;
  }

  @Probe(id = "multi.2xn", group = "multianewarray", pair = "multi.2x2",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "parse3.cpp Parse::do_multianewarray (expanded, but the inner arrays have a non-constant length: escape.cpp add_call_node)",
      note = "new int[2][n]: the last dimension is a parameter.")
  public static int multi2xn(int n, int i) {
    int[][] m = new int[2][n]; // site: multi.2xn
    m[0][1] = n;
    m[1][0] = i;
    int o = Opaque.next();
    return m[0][1] + m[1][0] + o;
  }

  @Probe(id = "multi.5x2", group = "multianewarray", pair = "multi.6x2",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "parse3.cpp Parse::do_multianewarray (1 + 5 = 6 allocations <= MultiArrayExpandLimit 6: expanded)",
      note = "new int[5][2].")
  public static int multi5x2(int n, int i) {
    int[][] m = new int[5][2]; // site: multi.5x2
    m[0][1] = n;
    m[4][0] = i;
    int o = Opaque.next();
    return m[0][1] + m[4][0] + o;
  }

  @Probe(id = "multi.6x2", group = "multianewarray", pair = "multi.5x2",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "parse3.cpp Parse::do_multianewarray (1 + 6 = 7 > MultiArrayExpandLimit 6: a runtime call allocates the whole array)",
      note = "new int[6][2].")
  public static int multi6x2(int n, int i) {
    int[][] m = new int[6][2]; // site: multi.6x2
    m[0][1] = n;
    m[5][0] = i;
    int o = Opaque.next();
    return m[0][1] + m[5][0] + o;
  }

  static final class CloneablePoint implements Cloneable {
    int x;
    int y;

    CloneablePoint(int x, int y) {
      this.x = x;
      this.y = y;
    }

    CloneablePoint copy() {
      try {
        return (CloneablePoint) super.clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
