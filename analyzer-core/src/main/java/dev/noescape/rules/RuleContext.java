package dev.noescape.rules;

import dev.noescape.ir.TypeHierarchy;
import dev.noescape.jit.JitTarget;
import dev.noescape.jit.SitePredictions;
import java.util.List;
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
 * @param primitiveCollections the primitive-collections library the project itself depends on
 *     ({@link ProjectLibraries}: {@code fastutil}, …), or null: "use a primitive collection"
 *     is advised only to a project that has one
 * @param jitJdk the JDK release whose C2 the scalar-replacement model targets ({@code dev.noescape.jit}),
 *     0 for {@code targetRelease}
 * @param jitDontInline {@code Class::method} patterns of {@code -XX:CompileCommand=dontinline} the
 *     model honours
 * @param demoteJitWarnings report warnings about allocations C2 likely removes as information (JDK 23+)
 * @param predictions the model's predictions, set by the back end after the engine ran
 *     ({@link #withProgramFacts}; {@link SitePredictions#NONE} before)
 * @param hierarchy the program's classes as the front end sees them, set by the back end with the
 *     engine's result ({@link TypeHierarchy#UNKNOWN} before): the boxing rule asks which interfaces
 *     are the project's own functional interfaces ({@link ForcedBoxes})
 * @param privateMethods the keys ({@code MethodRef.key()}) of the program's private methods and
 *     constructors, lambda bodies left out: only their own file calls them, so their signature is
 *     the project's to change ({@code BoxingAllocation}: a box a private method's {@code Double}
 *     parameter requires goes away with a {@code double} one); set by the back end
 * @param callAllocations what each varargs call of the program allocates on every call, at the
 *     least ({@code VarargsAllocation}: an array beside a callee that allocates far more is not a
 *     warning); set by the back end, {@link CallAllocations#NONE} before
 * @param accumulatorResets the fields each private method of the program starts afresh on every
 *     normal path ({@code StringConcatInLoop}: netty's {@code splitHeader} assigns {@code value},
 *     so a loop that calls it on one arm does not grow {@code value} across the loop); set by the
 *     back end, {@link AccumulatorResets#NONE} before
 */
public record RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
    Set<String> hotAnnotations, boolean contractAllowsNoEscape, boolean expectedEscapes, String primitiveCollections,
    int jitJdk, List<String> jitDontInline, boolean demoteJitWarnings, SitePredictions predictions,
    TypeHierarchy hierarchy, Set<String> privateMethods, CallAllocations callAllocations,
    AccumulatorResets accumulatorResets) {
  public RuleContext {
    if (accumulatorResets == null) accumulatorResets = AccumulatorResets.NONE;
    hotAnnotations = Set.copyOf(hotAnnotations);
    privateMethods = privateMethods == null ? Set.of() : Set.copyOf(privateMethods);
    if (callAllocations == null) callAllocations = CallAllocations.NONE;
    jitDontInline = List.copyOf(jitDontInline);
    if (predictions == null) predictions = SitePredictions.NONE;
    if (hierarchy == null) hierarchy = TypeHierarchy.UNKNOWN;
  }

  /** Without a primitive-collections library, the C2 model's options and predictions. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape, boolean expectedEscapes) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape,
        expectedEscapes, null, 0, List.of(), false, SitePredictions.NONE, TypeHierarchy.UNKNOWN, null, null, null);
  }

  /** Expected escapes left out, without the C2 model's options and predictions. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape, String primitiveCollections) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape,
        false, primitiveCollections, 0, List.of(), false, SitePredictions.NONE, TypeHierarchy.UNKNOWN, null, null, null);
  }

  /** Expected escapes left out, without a primitive-collections library. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape, false);
  }

  /** With the contract's default (every allocation counts, escaping or not) and expected escapes left out. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, false, false);
  }

  /** The C2 the model targets: {@link #jitJdk()}, else the release the code is compiled for. */
  public JitTarget jitTarget() {
    return new JitTarget(jitJdk > 0 ? jitJdk : targetRelease, jitDontInline);
  }

  /** This context with the model's options. */
  public RuleContext withJit(int jdk, List<String> dontInline, boolean demoteWarnings) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, expectedEscapes, primitiveCollections, jdk, dontInline, demoteWarnings,
        predictions, hierarchy, privateMethods, callAllocations, accumulatorResets);
  }

  /**
   * This context with what the back end knows once the engine ran: the model's predictions and the
   * program's class hierarchy.
   */
  public RuleContext withProgramFacts(SitePredictions p, TypeHierarchy h) {
    return withProgramFacts(p, h, privateMethods, callAllocations);
  }

  /** {@link #withProgramFacts(SitePredictions, TypeHierarchy)} and the program's private methods ({@link #privateMethods()}). */
  public RuleContext withProgramFacts(SitePredictions p, TypeHierarchy h, Set<String> privates) {
    return withProgramFacts(p, h, privates, callAllocations);
  }

  /** {@link #withProgramFacts(SitePredictions, TypeHierarchy, Set)} and the floors of its varargs calls ({@link #callAllocations()}). */
  public RuleContext withProgramFacts(SitePredictions p, TypeHierarchy h, Set<String> privates, CallAllocations calls) {
    return withProgramFacts(p, h, privates, calls, accumulatorResets);
  }

  /**
   * {@link #withProgramFacts(SitePredictions, TypeHierarchy, Set, CallAllocations)} and the fields its
   * private methods start afresh ({@link #accumulatorResets()}).
   */
  public RuleContext withProgramFacts(SitePredictions p, TypeHierarchy h, Set<String> privates, CallAllocations calls,
      AccumulatorResets resets) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, expectedEscapes, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings,
        p, h, privates, calls, resets);
  }

  /** This context with {@link #contractAllowsNoEscape()} set to {@code allow}. */
  public RuleContext withContractAllowsNoEscape(boolean allow) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        allow, expectedEscapes, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings,
        predictions, hierarchy, privateMethods, callAllocations, accumulatorResets);
  }

  /** This context with {@link #expectedEscapes()} set to {@code show}. */
  public RuleContext withExpectedEscapes(boolean show) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, show, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings,
        predictions, hierarchy, privateMethods, callAllocations, accumulatorResets);
  }

  /** This context with {@link #primitiveCollections()} set to {@code library} (null: none). */
  public RuleContext withPrimitiveCollections(String library) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, expectedEscapes, library, jitJdk, jitDontInline, demoteJitWarnings,
        predictions, hierarchy, privateMethods, callAllocations, accumulatorResets);
  }

  /** Whether findings about expected escapes are reported: asked for, or at verbosity 2. */
  public boolean showsExpectedEscapes() {
    return expectedEscapes || verbosity >= 2;
  }

  public static RuleContext defaults() {
    return new RuleContext(21, false, false, 1, Set.of());
  }
}
