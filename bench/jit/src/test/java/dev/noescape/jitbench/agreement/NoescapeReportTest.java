package dev.noescape.jitbench.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.jitbench.probe.Expect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predictions from noescape's JSON: the model's property first, then NotScalarReplaced, then the HeapEscape proxy. */
class NoescapeReportTest {
  @TempDir Path dir;

  private static String finding(String rule, int line, int column, String message, String extra) {
    return """
        {"rule": "%s", "severity": "info", "file": "src/a/P.java", "line": %d, "column": %s,
         "endColumn": null, "message": "%s", "hotness": 1, "method": "a.P#m(int,int)",
         "subject": "new Point(n, i)", "baselineKey": "k",
         "reasons": [{"kind": "STORED_STATIC", "text": "stored", "line": 3}], "fix": null%s}
        """.formatted(rule, line, column == 0 ? "null" : Integer.toString(column), message, extra);
  }

  private NoescapeReport report(String... findings) throws IOException {
    Path f = dir.resolve("r.json");
    Files.writeString(f, "{\"tool\": \"noescape\", \"findings\": [" + String.join(",", findings) + "]}");
    return NoescapeReport.read(f);
  }

  private static void assertPrediction(Prediction p, Expect prediction, String source, String condition) {
    assertEquals(List.of(prediction, source, condition), List.of(p.prediction(), p.source(), p.condition()));
  }

  @Test
  void proxyEscapesToHeapIsHeapArgEscapeIsNot() throws IOException {
    NoescapeReport r = report(
        finding("HeapEscape", 3, 15, "new Point(n, i) escapes to heap: stored into static field", ""),
        finding("HeapEscape", 7, 15, "new Point(n, i) does not escape, but is passed to new Point (line 7); only inlining lets the JIT scalar-replace it", ""));
    assertPrediction(NoescapeReport.predict(r.at("a/P.java", 3, 15)), Expect.HEAP, "proxy", "STORED_STATIC");
    Prediction arg = NoescapeReport.predict(r.at("a/P.java", 7, 15));
    assertPrediction(arg, Expect.SCALAR_REPLACED, "proxy", "none");
    assertTrue(arg.argEscape());
    assertEquals(Expect.HEAP, arg.withArgEscapeAsHeap());
    Prediction none = NoescapeReport.predict(r.at("a/P.java", 9, 0));
    assertEquals(Expect.SCALAR_REPLACED, none.prediction());
    assertFalse(none.argEscape());
  }

  @Test
  void runtimePredictionWinsInEveryShapeItMayTake() throws IOException {
    NoescapeReport r = report(
        finding("HeapEscape", 3, 15, "new Point(n, i) escapes to heap", ",\"properties\": {\"runtime.prediction\": \"scalar-replaced\", \"runtime.condition\": \"dead\"}"),
        finding("HeapEscape", 4, 15, "x does not escape, but is passed", ",\"runtime.prediction\": \"heap\", \"runtime.condition\": \"non-constant array length\""),
        finding("NotScalarReplaced", 5, 15, "x does not escape, but C2 will still allocate it", ",\"runtime\": {\"prediction\": \"heap\", \"condition\": \"loop phi\"}"),
        finding("NotScalarReplaced", 6, 15, "x does not escape, but C2 will still allocate it", ""));
    assertPrediction(NoescapeReport.predict(r.at("a/P.java", 3, 15)), Expect.SCALAR_REPLACED, "runtime.prediction", "dead");
    assertPrediction(NoescapeReport.predict(r.at("a/P.java", 4, 15)), Expect.HEAP, "runtime.prediction",
        "non-constant array length");
    assertPrediction(NoescapeReport.predict(r.at("a/P.java", 5, 15)), Expect.HEAP, "runtime.prediction", "loop phi");
    assertPrediction(NoescapeReport.predict(r.at("a/P.java", 6, 15)), Expect.HEAP, "NotScalarReplaced", "NotScalarReplaced");
  }

  @Test
  void matchesFileSuffixLineAndColumnWhenKnown() throws IOException {
    NoescapeReport r = report(
        finding("HeapEscape", 3, 15, "a escapes to heap", ""),
        finding("HeapEscape", 3, 30, "b does not escape, but is passed", ""));
    assertEquals(2, r.at("a/P.java", 3, 0).size());
    assertEquals(1, r.at("a/P.java", 3, 30).size());
    assertEquals(2, r.at("a/P.java", 3, 99).size(), "an unknown column falls back to the line");
    assertEquals(0, r.at("b/P.java", 3, 15).size());
    assertEquals(0, r.at("ba/P.java", 3, 15).size(), "a suffix matches whole path segments only");
    assertEquals(2, r.at("P.java", 3, 0).size());
  }

  @Test
  void notAReportIsAnErrorNamingTheFile() throws IOException {
    Path f = dir.resolve("x.json");
    Files.writeString(f, "{\"tool\": \"other\"}");
    IOException e = assertThrows(IOException.class, () -> NoescapeReport.read(f));
    assertTrue(e.getMessage().contains("x.json"));
  }

  @Test
  void confusionCountsCells() {
    Confusion c = new Confusion();
    c.add(Expect.HEAP, Expect.HEAP);
    c.add(Expect.HEAP, Expect.SCALAR_REPLACED);
    c.add(Expect.SCALAR_REPLACED, Expect.HEAP);
    c.add(Expect.SCALAR_REPLACED, Expect.HEAP);
    c.add(Expect.SCALAR_REPLACED, null);
    assertEquals(4, c.total());
    assertEquals(1, c.agree());
    assertEquals(List.of(1, 1, 2, 0), java.util.Arrays.stream(c.cells()).boxed().toList());
  }
}
