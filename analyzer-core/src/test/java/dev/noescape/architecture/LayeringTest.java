package dev.noescape.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The layering of noescape-core (its main classes), from the bottom:
 *
 * <pre>
 *   catalog ── ir ── summary ── engine ── finding ── rules ── backend ── bytecode ── pipeline ── cli
 *                      └── models ──────────────────────────────────────┘     report ── source ──┘
 *   rewrite ────────────────────────────────────────────────────────────────────────────┘
 *                                              └── profile ──────────────────────┘
 * </pre>
 *
 * {@code catalog} (the rules' public contract: IDs, levels, documentation) is used by every layer and
 * uses none; {@code finding} stands on the IR, not on the engine, and {@code rewrite} (fix rewrites as
 * text edits, for the plugin and the source mapping) on nothing. The packages the Error Prone plugin
 * puts on the javac processor path (catalog, ir, summary, engine, finding, models, rules, backend,
 * rewrite, profile) use nothing but the JDK; the front end, the source mapping and the writers sit
 * above them, the command line on top. No package cycles, at any depth. {@code profile} joins JFR
 * recordings to the engine's results: the writers rank by it (and name the engine's verdict of a
 * sampled place, the one reason they see an engine type), and the javac plugin reads recordings too,
 * so it may use the JDK's {@code jdk.jfr} module but nothing outside the JDK.
 */
@AnalyzeClasses(packages = "dev.noescape",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class LayeringTest {

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.noescape.(**)").should().beFreeOfCycles();

  /**
   * Between top-level packages with their subpackages too: {@code bytecode -> models} and
   * {@code models.generate -> bytecode} was no cycle of two packages, but one of two components.
   */
  @ArchTest
  static final ArchRule noCyclesBetweenComponents = slices().matching("dev.noescape.(*)..").should().beFreeOfCycles();

  /** The packages below {@code dev.noescape}, each a layer (with its subpackages). */
  private static final List<String> LAYERS =
      List.of("catalog", "ir", "summary", "engine", "finding", "models", "rules", "backend", "profile", "bytecode", "report", "rewrite",
          "source", "pipeline", "cli");

  private static LayeredArchitecture definedLayers() {
    LayeredArchitecture a = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String layer : LAYERS) a = a.layer(layer).definedBy("dev.noescape." + layer + "..");
    return a;
  }

  @ArchTest
  static final ArchRule layers = definedLayers()
      .whereLayer("catalog").mayNotAccessAnyLayer()
      .whereLayer("ir").mayNotAccessAnyLayer()
      .whereLayer("summary").mayOnlyAccessLayers("catalog", "ir")
      .whereLayer("engine").mayOnlyAccessLayers("catalog", "ir", "summary")
      .whereLayer("finding").mayOnlyAccessLayers("catalog", "ir")
      .whereLayer("models").mayOnlyAccessLayers("catalog", "ir", "summary")
      .whereLayer("rules").mayOnlyAccessLayers("catalog", "ir", "summary", "engine", "finding")
      .whereLayer("backend").mayOnlyAccessLayers("catalog", "ir", "summary", "engine", "finding", "rules")
      .whereLayer("bytecode").mayOnlyAccessLayers("catalog", "ir", "summary", "engine", "finding", "models", "rules", "backend")
      .whereLayer("profile").mayOnlyAccessLayers("catalog", "ir", "engine", "finding")
      .whereLayer("report").mayOnlyAccessLayers("catalog", "ir", "engine", "finding", "profile")
      .whereLayer("rewrite").mayNotAccessAnyLayer()
      .whereLayer("source").mayOnlyAccessLayers("catalog", "ir", "finding", "rules", "report", "rewrite")
      .whereLayer("pipeline").mayOnlyAccessLayers("catalog", "ir", "finding", "bytecode", "report", "source", "profile")
      .whereLayer("cli").mayNotBeAccessedByAnyLayer();

  @ArchTest
  static final ArchRule processorPathPackagesUseOnlyTheJdk = noClasses()
      .that().resideInAnyPackage("dev.noescape.catalog..", "dev.noescape.ir..", "dev.noescape.summary..", "dev.noescape.engine..",
          "dev.noescape.finding..", "dev.noescape.models..", "dev.noescape.rules..", "dev.noescape.backend..",
          "dev.noescape.rewrite..")
      .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.noescape..")
      .because("the Error Prone plugin puts these packages on the javac processor path, where SootUp, JavaParser,"
          + " Jackson and picocli are not (noescape-core declares them optional)");

  @ArchTest
  static final ArchRule profileUsesOnlyTheJdk = noClasses()
      .that().resideInAPackage("dev.noescape.profile..")
      .should().dependOnClassesThat().resideOutsideOfPackages("java..", "jdk.jfr..", "dev.noescape..")
      .because("the Error Prone plugin reads recordings on the javac processor path, where only the JDK is");

  @ArchTest
  static final ArchRule onlyTheBackEndRunsTheEngineAndTheRules = BackEndRule.ONLY_THE_BACK_END_RUNS_THE_ENGINE_AND_THE_RULES;
}
