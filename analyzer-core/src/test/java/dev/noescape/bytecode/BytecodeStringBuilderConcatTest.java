package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * String concatenation compiled to a {@code StringBuilder} chain (Java 8 class files, javac
 * {@code -XDstringConcat=inline}, ecj's {@code new StringBuilder(String.valueOf(s))}) is one
 * {@code STRING_CONCAT} site, as {@code makeConcatWithConstants} is; a builder the user wrote stays
 * an ordinary allocation.
 */
class BytecodeStringBuilderConcatTest {
  @TempDir Path dir;

  private static final List<String> INLINE = List.of("-XDstringConcat=inline");

  /** Verbosity 2: ArgEscape sites are reported too, so a builder that stayed a site would show. */
  private static final RuleContext VERBOSE;

  static {
    RuleContext d = RuleContext.defaults();
    VERBOSE = new RuleContext(d.targetRelease(), d.guavaOnClasspath(), true, 2, d.hotAnnotations());
  }

  private static boolean mentionsBuilder(String finding) {
    return finding.contains("new StringBuilder") || finding.contains("new StringBuffer") || finding.contains(".append(")
        || finding.contains("StringBuilder.") || finding.contains("StringBuffer.");
  }

  private List<String> findings(String name, String source, List<String> options) throws IOException {
    Path sub = Files.createTempDirectory(dir, "c");
    Path classes = Snippets.compile(sub, name, source, options);
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), EnumSet.allOf(RuleId.class), VERBOSE),
        BytecodeAnalysis.Progress.NONE);
    assertTrue(r.problems().isEmpty(), "problems: " + r.problems());
    List<String> out = new ArrayList<>();
    for (Finding f : r.findings()) out.add(f.pos().line() + " [" + f.rule().id() + "] " + f.message().replace('\n', ' '));
    return out;
  }

  private static List<String> of(List<String> findings, String rule) {
    return findings.stream().filter(f -> f.contains("[" + rule + "]")).toList();
  }

  /** A finding expected on {@code line} whose message contains {@code text}. */
  private record At(int line, String text) {}

  private static At at(int line, String text) {
    return new At(line, text);
  }

  /** {@code findings} (lines as {@link #findings} writes them) are exactly {@code expected}, in order. */
  private static void assertFindings(List<String> findings, At... expected) {
    assertEquals(expected.length, findings.size(), findings.toString());
    for (int i = 0; i < expected.length; i++) {
      String f = findings.get(i);
      assertTrue(f.startsWith(expected[i].line() + " ") && f.contains(expected[i].text()), findings.toString());
    }
  }

  /** No finding names a builder: the concatenation's own builders are not sites of their own. */
  private static void assertNoBuilder(List<String> findings) {
    assertTrue(findings.stream().noneMatch(BytecodeStringBuilderConcatTest::mentionsBuilder), findings.toString());
  }

  /** The inline form gives exactly the findings of the indy form. */
  private List<String> sameAsIndy(String name, String source) throws IOException {
    List<String> inline = findings(name, source, INLINE);
    assertEquals(findings(name, source, List.of()), inline, "inline vs makeConcatWithConstants");
    return inline;
  }

  @Test
  void plusEqualsInALoopIsAnAccumulator() throws IOException {
    String src = """
        class Acc {
          static String join(String[] parts) {
            String s = "";
            for (String p : parts) {
              s += p;
            }
            return s;
          }

          static String prepend(java.util.List<String> parts) {
            String s = "";
            for (int i = 0; i < parts.size(); i++) {
              s = parts.get(i) + ", " + s;
            }
            return s;
          }

          String log = "";

          void record(String[] events) {
            for (String e : events) {
              log += e + ";";
            }
          }
        }
        """;
    List<String> f = sameAsIndy("Acc", src);
    assertFindings(of(f, "StringConcatInLoop"), at(5, "'s += …'"), at(13, "'s += …'"), at(22, "log"));
    assertNoBuilder(f);
  }

  @Test
  void concatenationOutsideALoopIsOneSite() throws IOException {
    String src = """
        import dev.noescape.annotations.NoAllocation;

        class Label {
          @NoAllocation
          static String label(String a, int n, Object b) {
            return "a" + n + b + a;
          }

          static String nested(String a, String b) {
            return a + String.valueOf(b + "!").length();
          }
        }
        """;
    List<String> f = sameAsIndy("Label", src);
    List<String> escapes = of(f, "HeapEscape").stream().filter(x -> x.contains("returned")).toList();
    assertFindings(escapes, at(6, "string concatenation"), at(10, "string concatenation"));
    assertNoBuilder(f);
  }

  @Test
  void aBuilderTheUserWroteStaysAnAllocation() throws IOException {
    String src = """
        import dev.noescape.annotations.NoAllocation;

        class Named {
          @NoAllocation
          static String render(String a, int n) {
            StringBuilder sb = new StringBuilder();
            sb.append(a).append(n);
            return sb.toString();
          }

          static StringBuilder keep(String a) {
            StringBuilder sb = new StringBuilder();
            sb.append(a);
            return sb;
          }

          static StringBuilder chained(String a) {
            return new StringBuilder().append(a);
          }
        }
        """;
    for (List<String> options : List.of(INLINE, List.of("-XDstringConcat=inline", "-g:source,lines"))) {
      List<String> f = findings("Named", src, options);
      List<String> escapes = of(f, "HeapEscape");
      assertTrue(escapes.stream().anyMatch(x -> x.startsWith("6 ") && x.contains("new StringBuilder()")), options + ": " + f);
      assertTrue(escapes.stream().anyMatch(x -> x.startsWith("12 ") && x.contains("new StringBuilder()") && x.contains("returned")),
          options + ": " + f);
      assertTrue(escapes.stream().anyMatch(x -> x.startsWith("18 ") && x.contains("new StringBuilder()") && x.contains("returned")),
          options + ": " + f);
      assertTrue(f.stream().noneMatch(x -> x.contains("string concatenation") || x.contains("string +=")), options + ": " + f);
    }
  }

  @Test
  void ecjAndOldJavacShapesAreRecognised() throws IOException {
    String src = """
        class Old {
          static String ecj(String[] parts) {
            String s = "";
            for (String p : parts) {
              s = new StringBuilder(String.valueOf(s)).append(p).toString();
            }
            return s;
          }

          static String buffer(String[] parts) {
            String s = "";
            for (String p : parts) {
              s = new StringBuffer().append(s).append(p).toString();
            }
            return s;
          }

          static String plain(String[] parts) {
            String s = "";
            for (String p : parts) {
              s = new StringBuilder(s).append(p).toString();
            }
            return s;
          }
        }
        """;
    List<String> f = findings("Old", src, List.of());
    assertFindings(of(f, "StringConcatInLoop"), at(5, "'s += …'"), at(13, "'s += …'"), at(21, "'s += …'"));
    assertNoBuilder(f);
  }
}
