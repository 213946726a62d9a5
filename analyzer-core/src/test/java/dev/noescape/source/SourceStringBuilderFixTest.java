package dev.noescape.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.RuleId;
import dev.noescape.report.ReportedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Fix.UseStringBuilder} on the source: the javac plugin's own fix tests (FixesTest), same inputs, same outputs. */
class SourceStringBuilderFixTest {
  @TempDir Path project;

  private static String join(List<String> loopBody, String result) {
    return """
        import java.util.List;

        class Join {
          String join(List<String> parts) {
            String s = "";
            for (String p : parts) {
        %s
            }
            return %s;
          }
        }
        """.formatted(String.join("\n", loopBody), result);
  }

  private String fixed(String file, String source, int line, String variable, int loopLine) throws Exception {
    Path root = project.resolve("src");
    Files.createDirectories(root);
    Files.writeString(root.resolve(file), source);
    SourceMapper mapper = new SourceMapper(List.of(root), project);
    Finding f = SourceFindings.finding(RuleId.STRING_CONCAT_IN_LOOP, file, line, "string +=",
        "'" + variable + " += …' copies the whole string on every iteration of the loop at line " + loopLine
            + " (quadratic): accumulate in a StringBuilder",
        new Fix.UseStringBuilder(variable), 0, SourceFindings.METHOD);
    ReportedFinding rf = mapper.map(f).orElseThrow();
    assertEquals(List.of(), mapper.problems());
    return SourceFindings.apply(source, rf.fix());
  }

  @Test
  void compoundAssignment() throws Exception {
    assertEquals("""
        import java.util.List;

        class Join {
          String join(List<String> parts) {
            StringBuilder sBuilder = new StringBuilder();
            for (String p : parts) {
              sBuilder.append(p);
            }
            String s = sBuilder.toString();
            return s.trim();
          }
        }
        """, fixed("Join.java", join(List.of("      s += p;"), "s.trim()"), 7, "s", 6));
  }

  @Test
  void splitsStringConcatenationButNotArithmetic() throws Exception {
    String in = join(List.of(
        "      int a = 1, b = 2;",
        "      s += p + \", \";",
        "      s += a + b;",
        "      s += \"(\" + (a + b) + \"\" + \"x\" + (p + \"!\") + \")\";"), "s");
    assertEquals("""
        import java.util.List;

        class Join {
          String join(List<String> parts) {
            StringBuilder sBuilder = new StringBuilder();
            for (String p : parts) {
              int a = 1, b = 2;
              sBuilder.append(p).append(", ");
              sBuilder.append(a + b);
              sBuilder.append("(").append((a + b)).append("" + "x").append(p).append("!").append(")");
            }
            String s = sBuilder.toString();
            return s;
          }
        }
        """, fixed("Join.java", in, 8, "s", 6));
  }

  @Test
  void selfConcatenationWithSeveralOperandsAndAFreshName() throws Exception {
    String in = """
        class Csv {
          String csv(int[] values) {
            String line = "[";
            int lineBuilder = 0;
            for (int i = 0; i < values.length; i++) {
              line = line + values[i] + ",";
              lineBuilder++;
            }
            return line + "]" + lineBuilder;
          }
        }
        """;
    assertEquals("""
        class Csv {
          String csv(int[] values) {
            StringBuilder lineBuilder2 = new StringBuilder("[");
            int lineBuilder = 0;
            for (int i = 0; i < values.length; i++) {
              lineBuilder2.append(values[i]).append(",");
              lineBuilder++;
            }
            String line = lineBuilder2.toString();
            return line + "]" + lineBuilder;
          }
        }
        """, fixed("Csv.java", in, 6, "line", 5));
  }

  @Test
  void notOfferedWhenTheVariableIsReadInTheLoop() throws Exception {
    String in = join(List.of("      if (s.length() > 80) {", "        break;", "      }", "      s += p;"), "s");
    assertEquals(in, fixed("Join.java", in, 10, "s", 6));
  }
}
