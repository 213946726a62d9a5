package dev.noescape.cli;

import static dev.noescape.cli.CliHarness.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.cli.CliHarness.FakeAnalysis;
import dev.noescape.cli.CliHarness.Outcome;
import dev.noescape.cli.CliHarness.World;
import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import dev.noescape.catalog.RuleDoc;
import dev.noescape.catalog.RuleDocs;
import dev.noescape.catalog.RuleOption;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line agrees with the rule declarations: {@code --help} lists them, their options exist. */
class CliRuleHelpTest {
  @TempDir Path dir;

  @Test
  void helpListsEveryRuleWithItsLevelAndSummaryInRuleOrder() {
    Outcome r = new World(dir).run(new FakeAnalysis(result(0)), "--help");
    assertEquals(0, r.status());
    // The table wraps long summaries: compare with the blanks folded.
    String help = r.out().replaceAll("\\s+", " ");
    int at = help.indexOf("Rules (");
    assertTrue(at >= 0, r.out());
    for (RuleId id : RuleId.values()) {
      RuleDoc d = id.doc();
      String row = " " + d.id() + " " + d.levelName() + " " + d.summary() + " ";
      int found = help.indexOf(row, at);
      assertTrue(found > at, row + " in\n" + r.out());
      at = found;
    }
  }

  @Test
  void everyOptionTheDeclarationsNameChangesTheRuleContext() throws IOException {
    World world = new World(dir);
    world.classesDir("classes");
    FakeAnalysis plain = new FakeAnalysis(result(1));
    assertEquals(0, world.run(plain, "classes").status());
    RuleContext defaults = plain.options.ruleContext();
    Set<RuleOption> options = new LinkedHashSet<>();
    for (RuleDoc d : RuleDocs.all()) options.addAll(d.options());
    assertEquals(7, options.size(), options.toString());
    for (RuleOption o : options) {
      FakeAnalysis analysis = new FakeAnalysis(result(1));
      List<String> args = new ArrayList<>(List.of(o.cliUsage().split(" ")));
      args.add("classes");
      Outcome r = world.run(analysis, args.toArray(String[]::new));
      assertEquals(0, r.status(), o.cliUsage() + ": " + r.err());
      assertNotEquals(defaults, analysis.options.ruleContext(), o.cliUsage());
    }
  }
}
