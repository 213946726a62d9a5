package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.html.HtmlReportWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
  static String html(ReportRun run) {
    return new HtmlReportWriter(SOURCES).write(run);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
    return n;
  }

  private static void assertContainsAll(String page, String... parts) {
    for (String p : parts) assertTrue(page.contains(p), () -> "missing: " + p);
  }

  private static void assertContainsNone(String page, String... parts) {
    for (String p : parts) assertFalse(page.contains(p), () -> "present: " + p);
  }

  @Test
  void copiesOfOneTemplateAreOneArticleWithTheOthersLines() {
    String page = html(new ReportRun("1", templateCopies(), List.of()));
    // three groups: short/int/long, float/double, char; the file still counts six findings
    assertEquals(3, count(page, "<article class=\"finding"), page);
    assertContainsAll(page, "<span class=\"fcount\">6 findings</span>",
        "<div class=\"overloads\">and 2 overloads: lines 264 (asIntList), 273 (asLongList)</div>",
        "<div class=\"overloads\">and 1 overload: line 291 (asDoubleList)</div>");
    assertEquals(2, count(page, "and 2 overloads"), "in the hottest table and in the file's findings");
    // the package is the class's, not the path's (--source src: no src/main/java in it)
    assertContainsAll(page, "<td class=\"mono pkg\">org.yaml.snakeyaml.representer</td>");
    // every link goes to an article that exists
    Matcher links = Pattern.compile("href=\"#(f\\d+)\"").matcher(page);
    while (links.find()) assertTrue(page.contains("id=\"" + links.group(1) + "\""), links.group(1));
  }

  @Test
  void escapesEverythingTheAnalysisWrote() {
    String evil = "<script>alert('x')</script> & \"quotes\"";
    Finding f =
        new Finding(RuleId.HEAP_ESCAPE, RuleId.HEAP_ESCAPE.defaultSeverity(), "src/<b>/X.java", SourcePos.of(2, 1),
            "new Foo() escapes: " + evil, List.of(new Reason(Reason.Kind.RETURNED, "returned " + evil, SourcePos.line(3))),
            5, null, method("a.<X>", "m"), Subjects.newObject(0, "a.Foo", "Foo"));
    SourceText src = file -> List.of("class X {", "  <script>document.write(1)</script>", "}");
    String page = new HtmlReportWriter(src).write(new ReportRun("1<script>", List.of(ReportedFinding.of(f)), List.of("note " + evil)));
    // The only script element is the report's own.
    assertEquals(1, count(page, "<script>"));
    assertEquals(1, count(page, "</script>"));
    assertContainsAll(page,
        "new Foo() escapes: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;",
        "returned &lt;script&gt;",
        "note &lt;script&gt;",
        "src/&lt;b&gt;/X.java",
        "&lt;script&gt;document.write(1)&lt;/script&gt;",
        "noescape 1&lt;script&gt;");
    assertFalse(page.contains("<b>"));
  }

  @Test
  void standaloneNoNetwork() {
    String page = html(sampleRun());
    assertTrue(page.startsWith("<!DOCTYPE html>\n"));
    assertTrue(page.endsWith("</html>\n"));
    assertContainsNone(page, "http://", "https://", "<link", " src=", "@import", "\r");
  }

  @Test
  void headerSummaryAndGrouping() {
    String page = html(sampleRun());
    assertContainsAll(page,
        "<div class=\"card c-total\"><div class=\"n\">6</div><div class=\"l\">findings</div></div>",
        "<div class=\"card c-error\"><div class=\"n\">1</div>",
        "<div class=\"card c-warning\"><div class=\"n\">4</div>",
        "<div class=\"card c-info\"><div class=\"n\">1</div>",
        "<div class=\"card c-files\"><div class=\"n\">3</div>");
    // By package: com.acme.orders has 3 findings in 1 file.
    assertTrue(page.contains("<tr><td class=\"mono pkg\">com.acme.orders</td><td class=\"num\">1</td>"), page);
    assertTrue(page.contains("<td class=\"mono pkg\">com.acme.util</td>"));
    // All nine rules in the rule table.
    for (RuleId r : RuleId.values()) assertTrue(page.contains(">" + r.id() + "</span><div class=\"desc\">"), r.id());
    // Files in order, each once, with their counts.
    int cache = page.indexOf("<span class=\"path\">" + CACHE + "</span><span class=\"fcount\">1 finding</span>");
    int orders = page.indexOf("<span class=\"path\">" + ORDERS + "</span><span class=\"fcount\">3 findings</span>");
    int util = page.indexOf("<span class=\"path\">" + UTIL + "</span><span class=\"fcount\">2 findings</span>");
    assertTrue(cache > 0 && orders > cache && util > orders, cache + " " + orders + " " + util);
    assertTrue(page.contains("<ul class=\"notes\">\n<li>skipped com/acme/Broken.class: truncated class file</li>"));
  }

  @Test
  void snippetHighlightsTheExpressionOrTheWholeLine() {
    String page = html(sampleRun());
    // Column and end column known: exactly the expression.
    assertTrue(page.contains("<span class=\"cl at\"><span class=\"ln\">5</span>    List&lt;Long&gt; ids = <mark>new ArrayList&lt;&gt;()</mark>;</span>"), page);
    // Context lines 3..7 around line 5, right-aligned numbers.
    assertContainsAll(page,
        "<span class=\"cl\"><span class=\"ln\">3</span>class OrderBook {</span>",
        "<span class=\"cl\"><span class=\"ln\">7</span>    for (Order o : orders) {</span>");
    // No end column: the whole line.
    assertTrue(page.contains("<span class=\"ln\">7</span>    <mark class=\"whole\">Entry e = new Entry(k, v);</mark></span>"));
    // Unknown source: no snippet for Strings.java.
    int util = page.indexOf("<span class=\"path\">" + UTIL);
    assertFalse(page.substring(util).contains("<pre class=\"code\">"));
    // Reasons as a list with their lines; fixes with their edits.
    assertContainsAll(page,
        "<li><span class=\"rline\">line 8</span>stored into Cache.map</li>",
        "<span class=\"fixlabel\">fix</span>pass the expected size: (orders.size())",
        "<span class=\"range\">insert at 5:38</span><code>orders.size()</code>");
  }

  @Test
  void topTwentyByHotnessThenOrder() {
    List<ReportedFinding> many = ReportFixtures.many(300);
    String page = html(new ReportRun("1", many, List.of()));
    String hottest = page.substring(page.indexOf("<section id=\"hottest\">"), page.indexOf("<section id=\"files\">"));
    Matcher m = Pattern.compile("<span class=\"heat\">(\\d+)</span>").matcher(hottest);
    List<Integer> heat = new ArrayList<>();
    while (m.find()) heat.add(Integer.parseInt(m.group(1)));
    List<ReportedFinding> expected = Reports.hottest(many, 20);
    assertEquals(20, heat.size());
    for (int i = 0; i < 20; i++) assertEquals(expected.get(i).finding().hotness(), heat.get(i));
    for (int i = 1; i < 20; i++) assertTrue(heat.get(i - 1) >= heat.get(i));
    // Each row links to the finding's anchor, which exists.
    Matcher link = Pattern.compile("href=\"#(f\\d+)\"").matcher(hottest);
    int links = 0;
    while (link.find()) {
      assertTrue(page.contains("id=\"" + link.group(1) + "\""));
      links++;
    }
    assertEquals(20, links);
  }

  @Test
  void fiveThousandFindingsStayReasonable() {
    long start = System.nanoTime();
    String page = new HtmlReportWriter(SourceText.NONE).write(new ReportRun("1", ReportFixtures.many(5000), List.of()));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(5000, count(page, "<article class=\"finding"));
    assertTrue(page.length() < 5_000 * 1_000, "size " + page.length());
    assertTrue(millis < 5_000, millis + " ms");
  }

  @Test
  void emptyRun() {
    String page = html(new ReportRun("1", List.of(), List.of()));
    assertContainsAll(page, "<div class=\"card c-total\"><div class=\"n\">0</div>", "No findings.",
        "The analysis ran over every input.");
  }

  @Test
  void packageFromTheFindingsClassNotItsPath() {
    // --source src/commons-lang3-3.18.0: the path would give "src.commons-lang3-3.18.0.com.acme.orders"
    dev.noescape.finding.Finding f = ReportFixtures.finding(dev.noescape.catalog.RuleId.BOXING_ALLOCATION,
        "src/commons-lang3-3.18.0/com/acme/orders/OrderBook.java", dev.noescape.ir.SourcePos.of(8, 15), "m", 0,
        ReportFixtures.SUBMIT, new dev.noescape.finding.Subject.Contract(), List.of(), null);
    assertEquals("com.acme.orders", Reports.packageOf(f));
    dev.noescape.finding.Finding nested = ReportFixtures.finding(dev.noescape.catalog.RuleId.BOXING_ALLOCATION,
        "X.java", dev.noescape.ir.SourcePos.of(8, 15), "m", 0,
        new dev.noescape.ir.MethodRef("a.b.Outer$Inner", "m", List.of(), "void", false),
        new dev.noescape.finding.Subject.Contract(), List.of(), null);
    assertEquals("a.b", Reports.packageOf(nested));
  }

  @Test
  void packageFromPath() {
    assertEquals("com.acme", Reports.packageOf("core/src/main/java/com/acme/Foo.java"));
    assertEquals("com.acme.x", Reports.packageOf("src/test/java/com/acme/x/FooTest.java"));
    assertEquals("(default package)", Reports.packageOf("src/main/java/Foo.java"));
    assertEquals("(default package)", Reports.packageOf("Foo.java"));
    assertEquals("corpus.boxing", Reports.packageOf("corpus/boxing/BoxingCaches.java"));
    assertEquals("a.b", Reports.packageOf("x\\java\\a\\b\\C.java"));
  }
}
