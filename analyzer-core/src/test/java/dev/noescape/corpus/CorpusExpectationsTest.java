package dev.noescape.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.corpus.CorpusExpectations.FileExpectations;
import dev.noescape.corpus.CorpusExpectations.Kind;
import dev.noescape.corpus.CorpusExpectations.Marker;
import dev.noescape.corpus.CorpusExpectations.MarkerException;
import dev.noescape.corpus.CorpusScore.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusExpectationsTest {

  private static final String DEFAULT_SCOPE_FILE =
      String.join(
          "\n",
          "package p;", // 1
          "class A {", // 2
          "  void m(java.util.List<Object> l, int n) {", // 3
          "    for (int i = 0; i < n; i++) {", // 4
          "      l.add(i); // expect: BoxingAllocation", // 5
          "      l.add(String.format(\"%d %d\", i, n)); // expect: VarargsAllocation, BoxingAllocation, BoxingAllocation", // 6
          "      l.add(5); // ok: BoxingAllocation -- cached", // 7
          "      l.add(i + 1.0); // expect: BoxingAllocation // ok: CapturingLambda -- no lambda; ok: VarargsAllocation", // 8
          "      l.add(n); // gap: BoxingAllocation -- reason here, with a comma", // 9
          "    }", // 10
          "    java.util.List<String> x = new java.util.ArrayList<>(); // expect: UnpresizedCollection(orders.size())", // 11
          "  }", // 12
          "}"); // 13

  @Test
  void parsesDefaultScopeMarkers() {
    FileExpectations fe = CorpusExpectations.parse("p/A.java", DEFAULT_SCOPE_FILE);
    assertFalse(fe.explicitScope());
    assertEquals(CorpusExpectations.DEFAULT_SCOPE, fe.scope());
    List<Marker> ms = fe.markers();

    assertEquals(List.of(new Marker("p/A.java", 5, Kind.EXPECT, "BoxingAllocation", null, null)), at(ms, 5));

    List<Marker> l6 = at(ms, 6);
    assertEquals(3, l6.size());
    assertEquals(List.of("VarargsAllocation", "BoxingAllocation", "BoxingAllocation"), l6.stream().map(Marker::rule).toList());
    assertTrue(l6.stream().allMatch(m -> m.kind() == Kind.EXPECT));

    assertEquals(List.of(new Marker("p/A.java", 7, Kind.OK, "BoxingAllocation", null, "cached")), at(ms, 7));

    List<Marker> l8 = at(ms, 8);
    assertEquals(3, l8.size());
    assertEquals(new Marker("p/A.java", 8, Kind.EXPECT, "BoxingAllocation", null, null), l8.get(0));
    assertEquals(new Marker("p/A.java", 8, Kind.OK, "CapturingLambda", null, "no lambda"), l8.get(1));
    assertEquals(new Marker("p/A.java", 8, Kind.OK, "VarargsAllocation", null, null), l8.get(2));

    assertEquals(
        List.of(new Marker("p/A.java", 9, Kind.GAP, "BoxingAllocation", null, "reason here, with a comma")), at(ms, 9));

    Marker sized = at(ms, 11).get(0);
    assertEquals("UnpresizedCollection", sized.rule());
    assertEquals("orders.size()", sized.fragment());
    assertEquals(10, ms.size());
  }

  @Test
  void parsesExplicitScopeAndFragments() {
    String src =
        String.join(
            "\n",
            "// corpus-rules: HeapEscape, LeakingParameter",
            "package p;",
            "class B {",
            "  static Object o;",
            "  static Object m(String s) { // expect: LeakingParameter",
            "    o = new Object(); // expect: HeapEscape(static field)",
            "    return new StringBuilder(); // expect: HeapEscape(returned), HeapEscape",
            "  }",
            "  int n(String s) { // ok: LeakingParameter -- only read",
            "    return s.length();",
            "  }",
            "}");
    FileExpectations fe = CorpusExpectations.parse("p/B.java", src);
    assertTrue(fe.explicitScope());
    assertEquals(Set.of("HeapEscape", "LeakingParameter"), fe.scope());
    List<Marker> l7 = at(fe.markers(), 7);
    assertEquals(2, l7.size());
    assertEquals("returned", l7.get(0).fragment());
    assertNull(l7.get(1).fragment());
    assertEquals("static field", at(fe.markers(), 6).get(0).fragment());
    assertEquals(Kind.OK, at(fe.markers(), 9).get(0).kind());
    assertEquals("only read", at(fe.markers(), 9).get(0).reason());
  }

  @Test
  void rejectsMalformedMarkers() {
    // unknown rule
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "int x; // expect: Boxing"));
    // rule outside the default scope
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "int x; // expect: HeapEscape"));
    // gap without a reason
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "int x; // gap: BoxingAllocation"));
    // fragment on an ok marker
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "int x; // ok: BoxingAllocation(x)"));
    // marker alone on a line
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "   // expect: BoxingAllocation"));
    // empty marker
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "int x; // expect: "));
    // scope header too late
    String late = "\n".repeat(40) + "// corpus-rules: HeapEscape";
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", late));
    MarkerException e =
        assertThrows(MarkerException.class, () -> CorpusExpectations.parse("x/F.java", "a;\nb; // expect: Nope"));
    assertTrue(e.getMessage().startsWith("x/F.java:2: "), e.getMessage());
  }

  @Test
  void ignoresOrdinaryComments() {
    FileExpectations fe =
        CorpusExpectations.parse("f", "int x; // expected to be fine\n// ok so far\nint y; // okay: BoxingAllocation");
    assertTrue(fe.markers().isEmpty());
  }

  @Test
  void scoresMultisetsWithinScope() {
    FileExpectations fe = CorpusExpectations.parse("p/A.java", DEFAULT_SCOPE_FILE);
    CorpusScore score = new CorpusScore(CorpusExpectations.FrontEnd.JAVAC);
    score.score(
        fe,
        List.of(
            new Finding("p/A.java", 5, "BoxingAllocation", "boxing int to Integer"),
            // line 6: the varargs array and one of the two boxings
            new Finding("p/A.java", 6, "VarargsAllocation", "varargs array"),
            new Finding("p/A.java", 6, "BoxingAllocation", "boxing int"),
            // line 7: a false positive on an ok line
            new Finding("p/A.java", 7, "BoxingAllocation", "boxing 5"),
            new Finding("p/A.java", 8, "BoxingAllocation", "boxing double"),
            // line 9: a gap may be reported
            new Finding("p/A.java", 9, "BoxingAllocation", "boxing n"),
            // line 11: reported, but the message lacks the size
            new Finding("p/A.java", 11, "UnpresizedCollection", "presize it"),
            // out of scope: ignored
            new Finding("p/A.java", 3, "HeapEscape", "escapes")));
    CorpusScore.RuleStats boxing = score.stats().get("BoxingAllocation");
    assertEquals(4, boxing.positives());
    assertEquals(3, boxing.truePositives());
    assertEquals(1, boxing.missing());
    assertEquals(1, boxing.unexpected());
    assertEquals(1, boxing.negatives());
    assertEquals(1, boxing.gaps());
    assertEquals(1, score.stats().get("UnpresizedCollection").wrongMessage());
    assertEquals(1, score.missing().size());
    assertTrue(score.missing().get(0).startsWith("p/A.java:6 BoxingAllocation"), score.missing().toString());
    assertEquals(1, score.unexpected().size());
    assertTrue(score.unexpected().get(0).contains("p/A.java:7 BoxingAllocation [on an ok line]"), score.unexpected().toString());
    assertFalse(score.clean());
    assertEquals(9, score.markers());
    assertFalse(score.sizeProblems(200, 15, 10).isEmpty());
    assertTrue(score.sizeProblems(0, 0, 0).isEmpty());
  }

  @Test
  void fragmentsNameLinesRelativeToTheMarker() {
    FileExpectations fe = CorpusExpectations.parse("p/A.java", String.join("\n",
        "class A {", // 1
        "  void m(java.util.List<Object> l) {", // 2
        "    for (;;) {", // 3
        "      l.add(l.size()); // expect: BoxingAllocation(the loop (line @-1)), BoxingAllocation(@+2 and @-3)", // 4
        "    }", // 5
        "  }", // 6
        "}")); // 7
    List<Marker> ms = at(fe.markers(), 4);
    assertEquals("the loop (line 3)", ms.get(0).fragment());
    assertEquals("6 and 1", ms.get(1).fragment());
  }

  @Test
  void fragmentsAreMatchedCaseInsensitively() {
    FileExpectations fe =
        CorpusExpectations.parse("f", "// corpus-rules: HeapEscape\nx; // expect: HeapEscape(Returned), HeapEscape(static field)");
    CorpusScore score = new CorpusScore(CorpusExpectations.FrontEnd.JAVAC);
    score.score(
        fe,
        List.of(
            new Finding("f", 2, "HeapEscape", "new A() escapes to heap: stored into static field B.c (line 3)"),
            new Finding("f", 2, "HeapEscape", "new B() escapes to heap: returned (line 4)")));
    assertTrue(score.clean(), score.missing() + " " + score.unexpected() + " " + score.wrongMessages());
  }

  @Test
  void frontEndGapsExcuseOnlyTheirFrontEnd() {
    String src =
        "void m() {\n"
            + "  f(a); // expect: VarargsAllocation // bytecode-gap: VarargsAllocation -- explicit array\n"
            + "  g(b); // ok: VarargsAllocation -- explicit array // javac-gap: VarargsAllocation -- only bytecode sees it\n"
            + "}\n";
    FileExpectations fe = CorpusExpectations.parse("f", src);
    assertEquals(Kind.BYTECODE_GAP, at(fe.markers(), 2).get(1).kind());
    assertEquals(Kind.JAVAC_GAP, at(fe.markers(), 3).get(1).kind());

    // Bytecode: misses line 2 (excused) and reports line 3 (not excused: only javac is).
    CorpusScore bytecode = new CorpusScore(CorpusExpectations.FrontEnd.BYTECODE);
    bytecode.score(fe, List.of(new Finding("f", 3, "VarargsAllocation", "varargs array")));
    assertTrue(bytecode.missing().isEmpty(), bytecode.missing().toString());
    assertEquals(1, bytecode.unexpected().size());
    assertEquals(2, bytecode.frontEndGaps());

    // javac: the same findings; line 2 is now required, line 3 excused.
    CorpusScore javac = new CorpusScore(CorpusExpectations.FrontEnd.JAVAC);
    javac.score(fe, List.of(new Finding("f", 3, "VarargsAllocation", "varargs array")));
    assertEquals(1, javac.missing().size());
    assertTrue(javac.unexpected().isEmpty(), javac.unexpected().toString());
    assertThrows(MarkerException.class, () -> CorpusExpectations.parse("f", "x; // bytecode-gap: BoxingAllocation"));
  }

  private static List<Marker> at(List<Marker> ms, int line) {
    return ms.stream().filter(m -> m.line() == line).toList();
  }
}
