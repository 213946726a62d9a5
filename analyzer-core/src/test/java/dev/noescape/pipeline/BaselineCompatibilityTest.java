package dev.noescape.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.rules.RuleContext;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A baseline users already have keeps working: {@code corpus-baseline-v1.json} was written by the
 * release whose baseline format is {@code "version": 1} ({@code Baseline.of} over every rule's
 * findings on the corpus classes, mapped to the corpus sources, as {@code mvn noescape:baseline}
 * does), before findings carried their sites as structure. Today's findings over the same classes
 * must each be absorbed by it, and no entry may be left over. The findings are those of the rule
 * context the baseline was written with (expected escapes included: they had no tier then), over
 * the corpus files it knew ({@link #ADDED_SINCE} came later).
 */
class BaselineCompatibilityTest {
  static Pipeline.Mapped mapped;

  /** Corpus files written after the version 1 baseline: their findings are new to it. */
  static final List<String> ADDED_SINCE = List.of("corpus/escape/ReceiverDispatch.java", "corpus/cold/NeverReturns.java",
      "corpus/loops/LoopLines.java", "corpus/loops/RetryLoops.java", "corpus/collections/FieldInitializers.java",
      "corpus/boxing/RepeatedBoxes.java", "corpus/cold/OneTimeHelpers.java", "corpus/collections/FillPaths.java",
      "corpus/boxing/ForcedBoxes.java", "corpus/cold/SetUpCode.java", "corpus/cold/CacheMissPaths.java",
      "corpus/cold/ToStringMethods.java", "corpus/text/AccumulatorOnce.java", "corpus/boxing/CallBoxes.java",
      "corpus/varargs/CostlyCallees.java", "corpus/boxing/PrivateParameters.java", "corpus/cold/OnceBranches.java",
      "corpus/varargs/AllocatingCallees.java", "corpus/cold/OnceFlagsClearedAfter.java",
      "corpus/text/ConcatReadEveryIteration.java", "corpus/boxing/KeptBoxes.java", "corpus/lambdas/LoopCaptures.java",
      "corpus/boxing/ByteRanges.java",
      "corpus/jit/Preconditions.java", "corpus/loops/IoAfterEarlyExit.java", "corpus/jit/OnlyImplementation.java",
      "corpus/collections/FieldRanges.java", "corpus/text/AccumulatorResets.java",
      "corpus/varargs/LibraryFloors.java", "corpus/escape/RecordMethods.java",
      "corpus/jit/SnapshotCopies.java", "corpus/cold/ErrorArms.java");

  static Path testdata() {
    String dir = System.getProperty("noescape.testdata.dir");
    return (dir != null ? Paths.get(dir) : Paths.get("..", "testdata")).toAbsolutePath().normalize();
  }

  @BeforeAll
  static void analyze() {
    Path classes = testdata().resolve("target/classes");
    assertTrue(Files.isDirectory(classes), "no corpus classes at " + classes + " (build the testdata module)");
    BytecodeAnalysis.Result result = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), rulesOfTheBaselines(),
            RuleContext.defaults().withExpectedEscapes(true)),
        BytecodeAnalysis.Progress.NONE);
    Path root = testdata().getParent();
    List<Finding> known = result.findings().stream()
        .filter(f -> ADDED_SINCE.stream().noneMatch(f.file()::endsWith)).toList();
    mapped = Pipeline.map(known, List.of(testdata().resolve("src/main/java")), root, e -> {
      throw new AssertionError(e);
    });
  }

  /** Every rule the checked-in baselines were written with: all but NotScalarReplaced, which is newer. */
  static Set<RuleId> rulesOfTheBaselines() {
    Set<RuleId> rules = EnumSet.copyOf(Pipeline.defaultRules(true));
    rules.remove(RuleId.NOT_SCALAR_REPLACED);
    return rules;
  }

  static Path resource(String name) throws URISyntaxException {
    return Paths.get(BaselineCompatibilityTest.class.getResource(name).toURI());
  }

  /**
   * Findings the version 1 baseline could not hold: the analysis found them later. The second arm
   * of {@code c ? new Fill(a, b) : new Fill(b, a)} was described with the first arm's constructor
   * call (the bytecode's shared stack local).
   */
  static final List<String> FOUND_SINCE = List.of(
      "testdata/src/main/java/corpus/trading/OrderBook.java:65:15: new OrderBook.Fill(r.id(), incoming.id(), price, qty)"
          + " escapes to heap: stored into new ArrayList<>() by List.add (line 66); ArrayList object is returned"
          + " (line 75) — the caller keeps it [HeapEscape]");

  /**
   * Entries of the version 1 baseline that no finding uses any more: the escapes a more precise
   * analysis proves away (a lambda passed to a functional interface's own method is not kept by it,
   * {@code Path.of} does not keep its varargs array), the twins reported once ({@code HeapEscape}
   * findings on one line that read alike, a field initializer javac copies into each constructor),
   * and the first arm of the conditional of {@link #FOUND_SINCE}, whose count was 2; and the box of
   * {@code int copy = 16} in {@code BoxingCaches.localConstants}, a local the bytecode front end's
   * Jimple types {@code byte}: its values are -128..127 ({@code Boxes.Range.ofType}), the box never
   * allocates.
   */
  static final List<String> GONE_SINCE = List.of(
      "HeapEscape:corpus.boxing.BoxingCaches#localConstants(int):boxing int to Integer",
      "HeapEscape:corpus.graph.RoadGraph#outDegrees():boxing int to Integer",
      "HeapEscape:corpus.hot.PriceFeed#<init>(java.util.Map,corpus.hot.PriceFeed$Sink):new ArrayList<>()",
      "HeapEscape:corpus.hot.RingBuffer#snapshot():boxing int to Integer",
      "HeapEscape:corpus.lambdas.EventBus#initAndIterable(java.util.List,java.lang.String,int):lambda capturing 'n'",
      "HeapEscape:corpus.lambdas.EventBus#initAndIterable(java.util.List,java.lang.String,int):lambda capturing 'prefix'",
      "HeapEscape:corpus.lambdas.EventBus#initAndIterable(java.util.List,java.lang.String,int):lambda capturing 'prefix'",
      "HeapEscape:corpus.loops.LoopShapes#cold(java.util.List):lambda capturing 'this', 'names'",
      "HeapEscape:corpus.loops.LoopShapes#iterableExpression(int,int,int):boxing int to Integer",
      "HeapEscape:corpus.loops.LoopShapes#iterableExpression(int,int,int):boxing int to Integer",
      "HeapEscape:corpus.loops.LoopShapes#lambdaInLoop(java.util.List):lambda capturing 'this', 'batch'",
      "HeapEscape:corpus.loops.LoopShapes#loopInsideLambda(java.util.List):lambda capturing 'this', 'chunks'",
      "HeapEscape:corpus.trading.OrderBook#match(corpus.trading.OrderBook$Order):new OrderBook.Fill(incoming.id(), r.id(), price, qty)",
      "HeapEscape:corpus.varargs.VarargsCalls#resolve(java.nio.file.Path,java.util.List,java.lang.String):varargs String[] for Path.of",
      "HeapEscape:corpus.varargs.VarargsCalls#resolve(java.nio.file.Path,java.util.List,java.lang.String):varargs String[] for Path.of",
      "LeakingParameter:corpus.lambdas.EventBus#initAndIterable(java.util.List,java.lang.String,int):param prefix",
      "LeakingParameter:corpus.loops.LoopShapes#lambdaInLoop(java.util.List):param batches",
      "LeakingParameter:corpus.loops.LoopShapes#loopInsideLambda(java.util.List):param chunks");

  @Test
  void aVersion1BaselineStillHoldsEveryFinding() throws Exception {
    Baseline v1 = Baseline.read(resource("corpus-baseline-v1.json"));
    Baseline.Applied applied = v1.apply(mapped.findings());
    assertEquals(FOUND_SINCE, applied.remaining().stream().map(f -> f.finding().toTextLine()).toList());
    // Left over, and only these: the entries of GONE_SINCE, and the boxed arguments of varargs calls,
    // which are now part of the call's one finding (its own entry still holds it). A baseline reports
    // them as stale, never lets a finding through.
    assertEquals(staleSince(), applied.stale());
    assertEquals(v1.size() - staleSince().size(), applied.ignored());
  }

  /**
   * The v1 entries no finding uses any more: {@link #GONE_SINCE}, {@link #MERGED_INTO_VARARGS_CALLS},
   * {@link #MERGED_INTO_REPEATED_BOXES}, {@link #FORCED_SINCE} and {@link #MERGED_INTO_ONE_ACCUMULATOR}, in
   * key order.
   */
  static List<String> staleSince() {
    List<String> all = new java.util.ArrayList<>(GONE_SINCE);
    all.addAll(MERGED_INTO_VARARGS_CALLS);
    all.addAll(MERGED_INTO_REPEATED_BOXES);
    all.addAll(FORCED_SINCE);
    all.addAll(MERGED_INTO_ONE_ACCUMULATOR);
    all.sort(null);
    return all;
  }

  /**
   * The v1 entry (count 2) of concatenations onto one accumulator in one loop, which are one finding
   * now ({@code rules.StringConcatInLoopRule}): one of its two is left over; the first still holds it.
   */
  static final List<String> MERGED_INTO_ONE_ACCUMULATOR =
      List.of("StringConcatInLoop:corpus.text.ReportBuilder#bar(int):string +=");

  /**
   * The v1 entries of boxes that became part of the finding of an earlier box of the same value in
   * the same iteration ({@code freq.put(c, freq.getOrDefault(c, 0) + 1)}): the first box's entry
   * still holds it.
   */
  static final List<String> MERGED_INTO_REPEATED_BOXES = List.of(
      "BoxingAllocation:corpus.collections.Presizing#letters(java.lang.String):boxing char to Character");

  /**
   * The v1 entries of boxes that are information now, not warnings (forced boxes,
   * {@code rules.ForcedBoxes}: required by their target, of a value that can change on every
   * iteration); a baseline reports them as stale. RoadGraph's {@code order.add(node)} in {@code bfs}
   * and {@code order.add(u)} in {@code topologicalOrder} are warnings again (the local is unboxed
   * from the queue's {@code poll()}: keep that box), and hold one entry each.
   */
  static final List<String> FORCED_SINCE = List.of(
      "BoxingAllocation:corpus.boxing.BoxingCaches#constants(int):boxing int to Integer",
      "BoxingAllocation:corpus.boxing.BoxingCaches#firstFree(java.util.Set,int):boxing int to Integer",
      "BoxingAllocation:corpus.boxing.BoxingCaches#localConstants(int):boxing int to Integer",
      "BoxingAllocation:corpus.boxing.BoxingCaches#lookupNames(int[],java.util.Map):boxing int to Integer",
      "BoxingAllocation:corpus.boxing.BoxingCaches#removeAll(java.util.List,int[]):boxing int to Integer",
      "BoxingAllocation:corpus.boxing.BoxingCaches#revenue(java.lang.String[],double[]):boxing double to Double",
      "BoxingAllocation:corpus.boxing.BoxingCaches#wordCounts(java.lang.String[]):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#assertAll(java.util.List,int):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#checkAll(int[],int):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#evens(int[]):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#logAll(java.util.List,long):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#parseAll(java.util.List):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#queue(int[]):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#requireAll(java.util.List,java.util.Map):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#requireAll(java.util.List,java.util.Map):boxing int to Integer",
      "BoxingAllocation:corpus.collections.Presizing#collatz(int):boxing int to Integer",
      "BoxingAllocation:corpus.collections.Presizing#legacyTable(java.lang.String[]):boxing int to Integer",
      "BoxingAllocation:corpus.collections.Presizing#letters(java.lang.String):boxing int to Integer",
      "BoxingAllocation:corpus.collections.Presizing#twelveEntries(java.lang.String[]):boxing int to Integer",
      "BoxingAllocation:corpus.escape.ReportAssembler#copyOfIndex(java.util.List):boxing long to Long",
      "BoxingAllocation:corpus.graph.RoadGraph#asSet(int[]):boxing int to Integer",
      "BoxingAllocation:corpus.graph.RoadGraph#bfs(int):boxing int to Integer",
      "BoxingAllocation:corpus.graph.RoadGraph#outDegrees():boxing int to Integer",
      "BoxingAllocation:corpus.graph.RoadGraph#outDegrees():boxing int to Integer",
      "BoxingAllocation:corpus.graph.RoadGraph#topologicalOrder():boxing int to Integer",
      "BoxingAllocation:corpus.graph.RoadGraph#topologicalOrder():boxing int to Integer",
      "BoxingAllocation:corpus.inventory.Inventory#lambda$discounted$0(corpus.inventory.Inventory$Item):boxing double to Double",
      "BoxingAllocation:corpus.inventory.Inventory#priceIndex():boxing double to Double",
      "BoxingAllocation:corpus.json.JsonWriter#document(java.lang.String,int[],double[]):boxing double to Double",
      "BoxingAllocation:corpus.json.JsonWriter#document(java.lang.String,int[],double[]):boxing int to Integer",
      "BoxingAllocation:corpus.json.JsonWriter#rows(java.lang.String[],int[]):boxing int to Integer",
      "BoxingAllocation:corpus.json.JsonWriter#rows(java.lang.String[],int[]):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#doWhile(java.util.Iterator):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#expressionForms(int[],boolean):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#expressionForms(int[],boolean):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#expressionForms(int[],boolean):boxing int to Integer",
      // the box kept in `maybe` and added to seen in the same iteration (rules.BoxTarget)
      "BoxingAllocation:corpus.loops.LoopShapes#expressionForms(int[],boolean):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#expressionForms(int[],boolean):boxing long to Long",
      "BoxingAllocation:corpus.loops.LoopShapes#forBody(int):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#forCondition(java.util.Set,int):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#labeled(int[][],int):boxing double to Double",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$forEachBodies$0(java.lang.String):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$forEachBodies$1(java.lang.String,java.lang.Integer):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$forEachBodies$2(java.lang.String,java.lang.Integer):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$lambdaInLoop$0():boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$loopInsideLambda$0():boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#lambda$streams$0(java.lang.Integer):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#nested(int[][]):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#nested(int[][]):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#switchAndTry(java.util.List):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#switchAndTry(java.util.List):boxing int to Integer",
      "BoxingAllocation:corpus.loops.LoopShapes#whileCondition(java.util.Set,long):boxing long to Long",
      "BoxingAllocation:corpus.metrics.MetricRegistry#lambda$registerQueueGauges$0():boxing double to Double",
      "BoxingAllocation:corpus.metrics.MetricRegistry#snapshotCounters():boxing long to Long",
      "BoxingAllocation:corpus.metrics.MetricRegistry#tagCardinality():boxing int to Integer",
      "BoxingAllocation:corpus.parsing.CsvReader#columnIndex(java.lang.String[]):boxing int to Integer",
      "BoxingAllocation:corpus.parsing.CsvReader#numericColumn(java.util.List,java.lang.String):boxing double to Double",
      "BoxingAllocation:corpus.search.InvertedIndex#documentFrequencies():boxing int to Integer",
      "BoxingAllocation:corpus.search.InvertedIndex#search(java.lang.String,int):boxing double to Double",
      "BoxingAllocation:corpus.search.InvertedIndex#search(java.lang.String,int):boxing int to Integer",
      "BoxingAllocation:corpus.trading.OrderBook#addAll(java.util.Collection):boxing long to Long",
      "BoxingAllocation:corpus.trading.OrderBook#addAll(java.util.Collection):boxing long to Long",
      "BoxingAllocation:corpus.trading.OrderBook#volumeByTrader():boxing int to Integer");

  /** The v1 entries of boxes that became part of their varargs call's finding. */
  static final List<String> MERGED_INTO_VARARGS_CALLS = List.of(
      "BoxingAllocation:corpus.cold.ColdPaths#logAll(java.util.List,long):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#perRow(int[][]):boxing int to Integer",
      "BoxingAllocation:corpus.cold.ColdPaths#runs(int[]):boxing int to Integer",
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
    assertEquals(Baseline.read(resource("corpus-baseline-v1.json")).size() - staleSince().size() + FOUND_SINCE.size(),
        v2.size());
    Baseline.Applied applied = v2.apply(mapped.findings());
    assertEquals(List.of(), applied.remaining());
    assertEquals(List.of(), applied.stale());
  }
}
