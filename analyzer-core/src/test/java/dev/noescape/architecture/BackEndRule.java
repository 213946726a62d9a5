package dev.noescape.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.rules.AllocationContractRule;
import dev.noescape.rules.RuleRunner;

/**
 * The rule both modules' layering tests check: the engine is wired to the rules in one place, the
 * back end ({@code dev.noescape.backend.BackEnd}), which every front end calls.
 */
public final class BackEndRule {
  private BackEndRule() {}

  public static final ArchRule ONLY_THE_BACK_END_RUNS_THE_ENGINE_AND_THE_RULES = noClasses()
      .that().resideOutsideOfPackages("dev.noescape.backend..", "dev.noescape.engine..", "dev.noescape.rules..")
      .should().callConstructorWhere(target(owner(assignableTo(EscapeAnalysis.class))))
      .orShould().callConstructorWhere(target(owner(assignableTo(AllocationContractRule.class))))
      .orShould().accessClassesThat().belongToAnyOf(RuleRunner.class)
      .because("a front end hands its lowered program to BackEnd.run, the one place that runs the engine and"
          + " then the rules, so that every front end analyzes a program the same way");
}
