package dev.noescape.errorprone;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.noescape.architecture.BackEndRule;

/**
 * The plugin's layering: it runs the engine and the rules only through the back end; it uses only
 * the packages of noescape-core that reach the javac processor path; and the javac analysis
 * ({@link JavacAnalysis}, the front end and what they use) knows nothing of Error Prone's checkers and
 * reporting, so that a caller without them (a language server) runs the same analysis.
 */
@AnalyzeClasses(packages = "dev.noescape.errorprone",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PluginLayeringTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.noescape.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyTheBackEndRunsTheEngineAndTheRules = BackEndRule.ONLY_THE_BACK_END_RUNS_THE_ENGINE_AND_THE_RULES;

  @ArchTest
  static final ArchRule onlyProcessorPathPackagesOfTheCore = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("dev.noescape.bytecode..", "dev.noescape.source..",
          "dev.noescape.report..", "dev.noescape.pipeline..", "dev.noescape.cli..", "sootup..", "com.github.javaparser..",
          "com.fasterxml..", "picocli..")
      .because("the processor path carries noescape-core without its optional dependencies");

  @ArchTest
  static final ArchRule theJavacAnalysisKnowsNoCheckerOrReporting = noClasses()
      .that(resideInAPackage("dev.noescape.errorprone.frontend..").or(belongToAnyOf(JavacAnalysis.class,
          FindingTrees.class, FixBuilder.class, CompilationFacts.class, DependencySummaries.class, SourceCallees.class,
          JdkCallLog.class, Faults.class, CompilationProfile.class)))
      .should().dependOnClassesThat().resideInAnyPackage("com.google.errorprone.bugpatterns..",
          "com.google.errorprone.matchers..", "com.google.errorprone.scanner..")
      .orShould().dependOnClassesThat().belongToAnyOf(NoEscapeChecker.class, CompilationUnitAnalysis.class,
          UnitAnalysisCache.class, UnitNote.class, DefaultOff.class, PluginNotes.class)
      .because("a language server compiles with javac and calls JavacAnalysis without Error Prone's scanner");
}
