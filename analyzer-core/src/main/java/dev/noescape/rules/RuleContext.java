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
 * @param program what the back end knows about the whole program once the engine ran: the model's
 *     predictions, the class hierarchy, the private methods, what varargs calls allocate, which
 *     fields private methods start afresh ({@link ProgramFacts}; {@link ProgramFacts#NONE} before,
 *     and in contexts built by hand)
 */
public record RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
    Set<String> hotAnnotations, boolean contractAllowsNoEscape, boolean expectedEscapes, String primitiveCollections,
    int jitJdk, List<String> jitDontInline, boolean demoteJitWarnings, ProgramFacts program) {
  public RuleContext {
    hotAnnotations = Set.copyOf(hotAnnotations);
    jitDontInline = List.copyOf(jitDontInline);
    if (program == null) program = ProgramFacts.NONE;
  }

  /** Without a primitive-collections library, the C2 model's options and predictions. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape, boolean expectedEscapes) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape,
        expectedEscapes, null, 0, List.of(), false, ProgramFacts.NONE);
  }

  /** Expected escapes left out, without the C2 model's options and predictions. */
  public RuleContext(int targetRelease, boolean guavaOnClasspath, boolean reportOutsideLoops, int verbosity,
      Set<String> hotAnnotations, boolean contractAllowsNoEscape, String primitiveCollections) {
    this(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations, contractAllowsNoEscape,
        false, primitiveCollections, 0, List.of(), false, ProgramFacts.NONE);
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
        program);
  }

  /** This context with what the back end knows about the whole program once the engine ran. */
  public RuleContext withProgramFacts(ProgramFacts facts) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, expectedEscapes, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings, facts);
  }

  /** The model's predictions ({@link ProgramFacts#predictions()}). */
  public SitePredictions predictions() {
    return program.predictions();
  }

  /** The program's classes ({@link ProgramFacts#hierarchy()}). */
  public TypeHierarchy hierarchy() {
    return program.hierarchy();
  }

  /** The keys of the program's private methods ({@link ProgramFacts#privateMethods()}). */
  public Set<String> privateMethods() {
    return program.privateMethods();
  }

  /** What each varargs call allocates at the least ({@link ProgramFacts#callAllocations()}). */
  public CallAllocations callAllocations() {
    return program.callAllocations();
  }

  /** The fields private methods start afresh ({@link ProgramFacts#accumulatorResets()}). */
  public AccumulatorResets accumulatorResets() {
    return program.accumulatorResets();
  }

  /** This context with {@link #contractAllowsNoEscape()} set to {@code allow}. */
  public RuleContext withContractAllowsNoEscape(boolean allow) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        allow, expectedEscapes, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings,
        program);
  }

  /** This context with {@link #expectedEscapes()} set to {@code show}. */
  public RuleContext withExpectedEscapes(boolean show) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, show, primitiveCollections, jitJdk, jitDontInline, demoteJitWarnings,
        program);
  }

  /** This context with {@link #primitiveCollections()} set to {@code library} (null: none). */
  public RuleContext withPrimitiveCollections(String library) {
    return new RuleContext(targetRelease, guavaOnClasspath, reportOutsideLoops, verbosity, hotAnnotations,
        contractAllowsNoEscape, expectedEscapes, library, jitJdk, jitDontInline, demoteJitWarnings,
        program);
  }

  /** Whether findings about expected escapes are reported: asked for, or at verbosity 2. */
  public boolean showsExpectedEscapes() {
    return expectedEscapes || verbosity >= 2;
  }

  public static RuleContext defaults() {
    return new RuleContext(21, false, false, 1, Set.of());
  }
}
