package dev.noescape.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.RuleId;
import dev.noescape.report.RuleDescriptions.RuleDescription;
import org.junit.jupiter.api.Test;

class RuleDescriptionsTest {
  @Test
  void everyRuleIsDescribed() {
    for (RuleId r : RuleId.values()) {
      RuleDescription d = RuleDescriptions.of(r);
      assertNotNull(d, r.id());
      assertEquals(r.id(), d.id());
      assertEquals(r.defaultSeverity(), d.defaultSeverity());
      assertFalse(d.shortDescription().endsWith("."), r.id());
      assertTrue(d.fullDescription().contains("\n\nWhy: "), r.id());
      assertFalse(d.before().isBlank(), r.id());
      assertFalse(d.after().isBlank(), r.id());
      assertFalse(d.before().equals(d.after()), r.id());
      assertTrue(d.helpText().contains("Before:\n\n    ") && d.helpText().contains("After:\n\n    "), r.id());
      assertTrue(d.helpMarkdown().startsWith("**" + r.id() + "**: "), r.id());
      assertTrue(d.helpMarkdown().contains("Before:\n\n```java\n" + d.before() + "\n```"), r.id());
      assertTrue(d.helpMarkdown().endsWith("After:\n\n```java\n" + d.after() + "\n```"), r.id());
    }
  }

  @Test
  void contractRuleIsAnError() {
    RuleDescription d = RuleDescriptions.of(RuleId.ALLOCATION_CONTRACT);
    assertEquals("A method annotated @NoAllocation allocates on the heap", d.shortDescription());
    assertTrue(d.before().contains("@NoAllocation"));
    assertEquals("error", dev.noescape.report.sarif.SarifWriter.level(d.defaultSeverity()));
  }
}
