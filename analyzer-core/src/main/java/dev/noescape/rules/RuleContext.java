package dev.noescape.rules;

import java.util.Set;

/**
 * What rules need to know about the build, not the code.
 *
 * @param targetRelease the Java release the code is compiled for (decides {@code HashMap.newHashMap})
 * @param guavaOnClasspath whether {@code com.google.common.collect.Maps} is available
 * @param reportOutsideLoops report boxing, varargs and capture allocations everywhere, not only in
 *     loops and hot methods
 * @param verbosity 1: the verdict and first reason; 2: the full reason chain, and {@code ArgEscape}
 *     sites as information ({@code -m=2})
 * @param hotAnnotations extra simple names that mark a method hot, besides {@code HotPath} and
 *     {@code NoAllocation} (already applied by the front ends to {@link dev.noescape.ir.MethodIR#hot()})
 * @param contractAllowsNoEscape whether the {@code AllocationContract} rule allows, in a
 *     {@code @NoAllocation} method (and its callees), allocations whose object provably does not
 *     escape ({@code NoEscape}: the JIT may scalar-replace them, but need not); off by default
 * @param expectedEscapes whether the escape rules also report the escapes that are expected
 *     ({@link dev.noescape.finding.ExpectedEscape}: thrown, made by a static initializer,
 *     returned); off by default, implied by verbosity 2
 */
public record RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
    Set<String> hotAnnotations, boolean contractAllowsNoEscape, boolean expectedEscapes) {
  public RuleContext {
    hotAnnotations = Set.copyOf(hotAnnotations);
  }

  /** With the contract's default (every allocation counts, escaping or not) and expected escapes left out. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, false, false);
  }

  /** This context with {@link #contractAllowsNoEscape()} set to {@code allow}. */
  public RuleContext withContractAllowsNoEscape(boolean allow) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, allow,
        expectedEscapes);
  }

  /** This context with {@link #expectedEscapes()} set to {@code show}. */
  public RuleContext withExpectedEscapes(boolean show) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, show);
  }

  /** Whether findings about expected escapes are reported: asked for, or at verbosity 2. */
  public boolean showsExpectedEscapes() {
    return expectedEscapes || verbosity >= 2;
  }

  public static RuleContext defaults() {
    return new RuleContext(21, false, false, 1, Set.of());
  }
}
