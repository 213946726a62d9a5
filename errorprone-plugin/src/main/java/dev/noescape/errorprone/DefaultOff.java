package dev.noescape.errorprone;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.VisitorState;
import dev.noescape.catalog.RuleId;
import java.util.Map;

/**
 * Whether a check that is off by default was enabled for this compilation.
 *
 * <p>Error Prone has no way to ship a plugin check disabled: {@code ErrorPronePlugins} registers
 * every {@code BugChecker} found by {@code ServiceLoader} with
 * {@code ScannerSupplier.fromBugCheckerClasses}, which enables all of them whatever their
 * {@code @BugPattern} says. So the off-by-default checks ({@code HeapEscape},
 * {@code LeakingParameter}) are always run but stay silent unless the user named them: they report
 * only when Error Prone's severity map has an entry for the check that is not {@code OFF}
 * ({@code -Xep:HeapEscape}, {@code -Xep:HeapEscape:WARN}, {@code -Xep:HeapEscape:ERROR}), or when
 * {@code -XepAllDisabledChecksAsWarnings} is given. ({@code -Xep:HeapEscape:OFF} removes the check
 * altogether.)
 */
final class DefaultOff {
  private DefaultOff() {}

  /**
   * Whether {@code rule}'s check is off by default: the information rules, {@code HeapEscape} and
   * {@code LeakingParameter} ({@link dev.noescape.catalog.RuleDoc#onByDefault()}).
   */
  static boolean isOffByDefault(RuleId rule) {
    return !rule.doc().onByDefault();
  }

  static boolean explicitlyEnabled(VisitorState state, String checkName) {
    ErrorProneOptions options;
    try {
      options = state.errorProneOptions();
    } catch (RuntimeException e) {
      return false;
    }
    return explicitlyEnabled(options, checkName);
  }

  /** Whether {@code options} name the check (not {@code OFF}) or turn on every disabled check. */
  static boolean explicitlyEnabled(ErrorProneOptions options, String checkName) {
    if (options == null) return false;
    if (options.isEnableAllChecksAsWarnings()) return true;
    Map<String, ErrorProneOptions.Severity> severities = options.getSeverityMap();
    ErrorProneOptions.Severity s = severities == null ? null : severities.get(checkName);
    return s != null && s != ErrorProneOptions.Severity.OFF;
  }

  /**
   * Whether the check named {@code checkName} is probably enabled in this compilation, following
   * Error Prone's rules for the severity map ({@code -Xep:Name[:LEVEL]} wins),
   * {@code -XepDisableAllChecks}, {@code -XepAllDisabledChecksAsWarnings} and
   * {@code -XepDisableAllWarnings}. Used only to decide whether a problem of that check belongs in
   * the unit's note: Error Prone itself decides which checkers run.
   */
  static boolean probablyEnabled(VisitorState state, String checkName, boolean offByDefault, boolean warning) {
    ErrorProneOptions options;
    try {
      options = state.errorProneOptions();
    } catch (RuntimeException e) {
      return !offByDefault;
    }
    if (options == null) return !offByDefault;
    ErrorProneOptions.Severity s = options.getSeverityMap() == null ? null : options.getSeverityMap().get(checkName);
    if (s != null) return s != ErrorProneOptions.Severity.OFF;
    if (options.isEnableAllChecksAsWarnings()) return true;
    if (options.isDisableAllChecks() || offByDefault) return false;
    return !(warning && options.isDisableAllWarnings());
  }
}
