package dev.noescape.source;

import static dev.noescape.source.SourceFindings.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.report.ReportedFinding;
import dev.noescape.report.TextEdit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMapperTest {
  @TempDir Path project;

  private Path write(String rel, String text) throws Exception {
    Path p = project.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private SourceMapper mapper() {
    return new SourceMapper(List.of(project.resolve("src/main/java")), project);
  }

  /** 1-based column of {@code needle}'s {@code nth} occurrence (0-based) in {@code line}. */
  private static int col(String line, String needle, int nth) {
    int i = -1;
    for (int k = 0; k <= nth; k++) i = line.indexOf(needle, i + 1);
    assertTrue(i >= 0, needle + " in " + line);
    return i + 1;
  }

  private static int col(String line, String needle) {
    return col(line, needle, 0);
  }

  private static String lineOf(String text, int line) {
    return text.split("\n", -1)[line - 1];
  }

  private static final String FOO = """
      package a;

      import java.util.*;

      class Foo {
        List<String> names(List<String> in, int n) {
          List<String> out = new ArrayList<>(); Set<String> seen = new HashSet<>();
          List<Integer> ids = new ArrayList<>(); List<Integer> more = new ArrayList<>();
          for (String s : in) {
            out.add(s);
            ids.add(s.length()); more.add(Math.max(n, s.length()));
            String msg = String.format("%s %d", s, n);
            Runnable r = () -> System.out.println(s + n);
            Runnable q = this::toString;
          }
          return out;
        }

        String join(final List<String> parts, int times) {
          String s = "";
          for (int i = 0; i < times; i++) {
            s += parts.get(i);
            s = s + "," + i;
          }
          return s;
        }
      }
      """;

  @Test
  void newExpressionsAreToldApartByTheirType() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    String l7 = lineOf(FOO, 7);
    ReportedFinding set = mapper().map(finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 7, "new HashSet<>()",
        "new HashSet<>() escapes to heap: returned (line 16)")).orElseThrow();
    assertEquals(new SourcePos(7, col(l7, "new HashSet"), col(l7, "new HashSet") + "new HashSet<>()".length()), set.finding().pos());
    assertEquals("src/main/java/a/Foo.java", set.finding().file());
    // by simple type name when the subject is not the source text
    ReportedFinding list = mapper().map(finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 7, "new java.util.ArrayList",
        "new ArrayList escapes to heap: returned (line 16)")).orElseThrow();
    assertEquals(col(l7, "new ArrayList"), list.finding().pos().column());
  }

  @Test
  void sameLookingExpressionsOnOneLineFollowTheFindingsOrder() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    String l8 = lineOf(FOO, 8);
    Finding first = finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 8, "new ArrayList<>()", "new ArrayList<>() escapes to heap: a", null, 4, SourceFindings.METHOD);
    Finding second = finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 8, "new ArrayList<>()", "new ArrayList<>() escapes to heap: b", null, 5, SourceFindings.METHOD);
    List<ReportedFinding> out = mapper().mapAll(List.of(second, first));
    assertEquals(col(l8, "new ArrayList"), out.get(0).finding().pos().column());
    assertEquals("new ArrayList<>() escapes to heap: a", out.get(0).finding().message());
    assertEquals(col(l8, "new ArrayList", 1), out.get(1).finding().pos().column());
    // alone, one of two look-alikes cannot be placed: no column rather than a wrong one
    assertEquals(0, mapper().map(first).orElseThrow().finding().pos().column());
    assertEquals("src/main/java/a/Foo.java", mapper().map(first).orElseThrow().finding().file());
  }

  @Test
  void boxingIsTheOperandConvertedToAReference() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    String l11 = lineOf(FOO, 11);
    List<ReportedFinding> out = mapper().mapAll(List.of(
        finding(RuleId.BOXING_ALLOCATION, "a/Foo.java", 11, "boxing int to Integer", "boxing int to Integer allocates on every iteration of the loop (line 9): x", null, 1, SourceFindings.METHOD),
        finding(RuleId.BOXING_ALLOCATION, "a/Foo.java", 11, "boxing int to Integer", "boxing int to Integer allocates on every iteration of the loop (line 9): y", null, 2, SourceFindings.METHOD)));
    // s.length() passed to List.add, then Math.max(...) (not n or s.length() inside it: int parameters)
    assertEquals(col(l11, "s.length()"), out.get(0).finding().pos().column());
    assertEquals(col(l11, "Math.max"), out.get(1).finding().pos().column());
    assertEquals(col(l11, "Math.max") + "Math.max(n, s.length())".length(), out.get(1).finding().pos().endColumn());
  }

  /**
   * One reported box of a line's two ({@code c.compare(midVal, key)} with only {@code key}'s a
   * warning): placed by its place among the line's look-alike sites, reported or not
   * ({@code Subject.Site.lineMates}); without them it could not be told apart.
   */
  @Test
  void oneReportedLookAlikeIsPlacedAmongItsLineMates() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    String l11 = lineOf(FOO, 11);
    String message = "boxing int to Integer allocates on every iteration of the loop (line 9): y";
    Subject.Site first = (Subject.Site) SourceFindings.subject(RuleId.BOXING_ALLOCATION, "boxing int to Integer", message, 1, false);
    Subject.Site second = (Subject.Site) SourceFindings.subject(RuleId.BOXING_ALLOCATION, "boxing int to Integer", message, 2, false);
    Finding alone = finding(RuleId.BOXING_ALLOCATION, "a/Foo.java", 11, second, message, null, SourceFindings.METHOD);
    assertEquals(0, mapper().mapAll(List.of(alone)).get(0).finding().pos().column());
    // the mate as the rules give it: a site of the same method on the same line
    AllocSite mate = first.site();
    mate = new AllocSite(mate.id(), mate.kind(), mate.type(), new StmtContext(SourcePos.line(11), -1, 0, false, mate.id()),
        mate.details());
    Finding withMates = finding(RuleId.BOXING_ALLOCATION, "a/Foo.java", 11,
        new Subject.Site(second.site(), List.of(), List.of(mate)), message, null, SourceFindings.METHOD);
    assertEquals(col(l11, "Math.max"), mapper().mapAll(List.of(withMates)).get(0).finding().pos().column());
  }

  @Test
  void varargsLambdaMethodReferenceAndConcatenation() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    SourceMapper m = mapper();
    Finding varargs = finding(RuleId.VARARGS_ALLOCATION, "a/Foo.java", 12, "varargs Object[] for String.format",
        "varargs call to String.format allocates a new Object[2] on every iteration of the loop (line 9): x");
    assertEquals(col(lineOf(FOO, 12), "String.format"), m.map(varargs).orElseThrow().finding().pos().column());
    Finding lambda = finding(RuleId.CAPTURING_LAMBDA, "a/Foo.java", 13, "lambda capturing 's', 'n'",
        "lambda allocates on every iteration of the loop (line 9) because it captures 's', 'n': hoist it out of the loop or make it non-capturing");
    assertEquals(col(lineOf(FOO, 13), "() ->"), m.map(lambda).orElseThrow().finding().pos().column());
    Finding ref = finding(RuleId.CAPTURING_LAMBDA, "a/Foo.java", 14, "bound method reference this::toString",
        "method reference allocates on every iteration of the loop (line 9) because it captures 'this': x");
    String l14 = lineOf(FOO, 14);
    assertEquals(new SourcePos(14, col(l14, "this::"), col(l14, "this::") + "this::toString".length()), m.map(ref).orElseThrow().finding().pos());
    Finding plus = finding(RuleId.STRING_CONCAT_IN_LOOP, "a/Foo.java", 22, "s += parts.get(i)",
        "'s += …' copies the whole string on every iteration of the loop at line 21 (quadratic): accumulate in a StringBuilder");
    assertEquals(col(lineOf(FOO, 22), "s +="), m.map(plus).orElseThrow().finding().pos().column());
    Finding assign = finding(RuleId.STRING_CONCAT_IN_LOOP, "a/Foo.java", 23, "string concatenation",
        "'s += …' copies the whole string on every iteration of the loop at line 21 (quadratic): accumulate in a StringBuilder");
    assertEquals(col(lineOf(FOO, 23), "s + \",\""), m.map(assign).orElseThrow().finding().pos().column());
    Finding param = finding(RuleId.LEAKING_PARAMETER, "a/Foo.java", 19, "param parts", "leaking param: parts to result");
    String l19 = lineOf(FOO, 19);
    assertEquals(new SourcePos(19, col(l19, "final List"), col(l19, "parts,") + "parts".length()), m.map(param).orElseThrow().finding().pos());
  }

  private static final String BYTECODE_VIEW = """
      package a;

      import java.util.*;
      import java.util.function.*;

      class View {
        List<Integer> each(int[] xs, List<Runnable> tasks) {
          List<Integer> out = new ArrayList<>();
          for (Integer x : xs) out.add(x);
          for (int i = 0; i < xs.length; i++) {
            tasks.add(out::clear);
            tasks.add(new Runnable() { public void run() { out.clear(); } });
          }
          return out;
        }

        View(String name,
             List<String> sink) {
          sink.add(name);
        }
      }
      """;

  /** What a front end that reads class files may say: it cannot tell all source forms apart. */
  @Test
  void findingsAsTheBytecodeSeesThem() throws Exception {
    write("src/main/java/a/View.java", BYTECODE_VIEW);
    SourceMapper m = mapper();
    // for (Integer x : ints) boxes each element: at the array expression
    String l9 = lineOf(BYTECODE_VIEW, 9);
    assertEquals(col(l9, "xs)"), m.map(finding(RuleId.BOXING_ALLOCATION, "a/View.java", 9, "boxing int to Integer", "boxing int to Integer allocates …")).orElseThrow().finding().pos().column());
    // an invokedynamic the front end calls a lambda is the method reference on the line
    String l11 = lineOf(BYTECODE_VIEW, 11);
    assertEquals(col(l11, "out::clear"), m.map(finding(RuleId.CAPTURING_LAMBDA, "a/View.java", 11, "lambda capturing 'out'",
        "lambda allocates on every iteration of the loop (line 10) because it captures 'out': x")).orElseThrow().finding().pos().column());
    // the class file's name of an anonymous class
    String l12 = lineOf(BYTECODE_VIEW, 12);
    Subject unrecognized = Subjects.site(-1, SiteKind.NEW_OBJECT, "a.View$1",
        new AllocSite.Constructor(List.of(), List.of(), "View.1", null));
    assertEquals(col(l12, "new Runnable"), m.map(SourceFindings.finding(RuleId.HEAP_ESCAPE, "a/View.java", 12, unrecognized,
        "new View.1() escapes to heap: x", null, SourceFindings.METHOD)).orElseThrow().finding().pos().column());
    // a parameter reported at its constructor's first body line: moved to its declaration
    MethodRef ctor = new MethodRef("a.View", "<init>", List.of("java.lang.String", "java.util.List"), "void", false);
    ReportedFinding p = m.map(finding(RuleId.LEAKING_PARAMETER, "a/View.java", 19, "param name",
        "leaking param: name stored into sink", null, -1, ctor)).orElseThrow();
    String l17 = lineOf(BYTECODE_VIEW, 17);
    assertEquals(new SourcePos(17, col(l17, "String name"), col(l17, "String name") + "String name".length()), p.finding().pos());
  }

  private static final String MULTI_LINE = """
      package a;

      import java.util.List;

      class Multi {
        interface Listener { void on(String s); }
        void add(Listener l) {}
        String run(List<String> xs, StringBuilder out) {
          String s = "";
          for (String x : xs) {
            add(
                new Listener() {
                  public void on(String t) {}
                });
            out.append(
                String.format(
                    "%s %s", x, t(x)));
            s = s + x + ","
                + t(x) + ";";
            out.append(String.format("%s", x)).append(
                String.format("%s", x));
          }
          return s;
        }
        static String t(String x) { return x; }
      }
      """;

  /** The line table gives the statement's line (or the last call's): the expression starts on another line of it. */
  @Test
  void multiLineStatementsMoveToWhereTheExpressionStarts() throws Exception {
    write("src/main/java/a/Multi.java", MULTI_LINE);
    SourceMapper m = mapper();
    // anonymous class on the line after the call's
    String l12 = lineOf(MULTI_LINE, 12);
    assertEquals(new SourcePos(12, col(l12, "new Listener"), 0), m.map(finding(RuleId.CAPTURING_LAMBDA, "a/Multi.java", 11,
        "anonymous Listener", "anonymous Listener allocates on every iteration of the loop (line 10): x")).orElseThrow().finding().pos());
    // a varargs call on the line after the statement's start
    String l16 = lineOf(MULTI_LINE, 16);
    assertEquals(new SourcePos(16, col(l16, "String.format"), 0), m.map(finding(RuleId.VARARGS_ALLOCATION, "a/Multi.java", 15,
        "varargs Object[] for String.format", "varargs call to String.format allocates a new Object[2] on every iteration of the loop (line 10): x"))
        .orElseThrow().finding().pos());
    // s = s + … continued on the next line: the instruction has the continuation's line, javac reports the s + …
    String l18 = lineOf(MULTI_LINE, 18);
    assertEquals(new SourcePos(18, col(l18, "s + x"), 0), m.map(finding(RuleId.STRING_CONCAT_IN_LOOP, "a/Multi.java", 19, "string +=",
        "'s += …' copies the whole string on every iteration of the loop at line 10 (quadratic): accumulate in a StringBuilder"))
        .orElseThrow().finding().pos());
    // one finding, two String.format calls in the statement (one on the line): the one on the line
    String l20 = lineOf(MULTI_LINE, 20);
    assertEquals(col(l20, "String.format"), m.map(finding(RuleId.VARARGS_ALLOCATION, "a/Multi.java", 20,
        "varargs Object[] for String.format", "varargs call to String.format allocates a new Object[1] on every iteration of the loop (line 10): x"))
        .orElseThrow().finding().pos().column());
    // nothing of the kind in the statement: the finding keeps its line and no column
    assertEquals(new SourcePos(11, 0, 0), m.map(finding(RuleId.VARARGS_ALLOCATION, "a/Multi.java", 11,
        "varargs Object[] for String.format", "varargs call to String.format allocates a new Object[2]: x")).orElseThrow().finding().pos());
  }

  /** Several candidates of the kind in the statement and one finding: no guess. */
  @Test
  void multiLineStatementWithTwoCandidatesKeepsTheLine() throws Exception {
    String src = """
        package a;

        class Two {
          void run(StringBuilder out, String x) {
            out.append(
                String.format("%s", x) + String.format("%s", x));
          }
        }
        """;
    write("src/main/java/a/Two.java", src);
    assertEquals(new SourcePos(5, 0, 0), mapper().map(finding(RuleId.VARARGS_ALLOCATION, "a/Two.java", 5,
        "varargs Object[] for String.format", "varargs call to String.format allocates a new Object[1]: x")).orElseThrow().finding().pos());
  }

  @Test
  void suppressWarningsOnEnclosingDeclarations() throws Exception {
    String src = """
        package a;

        import java.util.*;

        @SuppressWarnings("CapturingLambda")
        class Bar {
          static final String KEY = "Boxing" + "Allocation";

          @SuppressWarnings({"unchecked", "UnpresizedCollection"})
          List<Integer> one(int[] xs) {
            List<Integer> out = new ArrayList<>();
            for (int x : xs) out.add(x);
            Runnable r = () -> out.add(xs.length);
            return out;
          }

          List<Integer> two(int[] xs) {
            @SuppressWarnings("all") List<Integer> out = new ArrayList<>();
            List<Integer> other = new ArrayList<>();
            for (int x : xs) other.add(x);
            return out;
          }

          @SuppressWarnings(value = KEY)
          void three(List<Integer> sink, int v) {
            sink.forEach(i -> sink.add(v));
          }
        }
        """;
    write("src/main/java/a/Bar.java", src);
    SourceMapper m = mapper();
    MethodRef lambdaBody = new MethodRef("a.Bar", "lambda$three$0", List.of(), "void", true);
    // on the method
    assertEquals(Optional.empty(), m.map(finding(RuleId.UNPRESIZED_COLLECTION, "a/Bar.java", 11, "new ArrayList<>()", "new ArrayList<>() grows …")));
    // another rule on the same line is not suppressed
    assertTrue(m.map(finding(RuleId.HEAP_ESCAPE, "a/Bar.java", 11, "new ArrayList<>()", "new ArrayList<>() escapes to heap: returned")).isPresent());
    // on the class, for a lambda in a method
    assertEquals(Optional.empty(), m.map(finding(RuleId.CAPTURING_LAMBDA, "a/Bar.java", 13, "lambda capturing 'out', 'xs'", "lambda allocates …")));
    // the method around a lambda suppresses findings in the lambda body; here not: BoxingAllocation
    assertTrue(m.map(finding(RuleId.BOXING_ALLOCATION, "a/Bar.java", 13, "boxing int to Integer", "boxing int to Integer allocates …")).isPresent());
    // "all" on a local variable declaration: that variable only
    assertEquals(Optional.empty(), m.map(finding(RuleId.HEAP_ESCAPE, "a/Bar.java", 18, "new ArrayList<>()", "new ArrayList<>() escapes to heap: returned")));
    assertTrue(m.map(finding(RuleId.HEAP_ESCAPE, "a/Bar.java", 19, "new ArrayList<>()", "new ArrayList<>() escapes to heap: returned")).isPresent());
    // a constant naming the rule; the finding in the lambda body of a suppressed method
    assertEquals(Optional.empty(), m.map(finding(RuleId.BOXING_ALLOCATION, "a/Bar.java", 26, "boxing int to Integer",
        "boxing int to Integer allocates …", null, 0, lambdaBody)));
    // mapAll drops them
    assertEquals(1, m.mapAll(List.of(
        finding(RuleId.UNPRESIZED_COLLECTION, "a/Bar.java", 11, "new ArrayList<>()", "new ArrayList<>() grows …"),
        finding(RuleId.HEAP_ESCAPE, "a/Bar.java", 19, "new ArrayList<>()", "x"))).size());
  }

  @Test
  void aFileThatDoesNotParseGivesOneProblemAndLineOnlyFindings() throws Exception {
    write("src/main/java/a/Broken.java", "package a;\n\nclass Broken {\n  void m( {\n  }\n}\n");
    SourceMapper m = mapper();
    Finding f = finding(RuleId.HEAP_ESCAPE, "a/Broken.java", 4, "new Object()", "new Object() escapes to heap: returned");
    ReportedFinding a = m.map(f).orElseThrow();
    ReportedFinding b = m.map(f).orElseThrow();
    assertEquals(SourcePos.line(4), a.finding().pos());
    assertEquals("src/main/java/a/Broken.java", a.finding().file());
    assertEquals(a, b);
    assertEquals(1, m.problems().size(), m.problems().toString());
    String p = m.problems().get(0);
    assertTrue(p.startsWith("could not parse src/main/java/a/Broken.java (line 4: "), p);
    assertTrue(p.endsWith("): findings in it keep line-only positions"), p);
    assertEquals(6, m.sourceText().lines("src/main/java/a/Broken.java").size());
  }

  @Test
  void missingSourceLeavesTheFindingAsItIs() {
    Finding f = finding(RuleId.HEAP_ESCAPE, "nowhere/Gone.java", 3, "new Object()", "x");
    assertEquals(ReportedFinding.of(f), mapper().map(f).orElseThrow());
    assertEquals(List.of(), mapper().sourceText().lines("nowhere/Gone.java"));
    assertEquals(List.of(), mapper().problems());
  }

  @Test
  void incompleteFindingsPassThrough() throws Exception {
    write("src/main/java/a/Foo.java", FOO);
    Finding noPos = new Finding(RuleId.HEAP_ESCAPE, RuleId.HEAP_ESCAPE.defaultSeverity(), "a/Foo.java", null, "x", List.of(), 0,
        null, null, null);
    Finding noLine = finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 0, null, "x");
    Finding pastTheEnd = finding(RuleId.HEAP_ESCAPE, "a/Foo.java", 999, "new Object()", "x");
    SourceMapper m = mapper();
    List<ReportedFinding> out = m.mapAll(List.of(noPos, noLine, pastTheEnd));
    assertEquals(3, out.size());
    assertEquals(List.of(), m.problems());
    assertEquals(SourcePos.line(999), m.map(pastTheEnd).orElseThrow().finding().pos());
  }

  @Test
  void filesAreFoundByPackageWhenTheLayoutDiffers() throws Exception {
    write("src/main/java/flat/Odd.java", "/* header */\npackage com.acme.deep;\n\nclass Odd {\n  Object o = new Object();\n}\n");
    ReportedFinding rf = mapper().map(finding(RuleId.HEAP_ESCAPE, "com/acme/deep/Odd.java", 5, "new Object()", "x")).orElseThrow();
    assertEquals("src/main/java/flat/Odd.java", rf.finding().file());
    assertEquals(new SourcePos(5, 14, 26), rf.finding().pos());
    assertEquals("  Object o = new Object();", mapper().sourceText().lines("src/main/java/flat/Odd.java").get(4));
  }

  @Test
  void columnsCountUtf16CharsAndTabsAsOne() throws Exception {
    String src = "package a;\nclass U {\n\tObject m() {\n\t\tString s = \"\uD83D\uDE00\"; Object o = new StringBuilder(s);\n\t\treturn o;\n\t}\n}\n";
    write("src/main/java/a/U.java", src);
    ReportedFinding rf = mapper().map(finding(RuleId.HEAP_ESCAPE, "a/U.java", 4, "new StringBuilder(s)", "x")).orElseThrow();
    String l4 = lineOf(src, 4);
    int c = l4.indexOf("new StringBuilder") + 1;
    assertEquals(new SourcePos(4, c, c + "new StringBuilder(s)".length()), rf.finding().pos());
  }

  @Test
  void java21FeaturesParse() throws Exception {
    String src = """
        package a;

        sealed interface Shape permits Circle, Square {}
        record Circle(double r) implements Shape {}
        record Square(double side) implements Shape {}

        class Areas {
          static Object describe(Shape s) {
            return switch (s) {
              case Circle c when c.r() > 10 -> new StringBuilder("big");
              case Circle(double r) -> r;
              case Square q -> String.valueOf(q.side());
            };
          }
        }
        """;
    write("src/main/java/a/Areas.java", src);
    SourceMapper m = mapper();
    ReportedFinding rf = m.map(finding(RuleId.HEAP_ESCAPE, "a/Areas.java", 10, "new StringBuilder(\"big\")", "x")).orElseThrow();
    assertEquals(col(lineOf(src, 10), "new StringBuilder"), rf.finding().pos().column());
    ReportedFinding box = m.map(finding(RuleId.HEAP_ESCAPE, "a/Areas.java", 11, "boxing double to Double", "x")).orElseThrow();
    assertEquals(col(lineOf(src, 11), "r;"), box.finding().pos().column());
    assertEquals(List.of(), m.problems());
  }

  // ---- fixes ----

  private static final String FILL = """
      package a;

      import java.util.ArrayList;
      import java.util.HashMap;
      import java.util.List;
      import java.util.Map;

      class Fill {
        private final List<String> users = new ArrayList<>();

        List<String> copy() {
          List<String> out = new ArrayList< /* grow */ >( );
          for (String u : this.users) {
            out.add(u);
          }
          return out;
        }

        Map<String, Integer> index(String[] names) {
          Map<String, Integer> m = new HashMap<String, Integer>(names.length);
          for (int i = 0; i < names.length; i++) m.put(names[i], i);
          Map<String, Integer> g = new HashMap<>(names.length);
          for (String n : names) g.put(n, 1);
          Map<String, Integer> r = new java.util.HashMap<>(names.length + 1);
          for (String n : names) r.put(n, 1);
          return m;
        }

        List<String> late() {
          List<String> out = new ArrayList<>();
          List<String> src = List.of("a");
          for (String s : src) out.add(s);
          return out;
        }
      }
      """;

  private ReportedFinding mapFix(int line, RuleId rule, String subject, String message, Fix fix) {
    return mapper().map(finding(rule, "a/Fill.java", line, subject, message, fix, 0, SourceFindings.METHOD)).orElseThrow();
  }

  /** {@code rf}'s fix turns {@code before} into {@code after} in {@link #FILL}, and changes nothing else. */
  private static void assertFixReplaces(ReportedFinding rf, String before, String after) {
    assertEquals(FILL.replace(before, after), SourceFindings.apply(FILL, rf.fix()));
  }

  @Test
  void addCapacityInsertsTheSourceSpellingOfTheSize() throws Exception {
    write("src/main/java/a/Fill.java", FILL);
    // the bytecode front end wrote users.size(); the loop iterates this.users: the source's spelling wins
    ReportedFinding rf = mapFix(12, RuleId.UNPRESIZED_COLLECTION, "new ArrayList<>()",
        "new ArrayList<>() grows while it is filled with users.size() elements in the loop at line 13: presize it: new ArrayList<>(users.size())",
        new Fix.AddCapacity(SymbolicExpr.of("users.size()"), 13));
    String l12 = lineOf(FILL, 12);
    int open = l12.indexOf("( )") + 2;
    assertEquals(List.of(new TextEdit("src/main/java/a/Fill.java", 12, open, 12, open, "this.users.size()")), rf.fix());
    assertFixReplaces(rf, "new ArrayList< /* grow */ >( );", "new ArrayList< /* grow */ >(this.users.size() );");
  }

  @Test
  void useFactoryReplacesTheConstructorCall() throws Exception {
    write("src/main/java/a/Fill.java", FILL);
    ReportedFinding typed = mapFix(20, RuleId.HASH_MAP_CAPACITY, "new HashMap<String, Integer>(names.length)",
        "new HashMap<String, Integer>(names.length) rehashes …: use HashMap.newHashMap(names.length)",
        new Fix.UseFactory("java.util.HashMap", "newHashMap", SymbolicExpr.of("names.length")));
    assertFixReplaces(typed, "new HashMap<String, Integer>(names.length);", "HashMap.<String, Integer>newHashMap(names.length);");
    ReportedFinding qualified = mapFix(24, RuleId.HASH_MAP_CAPACITY, "new java.util.HashMap<>(names.length + 1)",
        "new java.util.HashMap<>(names.length + 1) rehashes …", new Fix.UseFactory("java.util.HashMap", "newHashMap", SymbolicExpr.of("names.length+1")));
    assertFixReplaces(qualified, "new java.util.HashMap<>(names.length + 1);", "java.util.HashMap.newHashMap(names.length + 1);");
  }

  @Test
  void guavaFactoryIsImportedInOrder() throws Exception {
    write("src/main/java/a/Fill.java", FILL);
    ReportedFinding rf = mapFix(22, RuleId.HASH_MAP_CAPACITY, "new HashMap<>(names.length)",
        "new HashMap<>(names.length) rehashes …: use Maps.newHashMapWithExpectedSize(names.length)",
        new Fix.UseFactory("com.google.common.collect.Maps", "newHashMapWithExpectedSize", SymbolicExpr.of("names.length")));
    String expected = FILL.replace("import java.util.ArrayList;", "import com.google.common.collect.Maps;\nimport java.util.ArrayList;")
        .replace("new HashMap<>(names.length);", "Maps.newHashMapWithExpectedSize(names.length);");
    assertEquals(expected, SourceFindings.apply(FILL, rf.fix()));
  }

  @Test
  void replaceCapacityReplacesTheArgument() throws Exception {
    write("src/main/java/a/Fill.java", FILL);
    ReportedFinding rf = mapFix(24, RuleId.HASH_MAP_CAPACITY, "new java.util.HashMap<>(names.length + 1)",
        "new java.util.HashMap<>(names.length + 1) rehashes …: pass (int) Math.ceil((names.length+1) / 0.75) as the capacity",
        new Fix.ReplaceCapacity("(int) Math.ceil((names.length+1) / 0.75)"));
    assertFixReplaces(rf, "new java.util.HashMap<>(names.length + 1);",
        "new java.util.HashMap<>((int) Math.ceil((names.length + 1) / 0.75));");
  }

  @Test
  void noFixWhenTheSizeIsNotInScopeAtTheAllocation() throws Exception {
    write("src/main/java/a/Fill.java", FILL);
    ReportedFinding rf = mapFix(30, RuleId.UNPRESIZED_COLLECTION, "new ArrayList<>()",
        "new ArrayList<>() grows while it is filled with src.size() elements in the loop at line 32: presize it: new ArrayList<>(src.size())",
        new Fix.AddCapacity(SymbolicExpr.of("src.size()"), 32));
    assertEquals(col(lineOf(FILL, 30), "new ArrayList"), rf.finding().pos().column());
    assertEquals(List.of(), rf.fix());
  }
}
