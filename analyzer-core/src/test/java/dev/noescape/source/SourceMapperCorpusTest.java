package dev.noescape.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.corpus.CorpusFiles;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.report.ReportedFinding;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The source mapping against the annotated corpus and the javac plugin's own positions on it. */
class SourceMapperCorpusTest {
  private static final Path ROOT = CorpusFiles.sourceRoot();

  private static SourceMapper mapper() {
    // project root = testdata: paths come out as src/main/java/corpus/...
    return new SourceMapper(List.of(ROOT), ROOT.getParent().getParent().getParent());
  }

  private static String line(String file, int line) throws Exception {
    return Files.readAllLines(ROOT.resolve(file)).get(line - 1);
  }

  /** Line {@code line} of a corpus file, checked to still hold {@code expected} (the test's premise). */
  private static String lineWith(String file, int line, String expected) throws Exception {
    String text = line(file, line);
    assertTrue(text.contains(expected), text);
    return text;
  }

  /** Line {@code line} of a corpus file once {@code rf}'s fix is applied to the file. */
  private static String fixedLine(String file, int line, ReportedFinding rf) throws Exception {
    return SourceFindings.apply(Files.readString(ROOT.resolve(file)), rf.fix()).split("\n", -1)[line - 1];
  }

  /**
   * Two threads map the corpus findings through one mapper that keeps two parsed files at a time:
   * the same answers as one thread with the default cache.
   */
  @Test
  void concurrentMappingWithASmallCacheGivesTheSameAnswers() throws Exception {
    List<Finding> in = goldFindings();
    List<ReportedFinding> reference = mapper().mapAll(in);
    SourceMapper shared = new SourceMapper(List.of(ROOT), ROOT.getParent().getParent().getParent(), 2);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<List<ReportedFinding>>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        // one thread in file order, the other backwards: both evict all the time
        List<Finding> shuffled = new ArrayList<>(in);
        if (t == 1) java.util.Collections.reverse(shuffled);
        runs.add(pool.submit(() -> shared.mapAll(shuffled)));
      }
      for (java.util.concurrent.Future<List<ReportedFinding>> r : runs) {
        List<ReportedFinding> got = r.get();
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < Math.min(got.size(), reference.size()); i++) {
          if (!got.get(i).equals(reference.get(i))) diff.add(got.get(i).finding().toTextLine() + " vs " + reference.get(i).finding().toTextLine());
        }
        assertEquals(List.of(), diff.subList(0, Math.min(5, diff.size())));
        assertEquals(reference, got);
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(List.of(), shared.problems());
  }

  /** The javac findings that still apply to the corpus (see {@link #gold}). */
  private List<Finding> goldFindings() throws Exception {
    List<Finding> in = new ArrayList<>();
    gold(in, new HashMap<>());
    return in;
  }

  /** Loads the javac positions that still apply: findings into {@code in}, columns by finding into {@code expected}; returns the entries. */
  private int gold(List<Finding> in, Map<String, List<Integer>> expected) throws Exception {
    Map<String, Integer> counters = new HashMap<>();
    int total = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("javac-columns.tsv"), StandardCharsets.UTF_8))) {
      for (String l; (l = r.readLine()) != null; ) {
        if (l.startsWith("#") || l.isBlank()) continue;
        String[] c = l.split("\t", -1);
        total++;
        String file = c[0];
        int lineNo = Integer.parseInt(c[1]);
        Path p = ROOT.resolve(file);
        if (!Files.exists(p)) continue;
        List<String> lines = Files.readAllLines(p);
        if (lineNo > lines.size() || !lines.get(lineNo - 1).strip().equals(c[5])) continue;
        RuleId rule = RuleId.byId(c[3]);
        String subject = SourceFindings.subjectOf(rule, c[4]);
        // site ids in the order javac reported them (program order within a rule)
        int id = counters.merge(file + ":" + lineNo + ":" + rule + ":" + subject, 1, Integer::sum);
        in.add(SourceFindings.javacFinding(rule, file, lineNo, subject, c[4], null, rule == RuleId.LEAKING_PARAMETER ? -1 : id));
        expected.computeIfAbsent("src/main/java/" + file + ":" + lineNo + ":" + rule + ":" + c[4], k -> new ArrayList<>())
            .add(Integer.parseInt(c[2]));
      }
    }
    return total;
  }

  /**
   * Every warning the javac plugin printed on the corpus (all eight checks on), turned into a
   * line-only finding with the same rule, message and description: the mapper must put each at the
   * column javac reported. Entries whose line has changed in the corpus since are skipped.
   */
  @Test
  void columnsAgreeWithTheJavacPluginOnTheCorpus() throws Exception {
    List<Finding> in = new ArrayList<>();
    Map<String, List<Integer>> expected = new HashMap<>();
    int total = gold(in, expected);
    if (total > 0) {
      assertTrue(in.size() >= total * 0.8, "most javac positions still apply to the corpus: " + in.size() + "/" + total);
    }
    SourceMapper mapper = mapper();
    long t0 = System.nanoTime();
    List<ReportedFinding> out = mapper.mapAll(in);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(in.size(), out.size(), "nothing in the corpus is suppressed for all eight rules");
    List<String> wrong = new ArrayList<>();
    for (ReportedFinding rf : out) {
      Finding f = rf.finding();
      String key = f.file() + ":" + f.pos().line() + ":" + f.rule() + ":" + f.message();
      List<Integer> cols = expected.get(key);
      if (cols == null || !cols.remove((Integer) f.pos().column())) wrong.add(key + " at column " + f.pos().column() + ", javac " + cols);
    }
    assertEquals(List.of(), wrong);
    assertEquals(List.of(), mapper.problems());
    System.out.println("source mapping: " + in.size() + " javac positions on the corpus reproduced (mapAll: " + ms + " ms)");
  }

  private static final java.util.regex.Pattern ADVICE = java.util.regex.Pattern.compile(
      "(?:presize it(?: for the load factor 0\\.75)?: |use |pass )(.+?)(?: as the capacity)?$");

  /**
   * Every presizing finding the javac plugin printed on the corpus, with the fix its rule builds
   * (read back from the message's advice): the edited line holds exactly the advised code.
   */
  @Test
  void presizingFixesOnTheCorpusWriteWhatTheMessagesAdvise() throws Exception {
    List<Finding> in = goldFindings();
    SourceMapper mapper = mapper();
    int checked = 0;
    List<String> bad = new ArrayList<>();
    for (Finding g : in) {
      if (g.rule() != RuleId.UNPRESIZED_COLLECTION && g.rule() != RuleId.HASH_MAP_CAPACITY) continue;
      java.util.regex.Matcher m = ADVICE.matcher(g.message());
      if (!m.find()) continue;
      String advice = m.group(1);
      Fix fix;
      java.util.regex.Matcher factory = java.util.regex.Pattern.compile("^(\\w+)\\.(new\\w+)\\((.*)\\)$").matcher(advice);
      if (factory.matches()) {
        String cls = factory.group(1).equals("Maps") || factory.group(1).equals("Sets")
            ? "com.google.common.collect." + factory.group(1) : "java.util." + factory.group(1);
        fix = new Fix.UseFactory(cls, factory.group(2), SymbolicExpr.of(factory.group(3)), loopLine(g.message()));
      } else if (g.rule() == RuleId.HASH_MAP_CAPACITY) {
        fix = new Fix.ReplaceCapacity(advice);
      } else if (advice.startsWith("new ") && advice.endsWith(")") && !advice.contains(", ")) {
        fix = new Fix.AddCapacity(SymbolicExpr.of(advice.substring(advice.indexOf('(') + 1, advice.length() - 1)),
            loopLine(g.message()));
      } else {
        continue; // new PriorityQueue<>(n, cmp): advice only
      }
      Finding f = new Finding(g.rule(), g.severity(), g.file(), g.pos(), g.message(), g.reasons(), 0, fix, g.method(),
          g.subject());
      ReportedFinding rf = mapper.map(f).orElseThrow();
      String source = Files.readString(ROOT.resolve(g.file()));
      if (rf.fix().isEmpty()) {
        bad.add(g.file() + ":" + g.pos().line() + " no edits for " + advice);
        continue;
      }
      String line = SourceFindings.apply(source, rf.fix()).split("\n", -1)[g.pos().line() - 1];
      if (!line.contains(advice)) bad.add(g.file() + ":" + g.pos().line() + " " + line.strip() + " lacks " + advice);
      checked++;
    }
    assertEquals(List.of(), bad);
    assertTrue(checked >= 20, "presizing fixes checked: " + checked);
    System.out.println("source mapping: " + checked + " presizing fixes on the corpus write the advised code");
  }

  /** The line of the filling loop the rule names in its message (what it records in the fix), or 0. */
  private static int loopLine(String message) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("the loop (?:at line |\\(line )(\\d+)").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /**
   * The builder rewrite on every string accumulation of the corpus: where it applies, the edited
   * file still parses, the accumulator is declared as a builder and read back after the loop.
   */
  @Test
  void stringBuilderFixesOnTheCorpusKeepTheFileValid() throws Exception {
    List<Finding> in = goldFindings();
    SourceMapper mapper = mapper();
    int fixed = 0;
    int total = 0;
    for (Finding g : in) {
      if (g.rule() != RuleId.STRING_CONCAT_IN_LOOP) continue;
      String var = g.message().substring(1, g.message().indexOf(" += …'"));
      Finding f = new Finding(g.rule(), g.severity(), g.file(), g.pos(), g.message(), g.reasons(), 0,
          new Fix.UseStringBuilder(var), g.method(), g.subject());
      ReportedFinding rf = mapper.map(f).orElseThrow();
      total++;
      if (rf.fix().isEmpty()) continue;
      fixed++;
      String edited = SourceFindings.apply(Files.readString(ROOT.resolve(g.file())), rf.fix());
      assertTrue(new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration()
          .setLanguageLevel(com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_25)).parse(edited).isSuccessful(),
          g.file() + ":" + g.pos().line());
      assertTrue(edited.contains("StringBuilder " + var + "Builder = new StringBuilder("), edited);
      assertTrue(edited.contains("String " + var + " = " + var + "Builder.toString();"), edited);
    }
    assertTrue(fixed > 0);
    System.out.println("source mapping: builder rewrite offered for " + fixed + " of " + total + " string accumulations of the corpus");
  }

  @Test
  void unpresizedCollectionOnACorpusLineWithItsFix() throws Exception {
    String file = "corpus/cache/LruCache.java";
    String text = lineWith(file, 60, "List<V> out = new ArrayList<>(); // expect: UnpresizedCollection(keys.size())");
    Finding f = SourceFindings.finding(RuleId.UNPRESIZED_COLLECTION, file, 60, "new ArrayList<>()",
        "new ArrayList<>() grows while it is filled with keys.size() elements in the loop at line 61: presize it: new ArrayList<>(keys.size())",
        new Fix.AddCapacity(SymbolicExpr.of("keys.size()")), 3, SourceFindings.METHOD);
    ReportedFinding rf = mapper().map(f).orElseThrow();
    int col = text.indexOf("new ArrayList<>()") + 1;
    assertEquals(new SourcePos(60, col, col + "new ArrayList<>()".length()), rf.finding().pos());
    assertEquals("src/main/java/corpus/cache/LruCache.java", rf.finding().file());
    String source = Files.readString(ROOT.resolve(file));
    String fixed = SourceFindings.apply(source, rf.fix());
    assertEquals(text.replace("new ArrayList<>()", "new ArrayList<>(keys.size())"), fixed.split("\n", -1)[59]);
    assertEquals(source.length() + "keys.size()".length(), fixed.length());
  }

  @Test
  void hashMapCapacityOnACorpusLineBecomesTheFactory() throws Exception {
    String file = "corpus/cache/LruCache.java";
    String text = lineWith(file, 44, "new HashMap<>(keys.size()); // expect: HashMapCapacity");
    Finding f = SourceFindings.finding(RuleId.HASH_MAP_CAPACITY, file, 44, "new HashMap<>(keys.size())",
        "new HashMap<>(keys.size()) rehashes before it holds the keys.size() entries put in the loop at line 45 (the table resizes at 0.75 × capacity): use HashMap.newHashMap(keys.size())",
        new Fix.UseFactory("java.util.HashMap", "newHashMap", SymbolicExpr.of("keys.size()")), 0, SourceFindings.METHOD);
    ReportedFinding rf = mapper().map(f).orElseThrow();
    assertEquals(text.indexOf("new HashMap") + 1, rf.finding().pos().column());
    assertEquals(text.replace("new HashMap<>(keys.size())", "HashMap.newHashMap(keys.size())"), fixedLine(file, 44, rf));
  }

  @Test
  void stringConcatAndCapturingLambdaOnCorpusLines() throws Exception {
    String file = "corpus/text/ReportBuilder.java";
    String acc = lineWith(file, 27, "s = s + p + \";\"; // expect: StringConcatInLoop");
    Finding concat = SourceFindings.finding(RuleId.STRING_CONCAT_IN_LOOP, file, 27, "s = s + p + \";\"",
        "'s += …' copies the whole string on every iteration of the loop at line 26 (quadratic): accumulate in a StringBuilder");
    // reported at the concatenation s + p + ";", not at the assignment
    int col = acc.indexOf("s + p") + 1;
    assertEquals(new SourcePos(27, col, col + "s + p + \";\"".length()), mapper().map(concat).orElseThrow().finding().pos());

    String lambdaFile = "corpus/cache/LruCache.java";
    String l69 = line(lambdaFile, 69);
    Finding lambda = SourceFindings.finding(RuleId.CAPTURING_LAMBDA, lambdaFile, 69, "lambda capturing 'loader'",
        "lambda allocates on every iteration of the loop (line 68) because it captures 'loader': hoist it out of the loop or make it non-capturing");
    assertEquals(l69.indexOf("key -> loader.apply(key)") + 1, mapper().map(lambda).orElseThrow().finding().pos().column());
  }

  /** Parse and index every corpus file: a figure for the report, no assertion on time. */
  @Test
  void measureParsingAndIndexingTheCorpus() {
    List<Path> files = CorpusFiles.corpusFiles(ROOT);
    for (String run : List.of("first run in this JVM", "second run")) {
      long t0 = System.nanoTime();
      SourceMapper mapper = new SourceMapper(List.of(ROOT), ROOT, 1000);
      for (Path p : files) {
        String rel = CorpusFiles.relative(ROOT, p);
        // the first mapping in a file parses it and indexes its nodes by line
        mapper.map(SourceFindings.finding(RuleId.HEAP_ESCAPE, rel, 1, "new Object()", "x"));
        assertEquals(p, mapper.locate(rel));
      }
      long t1 = System.nanoTime();
      System.out.printf("source mapping: parsed and indexed %d corpus files in %d ms (%s)%n", files.size(),
          (t1 - t0) / 1_000_000, run);
      assertEquals(List.of(), mapper.problems());
    }
  }
}
