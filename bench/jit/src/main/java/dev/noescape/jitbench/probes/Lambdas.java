package dev.noescape.jitbench.probes;

import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.probe.Opaque;
import dev.noescape.jitbench.probe.Probe;
import java.lang.reflect.Method;
import java.util.Objects;
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

  @Probe(id = "varargs.reflect-invoke", group = "varargs", pair = "varargs.jdk-inlined",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP,
      hotspot = "escape.cpp ConnectionGraph::process_call_arguments (Method.invoke inlines, but passes the array to "
          + "methodAccessor.invoke: an interface call on a field, not inlined past its type profile: ArgEscape)",
      callee = "java.lang.reflect.Method::invoke",
      note = "Method.invoke with a varargs Object[1] (a String), on a Method held in a non-final field, as a program "
          + "that looks its methods up at run time holds them.")
  public static int varargsReflectInvoke(int n, int i) {
    return invokeReflected(reflected, i);
  }

  @Probe(id = "varargs.reflect-invoke-several", group = "varargs", pair = "varargs.reflect-invoke",
      jdk17 = Expect.HEAP, jdk25 = Expect.HEAP, callee = "java.lang.reflect.Method::invoke",
      note = "As varargs.reflect-invoke, over four reflected methods in turn: the call sites inside Method.invoke "
          + "are shared by every reflective call of the program, and see all their accessors.",
      hotspot = "doCall.cpp Compile::call_generator (the accessor call inside the JDK's reflection is megamorphic "
          + "when the program reflects on several methods: not inlined); escape.cpp process_call_arguments")
  public static int varargsReflectInvokeSeveral(int n, int i) {
    Method next = several[i & 3]; // each in turn: four accessors behind one call site
    return invokeReflected(next, i);
  }

  /** The reflective call of both reflection probes, inlined into each (small, static). */
  private static int invokeReflected(Method m, int i) {
    Object r;
    try {
      r = m.invoke(null, WORDS[i & 7]); // site: varargs.reflect-invoke, varargs.reflect-invoke-several
    } catch (ReflectiveOperationException e) {
      return -1;
    }
    int o = Opaque.next();
    return ((String) r).length() + o;
  }

  @Probe(id = "varargs.jdk-inlined", group = "varargs", pair = "varargs.reflect-invoke",
      jdk17 = Expect.SCALAR_REPLACED, jdk25 = Expect.SCALAR_REPLACED,
      hotspot = "escape.cpp ConnectionGraph::add_call_node (Objects.hash and Arrays.hashCode inline and read the "
          + "Object[2] in a loop of constant trip count, unrolled before EA)",
      callee = "java.util.Objects::hash",
      note = "The JDK twin: Objects.hash with a varargs Object[2], whose callees keep the array to themselves.")
  public static int varargsJdkInlined(int n, int i) {
    int h = Objects.hash(WORDS[i & 7], WORDS[n & 7]); // site: varargs.jdk-inlined
    int o = Opaque.next();
    return h + o;
  }

  /** Strings the probes pass: loaded from an array, so C2 cannot fold them. */
  private static final String[] WORDS = {"a", "bb", "ccc", "dddd", "e", "ff", "ggg", "hhhh"};

  /** Held in a field that is not final: C2 cannot fold the Method and its accessor to constants. */
  private static Method reflected;

  /** Four reflected methods, each with an accessor of its own (JDK 17 generates a class per method). */
  private static Method[] several;

  static {
    try {
      reflected = Lambdas.class.getDeclaredMethod("identity", String.class);
      several = new Method[] {reflected, Lambdas.class.getDeclaredMethod("trimmed", String.class),
          Lambdas.class.getDeclaredMethod("upper", String.class), Lambdas.class.getDeclaredMethod("lower", String.class)};
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static String identity(String s) {
    return s;
  }

  static String trimmed(String s) {
    return s.trim();
  }

  static String upper(String s) {
    return s.toUpperCase(java.util.Locale.ROOT);
  }

  static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
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
