package dev.noescape.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.corpus.CorpusFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's diagnostics on the annotated corpus ({@code testdata/src/main/java}) equal, rule,
 * line, column and message, what the Error Prone plugin prints for the same files with every rule
 * named ({@link Parity}). The server opens each file of the {@code testdata} build in turn (its class
 * path from Maven, the verdicts shown).
 */
class CorpusParityTest {
  @TempDir Path classes;
  @TempDir Path cache;

  @Test
  void everyFileGetsWhatThePluginPrints() throws Exception {
    Path root = CorpusFiles.sourceRoot();
    List<Path> files = CorpusFiles.corpusFiles(root);
    assertTrue(files.size() >= 20, "corpus at " + root);
    StringBuilder args = new StringBuilder("-XepDisableAllChecks");
    for (RuleId r : RuleId.values()) args.append(" -Xep:").append(r.id()).append(":WARN");
    Map<String, List<String>> plugin = Parity.plugin(root, files, args.toString(), "21", classes);
    assertTrue(Parity.count(plugin) > 500, "the plugin reports the corpus: " + Parity.count(plugin));

    Path testdata = root.getParent().getParent().getParent();
    try (InProcessClient c = InProcessClient.start(testdata, InProcessClient.settings(cache, true))) {
      c.awaitLog("from Maven", Duration.ofMinutes(5));
      Parity.assertSame(plugin, Parity.server(c, root, files));
    }
  }
}
