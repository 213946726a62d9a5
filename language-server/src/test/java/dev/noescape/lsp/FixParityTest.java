package dev.noescape.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.lsp.document.LineOffsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick fixes are the edits {@code -XepPatchChecks} makes: in a Maven project (Guava on its
 * class path, release 17, so the capacity fix imports Guava's {@code Maps}), each fix the server
 * offers, applied to the text, gives the file the plugin patches in place.
 */
class FixParityTest {
  static final String FIX = """
      package p;

      import java.util.ArrayList;
      import java.util.HashMap;
      import java.util.List;
      import java.util.Map;

      class Fix {
        List<String> names(List<String> users) {
          List<String> names = new ArrayList<>();
          for (String u : users) names.add(u.trim());
          return names;
        }

        Map<String, String> index(List<String> keys) {
          Map<String, String> m = new HashMap<>(keys.size());
          for (String k : keys) m.put(k, k.trim());
          return m;
        }

        String join(List<String> parts) {
          String s = "";
          for (String p : parts) {
            s += p;
          }
          return s;
        }
      }
      """;

  static final String POM = """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>t</groupId>
        <artifactId>fixes</artifactId>
        <version>1</version>
        <properties>
          <maven.compiler.release>17</maven.compiler.release>
          <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
        </properties>
        <dependencies>
          <dependency>
            <groupId>com.google.guava</groupId>
            <artifactId>guava</artifactId>
            <version>33.4.8-jre</version>
          </dependency>
        </dependencies>
      </project>
      """;

  @TempDir Path project;
  @TempDir Path patched;
  @TempDir Path cache;

  @Test
  void eachQuickFixIsWhatErrorPronePatches() throws Exception {
    Files.writeString(project.resolve("pom.xml"), POM);
    Path file = project.resolve("src/main/java/p/Fix.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, FIX);
    try (InProcessClient c = InProcessClient.start(project, InProcessClient.settings(cache, false))) {
      assertTrue(c.awaitLog("from Maven", Duration.ofMinutes(5)).contains("class path of"), c.log().toString());
      URI uri = c.open(file);
      assertEquals(List.of("15:28 HashMapCapacity", "23:6 StringConcatInLoop", "9:25 UnpresizedCollection"),
          ServerBehaviourTest.where(c.diagnostics(uri, Duration.ofMinutes(1))));
      List<CodeAction> actions = actions(c, uri);
      assertEquals(3, actions.size(), actions.toString());
      for (String rule : List.of("UnpresizedCollection", "HashMapCapacity", "StringConcatInLoop")) {
        CodeAction a = actions.stream().filter(x -> x.getDiagnostics().get(0).getCode().getLeft().equals(rule)).findFirst()
            .orElseThrow();
        assertEquals(CodeActionKind.QuickFix, a.getKind());
        assertEquals(errorPronePatch(rule), apply(FIX, a.getEdit().getChanges().get(uri.toString())), rule);
      }
      assertTrue(apply(FIX, actions.stream().filter(x -> x.getTitle().contains("Maps")).findFirst().orElseThrow()
          .getEdit().getChanges().get(uri.toString())).contains("import com.google.common.collect.Maps;"), "the import is added");
    }
  }

  private static List<CodeAction> actions(InProcessClient c, URI uri) throws Exception {
    CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(uri.toString()),
        new Range(new Position(0, 0), new Position(40, 0)), new CodeActionContext(List.of()));
    List<CodeAction> out = new ArrayList<>();
    for (Either<?, CodeAction> e : c.server().getTextDocumentService().codeAction(p).get(60, TimeUnit.SECONDS)) out.add(e.getRight());
    return out;
  }

  /** The text with the edits applied (they do not overlap). */
  static String apply(String text, List<TextEdit> edits) {
    LineOffsets lines = LineOffsets.of(text);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> lines.offset(e.getRange().getStart().getLine(),
        e.getRange().getStart().getCharacter())).reversed());
    StringBuilder out = new StringBuilder(text);
    for (TextEdit e : sorted) {
      int start = lines.offset(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter());
      int end = lines.offset(e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter());
      out.replace(start, end, e.getNewText());
    }
    return out.toString();
  }

  /** The file after {@code javac -Xplugin:ErrorProne ... -XepPatchChecks:rule -XepPatchLocation:IN_PLACE}. */
  private String errorPronePatch(String rule) throws Exception {
    Path dir = Files.createDirectories(patched.resolve(rule + "/p"));
    Path file = dir.resolve("Fix.java");
    Files.writeString(file, FIX);
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
        "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:" + rule + ":WARN -XepPatchChecks:" + rule + " -XepPatchLocation:IN_PLACE",
        "-processorpath", cp, "-classpath", cp, "--release", "17", "-d", patched.resolve(rule + "/classes").toString());
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      assertTrue(javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjects(file)).call(),
          diagnostics.getDiagnostics().toString());
    }
    String out = Files.readString(file);
    assertTrue(!out.equals(FIX), "Error Prone patched nothing for " + rule);
    return out;
  }
}
