package dev.noescape.lsp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The language server sits on top, next to the command line and the Maven plugin: it reaches
 * noescape only through the javac analysis ({@code JavacAnalysis} and what the plugin makes public
 * for callers like it), the findings and the rule catalog, never the engine's or the rules' inside,
 * the back end, or the bytecode side. Inside, data flows one way: the LSP services on the protocol
 * views, on the analysis, on the documents and the project model.
 */
@AnalyzeClasses(packages = "dev.noescape.lsp",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LspLayeringTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.noescape.lsp.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("server").definedBy("dev.noescape.lsp")
      .layer("protocol").definedBy("dev.noescape.lsp.protocol..")
      .layer("analysis").definedBy("dev.noescape.lsp.analysis..")
      .layer("project").definedBy("dev.noescape.lsp.project..")
      .layer("document").definedBy("dev.noescape.lsp.document..")
      .whereLayer("server").mayNotBeAccessedByAnyLayer()
      .whereLayer("protocol").mayOnlyBeAccessedByLayers("server")
      .whereLayer("analysis").mayOnlyBeAccessedByLayers("server", "protocol")
      .whereLayer("project").mayOnlyBeAccessedByLayers("server", "analysis");

  /**
   * Of noescape, only the javac analysis's public surface (and the plugin's decisions it shares:
   * suppression, what a build's Error Prone arguments mean), the findings, the catalog, and the
   * types a finding or verdict carries (the IR's, and the engine's EscapeState).
   */
  @ArchTest
  static final ArchRule onlyTheJavacAnalysisFindingsAndCatalog = classes().that().resideInAPackage("dev.noescape.lsp..")
      .should().onlyDependOnClassesThat(DescribedPredicate.describe("outside noescape, or noescape's public surface",
          (JavaClass c) -> !c.getPackageName().startsWith("dev.noescape") || c.getPackageName().startsWith("dev.noescape.lsp")
              || c.getPackageName().equals("dev.noescape.catalog") || c.getPackageName().equals("dev.noescape.finding")
              || c.getPackageName().equals("dev.noescape.ir")
              || c.getName().equals("dev.noescape.engine.EscapeState")
              || c.getName().startsWith("dev.noescape.errorprone.JavacAnalysis")
              || c.getName().equals("dev.noescape.errorprone.NoEscapeChecker")
              || c.getName().equals("dev.noescape.errorprone.NoEscapeOptions")
              || c.getName().equals("dev.noescape.errorprone.ErrorProneArgs")));

  /** Only the server and its protocol views speak LSP: the analysis, the documents and the project model are plain data. */
  @ArchTest
  static final ArchRule theProtocolStaysAtTheTop = noClasses().that().resideInAnyPackage("dev.noescape.lsp.analysis..",
      "dev.noescape.lsp.project..", "dev.noescape.lsp.document..").should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..");

  @ArchTest
  static final ArchRule nothingOfTheBytecodeSide = noClasses().that().resideInAPackage("dev.noescape.lsp..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.noescape.bytecode..", "dev.noescape.pipeline..",
          "dev.noescape.cli..", "dev.noescape.report..", "dev.noescape.source..", "dev.noescape.backend..",
          "dev.noescape.rules..", "dev.noescape.errorprone.frontend..", "sootup..", "com.github.javaparser..");
}
