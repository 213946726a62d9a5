package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.RuleDoc;
import dev.noescape.catalog.RuleDocs;
import dev.noescape.catalog.RuleOption;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public contract of the checkers: names, severities, registration, constructors, and their
 * agreement with the rule declarations ({@code dev.noescape.catalog}): every declared rule has a
 * checker, in {@link NoEscapeCheckers#ALL}, the services file and the package documentation, whose
 * {@code @BugPattern} texts are the declaration's, and the options the declarations name exist.
 */
class RegistrationTest {

  private static final Set<RuleId> RULES_WITH_CHECKERS = CompilationUnitAnalysis.RULES;

  @Test
  void everyDeclaredRuleHasACheckerInRuleOrder() {
    assertEquals(List.of(RuleId.values()), List.copyOf(RULES_WITH_CHECKERS));
    List<String> checkers = NoEscapeCheckers.ALL.stream().map(c -> BugCheckerInfo.create(c).canonicalName()).toList();
    assertEquals(Arrays.stream(RuleId.values()).map(RuleId::id).toList(), checkers);
  }

  @Test
  void bugPatternTextsAreTheDeclarations() {
    for (Class<? extends BugChecker> c : NoEscapeCheckers.ALL) {
      BugPattern p = c.getAnnotation(BugPattern.class);
      RuleDoc d = RuleId.byId(p.name()).doc();
      assertEquals(d.summary(), p.summary(), c.getName());
      assertEquals(d.explanation(), p.explanation(), c.getName());
      assertEquals(BugPattern.LinkType.NONE, p.linkType(), c.getName());
    }
  }

  @Test
  void packageDocumentationNamesEveryCheck() throws Exception {
    String doc = Files.readString(Path.of("src/main/java/dev/noescape/errorprone/package-info.java"));
    for (RuleId r : RuleId.values()) assertTrue(doc.contains("{@code " + r.id() + "}"), r.id());
  }

  @Test
  void everyOptionTheDeclarationsNameIsAPluginOption() {
    Set<RuleOption> options = new LinkedHashSet<>();
    for (RuleDoc d : RuleDocs.all()) options.addAll(d.options());
    for (RuleOption o : options) {
      NoEscapeOptions parsed = NoEscapeOptions.fromFlags(ErrorProneFlags.fromMap(Map.of(o.javac(), o.javacValue())));
      assertEquals(List.of(), parsed.problems(), o.javacUsage());
      assertNotEquals(NoEscapeOptions.defaults(), parsed, o.javacUsage());
    }
  }

  @Test
  void oneCheckerPerRuleNamedByTheRuleId() {
    Set<String> names = new LinkedHashSet<>();
    for (Class<? extends BugChecker> c : NoEscapeCheckers.ALL) {
      BugCheckerInfo info = BugCheckerInfo.create(c);
      names.add(info.canonicalName());
      assertEquals(c.getSimpleName(), info.canonicalName() + "Checker");
      assertTrue(info.getTags().contains(BugPattern.StandardTags.PERFORMANCE), c.getName());
      assertTrue(info.supportsSuppressWarnings(), c.getName());
      assertFalse(c.getAnnotation(BugPattern.class).explanation().isBlank(), c.getName());
      assertFalse(c.getAnnotation(BugPattern.class).summary().isBlank(), c.getName());
    }
    assertEquals(
        RULES_WITH_CHECKERS.stream().map(RuleId::id).collect(Collectors.toCollection(LinkedHashSet::new)),
        names);
  }

  @Test
  void severities() {
    for (Class<? extends BugChecker> c : NoEscapeCheckers.ALL) {
      BugCheckerInfo info = BugCheckerInfo.create(c);
      RuleId rule = RuleId.byId(info.canonicalName());
      SeverityLevel expected = switch (rule.defaultSeverity()) {
        case INFO -> SeverityLevel.SUGGESTION;
        case WARNING -> SeverityLevel.WARNING;
        case ERROR -> SeverityLevel.ERROR;
      };
      assertEquals(expected, info.defaultSeverity(), c.getName());
    }
  }

  @Test
  void serviceFileListsEveryCheckerAndServiceLoaderCanLoadThem() throws Exception {
    List<String> listed = new ArrayList<>();
    try (InputStream in = NoEscapeChecker.class.getResourceAsStream(
            "/META-INF/services/com.google.errorprone.bugpatterns.BugChecker");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) listed.add(line.trim());
      }
    }
    assertEquals(NoEscapeCheckers.ALL.stream().map(Class::getName).toList(), listed);
    Set<String> loaded = ServiceLoader.load(BugChecker.class).stream()
        .map(p -> p.get().getClass().getName())
        .collect(Collectors.toSet());
    assertTrue(loaded.containsAll(listed), loaded.toString());
  }

  @Test
  void offByDefaultOnlyForTheReportChecks() throws Exception {
    for (Class<? extends BugChecker> c : NoEscapeCheckers.ALL) {
      NoEscapeChecker checker = (NoEscapeChecker) c.getConstructor().newInstance();
      boolean report = checker.rule() == RuleId.HEAP_ESCAPE || checker.rule() == RuleId.LEAKING_PARAMETER
          || checker.rule() == RuleId.NOT_SCALAR_REPLACED;
      assertEquals(report, checker.offByDefault(), c.getName());
      assertEquals(checker.canonicalName(), checker.rule().id());
    }
  }
}
