package dev.noescape.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.noescape.corpus.CorpusFiles;
import dev.noescape.lsp.project.MavenResolver;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An editor nobody here wrote: Neovim's built-in LSP client, headless, starts the packaged server
 * ({@code java -jar target/noescape-lsp.jar}, no JVM flags), opens the showcase's {@code App.java}, and
 * the diagnostics it received equal, rule, line, column and message, what the Error Prone plugin
 * prints for the file. Skipped, saying so, only when there is no {@code nvim} ({@code .ci/run}
 * installs Debian's package when it can).
 */
class NeovimIT {
  @TempDir Path cache;
  @TempDir Path work;

  @Test
  void neovimShowsWhatThePluginPrints() throws Exception {
    Path nvim = onPath("nvim");
    Assumptions.assumeTrue(nvim != null, "neovim is not installed (apt-get install -y neovim; .ci/run installs it): "
        + "the editor test is skipped");
    Path jar = Path.of(System.getProperty("noescape.lsp.jar", "target/noescape-lsp.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no " + jar + ": run after package");
    Path showcase = ShowcaseParityTest.showcase();
    Path root = showcase.resolve("src/main/java");
    Path app = root.resolve("dev/noescape/showcase/App.java");

    JsonObject settings = InProcessClient.settings(cache, false);
    // Maven's answer for the showcase, cached where the server looks: its first diagnostics are complete.
    List<String> mavenArgs = new ArrayList<>();
    settings.getAsJsonObject("maven").getAsJsonArray("args").forEach(a -> mavenArgs.add(a.getAsString()));
    new MavenResolver(null, mavenArgs, cache).resolve(showcase.resolve("pom.xml"));

    Path script = work.resolve("client.lua");
    try (InputStream in = NeovimIT.class.getResourceAsStream("neovim-client.lua")) {
      Files.copy(in, script);
    }
    Path out = work.resolve("diagnostics.txt");
    ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-n", "-u", "NONE", "-i", "NONE", "-c",
        "luafile " + script).directory(showcase.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("nvim.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("NOESCAPE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("NOESCAPE_JAR", jar.toString());
    env.put("NOESCAPE_ROOT", showcase.toString());
    env.put("NOESCAPE_FILE", app.toString());
    env.put("NOESCAPE_SETTINGS", settings.toString());
    env.put("NOESCAPE_OUT", out.toString());
    env.put("NOESCAPE_WAIT_MS", "120000");
    Process p = pb.start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(4, TimeUnit.MINUTES), "neovim did not finish");
    assertTrue(Files.isRegularFile(out), "neovim wrote nothing; its output: " + Files.readString(work.resolve("nvim.log")));

    List<String> received = new ArrayList<>();
    for (String l : Files.readAllLines(out)) {
      assertTrue(!l.startsWith("ERROR"), l + "; neovim's output: " + Files.readString(work.resolve("nvim.log")));
      // line:col Rule message -> line:col [Rule] message, as Parity writes them
      String[] parts = l.split(" ", 3);
      received.add(parts[0] + " [" + parts[1] + "] " + parts[2].strip());
    }
    received.sort(null);
    List<String> plugin = Parity.plugin(root, CorpusFiles.corpusFiles(root), "", "21", work.resolve("classes"))
        .get(CorpusFiles.relative(root, app));
    assertTrue(plugin.size() >= 3, plugin.toString());
    assertEquals(plugin, received);
  }

  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) return p;
    }
    return null;
  }
}
