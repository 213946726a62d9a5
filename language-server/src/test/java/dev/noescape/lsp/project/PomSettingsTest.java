package dev.noescape.lsp.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server reads from a POM: source roots, release, encoding and noescape's configuration. */
class PomSettingsTest {
  @TempDir Path dir;

  private PomSettings read(String xml) throws Exception {
    Path pom = dir.resolve("pom.xml");
    Files.writeString(pom, xml);
    return PomSettings.read(pom, dir);
  }

  private static String project(String body) {
    return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" + body + "</project>";
  }

  @Test
  void theCompilersErrorProneArgumentWithPropertiesSubstituted() throws Exception {
    Files.createDirectories(dir.resolve("src/java"));
    Files.createDirectories(dir.resolve("src/test/java"));
    PomSettings s = read(project("""
        <properties><rel>21</rel><project.build.sourceEncoding>ISO-8859-1</project.build.sourceEncoding>
          <hot>Fast</hot></properties>
        <build><sourceDirectory>src/java</sourceDirectory><plugins><plugin>
          <artifactId>maven-compiler-plugin</artifactId>
          <configuration><release>${rel}</release><compilerArgs>
            <arg>-XDcompilePolicy=simple</arg>
            <arg>-Xplugin:ErrorProne -XepDisableAllChecks   -Xep:HeapEscape:WARN -XepOpt:NoEscape:HotAnnotations=${hot}</arg>
          </compilerArgs></configuration>
        </plugin></plugins></build>"""));
    assertEquals(List.of(dir.resolve("src/java"), dir.resolve("src/test/java")), s.sourceRoots());
    assertEquals("21", s.release());
    assertEquals("ISO-8859-1", s.encoding());
    assertEquals(List.of("-XepDisableAllChecks", "-Xep:HeapEscape:WARN", "-XepOpt:NoEscape:HotAnnotations=Fast"), s.errorProneArgs());
    assertEquals(List.of(), s.problems());
    ProjectModel m = Projects.of(dir.resolve("pom.xml"), s, List.of(), true, List.of());
    assertEquals(Map.of(RuleId.HEAP_ESCAPE, Severity.WARNING), m.config().levels());
    assertTrue(m.config().options().allHotAnnotations().contains("Fast"));
  }

  @Test
  void theMavenPluginsConfigurationInErrorPronesWords() throws Exception {
    PomSettings s = read(project("""
        <properties><maven.compiler.source>1.8</maven.compiler.source></properties>
        <build><plugins><plugin>
          <groupId>dev.noescape</groupId><artifactId>noescape-maven-plugin</artifactId>
          <configuration>
            <rules><rule>BoxingAllocation</rule><rule>HeapEscape</rule><rule>Boxing</rule></rules>
            <excludeRules>HeapEscape, VarargsAllocation</excludeRules>
            <verbosity>2</verbosity><reportOutsideLoops>true</reportOutsideLoops>
            <hotAnnotations><hotAnnotation>Fast</hotAnnotation><hotAnnotation>Hot</hotAnnotation></hotAnnotations>
          </configuration>
        </plugin></plugins></build>"""));
    assertEquals("8", s.release());
    assertEquals(List.of("-XepDisableAllChecks", "-Xep:BoxingAllocation", "-Xep:HeapEscape", "-Xep:HeapEscape:OFF",
        "-Xep:VarargsAllocation:OFF", "-XepOpt:NoEscape:Verbosity=2", "-XepOpt:NoEscape:ReportOutsideLoops=true",
        "-XepOpt:NoEscape:HotAnnotations=Fast,Hot"), s.errorProneArgs());
    assertEquals(List.of("noescape-maven-plugin <rules>: no rule named 'Boxing', ignored"), s.problems());
    ProjectModel m = Projects.of(dir.resolve("pom.xml"), s, List.of(), true, List.of());
    assertEquals(Map.of(RuleId.BOXING_ALLOCATION, Severity.WARNING), m.config().levels());
    assertEquals(2, m.config().options().verbosity());
    assertTrue(m.config().options().reportOutsideLoops());
  }

