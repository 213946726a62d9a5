/**
 * The Error Prone plugin surface of noescape: one {@code BugChecker} per rule, named by the rule
 * ID ({@code HeapEscape}, {@code LeakingParameter}, {@code BoxingAllocation},
 * {@code VarargsAllocation}, {@code CapturingLambda}, {@code UnpresizedCollection},
 * {@code HashMapCapacity}, {@code StringConcatInLoop}, {@code NotScalarReplaced},
 * {@code AllocationContract}), registered for
 * {@code ServiceLoader} in {@code META-INF/services/com.google.errorprone.bugpatterns.BugChecker}
 * and listed in {@link dev.noescape.errorprone.NoEscapeCheckers#ALL}. Each checker's
 * {@code @BugPattern} takes its name, summary and explanation from the rule's declaration
 * ({@code dev.noescape.catalog}); {@code RegistrationTest} keeps these lists in step with it.
 *
 * <ul>
 *   <li><b>Shared work.</b> The checkers report from one
 *       {@link dev.noescape.errorprone.CompilationUnitAnalysis} per compilation unit, cached in the
 *       javac context ({@link dev.noescape.errorprone.UnitAnalysisCache}), with one note per unit
 *       ({@link dev.noescape.errorprone.UnitNote}). The analysis itself,
 *       {@link dev.noescape.errorprone.JavacAnalysis} (front end, the
 *       {@link dev.noescape.backend.BackEnd back end} with the JDK's summaries, trees and fixes), knows
 *       nothing of Error Prone's reporting: anything holding javac's attributed trees can call it.
 *   <li><b>Off by default.</b> {@code HeapEscape}, {@code LeakingParameter} and
 *       {@code NotScalarReplaced} (severity SUGGESTION) report only when named: {@code -Xep:HeapEscape}, {@code -Xep:HeapEscape:WARN},
 *       or {@code -XepAllDisabledChecksAsWarnings}; see {@link dev.noescape.errorprone.DefaultOff}.
 *   <li><b>Options.</b> {@code -XepOpt:NoEscape:Verbosity=1|2},
 *       {@code -XepOpt:NoEscape:ReportOutsideLoops=true|false},
 *       {@code -XepOpt:NoEscape:HotAnnotations=Name1,Name2},
 *       {@code -XepOpt:NoEscape:ContractAllowsNoEscape=true|false},
 *       {@code -XepOpt:NoEscape:JitJdk=N} and {@code -XepOpt:NoEscape:DemoteJitWarnings=true|false}
 *       (the model of C2: {@code docs/jit-model.md}),
 *       {@code -XepOpt:NoEscape:Profile=app.jfr} (JFR recordings: each warning ends with what they
 *       measured for it, {@link dev.noescape.errorprone.CompilationProfile}); see
 *       {@link dev.noescape.errorprone.NoEscapeOptions}. The target release comes from
 *       {@code --release}/{@code -source}/{@code -target}; Guava's presence from the class path.
 *   <li><b>Suppression.</b> {@code @SuppressWarnings("RuleId")} on the enclosing variable,
 *       parameter, method or class.
 *   <li><b>Fixes.</b> {@link dev.noescape.errorprone.FixBuilder} turns the rules' fixes into
 *       Error Prone {@code SuggestedFix}es that IDEs offer and {@code -XepPatchChecks} applies.
 *   <li><b>Debugging.</b> {@code -J-Dnoescape.timing=true} prints the plugin's own CPU time at exit
 *       ({@link dev.noescape.errorprone.SelfTiming}); {@code -J-Dnoescape.jdkcalls=FILE} appends how
 *       each unit's JDK calls were resolved ({@link dev.noescape.errorprone.JdkCallLog}).
 *   <li><b>Fault isolation.</b> Nothing the plugin does fails the compilation: a failure costs the
 *       findings of the unit, method or rule it happened in and is named in one javac note per
 *       unit ({@code Note: noescape: ...}), which {@code -Werror} does not turn into an error.
 *       The one exception is a processor path that cannot run the plugin at all (noescape-core
 *       missing, or another version of it first): one javac error per compilation,
 *       {@link dev.noescape.errorprone.PluginSetUp}, since passing would check nothing.
 * </ul>
 */
package dev.noescape.errorprone;
