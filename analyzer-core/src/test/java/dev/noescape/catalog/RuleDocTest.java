package dev.noescape.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.pipeline.Pipeline;
import dev.noescape.rules.Rule;
import dev.noescape.rules.Rules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule declarations, and the registries of analyzer-core that must agree with them: {@link
 * RuleId}, {@link Rules#all()} (with {@code AllocationContract}, which runs apart), the default rule
 * set. The other modules test theirs: the checkers, their services file and {@code @BugPattern}s
 * in errorprone-plugin ({@code RegistrationTest}), the Maven parameters in maven-plugin, the
 * command line's help and options in {@code CliRuleHelpTest}.
 */
class RuleDocTest {
  /** The public contract: IDs and default levels, in this order. Never rename an ID. */
  static final Map<String, Severity> PUBLIC = new LinkedHashMap<>();

  static {
    PUBLIC.put("HeapEscape", Severity.INFO);
    PUBLIC.put("LeakingParameter", Severity.INFO);
    PUBLIC.put("BoxingAllocation", Severity.WARNING);
    PUBLIC.put("VarargsAllocation", Severity.WARNING);
    PUBLIC.put("CapturingLambda", Severity.WARNING);
    PUBLIC.put("UnpresizedCollection", Severity.WARNING);
    PUBLIC.put("HashMapCapacity", Severity.WARNING);
    PUBLIC.put("StringConcatInLoop", Severity.WARNING);
    PUBLIC.put("NotScalarReplaced", Severity.INFO);
    PUBLIC.put("AllocationContract", Severity.ERROR);
  }

  @Test
  void theRuleIdsAndLevelsAreThePublicOnes() {
    Map<String, Severity> declared = new LinkedHashMap<>();
    for (RuleId r : RuleId.values()) {
      declared.put(r.id(), r.defaultSeverity());
      assertEquals(r, RuleId.byId(r.doc().id()));
      assertEquals(r.doc().level(), r.defaultSeverity());
    }
    assertEquals(PUBLIC, declared);
  }

  @Test
  void everyDeclarationClassHoldsTheConstantsOfItsDeclaration() throws ReflectiveOperationException {
    for (RuleId r : RuleId.values()) {
      Class<?> c = Class.forName(RuleDoc.class.getPackageName() + "." + r.id() + "Doc");
      RuleDoc d = r.doc();
      assertTrue(d == c.getField("DOC").get(null), r.id());
      // The constants the checker's @BugPattern takes.
      assertEquals(d.id(), c.getField("ID").get(null));
      assertEquals(d.summary(), c.getField("SUMMARY").get(null));
      assertEquals(d.explanation(), c.getField("EXPLANATION").get(null));
    }
  }

  @Test
  void rulesRegistryHasEveryRuleButTheContract() {
    List<RuleId> registered = new ArrayList<>();
    for (Rule rule : Rules.all()) registered.add(rule.id());
    registered.add(RuleId.ALLOCATION_CONTRACT);
    assertEquals(List.of(RuleId.values()), registered);
  }

  @Test
  void theDefaultRulesAreTheOnesOnByDefault() {
    Set<RuleId> on = EnumSet.noneOf(RuleId.class);
    for (RuleId r : RuleId.values()) if (r.doc().onByDefault()) on.add(r);
    assertEquals(on, Pipeline.defaultRules(false));
    assertEquals(EnumSet.of(RuleId.HEAP_ESCAPE, RuleId.LEAKING_PARAMETER, RuleId.NOT_SCALAR_REPLACED),
        EnumSet.complementOf(EnumSet.copyOf(on)));
    assertEquals(EnumSet.allOf(RuleId.class), Pipeline.defaultRules(true));
  }

  private static final Pattern HARD_BREAK = Pattern.compile("[^\n]\n[^\n]");

  @Test
  void textsAreWellFormed() {
    for (RuleDoc d : RuleDocs.all()) {
      String id = d.id();
      assertFalse(d.summary().isBlank() || d.summary().endsWith(".") || d.summary().contains("\n"), id);
      assertTrue(Character.isUpperCase(d.summary().charAt(0)), id);
      // What it reports, then each section once, in order, each with a text of its own.
      List<String> parts = new ArrayList<>();
      String rest = d.explanation();
      for (String heading : RuleDoc.SECTIONS) {
        String[] split = rest.split("\n\n" + Pattern.quote(heading) + "\n\n", -1);
        assertEquals(2, split.length, id + ": one " + heading);
        parts.add(split[0]);
        rest = split[1];
      }
      parts.add(rest);
      for (String text : parts) {
        assertFalse(text.isBlank() || text.contains("#"), id + ": " + text);
        assertEquals(text.strip(), text, id + ": no leading or trailing blanks");
        assertTrue(text.endsWith(".") || text.endsWith(".`") || text.endsWith(")"), id + ": ends a sentence: " + text);
        assertFalse(HARD_BREAK.matcher(text).find(), id + ": a line break inside a paragraph: " + text);
        assertFalse(text.contains("\n\n\n") || text.contains("  "), id + ": one blank line between paragraphs, single spaces");
      }
      for (String code : List.of(d.before(), d.after())) {
        assertEquals(code.strip(), code, id);
        assertFalse(code.contains("\t") || code.contains(" \n"), id + ": no tabs or trailing blanks in code");
      }
      assertNotEquals(d.before(), d.after(), id);
      assertEquals(d.options().size(), Set.copyOf(d.options()).size(), id);
    }
  }

  @Test
  void textsRenderAsPlainTextAndMarkdown() {
    RuleDoc d = RuleId.BOXING_ALLOCATION.doc();
    assertTrue(d.helpText().startsWith(d.explanation() + "\n\nBefore:\n\n    long total(List<Order> orders) {\n      Long"),
        d.helpText());
    String md = d.markdown();
    assertTrue(md.startsWith("# BoxingAllocation\n\n" + d.summary() + ".\n\nDefault level: **warning**.\n\n"
        + d.explanation() + "\n\n## Example\n\nBefore:\n\n```java\n" + d.before() + "\n```\n\nAfter:\n\n```java\n"
        + d.after() + "\n```\n\n## Options\n\n"), md);
    assertTrue(md.contains("| `-XepOpt:NoEscape:ReportOutsideLoops=true` | `--report-outside-loops` |"
        + " `-Dnoescape.reportOutsideLoops=true` | "), md);
    assertTrue(md.contains("`-Xep:BoxingAllocation:OFF` turns it off"), md);
    String info = RuleId.HEAP_ESCAPE.doc().markdown();
    assertTrue(info.contains("Default level: **info** (off unless enabled)."), info);
    assertTrue(info.contains("`-Xep:HeapEscape:WARN`") && info.contains("`--all`"), info);
    assertTrue(RuleId.ALLOCATION_CONTRACT.doc().markdown().contains("`-Xep:AllocationContract:WARN` reports it as a warning"));
  }
}
