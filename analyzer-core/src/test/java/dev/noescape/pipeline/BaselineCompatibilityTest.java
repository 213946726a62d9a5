package dev.noescape.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.rules.RuleContext;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline users already have keeps working: {@code corpus-baseline-v1.json} was written by the
 * release whose baseline format is {@code "version": 1} ({@code Baseline.of} over every rule's
 * findings on the corpus classes, mapped to the corpus sources, as {@code mvn noescape:baseline}
 * does), before findings carried their sites as structure. Today's findings over the same classes
 * must each be absorbed by it, and no entry may be left over.
 */
class BaselineCompatibilityTest {
  static Pipeline.Mapped mapped;

  static Path testdata() {
    String dir = System.getProperty("noescape.testdata.dir");
    return (dir != null ? Paths.get(dir) : Paths.get("..", "testdata")).toAbsolutePath().normalize();
  }

  @BeforeAll
  static void analyze() {
    Path classes = testdata().resolve("target/classes");
    assertTrue(Files.isDirectory(classes), "no corpus classes at " + classes + " (build the testdata module)");
    BytecodeAnalysis.Result result = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Pipeline.defaultRules(true), RuleContext.defaults()),
        BytecodeAnalysis.Progress.NONE);
    Path root = testdata().getParent();
    mapped = Pipeline.map(result.findings(), List.of(testdata().resolve("src/main/java")), root, e -> {
      throw new AssertionError(e);
    });
  }

  static Path resource(String name) throws URISyntaxException {
    return Paths.get(BaselineCompatibilityTest.class.getResource(name).toURI());
  }

  @Test
  void aVersion1BaselineStillHoldsEveryFinding() throws Exception {
    Baseline v1 = Baseline.read(resource("corpus-baseline-v1.json"));
    Baseline.Applied applied = v1.apply(mapped.findings());
    assertEquals(List.of(), applied.remaining().stream().map(f -> f.finding().toTextLine()).toList());
    // Left over, and only these: the boxed arguments of varargs calls, which are now part of the
    // call's one finding (its own entry still holds it). A baseline reports them as stale, never
    // lets a finding through.
    assertEquals(MERGED_INTO_VARARGS_CALLS, applied.stale());
    assertEquals(v1.size() - MERGED_INTO_VARARGS_CALLS.size(), applied.ignored());
  }

  /** The v1 entries of boxes that became part of their varargs call's finding. */
  static final List<String> MERGED_INTO_VARARGS_CALLS = List.of(
      "BoxingAllocation:corpus.inventory.Inventory#report():boxing double to Double",
      "BoxingAllocation:corpus.inventory.Inventory#report():boxing int to Integer",
      "BoxingAllocation:corpus.json.JsonWriter#quote(java.lang.String):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#doWhile(java.util.Iterator):boxing int to Integer",
      "BoxingAllocation:corpus.parsing.CsvReader#describe(java.util.List):boxing int to Integer",
      "BoxingAllocation:corpus.varargs.VarargsCalls#format(java.util.List):boxing double to Double",
      "BoxingAllocation:corpus.varargs.VarargsCalls#format(java.util.List):boxing int to Integer");

  @Test
  void theVersion2BaselineOfTheSameFindingsHoldsThemTooWithOneKeyEach(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("noescape-baseline.json");
    Baseline.of(mapped.findings()).write(file);
    Baseline v2 = Baseline.read(file);
    assertEquals(2, v2.version());
    assertEquals(mapped.findings().size(), v2.entries().size(), "twins are numbered, not counted");
    assertEquals(Baseline.read(resource("corpus-baseline-v1.json")).size() - MERGED_INTO_VARARGS_CALLS.size(), v2.size());
    Baseline.Applied applied = v2.apply(mapped.findings());
    assertEquals(List.of(), applied.remaining());
    assertEquals(List.of(), applied.stale());
  }
}
