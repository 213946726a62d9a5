package dev.noescape.finding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copies a finding makes of itself keep what they do not change. */
class FindingTest {
  @Test
  void anotherRankKeepsTheTemplateSoCopiesOfOneTemplateStillGroup() {
    Finding f = new Finding(RuleId.BOXING_ALLOCATION, Severity.WARNING, "A.java", SourcePos.line(3), "boxing int",
        List.of(), 4000, null, null, null, null, null, "boxing {type}");
    Finding ranked = f.withHotness(1000);
    assertEquals(1000, ranked.hotness());
    assertEquals("boxing {type}", ranked.template());
  }
}
