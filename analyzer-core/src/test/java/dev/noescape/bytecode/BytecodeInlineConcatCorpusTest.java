package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.corpus.CorpusExpectations;
import dev.noescape.corpus.CorpusFiles;
import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus compiled as Java 8 and {@code -XDstringConcat=inline} code is: every {@code +} on
 * strings a {@code StringBuilder} chain instead of {@code makeConcatWithConstants}. Compiled here
 * ({@code javac --release 21 -g -XDstringConcat=inline}), analyzed, and held to the same markers as
 * {@link BytecodeCorpusTest}: the two forms of concatenation must give the same findings.
 */
class BytecodeInlineConcatCorpusTest {
  @TempDir static Path out;

  static BytecodeAnalysis.Result result;
  static long millis;

  @BeforeAll
  static void compileAndAnalyze() throws IOException {
    Path root = CorpusFiles.sourceRoot();
    Path classes = out.resolve("classes");
    Files.createDirectories(classes);
    Snippets.compile(CorpusFiles.corpusFiles(root), classes, List.of("-XDstringConcat=inline"));
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    for (String r : CorpusExpectations.CHECKED_RULES) rules.add(RuleId.byId(r));
    rules.add(RuleId.ALLOCATION_CONTRACT);
    long t0 = System.nanoTime();
    result = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(), rules, BytecodeCorpusTest.CORPUS_CONTEXT)
        .withSourceLoops(BytecodeCorpusTest.corpusLoops()),
        BytecodeAnalysis.Progress.NONE);
    millis = (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void inlineConcatCorpusMatchesExpectations() throws IOException {
    BytecodeCorpusTest.checkCorpus(result, millis, "bytecode-inline-concat-findings.txt",
        "noescape bytecode corpus (-XDstringConcat=inline)");
  }

  @Test
  void everyClassIsAnalyzed() {
    assertTrue(result.problems().isEmpty(), "problems: " + result.problems());
    assertTrue(result.classesAnalyzed() == result.classesTotal(),
        result.classesAnalyzed() + " of " + result.classesTotal() + " classes analyzed");
  }
}