  /** {@code help:effective-pom} of a reactor writes {@code <projects>}; a default-compile execution overrides the plugin. */
  @Test
  void anEffectivePomWithAnExecutionsConfiguration() throws Exception {
    PomSettings s = read("<projects>" + project("""
        <build><plugins><plugin>
          <artifactId>maven-compiler-plugin</artifactId>
          <configuration><release>11</release><encoding>UTF-8</encoding></configuration>
          <executions><execution><id>default-compile</id><configuration><release>17</release></configuration></execution></executions>
        </plugin></plugins></build>""") + "</projects>");
    assertEquals("17", s.release());
    assertEquals("UTF-8", s.encoding());
    assertEquals(List.of(), s.errorProneArgs());
  }

  @Test
  void anUnreadablePomIsAProblemAndTheDefaults() throws Exception {
    PomSettings s = read("<project><build>");
    assertEquals(1, s.problems().size());
    assertTrue(s.problems().get(0).startsWith(dir.resolve("pom.xml") + ": not read, using Maven's default layout"), s.problems().toString());
    ProjectModel m = Projects.of(dir.resolve("pom.xml"), s, List.of(), true, List.of());
    assertEquals(ProjectModel.none().config(), m.config());
  }

  @Test
  void aReleaseThisJdkCannotCompileIsDropped() throws Exception {
    PomSettings s = read(project("<properties><maven.compiler.release>6</maven.compiler.release></properties>"));
    ProjectModel m = Projects.of(dir.resolve("pom.xml"), s, List.of(), true, List.of());
    assertEquals(null, m.release());
    assertTrue(m.problems().get(0).contains("release 6 cannot be compiled by this JDK"), m.problems().toString());
  }

  /**
   * Maven's answer is told once the model has it: a client that waits for that line and then opens a
   * file gets the file analyzed with the class path (told before, it could be analyzed without it).
   */
  @Test
  void theClassPathIsToldOnceTheModelHasIt() throws Exception {
    Path pom = dir.resolve("pom.xml");
    Files.writeString(pom, project("<groupId>t</groupId><artifactId>a</artifactId><version>1</version>"));
    // Maven as the resolver runs it: writes the class path and the effective POM where it is told to.
    Path mvn = dir.resolve("mvn");
    Files.writeString(mvn, """
        #!/bin/sh
        for a in "$@"; do
          case "$a" in
            -Dmdep.outputFile=*) printf '%s' /deps/a.jar > "${a#-Dmdep.outputFile=}" ;;
            -Doutput=*) cp pom.xml "${a#-Doutput=}" ;;
          esac
        done
        """);
    assertTrue(mvn.toFile().setExecutable(true));
    Projects[] projects = new Projects[1];
    Told told = new Told(message -> message + " | the model: " + projects[0].model(pom).classPath());
    try (Projects p = new Projects(new MavenResolver(mvn.toString(), List.of(), dir.resolve("cache")), told)) {
      projects[0] = p;
      assertEquals(List.of(), p.model(pom).classPath());
      assertTrue(told.changed.await(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS));
      assertEquals(List.of("noescape: " + pom + ": class path of 1 entries from Maven | the model: [/deps/a.jar]"), told.lines());
    }
  }

  /** Maven failing is told in one line naming the POM; the model stays, without a class path, and is not asked again. */
  @Test
  void whenMavenFailsTheModelStaysWithoutAClassPath() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), project("<groupId>t</groupId><artifactId>a</artifactId><version>1</version>"));
    Told told = new Told(message -> message);
    try (Projects p = new Projects(new MavenResolver("false", List.of(), dir.resolve("cache")), told)) {
      ProjectModel first = p.model(dir.resolve("pom.xml"));
      assertTrue(!first.resolved());
      assertTrue(told.changed.await(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS));
      ProjectModel after = p.model(dir.resolve("pom.xml"));
      assertTrue(after.resolved());
      assertEquals(List.of(), after.classPath());
      List<String> log = told.lines();
      assertTrue(log.get(0).startsWith("noescape: " + dir.resolve("pom.xml") + ": Maven failed (exit 1)"), log.toString());
    }
  }

  /** What the projects tell, each line as {@code record} writes it down when told, and a latch their first model change opens. */
  private static final class Told implements Projects.Listener {
    private final UnaryOperator<String> record;
    private final List<String> lines = new ArrayList<>();
    final CountDownLatch changed = new CountDownLatch(1);

    Told(UnaryOperator<String> record) {
      this.record = record;
    }

    @Override
    public void modelChanged(Path pom) {
      changed.countDown();
    }

    @Override
    public synchronized void log(String message) {
      lines.add(record.apply(message));
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }
}
