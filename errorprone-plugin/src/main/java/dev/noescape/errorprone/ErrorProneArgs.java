package dev.noescape.errorprone;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.scanner.ScannerSupplier;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a build's Error Prone arguments ({@code -Xplugin:ErrorProne -XepDisableAllChecks
 * -Xep:HeapEscape:WARN -XepOpt:NoEscape:Verbosity=2 ...}) mean for noescape, for whoever runs
 * {@link JavacAnalysis} from a build's configuration instead of inside Error Prone (a language server
 * reading a pom): the level each rule is reported at and the {@link NoEscapeOptions}. Error Prone's own
 * parser and overrides decide ({@code -Xep:Name[:LEVEL]}, {@code -XepDisableAllChecks},
 * {@code -XepAllDisabledChecksAsWarnings}, {@code -XepAllErrorsAsWarnings}, ...), then
 * {@link DefaultOff}: the information rules report only when named. Names of other checks are
 * ignored.
 *
 * @param levels the rules reported, each with its level ({@code SUGGESTION} is {@link Severity#INFO}); a rule
 *     that is off is absent
 * @param options the {@code -XepOpt:NoEscape:...} options
 * @param problems arguments that could not be used, one line each (the defaults are used instead)
 */
public record ErrorProneArgs(Map<RuleId, Severity> levels, NoEscapeOptions options, List<String> problems) {
  public ErrorProneArgs {
    levels = Collections.unmodifiableMap(levels.isEmpty() ? new EnumMap<>(RuleId.class) : new EnumMap<>(levels));
    problems = List.copyOf(problems);
  }

  /** Reads the arguments that follow {@code -Xplugin:ErrorProne} (one per element). Never throws. */
  public static ErrorProneArgs parse(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("-XepIgnoreUnknownCheckNames"); // a build names Error Prone's own checks too
    List<String> problems = new ArrayList<>();
    ErrorProneOptions options;
    try {
      options = ErrorProneOptions.processArgs(all);
    } catch (RuntimeException e) {
      problems.add("Error Prone arguments not understood, using the defaults: " + e.getMessage());
      options = ErrorProneOptions.empty();
    }
    NoEscapeOptions noEscape = NoEscapeOptions.fromFlags(options.getFlags());
    problems.addAll(noEscape.problems());
    return new ErrorProneArgs(levels(options), noEscape, problems);
  }

  private static Map<RuleId, Severity> levels(ErrorProneOptions options) {
    ScannerSupplier checks = ScannerSupplier.fromBugCheckerClasses(NoEscapeCheckers.ALL).applyOverrides(options);
    Map<RuleId, Severity> levels = new EnumMap<>(RuleId.class);
    for (BugCheckerInfo check : checks.getEnabledChecks()) {
      RuleId rule = RuleId.byId(check.canonicalName());
      if (rule == null) continue;
      if (DefaultOff.isOffByDefault(rule) && !DefaultOff.explicitlyEnabled(options, rule.id())) continue;
      levels.put(rule, severity(checks.severities().getOrDefault(check.canonicalName(), check.defaultSeverity())));
    }
    return levels;
  }

  private static Severity severity(SeverityLevel level) {
    return switch (level) {
      case ERROR -> Severity.ERROR;
      case WARNING -> Severity.WARNING;
      case SUGGESTION -> Severity.INFO;
    };
  }
}
