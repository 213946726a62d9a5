package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as users run it: javac with {@code -Xplugin:ErrorProne}, the checkers discovered on
 * the processor path, Error Prone's own checks on or off.
 */
class EndToEndTest {
  @TempDir Path dir;

  @AfterEach
  void clearHook() {
    Faults.hook = null;
  }

  static final String NAMES = """
      package demo;

      import java.util.ArrayList;
      import java.util.List;

      public class Names {
        public List<String> names(List<String> users) {
          List<String> names = new ArrayList<>();
          for (String u : users) {
            names.add(u.trim());
          }
          return names;
        }

        public Object make() {
          return new StringBuilder();
        }
      }
      """;

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve("src").resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private JavacRunner.Outcome compile(String errorProneArgs, String... javacArgs) throws IOException {
    return JavacRunner.compile(dir.resolve("src"), dir.resolve("classes"), errorProneArgs, javacArgs);
  }

  private static boolean any(List<String> messages, String needle) {
    return messages.stream().anyMatch(m -> m.contains(needle));
  }

  @Test
  void withErrorPronesDefaults_warningRulesOn_heapEscapeSilent() throws IOException {
    write("demo/Names.java", NAMES);
    JavacRunner.Outcome out = compile("");
    assertTrue(out.success(), out.toString());
    assertTrue(any(out.messages(Diagnostic.Kind.WARNING), "[UnpresizedCollection]"), out.toString());
    assertFalse(any(out.all(), "[HeapEscape]"), out.toString());
    assertFalse(any(out.all(), "[LeakingParameter]"), out.toString());
  }

  @Test
  void heapEscapeEnabledAsWarning() throws IOException {
    write("demo/Names.java", NAMES);
    // make() returns its builder: an expected escape, reported when asked for
    JavacRunner.Outcome out = compile("-XepDisableAllChecks -Xep:HeapEscape:WARN -XepOpt:NoEscape:ExpectedEscapes=true");
    assertTrue(out.success(), out.toString());
    assertTrue(any(out.messages(Diagnostic.Kind.WARNING), "escapes to heap: returned (line 16)"),
        out.toString());
    assertFalse(any(out.all(), "[UnpresizedCollection]"), out.toString());
  }

  @Test
  void heapEscapeNamedWithoutLevel_isASuggestion() throws IOException {
    write("demo/Names.java", NAMES);
    JavacRunner.Outcome out = compile("-XepDisableAllChecks -Xep:HeapEscape -XepOpt:NoEscape:ExpectedEscapes=true", "-Werror");
    assertTrue(out.success(), out.toString());
    assertTrue(any(out.messages(Diagnostic.Kind.NOTE), "[HeapEscape]"), out.toString());
  }

  @Test
  void patchChecks_appliesTheFixesInPlace_andTheResultCompilesClean() throws IOException {
    Path names = write("demo/Names.java", NAMES);
    write("demo/Join.java", """
        package demo;

        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;

        public class Join {
          public String join(List<String> parts) {
            String s = "";
            for (String p : parts) {
              s += p;
            }
            return s;
          }

          public Map<String, String> index(List<String> keys) {
            Map<String, String> m = new HashMap<>(keys.size());
            for (String k : keys) {
              m.put(k, k);
            }
            return m;
          }
        }
        """);
    JavacRunner.Outcome out = compile(
        "-XepPatchChecks:UnpresizedCollection,HashMapCapacity,StringConcatInLoop"
            + " -XepPatchLocation:IN_PLACE",
        "--release", "21");
    assertTrue(out.success(), out.toString());
    String fixedNames = Files.readString(names);
    assertTrue(fixedNames.contains("new ArrayList<>(users.size())"), fixedNames);
    String fixedJoin = Files.readString(dir.resolve("src/demo/Join.java"));
    assertTrue(fixedJoin.contains("StringBuilder sBuilder = new StringBuilder();"), fixedJoin);
    assertTrue(fixedJoin.contains("sBuilder.append(p);"), fixedJoin);
    assertTrue(fixedJoin.contains("String s = sBuilder.toString();"), fixedJoin);
    assertTrue(fixedJoin.contains("HashMap.newHashMap(keys.size())"), fixedJoin);

    JavacRunner.Outcome again = compile(
        "-XepDisableAllChecks -Xep:UnpresizedCollection:WARN -Xep:HashMapCapacity:WARN -Xep:StringConcatInLoop:WARN",
        "--release", "21", "-Werror");
    assertTrue(again.success(), again.toString());
    assertEquals(List.of(), again.messages(Diagnostic.Kind.WARNING));
  }

