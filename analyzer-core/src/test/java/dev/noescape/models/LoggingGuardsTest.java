package dev.noescape.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoggingGuardsTest {
  @ParameterizedTest(name = "{0}.{1}: {2}")
  @CsvSource({
    "java.util.logging.Logger, isLoggable, true",
    "java.lang.System$Logger, isLoggable, true",
    "org.slf4j.Logger, isDebugEnabled, true",
    "org.apache.commons.logging.Log, isTraceEnabled, true",
    "org.slf4j.Logger, debug, false",
    "com.acme.Tracer, isDebugEnabled, false",
    // a project's own logger counts by its simple name (snakeyaml's internal Logger)
    "org.yaml.snakeyaml.internal.Logger, isLoggable, true",
    "com.acme.Outer$AuditLog, isDebugEnabled, true",
    "com.acme.Catalog, isDebugEnabled, false",
    "com.acme.Logger, log, false",
    // an exact entry wins over the patterns: the JDK logger has no isDebugEnabled
    "java.util.logging.Logger, isDebugEnabled, false",
  })
  void levelChecks(String owner, String method, boolean guard) {
    assertEquals(guard, LoggingGuards.isGuard(owner, method));
  }

  @Test
  void theFormatIsAClassThenItsMethodsWithComments() {
    assertEquals(Map.of("a.Log", Set.of("isOn", "isEnabled")),
        LoggingGuards.parse(List.of("# comment", "", "a.Log   isOn isEnabled")));
    assertThrows(IllegalStateException.class, () -> LoggingGuards.parse(List.of("a.Log")));
  }
}
