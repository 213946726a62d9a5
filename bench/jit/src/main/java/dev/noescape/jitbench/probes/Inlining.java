package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;

/**
 * Inlining: the object is passed to a callee; only when C2 inlines the callee can it remove the
 * object. Callee sizes (bytecode bytes) are asserted by the self check
 * ({@code InliningSizesTest}); the limits are MaxInlineSize 35, FreqInlineSize 325,
 * MaxTrivialSize 6, MaxInlineLevel 15 on both JDKs. JDK 17 calls a site hot when its count reaches
 * InlineFrequencyCount 100; JDK 25 when count / invocations reaches InlineFrequencyRatio 0.25, and
 * refuses non-trivial callees below MinInlineFrequencyRatio 0.0085.
 *
 * <p>Generated once by hand-run script and kept as source: the callee bodies are repetitive on
 * purpose (their size is the point).
 */
public final class Inlining {
  private Inlining() {}

  @Probe(id = "inline.hot-small", group = "inline-size", pair = "inline.hot-max",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (hot site: size <= FreqInlineSize)",
      callee = "dev.noescape.jitbench.probes.Inlining::small",
      note = "Passed on every call to a 14-byte callee.")
  public static int hotSmall(int n, int i) {
    Point p = new Point(n, i); // site: inline.hot-small
    int r = small(p, i);
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.hot-max", group = "inline-size", pair = "inline.hot-too-big",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (hot site: size <= FreqInlineSize = 325)",
      callee = "dev.noescape.jitbench.probes.Inlining::size325",
      note = "Passed on every call to a callee of exactly 325 bytes.")
  public static int hotMax(int n, int i) {
    Point p = new Point(n, i); // site: inline.hot-max
    int r = size325(p, i);
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.hot-too-big", group = "inline-size", pair = "inline.hot-max",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (\"hot method too big\": size > FreqInlineSize = 325)",
      note = "Passed on every call to a callee of 335 bytes.")
  public static int hotTooBig(int n, int i) {
    Point p = new Point(n, i); // site: inline.hot-too-big
    int r = size335(p, i);
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.cold-small", group = "inline-frequency", pair = "inline.cold-medium",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (cold site: size <= MaxInlineSize = 35)",
      callee = "dev.noescape.jitbench.probes.Inlining::small",
      note = "Passed to the 14-byte callee on 1 call in 16 (frequency 0.0625).")
  public static int coldSmall(int n, int i) {
    Point p = new Point(n, i); // site: inline.cold-small
    int r = 0;
    if ((i & 15) == 0) {
      r = small(p, i);
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.cold-medium", group = "inline-frequency", pair = "inline.cold-small",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (JDK 17: call count >= InlineFrequencyCount 100 makes the site hot; JDK 25: 0.0625 < InlineFrequencyRatio 0.25, so MaxInlineSize 35 applies: \"too big\")",
      callee = "dev.noescape.jitbench.probes.Inlining::medium",
      note = "Passed to a 64-byte callee on 1 call in 16.")
  public static int coldMedium(int n, int i) {
    Point p = new Point(n, i); // site: inline.cold-medium
    int r = 0;
    if ((i & 15) == 0) {
      r = medium(p, i);
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.rare-small", group = "inline-frequency", pair = "inline.rare-trivial",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::should_not_inline (JDK 25: frequency 1/256 < MinInlineFrequencyRatio 0.0085: \"low call site frequency\"; JDK 17 has no such floor)",
      callee = "dev.noescape.jitbench.probes.Inlining::small",
      note = "Passed to the 14-byte callee on 1 call in 256.")
  public static int rareSmall(int n, int i) {
    Point p = new Point(n, i); // site: inline.rare-small
    int r = 0;
    if ((i & 255) == 0) {
      r = small(p, i);
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.rare-trivial", group = "inline-frequency", pair = "inline.rare-small",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_not_inline (size <= MaxTrivialSize 6: no frequency objection)",
      callee = "dev.noescape.jitbench.probes.Inlining::trivial",
      note = "Passed to a 5-byte callee on 1 call in 256.")
  public static int rareTrivial(int n, int i) {
    Point p = new Point(n, i); // site: inline.rare-trivial
    int r = 0;
    if ((i & 255) == 0) {
      r = trivial(p);
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.rare-medium", group = "inline-frequency", pair = "inline.cold-medium",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (JDK 17: count < InlineFrequencyCount and size > MaxInlineSize: \"too big\"); should_not_inline (JDK 25: \"low call site frequency\")",
      callee = "dev.noescape.jitbench.probes.Inlining::medium",
      note = "Passed to the 64-byte callee on 1 call in 256.")
  public static int rareMedium(int n, int i) {
    Point p = new Point(n, i); // site: inline.rare-medium
    int r = 0;
    if ((i & 255) == 0) {
      r = medium(p, i);
    }
    int o = Opaque.next();
    return r + p.x + o;
  }

  @Probe(id = "inline.depth-16", group = "inline-depth", pair = "inline.depth-17",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::try_to_inline (inline_level() > MaxInlineLevel 15: \"inlining too deep\")",
      callee = "dev.noescape.jitbench.probes.Inlining::a16",
      note = "Passed down a chain of 16 nested calls (probe -> a1 -> ... -> a16, which reads it; not a bare getter, which C2 inlines as an accessor at any depth).")
  public static int depth16(int n, int i) {
    Point p = new Point(n, i); // site: inline.depth-16
    int r = a1(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  @Probe(id = "inline.depth-17", group = "inline-depth", pair = "inline.depth-16",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "bytecodeInfo.cpp InlineTree::try_to_inline (inline_level() > MaxInlineLevel 15: \"inlining too deep\")",
      note = "The same with 17 nested calls: the last one is one level too deep.")
  public static int depth17(int n, int i) {
    Point p = new Point(n, i); // site: inline.depth-17
    int r = b1(p);
    int o = Opaque.next();
    return r + p.y + o;
  }

  static int trivial(Point p) {
    return p.x;
  }

  static int small(Point p, int k) {
    return p.x * k + p.y - k;
  }

  static int medium(Point p, int k) {
    int r = k;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    return r;
  }

  static int size325(Point p, int k) {
    int r = k;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r + p.y;
    r = r * 3;
    return r;
  }

  static int size335(Point p, int k) {
    int r = k;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r * 31 + p.y;
    r = r + p.y;
    r = r * 3;
    return r;
  }

  static int a1(Point p) {
    return a2(p) + 1;
  }

  static int a2(Point p) {
    return a3(p) + 1;
  }

  static int a3(Point p) {
    return a4(p) + 1;
  }

  static int a4(Point p) {
    return a5(p) + 1;
  }

  static int a5(Point p) {
    return a6(p) + 1;
  }

  static int a6(Point p) {
    return a7(p) + 1;
  }

  static int a7(Point p) {
    return a8(p) + 1;
  }

  static int a8(Point p) {
    return a9(p) + 1;
  }

  static int a9(Point p) {
    return a10(p) + 1;
  }

  static int a10(Point p) {
    return a11(p) + 1;
  }

  static int a11(Point p) {
    return a12(p) + 1;
  }

  static int a12(Point p) {
    return a13(p) + 1;
  }

  static int a13(Point p) {
    return a14(p) + 1;
  }

  static int a14(Point p) {
    return a15(p) + 1;
  }

  static int a15(Point p) {
    return a16(p) + 1;
  }

  static int a16(Point p) {
    return p.x + 1;
  }

  static int b1(Point p) {
    return b2(p) + 1;
  }

  static int b2(Point p) {
    return b3(p) + 1;
  }

  static int b3(Point p) {
    return b4(p) + 1;
  }

  static int b4(Point p) {
    return b5(p) + 1;
  }

  static int b5(Point p) {
    return b6(p) + 1;
  }

  static int b6(Point p) {
    return b7(p) + 1;
  }

  static int b7(Point p) {
    return b8(p) + 1;
  }

  static int b8(Point p) {
    return b9(p) + 1;
  }

  static int b9(Point p) {
    return b10(p) + 1;
  }

  static int b10(Point p) {
    return b11(p) + 1;
  }

  static int b11(Point p) {
    return b12(p) + 1;
  }

  static int b12(Point p) {
    return b13(p) + 1;
  }

  static int b13(Point p) {
    return b14(p) + 1;
  }

  static int b14(Point p) {
    return b15(p) + 1;
  }

  static int b15(Point p) {
    return b16(p) + 1;
  }

  static int b16(Point p) {
    return b17(p) + 1;
  }

  static int b17(Point p) {
    return p.x + 1;
  }
}
