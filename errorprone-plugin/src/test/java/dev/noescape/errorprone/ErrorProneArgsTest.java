package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A build's Error Prone arguments read the way Error Prone and the checkers read them. */
class ErrorProneArgsTest {

  @Test
  void noArgumentsMeanTheDeclaredLevelsWithTheVerdictsOff() {
    Map<RuleId, Severity> expected = new EnumMap<>(RuleId.class);
    for (RuleId r : RuleId.values()) if (r.doc().onByDefault()) expected.put(r, r.defaultSeverity());
    ErrorProneArgs args = ErrorProneArgs.parse(List.of());
    assertEquals(expected, args.levels());
    assertEquals(NoEscapeOptions.defaults(), args.options());
    assertEquals(List.of(), args.problems());
  }

  @Test
  void namedChecksWinOverDisableAll() {
    ErrorProneArgs args = ErrorProneArgs.parse(List.of("-XepDisableAllChecks", "-Xep:HeapEscape", "-Xep:BoxingAllocation:ERROR",
        "-Xep:LeakingParameter:WARN", "-Xep:MissingOverride:OFF"));
    assertEquals(Map.of(RuleId.HEAP_ESCAPE, Severity.INFO, RuleId.BOXING_ALLOCATION, Severity.ERROR,
        RuleId.LEAKING_PARAMETER, Severity.WARNING), args.levels());
  }

  @Test
  void aRuleTurnedOffIsAbsentAndErrorsCanBeWarnings() {
    ErrorProneArgs args = ErrorProneArgs.parse(List.of("-Xep:VarargsAllocation:OFF", "-XepAllErrorsAsWarnings"));
    assertTrue(!args.levels().containsKey(RuleId.VARARGS_ALLOCATION));
    assertEquals(Severity.WARNING, args.levels().get(RuleId.ALLOCATION_CONTRACT));
    assertTrue(!args.levels().containsKey(RuleId.HEAP_ESCAPE));
  }

  /** Error Prone registers plugin checks enabled, so the flag keeps their own level; it only lets the verdicts report. */
  @Test
  void allDisabledChecksAsWarningsShowsTheVerdicts() {
    assertEquals(Severity.INFO, ErrorProneArgs.parse(List.of("-XepAllDisabledChecksAsWarnings")).levels().get(RuleId.HEAP_ESCAPE));
  }

  @Test
  void optionsAndTheirProblems() {
    ErrorProneArgs args = ErrorProneArgs.parse(List.of("-XepOpt:NoEscape:Verbosity=2", "-XepOpt:NoEscape:HotAnnotations=com.acme.Fast",
        "-XepOpt:NoEscape:ReportOutsideLoops=maybe"));
    assertEquals(2, args.options().verbosity());
    assertTrue(args.options().allHotAnnotations().contains("Fast"));
    assertEquals(List.of("-XepOpt:NoEscape:ReportOutsideLoops=maybe is not true or false; using false"), args.problems());
  }

  @Test
  void argumentsErrorProneRejectsFallBackToTheDefaults() {
    ErrorProneArgs args = ErrorProneArgs.parse(List.of("-Xep:HeapEscape:LOUD"));
    assertEquals(ErrorProneArgs.parse(List.of()).levels(), args.levels());
    assertEquals(1, args.problems().size(), args.problems().toString());
    assertTrue(args.problems().get(0).startsWith("Error Prone arguments not understood"), args.problems().toString());
  }
}