  @Test
  void pluginFailure_isOneNote_andWerrorStillPasses() throws IOException {
    write("demo/Names.java", NAMES);
    Faults.hook = (stage, subject) -> {
      if (stage == Faults.Stage.FRONT_END) throw new IllegalStateException("induced");
    };
    JavacRunner.Outcome out = compile("-XepDisableAllChecks -Xep:UnpresizedCollection:WARN -Xep:HeapEscape:WARN",
        "-Werror");
    assertTrue(out.success(), out.toString());
    List<String> notes = out.messages(Diagnostic.Kind.NOTE).stream().filter(m -> m.contains("noescape:")).toList();
    assertEquals(1, notes.size(), out.toString());
    assertTrue(notes.get(0).contains("front end failed: IllegalStateException: induced"), out.toString());
    assertEquals(List.of(), out.messages(Diagnostic.Kind.WARNING));
  }

  /** Verbosity=2's ArgEscape information is a note, though HeapEscape runs as a warning. */
  @Test
  void argEscapeInformationIsANoteNotAWarning() throws IOException {
    write("a/Arg.java", String.join("\n",
        "package a;",
        "class Arg {",
        "  static Object keep;",
        "  String f(String x) {",
        "    StringBuilder sb = new StringBuilder();",
        "    sb.append(x);",
        "    keep = new Object();",
        "    return sb.toString();",
        "  }",
        "}"));
    JavacRunner.Outcome out = compile("-XepDisableAllChecks -Xep:HeapEscape:WARN -XepOpt:NoEscape:Verbosity=2");
    assertTrue(out.success(), out.toString());
    List<String> warnings = out.messages(Diagnostic.Kind.WARNING);
    assertEquals(1, warnings.size(), out.toString());
    assertTrue(warnings.get(0).startsWith("7: [HeapEscape] new Object() escapes to heap"), out.toString());
    List<String> notes = out.messages(Diagnostic.Kind.NOTE).stream().filter(m -> m.contains("[HeapEscape]")).toList();
    assertEquals(1, notes.size(), out.toString());
    assertTrue(notes.get(0).startsWith("5: [HeapEscape] new StringBuilder() does not escape, but is passed to"),
        out.toString());
  }

  /** Every checker on, on unusual code: no crash, no failing stage, a successful build. */
  @Test
  void unusualButValidCode() throws IOException {
    write("zoo/Zoo.java", Zoo.SOURCE);
    StringBuilder enable = new StringBuilder("-XepDisableAllChecks");
    for (var c : NoEscapeCheckers.ALL) {
      enable.append(" -Xep:").append(c.getSimpleName().replace("Checker", "")).append(":WARN");
    }
    JavacRunner.Outcome out = compile(enable + " -XepOpt:NoEscape:Verbosity=2 -XepOpt:NoEscape:ReportOutsideLoops=true");
    assertTrue(out.success(), out.toString());
    assertEquals(List.of(), out.messages(Diagnostic.Kind.ERROR), out.toString());
    for (String note : out.messages(Diagnostic.Kind.NOTE)) {
      assertFalse(note.contains("noescape:") && note.contains("failed"), out.toString());
    }
  }

  /** The fixes on unusual code: applied in place, the result compiles and the findings are gone. */
  @Test
  void unusualButValidCode_patched() throws IOException {
    Path zoo = write("zoo/Zoo.java", Zoo.SOURCE);
    JavacRunner.Outcome out = compile(
        "-XepPatchChecks:StringConcatInLoop,UnpresizedCollection,HashMapCapacity -XepPatchLocation:IN_PLACE");
    assertTrue(out.success(), out.toString());
    String patched = Files.readString(zoo);
    assertTrue(patched.contains("sBuilder.append(name).append((name.isEmpty() ? '?' : name.charAt(0))).append(n);"),
        patched);
    assertTrue(patched.contains("String s = sBuilder.toString();"), patched);
    JavacRunner.Outcome again = compile("-XepDisableAllChecks -Xep:StringConcatInLoop:WARN"
        + " -Xep:UnpresizedCollection:WARN -Xep:HashMapCapacity:WARN");
    assertTrue(again.success(), again.toString());
    assertEquals(List.of(), again.messages(Diagnostic.Kind.WARNING), patched);
  }
}
