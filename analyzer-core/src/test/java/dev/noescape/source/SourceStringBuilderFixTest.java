package dev.noescape.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.fixcases.StringBuilderFixCases;
import dev.noescape.fixcases.StringBuilderFixCases.FixCase;
import dev.noescape.report.ReportedFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Fix.UseStringBuilder} on the source: the javac plugin's own fix cases
 * ({@link StringBuilderFixCases}, also run by FixesTest), same inputs, same outputs.
 */
class SourceStringBuilderFixTest {
  @TempDir Path project;

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.noescape.fixcases.StringBuilderFixCases#all")
  void sameRewriteAsTheJavacPlugin(FixCase c) throws Exception {
    assertEquals(c.after(), fixed(c.file(), c.before(), c.siteLine(), c.variable(), c.loopLine()));
  }
}
