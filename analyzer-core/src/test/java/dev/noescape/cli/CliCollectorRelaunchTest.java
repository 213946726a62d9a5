package dev.noescape.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCollectorRelaunchTest {
  @TempDir Path dir;

  private Optional<List<String>> command(List<String> jvmArgs, Map<String, String> env, String cp, String... args) {
    return CollectorRelaunch.command(args, jvmArgs, env, cp, Optional.of("/usr/bin/java"));
  }

  @Test
  void relaunchesAJarStartedWithDefaultsWithTheSerialCollector() throws Exception {
    Path jar = Files.createFile(dir.resolve("noescape-cli.jar"));
    List<String> cmd = command(List.of("-Dfoo=1"), Map.of(), jar.toString(), "--all", "app.jar").orElseThrow();
    assertEquals(List.of("/usr/bin/java", "-XX:+UseSerialGC", "-Dnoescape.relaunched=true", "-Dfoo=1", "-jar", jar.toString(),
        "--all", "app.jar"), cmd);
  }

  @Test
  void neverOverridesTheUsersChoiceOrRelaunchesTwice() throws Exception {
    Path jar = Files.createFile(dir.resolve("noescape-cli.jar"));
    String cp = jar.toString();
    assertTrue(command(List.of("-Xmx2g"), Map.of(), cp, "a.jar").isEmpty());
    assertTrue(command(List.of("-XX:+UseG1GC"), Map.of(), cp, "a.jar").isEmpty());
    assertTrue(command(List.of("-XX:MaxRAMPercentage=50"), Map.of(), cp, "a.jar").isEmpty());
    assertTrue(command(List.of(), Map.of("NOESCAPE_NO_RELAUNCH", "1"), cp, "a.jar").isEmpty());
    assertTrue(command(List.of(), Map.of(), cp, "--version").isEmpty());
    // not started with -jar on one jar (tests, an IDE, a class path)
    assertTrue(command(List.of(), Map.of(), cp + java.io.File.pathSeparator + "other.jar", "a.jar").isEmpty());
    assertTrue(command(List.of(), Map.of(), dir.toString(), "a.jar").isEmpty());
    assertTrue(command(List.of(), Map.of(), dir.resolve("missing.jar").toString(), "a.jar").isEmpty());
  }
}
