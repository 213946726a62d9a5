package dev.noescape.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule documentation generated from the declarations: {@code docs/rules/<RuleId>.md} (each a
 * {@link RuleDoc#markdown()} with a header and a link to the index), {@code docs/rules/README.md}
 * (the index, with the terms the rules share and the setting of the examples), and the rule table
 * of the repository's README. A build-time tool: {@link RulePagesTest} compares its output with
 * the checked-in files and rewrites them when asked.
 */
final class RulePages {
  private RulePages() {}

  /** The directory of the declarations, named in every generated file. */
  static final String SOURCE = "analyzer-core/src/main/java/dev/noescape/catalog";

  /** The command that rewrites the generated files. */
  static final String COMMAND =
      "mvn -B -ntp -pl analyzer-core test -Dtest=RulePagesTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dnoescape.docs.write=true";

  /** The lines around the generated table in README.md; what lies between them is replaced. */
  static final String README_BEGIN = "<!-- rules:begin: generated from the rule declarations by RulePagesTest -->";

  static final String README_END = "<!-- rules:end -->";

  /** Every generated file under {@code docs/rules/}, by file name, in rule order then the index. */
  static Map<String, String> docsFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    for (RuleId r : RuleId.values()) files.put(r.id() + ".md", page(r.doc()));
    files.put("README.md", index());
    return files;
  }

  static String page(RuleDoc d) {
    return header(d.id() + "Doc.java") + d.markdown()
        + "\nLoops, hot methods and the other rules: [the rule index](README.md).\n";
  }

  static String index() {
    StringBuilder md = new StringBuilder(header("*Doc.java"));
    md.append("# Rules\n\n");
    md.append("""
        Every rule of noescape, with its default level. Each page says what the rule reports, why it matters, \
        what to write instead and what stays quiet, with an example and the options that change it. The same \
        texts are in the Error Prone checks' `@BugPattern`, the SARIF report's `rules`, the HTML report and \
        `noescape --help`: all come from one declaration per rule, in `""").append(SOURCE).append("`.\n\n");
    md.append("| rule | reports | default level |\n|---|---|---|\n");
    for (RuleId r : RuleId.values()) {
      RuleDoc d = r.doc();
      md.append("| [`").append(d.id()).append("`](").append(d.id()).append(".md) | ").append(d.summary())
          .append(" | ").append(levelCell(d)).append(" |\n");
    }
    md.append("""

        Rule IDs are a public contract: they are the Error Prone check names, the `@SuppressWarnings` keys, and \
        the SARIF rule ids and baseline keys of the command line and the Maven goals.

        ## Loops and hot methods

        """);
    md.append(RuleDocs.LOOPS).append("\n\n").append(RuleDocs.HOT_METHODS).append("\n\n");
    md.append("""
        ## The examples

        Each example is a set of class members. The tests compile every example with these imports and types \
        in the same class, and check that the rule reports the code before and not the code after.

        ```java
        """);
    for (String i : RuleDocs.EXAMPLE_IMPORTS) md.append("import ").append(i).append(";\n");
    md.append('\n').append(RuleDocs.EXAMPLE_TYPES).append("\n```\n");
    return md.toString();
  }

  /** The rule table of the repository's README.md, between {@link #README_BEGIN} and {@link #README_END}. */
  static String readmeTable() {
    StringBuilder md = new StringBuilder("| rule | reports | default level |\n|---|---|---|\n");
    for (RuleId r : RuleId.values()) {
      RuleDoc d = r.doc();
      md.append("| [`").append(d.id()).append("`](docs/rules/").append(d.id()).append(".md) | ").append(d.summary())
          .append(" | ").append(levelCell(d)).append(" |\n");
    }
    return md.toString();
  }

  /** {@code README} with its rule table replaced by {@link #readmeTable()}; throws when the markers are missing. */
  static String withReadmeTable(String readme) {
    int begin = readme.indexOf(README_BEGIN);
    int end = readme.indexOf(README_END);
    if (begin < 0 || end < begin) {
      throw new IllegalStateException("README.md has no lines " + README_BEGIN + " … " + README_END);
    }
    return readme.substring(0, begin + README_BEGIN.length()) + "\n" + readmeTable() + readme.substring(end);
  }

  private static String levelCell(RuleDoc d) {
    return d.onByDefault() ? d.levelName() : d.levelName() + " (off unless enabled)";
  }

  private static String header(String declaration) {
    return "<!-- Generated from " + SOURCE + "/" + declaration + ": edit the declaration, then run\n     "
        + COMMAND + " -->\n\n";
  }

  /** The names of the files {@link #docsFiles()} would not write: stale pages. */
  static List<String> stale(List<String> present) {
    List<String> out = new ArrayList<>(present);
    out.removeAll(docsFiles().keySet());
    return out;
  }
}
