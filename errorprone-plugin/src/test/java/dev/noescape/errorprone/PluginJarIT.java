package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user puts it on a hand-written processor path: a separate {@code javac}
 * process with {@code -Xplugin:ErrorProne}, Error Prone's own jars and noescape's jar(s), nothing
 * of the build's class path. The complete path reports; an incomplete or mixed one fails with one
 * line naming what is wrong ({@link PluginSetUp}), never silently.
 */
class PluginJarIT {
  /** The shaded jar (this module's artifact) and the module's own classes alone (the shade's input). */
  private static final Path PLUGIN_JAR = Path.of(System.getProperty("noescape.plugin.jar"));
  private static final Path UNSHADED_JAR = Path.of(System.getProperty("noescape.plugin.unshaded.jar"));

  /** Its line 8 makes an unpresized {@code ArrayList} filled in a loop. */
  private static final String NAMES = EndToEndTest.NAMES;

  private static String errorProne;

  @TempDir Path dir;

  /** Error Prone and its dependencies: the test class path without anything of noescape's. */
  @BeforeAll
  static void errorPronePath() {
    List<String> keep = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      if (e.endsWith(".jar") && !name.startsWith("noescape-") && !name.startsWith("original-")) keep.add(e);
    }
    assertTrue(keep.stream().anyMatch(e -> e.contains("error_prone_core")), keep.toString());
    errorProne = String.join(File.pathSeparator, keep);
  }

  record Run(int exit, String output) {}

  private Run javac(String pluginPath) throws IOException, InterruptedException {
    Path src = dir.resolve("src/demo/Names.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, NAMES, StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    for (String flag : System.getProperty("noescape.javac.hosting.flags").trim().split("\\s+")) cmd.add("-J" + flag);
    cmd.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW", "-Xplugin:ErrorProne",
        "-processorpath", errorProne + File.pathSeparator + pluginPath,
        "-d", dir.resolve("classes").toString(), src.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "javac did not finish");
    return new Run(p.exitValue(), out);
  }

  private static long lines(String output, String needle) {
    return output.lines().filter(l -> l.contains(needle)).count();
  }

  @Test
  void theJarAlone_reports() throws Exception {
    Run r = javac(PLUGIN_JAR.toString());
    assertEquals(0, r.exit(), r.output());
    assertEquals(1, lines(r.output(), "Names.java:8: warning: [UnpresizedCollection] new ArrayList<>() grows"), r.output());
    assertFalse(r.output().contains("noescape: "), r.output());
  }

  @Test
  void withoutTheCore_oneErrorLineNamingIt() throws Exception {
    Run r = javac(UNSHADED_JAR.toString());
    assertEquals(1, r.exit(), r.output());
    String line = "error: noescape: the Error Prone plugin cannot run: noescape-core is missing from the processor path"
        + " (no dev.noescape.backend.BackEnd beside " + UNSHADED_JAR + ")";
    assertEquals(1, lines(r.output(), line), r.output());
    assertEquals(1, lines(r.output(), "noescape"), r.output());
    assertFalse(r.output().contains("Exception"), r.output());
  }

  /**
   * Another noescape-core ahead of the plugin: here a {@code RuleId} without the members this
   * plugin calls, as an older or newer core would have.
   */
  @Test
  void anotherCoreFirst_oneErrorLineNamingBoth() throws Exception {
    Path stubSrc = dir.resolve("stub/dev/noescape/catalog/RuleId.java");
    Files.createDirectories(stubSrc.getParent());
    Files.writeString(stubSrc, "package dev.noescape.catalog; public enum RuleId { HEAP_ESCAPE }\n");
    Path stubClasses = dir.resolve("stub-classes");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, compiler.run(null, null, null, "-d", stubClasses.toString(), stubSrc.toString()));
    Run r = javac(stubClasses + File.pathSeparator + PLUGIN_JAR);
    assertEquals(1, r.exit(), r.output());
    assertEquals(1, lines(r.output(), "error: noescape: the Error Prone plugin cannot run: NoSuchMethodError: "), r.output());
    assertEquals(1, lines(r.output(), "dev.noescape.catalog.RuleId was loaded from " + stubClasses), r.output());
    assertEquals(1, lines(r.output(), "the plugin from " + PLUGIN_JAR), r.output());
  }

  /**
   * The jar holds the core's processor-path packages and none of the command line's (nor any
   * third-party class), and its published pom no longer asks for noescape-core.
   */
  @Test
  void theJarHoldsTheCoreButNotTheCommandLine_andItsPomDropsTheCore() throws IOException {
    try (JarFile jar = new JarFile(PLUGIN_JAR.toFile())) {
      for (String present : List.of("dev/noescape/backend/BackEnd.class", "dev/noescape/engine/",
          "dev/noescape/models/jdk-summaries.gz", "META-INF/services/com.google.errorprone.bugpatterns.BugChecker")) {
        assertTrue(jar.getEntry(present) != null, present);
      }
      List<String> foreign = jar.stream().map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class"))
          .filter(n -> !n.startsWith("dev/noescape/") || n.matches("dev/noescape/(bytecode|source|report|pipeline|cli)/.*"))
          .toList();
      assertEquals(List.of(), foreign);
    }
    String pom = Files.readString(Path.of(System.getProperty("noescape.plugin.pom")));
    int core = pom.indexOf("<artifactId>noescape-core</artifactId>");
    // the only mention left is the test-jar of the corpus harness
    assertTrue(core < 0 || pom.indexOf("<artifactId>noescape-core</artifactId>", core + 1) < 0, pom);
    assertTrue(core < 0 || pom.substring(core, pom.indexOf("</dependency>", core)).contains("<scope>test</scope>"), pom);
  }
}
