package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.util.function.IntSupplier;

/** Capturing lambdas and varargs arrays, each handed to a callee C2 inlines or does not. */
public final class Lambdas {
  private Lambdas() {}

  @Probe(id = "lambda.inlined-consumer", group = "lambda", pair = "lambda.not-inlined-consumer",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (the consumer and the lambda's body are small and inlined: the lambda object is NoEscape)",
      callee = "dev.noescape.jitbench.probes.Lambdas::apply",
      note = "A lambda capturing n and i passed to a small static consumer.")
  public static int inlinedConsumer(int n, int i) {
    IntSupplier s = () -> n * 3 + i; // site: lambda.inlined-consumer
    int o = Opaque.next();
    return apply(s) + o;
  }

  @Probe(id = "lambda.not-inlined-consumer", group = "lambda", pair = "lambda.inlined-consumer",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (passed to a call that is not inlined: ArgEscape)",
      note = "The same lambda passed to a consumer that is never inlined.")
  public static int notInlinedConsumer(int n, int i) {
    IntSupplier s = () -> n * 3 + i; // site: lambda.not-inlined-consumer
    int o = Opaque.consume(s);
    return s.getAsInt() + o;
  }

  @Probe(id = "lambda.anonymous-class", group = "lambda", pair = "lambda.inlined-consumer",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "bytecodeInfo.cpp InlineTree::should_inline (an anonymous class is an ordinary allocation: NoEscape once apply is inlined)",
      callee = "dev.noescape.jitbench.probes.Lambdas::apply",
      note = "The same capture written as an anonymous class.")
  public static int anonymousClass(int n, int i) {
    IntSupplier s = new IntSupplier() { // site: lambda.anonymous-class
      @Override
      public int getAsInt() {
        return n * 3 + i;
      }
    };
    int o = Opaque.next();
    return apply(s) + o;
  }

  @Probe(id = "varargs.inlined-indexed", group = "varargs", pair = "varargs.not-inlined",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (int[3] of constant length, read at constant indices after inlining)",
      callee = "dev.noescape.jitbench.probes.Lambdas::firstAndLast",
      note = "A varargs call to a small callee that reads xs[0] and xs[2] after a call.")
  public static int varargsInlinedIndexed(int n, int i) {
    return firstAndLast(n, i, 3); // site: varargs.inlined-indexed
  }

  @Probe(id = "varargs.inlined-loop", group = "varargs", pair = "varargs.inlined-indexed",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "compile.cpp Compile::Optimize (LoopOptsMaxUnroll fully unrolls the loop over the constant-length array before EA)",
      callee = "dev.noescape.jitbench.probes.Lambdas::sum",
      note = "A varargs call to a small callee that makes a call, then sums its array in a for-each loop.")
  public static int varargsInlinedLoop(int n, int i) {
    return sum(n, i, 3); // site: varargs.inlined-loop
  }

  @Probe(id = "varargs.not-inlined", group = "varargs", pair = "varargs.inlined-indexed",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (passed to a call that is not inlined: ArgEscape)",
      note = "A varargs call (two string constants) to a method that is never inlined.")
  public static int varargsNotInlined(int n, int i) {
    int r = Opaque.count("a", "b"); // site: varargs.not-inlined
    int o = Opaque.next();
    return r + n + i + o;
  }

  static int apply(IntSupplier s) {
    return s.getAsInt() + 1;
  }

  /** Reads the array after a call, so that without escape analysis the array must exist. */
  static int firstAndLast(int... xs) {
    int o = Opaque.next();
    return xs[0] + xs[2] + o;
  }

  static int sum(int... xs) {
    int s = Opaque.next();
    for (int x : xs) {
      s += x;
    }
    return s;
  }
}
