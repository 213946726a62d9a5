package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import dev.noescape.catalog.RuleExamples;
import dev.noescape.catalog.RuleExamples.Example;
import dev.noescape.catalog.RuleExamples.Reported;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule's documented example does what its page says ({@link RuleExamples}) through the bytecode front end. */
class BytecodeRuleExamplesTest {
  @TempDir Path dir;

  @Test
  void beforeIsReportedAndAfterIsClean() throws IOException {
    Path src = dir.resolve("src");
    List<Example> examples = RuleExamples.write(src);
    List<Path> sources;
    try (Stream<Path> s = Files.list(src)) {
      sources = s.sorted().toList();
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Snippets.compile(sources, classes, List.of());
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), EnumSet.allOf(RuleId.class), RuleContext.defaults()),
        BytecodeAnalysis.Progress.NONE);
    assertEquals(List.of(), r.problems());
    List<Reported> reported = new ArrayList<>();
    for (Finding f : r.findings()) reported.add(new Reported(f.file().replace(".java", ""), f.pos().line(), f.rule()));
    assertEquals(List.of(), RuleExamples.problems(examples, reported), r.findings().toString());
  }
}
