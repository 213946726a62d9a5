package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.ExpectedEscape;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HeapEscape findings that would print the same line twice are merged; nothing else is. */
class SameLineSitesTest {
  private static final MethodRef CLINIT = new MethodRef("a.T", "<clinit>", List.of(), "void", true);
  private static final MethodRef CTOR = new MethodRef("a.T", "<init>", List.of(), "void", false);
  private static final MethodRef CTOR2 = new MethodRef("a.T", "<init>", List.of("int"), "void", false);
  private static final MethodRef M = new MethodRef("a.T", "m", List.of(), "void", true);
  private static final MethodRef N = new MethodRef("a.T", "n", List.of(), "void", true);

  /** Site {@code site} at {@code line}, at bytecode offset {@code 10 * site} as the bytecode front end records it. */
  private static Finding at(RuleId rule, MethodRef m, int line, int site, String message) {
    return new Finding(rule, Severity.INFO, "a/T.java", new SourcePos(line, 0, 0, 10 * site), message, List.of(), 0, null, m,
        Subjects.site(site, SiteKind.NEW_ARRAY, "java.lang.String[]", new AllocSite.NewArray("2", false, null)));
  }

  private static List<String> lines(List<Finding> fs) {
    return fs.stream().map(f -> f.pos().line() + " " + f.method().key() + " " + f.message()).toList();
  }

  @Test
  void aTablesRowsOnOneLineAreOneFinding() {
    String m = "new String[2] escapes to heap: stored into an element of new String[3][]";
    List<Finding> rows = List.of(at(RuleId.HEAP_ESCAPE, CLINIT, 5, 1, m), at(RuleId.HEAP_ESCAPE, CLINIT, 5, 2, m),
        at(RuleId.HEAP_ESCAPE, CLINIT, 5, 3, m), at(RuleId.HEAP_ESCAPE, CLINIT, 6, 4, m));
    List<Finding> tier = rows.stream().map(f -> f.expected(ExpectedEscape.STATIC_INITIALIZER)).toList();
    List<Finding> merged = SameLineSites.merge(tier);
    assertEquals(List.of("5 a.T#<clinit>() " + m + " (3 allocations on this line)", "6 a.T#<clinit>() " + m),
        lines(merged));
    assertEquals(ExpectedEscape.STATIC_INITIALIZER, merged.get(0).expected(), "the merged finding keeps its tier");
  }

  @Test
  void aFieldInitializerCopiedIntoEveryConstructorIsReportedOnce() {
    String m = "new HashMap<>() escapes to heap: stored into field this.cache";
    List<Finding> copies = List.of(at(RuleId.HEAP_ESCAPE, CTOR2, 3, 0, m), at(RuleId.HEAP_ESCAPE, CTOR, 3, 2, m));
    assertEquals(List.of("3 a.T#<init>() " + m), lines(SameLineSites.merge(copies)));
  }

  @Test
  void otherRulesAndOtherMethodsKeepOneFindingPerSite() {
    String m = "boxing int to Integer allocates on every iteration of the loop";
    List<Finding> boxes = List.of(at(RuleId.BOXING_ALLOCATION, M, 4, 1, m), at(RuleId.BOXING_ALLOCATION, M, 4, 2, m));
    assertEquals(boxes, SameLineSites.merge(boxes));
    String e = "new Object() escapes to heap: stored into static field T.X";
    List<Finding> twoMethods = List.of(at(RuleId.HEAP_ESCAPE, M, 4, 1, e), at(RuleId.HEAP_ESCAPE, N, 4, 1, e));
    assertEquals(twoMethods, SameLineSites.merge(twoMethods));
  }
}
