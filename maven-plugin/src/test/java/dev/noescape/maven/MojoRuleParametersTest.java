package dev.noescape.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.RuleDoc;
import dev.noescape.catalog.RuleDocs;
import dev.noescape.catalog.RuleOption;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goals agree with the rule declarations, as users see the goals: in the plugin descriptor
 * ({@code META-INF/maven/plugin.xml}, what {@code mvn help:describe} prints), every goal has the
 * parameters the rule pages name, and {@code rules} documents the default rule list.
 */
class MojoRuleParametersTest {
  static final List<String> GOALS = List.of("check", "baseline", "report");
  static Document descriptor;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = MojoRuleParametersTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "META-INF/maven/plugin.xml (made by maven-plugin-plugin before the tests)");
      descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
  }

  @Test
  void everyGoalHasTheParametersTheRulePagesName() {
    Set<String> names = new LinkedHashSet<>(List.of("rules", "excludeRules"));
    for (RuleDoc d : RuleDocs.all()) for (RuleOption o : d.options()) names.add(o.maven());
    for (String goal : GOALS) {
      Element mojo = mojo(goal);
      for (String name : names) {
        Element config = child(child(mojo, "configuration"), name);
        assertNotNull(config, goal + " has no parameter " + name);
        assertEquals("${noescape." + name + "}", config.getTextContent().trim(), goal + " " + name);
      }
    }
  }

  @Test
  void rulesParameterNamesTheDefaultRulesAndTheOthers() {
    String description = parameterDescription(mojo("check"), "rules").replaceAll("\\s+", " ");
    String defaults = RuleDocs.all().stream().filter(RuleDoc::onByDefault).map(RuleDoc::id)
        .collect(Collectors.joining(", ", "(", ")"));
    assertTrue(description.contains("Empty: the rules on by default " + defaults), description);
    for (RuleId r : RuleId.values()) assertTrue(description.contains(r.id()), r.id() + " in: " + description);
  }

  private static Element mojo(String goal) {
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element m = (Element) mojos.item(i);
      if (goal.equals(child(m, "goal").getTextContent().trim())) return m;
    }
    throw new AssertionError("no goal " + goal + " in plugin.xml");
  }

  private static String parameterDescription(Element mojo, String name) {
    for (Element p : children(child(mojo, "parameters"), "parameter")) {
      if (name.equals(child(p, "name").getTextContent().trim())) return child(p, "description").getTextContent();
    }
    throw new AssertionError("no parameter " + name);
  }

  private static Element child(Element parent, String tag) {
    List<Element> all = children(parent, tag);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) out.add(e);
    }
    return out;
  }
}
