package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two full runs of the command line over guava 33.4.8-jre write byte-identical SARIF and JSON.
 * The jar comes from Maven Central through the build (maven-dependency-plugin copies it into
 * {@code target/real-jars/} at generate-test-resources). The runs are two complete, independent
 * analyses, started at once on two threads: the wall time of about one run on two cores, and any
 * state shared between runs that leaks into the output (a static cache, hash order of identity
 * hashes, a race) shows up as a difference.
 */
class GuavaDeterminismTest {
  static final Path GUAVA = Path.of("target/real-jars/guava-33.4.8-jre.jar");

  @TempDir Path dir;

  private int run(String name) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    return Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "--all", "--quiet", "--fail-on", "never",
        "--sarif", dir.resolve(name + ".sarif").toString(), "--json", dir.resolve(name + ".json").toString(),
        GUAVA.toString());
  }

  @Test
  void twoRunsOverGuavaWriteIdenticalReports() throws IOException {
    assertTrue(Files.isRegularFile(GUAVA), "the build copies guava into " + GUAVA.toAbsolutePath() + " (mvn generate-test-resources)");
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> run("b"));
    assertEquals(0, run("a"));
    assertEquals(0, second.join());
    for (String ext : new String[] {".sarif", ".json"}) {
      byte[] a = Files.readAllBytes(dir.resolve("a" + ext));
      byte[] b = Files.readAllBytes(dir.resolve("b" + ext));
      assertTrue(a.length > 100_000, ext + " has guava's findings: " + a.length + " bytes");
      assertArrayEquals(a, b, ext + " differs between two runs");
    }
  }
}
