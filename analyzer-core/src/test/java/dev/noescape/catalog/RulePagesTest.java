package dev.noescape.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in rule documentation ({@code docs/rules/}, README.md's rule table) is what the
 * declarations generate. With {@code -Dnoescape.docs.write=true} it rewrites them instead of
 * failing ({@link RulePages#COMMAND}).
 */
class RulePagesTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCS = ROOT.resolve("docs/rules");
  static final Path README = ROOT.resolve("README.md");
  static final boolean WRITE = Boolean.getBoolean("noescape.docs.write");

  @Test
  void docsRulesAreGeneratedFromTheDeclarations() throws IOException {
    Map<String, String> files = RulePages.docsFiles();
    List<String> problems = new ArrayList<>();
    if (WRITE) Files.createDirectories(DOCS);
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = DOCS.resolve(e.getKey());
      if (WRITE) {
        Files.writeString(file, e.getValue(), UTF_8);
      } else if (!Files.exists(file)) {
        problems.add("missing: docs/rules/" + e.getKey());
      } else if (!Files.readString(file, UTF_8).equals(e.getValue())) {
        problems.add("differs from its declaration: docs/rules/" + e.getKey());
      }
    }
    List<String> present;
    try (Stream<Path> s = Files.list(DOCS)) {
      present = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    for (String name : RulePages.stale(present)) {
      if (WRITE) {
        Files.delete(DOCS.resolve(name));
      } else {
        problems.add("no rule declares it: docs/rules/" + name);
      }
    }
    if (!problems.isEmpty()) fail(String.join("\n", problems) + "\nTo regenerate: " + RulePages.COMMAND);
  }

  @Test
  void readmeRuleTableIsGeneratedFromTheDeclarations() throws IOException {
    String readme = Files.readString(README, UTF_8);
    String expected = RulePages.withReadmeTable(readme);
    if (WRITE) {
      Files.writeString(README, expected, UTF_8);
    } else {
      assertEquals(expected, readme, "README.md's rule table differs from the declarations. To regenerate: "
          + RulePages.COMMAND);
    }
  }
}
