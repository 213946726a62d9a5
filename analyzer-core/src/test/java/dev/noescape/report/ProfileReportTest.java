package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.CACHE;
import static dev.noescape.report.ReportFixtures.ORDERS;
import static dev.noescape.report.ReportFixtures.PUT;
import static dev.noescape.report.ReportFixtures.SUBMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.catalog.RuleId;
import dev.noescape.engine.EscapeState;
import dev.noescape.ir.Reason;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import dev.noescape.profile.Frame;
import dev.noescape.profile.HotSite;
import dev.noescape.profile.ProfileRanking;
import dev.noescape.profile.Verdict;
import dev.noescape.report.html.HtmlReportWriter;
import dev.noescape.report.json.JsonReportWriter;
import dev.noescape.report.sarif.SarifWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the writers do with a recording ({@link ReportRun#profile()}): rank by measured bytes, carry
 * the measurements, show the profile view; and that a run without one is written as before.
 *
 * <p>The fixture: three findings, of which the boxing one has 700 of the program's 1,000 sampled
 * bytes, the escape 200, and the unpresized list none; 100 bytes sit on a line the analysis has
 * nothing for.
 */
class ProfileReportTest {
  static Finding finding(RuleId rule, String file, int line, MethodRef method, int siteId, int hotness, String message) {
    return new Finding(rule, rule.defaultSeverity(), file, SourcePos.of(line, 7), message, List.of(), hotness, null, method,
        Subjects.newObject(siteId, "app.Subject" + siteId, "Subject" + siteId));
  }

  static final Finding LIST = finding(RuleId.UNPRESIZED_COLLECTION, ORDERS, 5, SUBMIT, 1, 11_040, "new ArrayList<>() grows");
  static final Finding BOXING = finding(RuleId.BOXING_ALLOCATION, ORDERS, 9, SUBMIT, 2, 11_020, "boxing long to Long");
  static final Finding ESCAPE = finding(RuleId.HEAP_ESCAPE, CACHE, 7, PUT, 0, 40, "new Entry(k, v) escapes to heap");

  static final Frame VALUE_OF = new Frame("java.lang.Long", "valueOf", "(J)Ljava/lang/Long;", 1000, 31);

  static final ProfileRanking RANKING = ProfileRanking.of(List.of("app.jfr"), List.of(), 2_000, 1_000, 900, 1_000, List.of(
      new HotSite(SUBMIT.key(), "OrderBook.submit", "com/acme/orders/OrderBook.java", 9, 20, 2, "boxing long to Long",
          new Verdict.Site(EscapeState.NO_ESCAPE, List.of(), Optional.empty()), 700, 7, 0,
          List.of(new HotSite.Part("java.lang.Long", List.of(VALUE_OF), 700)), 11_020, false),
      new HotSite(PUT.key(), "Cache.put", "com/acme/cache/Cache.java", 7, 4, 0, "new Entry(k, v)",
          new Verdict.Site(EscapeState.GLOBAL_ESCAPE, List.of(new Reason(Reason.Kind.STORED_INTO, "stored into Cache.map",
              SourcePos.line(8))), Optional.empty()), 200, 2, 0, List.of(new HotSite.Part("com.acme.cache.Entry", List.of(), 200)),
          40, false),
      new HotSite(SUBMIT.key(), "OrderBook.submit", "com/acme/orders/OrderBook.java", 12, -1, -1,
          "com.acme.orders.OrderBook.submit:12@44", new Verdict.Unmatched("no allocation site of byte[] on this line"), 100, 1,
          0, List.of(new HotSite.Part("byte[]", List.of(), 100)), 0, false)));

  static ReportRun run(ProfileRanking profile) {
    return new ReportRun("0.1.0", List.of(ReportedFinding.of(LIST), ReportedFinding.of(ESCAPE), ReportedFinding.of(BOXING)),
        List.of(), null, List.of(), profile);
  }

  @Test
  void textRanksByMeasuredBytesAndSaysWhatWasMeasured() {
    List<String> lines = TextReport.findings(run(RANKING), false).lines().toList();
    assertEquals(List.of(
        ORDERS + ":9:7: boxing long to Long [BoxingAllocation] (measured: 700 B, 70.0 % of the sampled program bytes)",
        CACHE + ":7:7: new Entry(k, v) escapes to heap [HeapEscape] (measured: 200 B, 20.0 % of the sampled program bytes)",
        ORDERS + ":5:7: new ArrayList<>() grows [UnpresizedCollection]"), lines);
  }

  private static List<String> lines(ReportRun run) {
    return TextReport.findings(run, false).lines().toList();
  }

  @Test
  void withoutARecordingTheTextIsHottestFirstWithoutMeasurements() {
    assertEquals(List.of(
        ORDERS + ":5:7: new ArrayList<>() grows [UnpresizedCollection]",
        ORDERS + ":9:7: boxing long to Long [BoxingAllocation]",
        CACHE + ":7:7: new Entry(k, v) escapes to heap [HeapEscape]"), lines(run(null)));
  }

  @Test
  void findingsNothingWasSampledForFollowByHotness() {
    List<ReportedFinding> ranked = Reports.ranked(run(RANKING).findings(), RANKING);
    assertEquals(List.of(BOXING, ESCAPE, LIST), ranked.stream().map(ReportedFinding::finding).toList());
    assertEquals(List.of(BOXING), Reports.capped(run(RANKING).findings(), 1, RANKING).stream().map(ReportedFinding::finding).toList());
    assertEquals(List.of(LIST), Reports.capped(run(RANKING).findings(), 1, null).stream().map(ReportedFinding::finding).toList(),
        "by hotness without a recording");
  }

  @Test
  void jsonCarriesTheMeasurementsAndTheProfileView() throws Exception {
    String text = new JsonReportWriter().write(run(RANKING));
    assertEquals(text, new JsonReportWriter().write(run(RANKING)), "deterministic");
    JsonNode doc = new ObjectMapper().readTree(text);
    JsonNode boxing = doc.at("/findings/2"); // findings in file order: the escape, the list, the boxing
    assertEquals("BoxingAllocation", boxing.get("rule").asText());
    assertEquals(700, boxing.at("/measured/bytes").asLong());
    assertEquals(0.7, boxing.at("/measured/shareOfProgram").asDouble());
    assertEquals(0.35, boxing.at("/measured/shareOfSampled").asDouble());
    assertEquals(0, doc.at("/findings/1/measured/bytes").asLong(), "the list: nothing sampled");
    JsonNode p = doc.get("profile");
    assertEquals(1_000, p.get("programBytes").asLong());
    assertEquals(0.9, p.get("explainedShare").asDouble());
    assertEquals(3, p.get("sites").size());
    JsonNode first = p.at("/sites/0");
    assertEquals(1, first.get("rank").asInt());
    assertEquals(20, first.get("bci").asInt());
    assertEquals("no-escape", first.at("/verdict/kind").asText());
    assertTrue(first.at("/verdict/runtime").isNull());
    assertEquals("BoxingAllocation", first.at("/findings/0/rule").asText());
    assertEquals("java.lang.Long.valueOf:1000@31", first.at("/parts/0/via/0").asText());
    assertEquals("escapes", p.at("/sites/1/verdict/kind").asText());
    assertEquals("stored into Cache.map", p.at("/sites/1/verdict/reasons/0/text").asText());
    assertEquals("unmatched", p.at("/sites/2/verdict/kind").asText());
    assertTrue(p.at("/sites/2/bci").isNull());
    assertEquals(0, p.at("/sites/2/findings").size());
  }

  @Test
  void withoutARecordingNoMeasurementIsWritten() {
    String json = new JsonReportWriter().write(run(null));
    assertFalse(json.contains("\"profile\"") || json.contains("\"measured\""), json);
    String sarif = new SarifWriter(SourceText.NONE).write(run(null));
    assertFalse(sarif.contains("\"rank\"") || sarif.contains("noescape/measured") || sarif.contains("noescape/profile"), sarif);
    assertFalse(new HtmlReportWriter(SourceText.NONE).write(run(null)).contains("id=\"profile\""));
  }

  @Test
  void sarifRanksByShareAndValidates() throws Exception {
    String sarif = new SarifWriter(SourceText.NONE).write(run(RANKING));
    SarifSchemaTest.loadSchema();
    assertTrue(SarifSchemaTest.errors(sarif).isEmpty(), SarifSchemaTest.errors(sarif).toString());
    JsonNode results = new ObjectMapper().readTree(sarif).at("/runs/0/results");
    JsonNode boxing = results.get(2);
    assertEquals("BoxingAllocation", boxing.get("ruleId").asText());
    assertEquals(70.0, boxing.get("rank").asDouble());
    assertEquals(700, boxing.at("/properties/" + SarifWriter.MEASURED_BYTES.replace("/", "~1")).asLong());
    assertEquals(0.0, results.get(1).get("rank").asDouble(), "the list: nothing sampled");
    assertEquals(1_000, new ObjectMapper().readTree(sarif).at("/runs/0/properties/noescape~1profile/programBytes").asLong());
  }

  @Test
  void htmlRanksTheHottestAndShowsTheProfileView() {
    String html = new HtmlReportWriter(SourceText.NONE).write(run(RANKING));
    assertEquals(html, new HtmlReportWriter(SourceText.NONE).write(run(RANKING)), "deterministic");
    assertTrue(html.contains("<a href=\"#profile\">Profile</a>"));
    String hottest = html.substring(html.indexOf("<section id=\"hottest\">"), html.indexOf("<section id=\"profile\">"));
    assertTrue(hottest.indexOf("OrderBook.java:9") < hottest.indexOf("Cache.java:7")
        && hottest.indexOf("Cache.java:7") < hottest.indexOf("OrderBook.java:5"), hottest);
    String profile = html.substring(html.indexOf("<section id=\"profile\">"), html.indexOf("<section id=\"files\">"));
    assertTrue(profile.contains("<strong>90.0 %</strong> of the sampled program bytes are explained by a finding or verdict"),
        profile);
    assertTrue(profile.contains("not explained: no allocation site of byte[] on this line"), profile);
    assertTrue(profile.contains(">" + ORDERS + ":9<") && profile.contains(">" + ORDERS + ":12<"),
        "places are shown at the findings' path of their file: " + profile);
    assertTrue(profile.contains("via <span class=\"mono\">Long.valueOf</span>"), profile);
    assertTrue(profile.indexOf("boxing long to Long") < profile.indexOf("new Entry(k, v)"), "heaviest first");
    assertFalse(profile.contains("escapes to heap: stored into Cache.map"),
        "a place with a finding shows the finding, not the verdict again");
  }
}
