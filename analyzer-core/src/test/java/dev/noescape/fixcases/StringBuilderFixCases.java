package dev.noescape.fixcases;

import java.util.List;

/**
 * The {@link dev.noescape.finding.Fix.UseStringBuilder} rewrites both fix writers must make to the
 * character: the javac plugin's ({@code FixesTest}, applied the way {@code -XepPatchChecks} applies
 * them) and the command line's on the source ({@code SourceStringBuilderFixTest}). One list, so
 * that the two cannot drift apart; it ships in noescape-core's test jar.
 */
public final class StringBuilderFixCases {
  private StringBuilderFixCases() {}

  /**
   * One rewrite.
   *
   * @param name what the case shows (the test's display name)
   * @param file the file name, after the class it declares
   * @param before the source
   * @param after the source once fixed; {@code before} itself when no fix may be offered
   * @param variable the accumulated variable
   * @param siteLine the line of the first accumulation, where the finding is (the javac plugin
   *     finds it itself; the source test reports it there)
   * @param loopLine the line of the loop the finding's message names
   */
  public record FixCase(String name, String file, String before, String after, String variable, int siteLine,
      int loopLine) {
    public boolean unchanged() {
      return before.equals(after);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  public static List<FixCase> all() {
    return List.of(compoundAssignment(), splitsStringConcatenationButNotArithmetic(),
        selfConcatenationWithSeveralOperandsAndAFreshName(), notOfferedWhenTheVariableIsReadInTheLoop());
  }

  /**
   * {@code Join.java}: {@code String s = ""}, then a loop over {@code parts} (line 6) whose body is
   * {@code loopBody} (lines from 7, indented as in the file), then {@code return result;}.
   */
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

  private static FixCase compoundAssignment() {
    return new FixCase("compoundAssignment", "Join.java", join(List.of("      s += p;"), "s.trim()"), """
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
        """, "s", 7, 6);
  }

  /**
   * A String-typed {@code +} on the right is appended operand by operand; an int sum and a
   * constant stay whole, so the appended text is the concatenated text ("3", not "12"). javac's
   * parser folds adjacent literals ({@code "" + "x"}) into one constant subtree, kept as is.
   */
  private static FixCase splitsStringConcatenationButNotArithmetic() {
    String before = join(List.of(
        "      int a = 1, b = 2;",
        "      s += p + \", \";",
        "      s += a + b;",
        "      s += \"(\" + (a + b) + \"\" + \"x\" + (p + \"!\") + \")\";"), "s");
    return new FixCase("splitsStringConcatenationButNotArithmetic", "Join.java", before, """
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
        """, "s", 8, 6);
  }

  /** {@code lineBuilder} is taken, so the builder is {@code lineBuilder2}. */
  private static FixCase selfConcatenationWithSeveralOperandsAndAFreshName() {
    String before = """
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
    return new FixCase("selfConcatenationWithSeveralOperandsAndAFreshName", "Csv.java", before, """
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
        """, "line", 6, 5);
  }

  private static FixCase notOfferedWhenTheVariableIsReadInTheLoop() {
    String before = join(List.of("      if (s.length() > 80) {", "        break;", "      }", "      s += p;"), "s");
    return new FixCase("notOfferedWhenTheVariableIsReadInTheLoop", "Join.java", before, before, "s", 10, 6);
  }
}
