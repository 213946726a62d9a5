package dev.noescape.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.errorprone.ErrorProneArgs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void readsTheClientsSettingsAndNamesTheOnesItCannotUse() {
    Settings s = Settings.defaults().with(JsonParser.parseString("""
        {"noescape": {"showVerdicts": true, "docsBaseUrl": "https://example.org/rules", "debounceMillis": "soon",
         "maven": {"executable": "/opt/mvn/bin/mvn", "args": ["-o"]}, "cacheDirectory": "/tmp/c"}}"""));
    assertTrue(s.showVerdicts());
    assertEquals("https://example.org/rules/", s.docsBaseUrl());
    assertEquals(Settings.defaults().debounceMillis(), s.debounceMillis());
    assertEquals("/opt/mvn/bin/mvn", s.mavenExecutable());
    assertEquals(List.of("-o"), s.mavenArgs());
    assertEquals(Path.of("/tmp/c"), s.cacheDirectory());
    assertEquals(List.of("debounceMillis must be a number of milliseconds, not \"soon\""), s.problems());
  }

  /** The verdicts add the information rules the project leaves off, at information; the project's own levels stay. */
  @Test
  void theVerdictsAddTheInformationRules() {
    ErrorProneArgs project = ErrorProneArgs.parse(List.of("-Xep:LeakingParameter:WARN", "-Xep:BoxingAllocation:OFF"));
    var off = Settings.defaults().levels(project);
    var on = Settings.defaults().withShowVerdicts(true).levels(project);
    assertEquals(Severity.WARNING, off.get(RuleId.LEAKING_PARAMETER));
    assertTrue(!off.containsKey(RuleId.HEAP_ESCAPE) && !off.containsKey(RuleId.BOXING_ALLOCATION));
    assertEquals(Severity.INFO, on.get(RuleId.HEAP_ESCAPE));
    assertEquals(Severity.WARNING, on.get(RuleId.LEAKING_PARAMETER));
    assertTrue(!on.containsKey(RuleId.BOXING_ALLOCATION));
  }
}
