package dev.noescape.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.corpus.CorpusFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The showcase as its own build configures noescape (a bare {@code -Xplugin:ErrorProne}: the default
 * rules, the verdicts off): the server reads that from its pom and the class path from Maven, and
 * publishes for each file what the plugin prints (Error Prone's own checks aside), every default rule
 * among them.
 */
class ShowcaseParityTest {
  @TempDir Path classes;
  @TempDir Path cache;

  static Path showcase() {
    return Path.of(System.getProperty("noescape.testdata.dir", "../testdata")).resolve("showcase").toAbsolutePath().normalize();
  }

  @Test
  void everyFileGetsWhatThePluginPrints() throws Exception {
    Path root = showcase().resolve("src/main/java");
    List<Path> files = CorpusFiles.corpusFiles(root);
    Map<String, List<String>> plugin = Parity.plugin(root, files, "", "21", classes);
    TreeSet<String> rules = new TreeSet<>();
    for (List<String> l : plugin.values()) for (String f : l) rules.add(f.substring(f.indexOf('[') + 1, f.indexOf(']')));
    // Every default warning rule (the showcase declares no @NoAllocation contract).
    assertEquals(new TreeSet<>(List.of("BoxingAllocation", "CapturingLambda", "HashMapCapacity", "StringConcatInLoop",
        "UnpresizedCollection", "VarargsAllocation")), rules);
    assertTrue(plugin.get("dev/noescape/showcase/App.java").stream().anyMatch(l -> l.startsWith("102:6 [VarargsAllocation]")),
        "App.java:[103,7] as the README shows it: " + plugin);

    try (InProcessClient c = InProcessClient.start(showcase(), InProcessClient.settings(cache, false))) {
      c.awaitLog("from Maven", Duration.ofMinutes(5));
      Parity.assertSame(plugin, Parity.server(c, root, files));
    }
  }
}
