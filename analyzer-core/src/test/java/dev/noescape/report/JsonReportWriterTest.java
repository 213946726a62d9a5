package dev.noescape.report;

import static dev.noescape.report.ReportFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.UnpredictedCall;
import dev.noescape.report.json.JsonReportWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
  @Test
  void exactDocumentForTwoFindings() {
    ReportRun run = new ReportRun("0.1.0", List.of(ReportedFinding.of(ESCAPE), unpresizedWithEdit()), List.of("skipped X.class: bad"));
    String expected =
        """
        {
          "tool": "noescape",
          "toolVersion": "0.1.0",
          "formatVersion": 1,
          "summary": {
            "total": 2,
            "files": 2,
            "byRule": {
              "HeapEscape": 1,
              "LeakingParameter": 0,
              "BoxingAllocation": 0,
              "VarargsAllocation": 0,
              "CapturingLambda": 0,
              "UnpresizedCollection": 1,
              "HashMapCapacity": 0,
              "StringConcatInLoop": 0,
              "NotScalarReplaced": 0,
              "AllocationContract": 0
            },
            "bySeverity": {
              "error": 0,
              "warning": 1,
              "info": 1
            },
            "classes": null
          },
          "findings": [
            {
              "rule": "HeapEscape",
              "severity": "info",
              "file": "app/src/main/java/com/acme/cache/Cache.java",
              "line": 7,
              "column": 15,
              "endColumn": null,
              "bci": null,
              "message": "new Entry(k, v) escapes to heap: stored into Cache.map (line 8)",
              "hotness": 40,
              "expected": null,
              "method": "com.acme.cache.Cache#put(java.lang.String,java.lang.Object)",
              "subject": "new Entry(k, v)",
              "baselineKey": "HeapEscape:com.acme.cache.Cache#put(java.lang.String,java.lang.Object):NEW_OBJECT:new Entry(k, v):1",
              "reasons": [
                {
                  "kind": "STORED_INTO",
                  "text": "stored into Cache.map",
                  "line": 8
                },
                {
                  "kind": "REACHABLE_FROM_GLOBAL",
                  "text": "Cache instance is reachable from static field Cache.INSTANCE",
                  "line": 4
                }
              ],
              "fix": null
            },
            {
              "rule": "UnpresizedCollection",
              "severity": "warning",
              "file": "app/src/main/java/com/acme/orders/OrderBook.java",
              "line": 5,
              "column": 22,
              "endColumn": 39,
              "bci": null,
              "message": "new ArrayList<>() grows while it is filled with orders.size() elements in the loop at line 7: presize it: new ArrayList<>(orders.size())",
              "hotness": 11040,
              "expected": null,
              "method": "com.acme.orders.OrderBook#submit(java.util.List)",
              "subject": "new ArrayList<>()",
              "baselineKey": "UnpresizedCollection:com.acme.orders.OrderBook#submit(java.util.List):NEW_OBJECT:new ArrayList<>():1",
              "reasons": [],
              "fix": {
                "description": "pass the expected size: (orders.size())",
                "edits": [
                  {
                    "file": "app/src/main/java/com/acme/orders/OrderBook.java",
                    "startLine": 5,
                    "startColumn": 38,
                    "endLine": 5,
                    "endColumn": 38,
                    "replacement": "orders.size()"
                  }
                ]
              }
            }
          ],
          "notes": [
            "skipped X.class: bad"
          ],
          "waived": []
        }
        """;
    assertEquals(expected, new JsonReportWriter().write(run));
    assertEquals("HeapEscape:com.acme.cache.Cache#put(java.lang.String,java.lang.Object):new Entry(k, v)",
        dev.noescape.finding.BaselineKeys.v1(ESCAPE));
  }

  @Test
  void emptyRunAndFieldOrder() throws Exception {
    String text = new JsonReportWriter().write(new ReportRun("1", List.of(), List.of()));
    assertTrue(text.contains("\"findings\": [],\n  \"notes\": [],\n  \"waived\": []\n}\n"), text);
    JsonNode doc = new ObjectMapper().readTree(new JsonReportWriter().write(sampleRun()));
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = doc.at("/findings/0").fieldNames(); it.hasNext(); ) fields.add(it.next());
    assertEquals(
        List.of("rule", "severity", "file", "line", "column", "endColumn", "bci", "message", "hotness", "expected", "method",
            "subject",
            "baselineKey", "reasons", "fix"),
        fields);
    assertEquals(6, doc.at("/summary/total").asInt());
    assertTrue(doc.at("/summary/classes").isNull());
    JsonNode counted = new ObjectMapper().readTree(new JsonReportWriter().write(
        new ReportRun("1", List.of(), List.of("skipped a/B.class: bad"), new ReportRun.Classes(12, 11))));
    assertEquals(12, counted.at("/summary/classes/total").asInt());
    assertEquals(11, counted.at("/summary/classes/analyzed").asInt());
    assertEquals(1, doc.at("/summary/bySeverity/error").asInt());
    // A rule fix without edits keeps its description.
    JsonNode concat = doc.at("/findings/4");
    assertEquals("StringConcatInLoop", concat.get("rule").asText());
    assertTrue(concat.get("column").isNull());
    assertEquals("accumulate 's' in a StringBuilder and call toString() after the loop", concat.at("/fix/description").asText());
    assertEquals(0, concat.at("/fix/edits").size());
  }

  @Test
  void calleeAllocationsAndTheCallsTheModelCannotPredictUnder() throws Exception {
    MethodRef caller = new MethodRef("com.acme.Join", "join", List.of("java.lang.Appendable"), "void", true);
    CalleeAllocation copy = new CalleeAllocation(caller, new SourcePos(7, 0, 0, 12), "StringBuilder.append",
        "java.util.Arrays#copyOf(byte[],int)", 1, "newarray byte[]",
        new RuntimePrediction(true, C2Condition.ARRAY_LENGTH_NOT_CONSTANT, "in Arrays.copyOf", 25));
    UnpredictedCall open = new UnpredictedCall(caller, SourcePos.line(9), "Appendable.append",
        "java.lang.Appendable#append(java.lang.CharSequence)");
    JsonNode doc = new ObjectMapper().readTree(new JsonReportWriter().write(
        new ReportRun("1", List.of(), List.of(), null, List.of(), null, List.of(copy), List.of(open))));
    assertEquals(12, doc.at("/calleeAllocations/0/bci").asInt());
    assertEquals("heap", doc.at("/calleeAllocations/0/runtime/prediction").asText());
    JsonNode u = doc.at("/unpredictedCalls/0");
    List<String> fields = new ArrayList<>();
    for (Iterator<String> it = u.fieldNames(); it.hasNext(); ) fields.add(it.next());
    assertEquals(List.of("method", "line", "bci", "callee", "stoppedAt", "prediction", "reason"), fields);
    assertTrue(u.get("bci").isNull());
    assertEquals("unknown", u.get("prediction").asText());
    assertEquals("java.lang.Appendable#append(java.lang.CharSequence)", u.get("stoppedAt").asText());
    // without a model's walk there is neither array
    assertTrue(new ObjectMapper().readTree(new JsonReportWriter().write(new ReportRun("1", List.of(), List.of())))
        .path("unpredictedCalls").isMissingNode());
  }
}
