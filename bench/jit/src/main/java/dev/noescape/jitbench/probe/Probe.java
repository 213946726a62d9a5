package dev.noescape.jitbench.probe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a probe: a {@code public static int name(int n, int i)} method of a class listed in
 * {@link ProbeCatalog#SUITE}, whose one allocation of interest carries the trailing comment
 * {@code // site: <id>} on its line (in the probe's file; the line may be in a helper the probe
 * calls). The harness compiles the probe with C2 as a compile root (never inlined into the
 * harness), calls it with {@code n} (8 unless the run says otherwise: opaque to C2, constant at run
 * time) and {@code i} (the call counter), and measures the bytes it allocates per call.
 *
 * <p>Every probe must keep its object alive across a call to {@link Opaque#next()} (never inlined)
 * and read it afterwards, so the allocation cannot be dropped as dead code: with
 * {@code -XX:-DoEscapeAnalysis} it must then show its full size, or the probe is invalid.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Probe {
  /** Unique, stable id ({@code array.length.param}); the site marker names it. */
  String id();

  /** The C2 condition this probe exercises ({@code array-length}): rows of the per-condition matrix. */
  String group();

  /** The probe that differs from this one in one point (empty: a baseline several probes pair with). */
  String pair() default "";

  /** The author's expectation on JDK 17, written before measuring. */
  Expect jdk17();

  /** The author's expectation on JDK 25 (differs from 17 where C2 changed, e.g. allocation merges). */
  Expect jdk25();

  /**
   * Where HotSpot decides it: {@code file Function (flag or reason)}, e.g.
   * {@code escape.cpp ConnectionGraph::add_call_node (EliminateAllocationArraySizeLimit)}.
   */
  String hotspot();

  /**
   * The callee of the inlining control, as a {@code -XX:CompileCommand=dontinline,} pattern
   * ({@code dev.noescape.jitbench.probes.Point::<init>}): the method that allocates the object or
   * receives it. With it not inlined the object must reach the heap. Empty: no callee to refuse
   * (the control is not applicable).
   */
  String callee() default "";

  /** One sentence: what the probe does and why the author expects what it expects. */
  String note();
}
