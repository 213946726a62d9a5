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
 * @param primitiveCollections the primitive-collections library the project itself depends on
 *     ({@link ProjectLibraries}: {@code fastutil}, …), or null: "use a primitive collection"
 *     is advised only to a project that has one
 */
public record RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
    Set<String> hotAnnotations, boolean contractAllowsNoEscape, String primitiveCollections) {
  public RuleContext {
    hotAnnotations = Set.copyOf(hotAnnotations);
  }

  /** Without a primitive-collections library. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape, null);
  }

  /** This context with {@link #primitiveCollections()} set to {@code library} (null: none). */
  public RuleContext withPrimitiveCollections(String library) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, library);
  }

  /** With the contract's default: every allocation counts, escaping or not. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, false);
  }

  /** This context with {@link #contractAllowsNoEscape()} set to {@code allow}. */
  public RuleContext withContractAllowsNoEscape(boolean allow) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, allow,
        primitiveCollections);
  }

  public static RuleContext defaults() {
    return new RuleContext(21, false, false, 1, Set.of());
  }
}
