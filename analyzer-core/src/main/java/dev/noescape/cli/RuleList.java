package dev.noescape.cli;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.RuleDoc;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Rules:" section of {@code --help}: every rule with its default level and summary, from the
 * rules' declarations, so the help cannot disagree with them. It goes just before the footer.
 */
final class RuleList {
  private RuleList() {}

  static final String SECTION_KEY = "rules";

  /** Adds the section to {@code cl}'s usage help. */
  static void install(CommandLine cl) {
    cl.getHelpSectionMap().put(SECTION_KEY, RuleList::render);
    List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION_KEY);
    cl.setHelpSectionKeys(keys);
  }

  static String render(Help help) {
    int width = help.commandSpec().usageMessage().width();
    int idWidth = 0;
    for (RuleId r : RuleId.values()) idWidth = Math.max(idWidth, 2 + r.id().length() + 2);
    int levelWidth = "warning".length() + 2;
    Help.TextTable table = Help.TextTable.forColumns(help.colorScheme(),
        new Column(idWidth, 2, Overflow.SPAN),
        new Column(levelWidth, 0, Overflow.SPAN),
        new Column(width - idWidth - levelWidth, 0, Overflow.WRAP));
    for (RuleId r : RuleId.values()) {
      RuleDoc d = r.doc();
      table.addRowValues(d.id(), d.levelName(), d.summary());
    }
    return String.format("%nRules (default level; the info rules run with --all, the others always):%n") + table;
  }
}
