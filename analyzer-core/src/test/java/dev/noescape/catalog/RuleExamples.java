package dev.noescape.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules' documented examples as compilable classes, and what the tests of both front ends
 * require of them: the rule reports the code before, and neither it nor any rule that is on by
 * default reports the code after. Findings in the examples' shared types do not count.
 */
public final class RuleExamples {
  private RuleExamples() {}

  /**
   * One example class: {@code HeapEscapeBefore} in {@code HeapEscapeBefore.java}, the members on
   * lines {@code firstLine..lastLine}.
   */
  public record Example(RuleId rule, boolean before, String className, int firstLine, int lastLine) {}

  /** A finding of {@code rule} on {@code line} of the class {@code className}'s file. */
  public record Reported(String className, int line, RuleId rule) {}

  /** Writes the before and after class of every rule into {@code dir}, and returns them. */
  public static List<Example> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Example> out = new ArrayList<>();
    for (RuleId r : RuleId.values()) {
      for (boolean before : new boolean[] {true, false}) {
        String members = before ? r.doc().before() : r.doc().after();
        String name = r.id() + (before ? "Before" : "After");
        String source = source(name, members);
        Files.writeString(dir.resolve(name + ".java"), source, UTF_8);
        int first = source.lines().toList().indexOf("  " + members.lines().findFirst().orElseThrow()) + 1;
        out.add(new Example(r, before, name, first, first + (int) members.lines().count() - 1));
      }
    }
    return out;
  }

  /** What the examples break, one line each; empty when every example does what its page says. */
  public static List<String> problems(List<Example> examples, List<Reported> reported) {
    List<String> problems = new ArrayList<>();
    for (Example e : examples) {
      List<RuleId> rules = new ArrayList<>();
      for (Reported f : reported) {
        if (f.className().equals(e.className()) && f.line() >= e.firstLine() && f.line() <= e.lastLine()) {
          rules.add(f.rule());
        }
      }
      if (e.before() && !rules.contains(e.rule())) {
        problems.add(e.rule() + ": the example before is not reported; reported: " + rules);
      }
      if (!e.before()) {
        for (RuleId r : rules) {
          if (r == e.rule() || r.doc().onByDefault()) problems.add(e.rule() + ": the example after is reported: " + r);
        }
      }
    }
    return problems;
  }

  /** A compilation unit (default package): class {@code name} with the examples' imports, types and {@code members}. */
  static String source(String name, String members) {
    StringBuilder src = new StringBuilder();
    for (String i : RuleDocs.EXAMPLE_IMPORTS) src.append("import ").append(i).append(";\n");
    src.append("\nclass ").append(name).append(" {\n");
    for (String part : List.of(RuleDocs.EXAMPLE_TYPES, members)) {
      src.append("  ").append(part.replace("\n", "\n  ").replace("  \n", "\n")).append("\n\n");
    }
    return src.append("}\n").toString();
  }
}
