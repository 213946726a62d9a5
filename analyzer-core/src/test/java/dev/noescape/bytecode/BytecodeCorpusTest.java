package dev.noescape.bytecode;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.noescape.corpus.CorpusExpectations;
import dev.noescape.corpus.CorpusExpectations.FileExpectations;
import dev.noescape.corpus.CorpusFiles;
import dev.noescape.corpus.CorpusScore;
import dev.noescape.finding.Finding;
import dev.noescape.ir.SourceLoops;
import dev.noescape.source.SourceMapper;
import dev.noescape.catalog.RuleId;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bytecode front end against the annotated corpus: analyzes the class files the testdata module
 * compiles ({@code javac --release 21 -g}, {@code testdata/target/classes}) in one run shared by the
 * tests of this class, and scores the findings with the corpus harness as the javac front end's
 * {@code CorpusTest} does ({@code bytecode-gap} markers excuse this front end).
 */
class BytecodeCorpusTest {
  /** Front-end gap markers (both kinds) may be at most this share of expect+ok markers. */
  static final double MAX_GAP_SHARE = 0.05;

  /**
   * The corpus marks every allocation that escapes, the expected escapes (thrown, static
   * initializers, returned) included: they are left out of reports by default, not by the engine.
   */
  static final RuleContext CORPUS_CONTEXT = RuleContext.defaults().withExpectedEscapes(true);

  static BytecodeAnalysis.Result result;
  static long millis;

  static Path classesDir() {
    String dir = System.getProperty("noescape.testdata.dir");
    Path base = dir != null ? Paths.get(dir) : Paths.get("..", "testdata");
    return base.resolve("target/classes").toAbsolutePath().normalize();
  }

  /**
   * The corpus sources' loop statements, as the command line and the Maven goals give them from
   * their source roots: loops without a condition are named by their own line.
   */
  static SourceLoops corpusLoops() {
    return new SourceMapper(List.of(CorpusFiles.sourceRoot()), CorpusFiles.sourceRoot());
  }

  @BeforeAll
  static void analyze() {
    Path classes = classesDir();
    assertTrue(Files.isDirectory(classes), "no corpus classes at " + classes + " (build the testdata module)");
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    for (String r : CorpusExpectations.CHECKED_RULES) rules.add(RuleId.byId(r));
    rules.add(RuleId.ALLOCATION_CONTRACT);
    long t0 = System.nanoTime();
    result = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), rules, CORPUS_CONTEXT).withSourceLoops(corpusLoops()),
        BytecodeAnalysis.Progress.NONE);
    millis = (System.nanoTime() - t0) / 1_000_000;
  }

  @Test
  void corpusMatchesExpectations() throws IOException {
    checkCorpus(result, millis, "bytecode-findings.txt", "noescape bytecode corpus");
  }

  /**
   * Scores a run over the corpus classes against the corpus markers and fails on any FN, FP, wrong
   * message, finding outside the corpus, or too many front-end gap markers; writes the findings to
   * {@code target/noescape-corpus/<out>}.
   */
  static void checkCorpus(BytecodeAnalysis.Result result, long millis, String out, String title) throws IOException {
    Path root = CorpusFiles.sourceRoot();
    Map<String, FileExpectations> expectations = new LinkedHashMap<>();
    for (Path f : CorpusFiles.corpusFiles(root)) {
      String rel = CorpusFiles.relative(root, f);
      expectations.put(rel, CorpusExpectations.parse(rel, Files.readString(f, UTF_8)));
    }
    Map<String, List<CorpusScore.Finding>> findings = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (Finding f : result.findings()) {
      String msg = f.message().replace('\n', ' ');
      findings.computeIfAbsent(f.file(), k -> new ArrayList<>())
          .add(new CorpusScore.Finding(f.file(), f.pos().line(), f.rule().id(), msg));
      lines.add(f.file() + ":" + f.pos().line() + " [" + f.rule().id() + "] " + msg);
    }
    Path outFile = Paths.get("target", "noescape-corpus", out);
    Files.createDirectories(outFile.getParent());
    Files.write(outFile, CorpusFiles.sortedByFileLine(lines), UTF_8);

    CorpusScore score = new CorpusScore(CorpusExpectations.FrontEnd.BYTECODE);
    for (FileExpectations fe : expectations.values()) score.score(fe, findings.getOrDefault(fe.file(), List.of()));
    List<String> strays = new ArrayList<>();
    for (String file : findings.keySet()) if (!expectations.containsKey(file)) strays.add(file);

    StringBuilder report = new StringBuilder();
    report.append(title).append(": ").append(result.classesTotal()).append(" classes, ")
        .append(result.classesAnalyzed()).append(" analyzed in ").append(millis).append(" ms, ")
        .append(score.markers()).append(" expect+ok markers, ").append(score.frontEndGaps())
        .append(" front-end gap markers\n").append(score.table());
    if (!result.problems().isEmpty()) report.append("problems:\n  ").append(result.problems()).append('\n');
    System.out.println(report);

    StringBuilder failure = new StringBuilder();
    int maxGaps = (int) Math.floor(score.markers() * MAX_GAP_SHARE);
    if (score.frontEndGaps() > maxGaps) {
      failure.append("too many bytecode-gap/javac-gap markers: ").append(score.frontEndGaps()).append(" > ")
          .append(maxGaps).append(" (5 % of ").append(score.markers()).append(")\n");
    }
    if (!score.missing().isEmpty()) {
      failure.append("missing findings (FN): ").append(score.missing().size()).append("\n  ")
          .append(String.join("\n  ", CorpusFiles.sortedByFileLine(score.missing()))).append('\n');
    }
    if (!score.unexpected().isEmpty()) {
      failure.append("unexpected findings (FP): ").append(score.unexpected().size()).append("\n  ")
          .append(String.join("\n  ", CorpusFiles.sortedByFileLine(score.unexpected()))).append('\n');
    }
    if (!score.wrongMessages().isEmpty()) {
      failure.append("findings whose message lacks the expected fragment: ").append(score.wrongMessages().size())
          .append("\n  ").append(String.join("\n  ", CorpusFiles.sortedByFileLine(score.wrongMessages()))).append('\n');
    }
    if (!strays.isEmpty()) failure.append("findings in files outside the corpus: ").append(strays).append('\n');
    if (failure.length() > 0) {
      System.out.println(failure);
      fail(report + failure.toString());
    }
  }

  /** Same input, same findings, same order: nothing depends on hash order or SootUp's method sets. */
  @Test
  void aSecondRunGivesTheSameFindings() {
    Set<RuleId> rules = EnumSet.allOf(RuleId.class);
    BytecodeAnalysis.Result again = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classesDir()), List.of(), rules, CORPUS_CONTEXT),
        BytecodeAnalysis.Progress.NONE);
    BytecodeAnalysis.Result first = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classesDir()), List.of(), rules, CORPUS_CONTEXT),
        BytecodeAnalysis.Progress.NONE);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (Finding f : first.findings()) a.add(f.file() + ":" + f.pos() + " " + f.rule() + " " + f.message());
    for (Finding f : again.findings()) b.add(f.file() + ":" + f.pos() + " " + f.rule() + " " + f.message());
    org.junit.jupiter.api.Assertions.assertEquals(a, b);
  }

  @Test
  void everyCorpusClassIsAnalyzed() {
    assertTrue(result.problems().isEmpty(), "problems: " + result.problems());
    assertTrue(result.classesAnalyzed() == result.classesTotal(),
        result.classesAnalyzed() + " of " + result.classesTotal() + " classes analyzed");
  }
}
