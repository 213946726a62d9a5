package dev.noescape.jitbench.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.jitbench.compilelog.Frame;
import dev.noescape.jitbench.compilelog.LogMethod;
import dev.noescape.jitbench.probe.Expect;
import dev.noescape.jitbench.workload.SiteStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining a workload's sites inside inlined callees with noescape's report: the model's
 * prediction for the allocation when it has one, "not predicted" under a call it names as
 * depending on the type profile (outside the matrix), else the line's findings.
 */
class WorkloadJoinTest {
  @TempDir Path dir;

  private static SiteStats inside(int callBci, String allocator, int allocationBci, String verdictOfCompiles) {
    int eliminated = verdictOfCompiles.equals("scalar-replaced") ? 2 : 0;
    return new SiteStats("a.Join", "appendTo", "(Ljava/lang/Appendable;)V", callBci, 7, "via x: newarray byte[]", 2,
        eliminated, eliminated, new Frame(new LogMethod("java.util.Arrays", allocator, "([BI)[B"), allocationBci));
  }

  @Test
  void aSiteUnderACallTheTypeProfileDecidesIsNotPredictedAndStaysOutOfTheMatrix() throws IOException {
    Path f = dir.resolve("r.json");
    Files.writeString(f, """
        {"tool": "noescape", "findings": [],
         "calleeAllocations": [{"method": "a.Join#appendTo(java.lang.Appendable)", "line": 7, "bci": 12,
           "callee": "StringBuilder.append", "allocator": "java.util.Arrays#copyOf(byte[],int)", "allocatorBci": 1,
           "allocation": "newarray byte[]", "runtime": {"prediction": "heap", "condition": "array-length-not-constant"}}],
         "unpredictedCalls": [{"method": "a.Join#appendTo(java.lang.Appendable)", "line": 8, "bci": 20,
           "callee": "Appendable.append", "stoppedAt": "java.lang.Appendable#append(java.lang.CharSequence)",
           "prediction": "unknown", "reason": "depends on the receiver's type profile"}]}
        """);
    NoescapeReport report = NoescapeReport.read(f);
    List<WorkloadAgreementMain.Row> rows = WorkloadAgreementMain.join(25,
        List.of(inside(12, "copyOf", 1, "heap"), inside(20, "copyOf", 1, "heap"), inside(20, "copyOf", 9, "scalar-replaced")),
        report);
    assertEquals(Expect.HEAP, rows.get(0).prediction().prediction());
    assertEquals("calleeAllocations", rows.get(0).prediction().source());
    for (WorkloadAgreementMain.Row r : rows.subList(1, 3)) {
      assertNull(r.prediction().prediction());
      assertEquals("unknown", r.prediction().label());
      assertEquals("type-profile: java.lang.Appendable#append(java.lang.CharSequence)", r.prediction().condition());
    }
    String text = WorkloadAgreementMain.unknowns(rows);
    assertTrue(text.contains(": 2 sites, 1 measured heap, 1 scalar-replaced; predicted: 1 of 3 sites."), text);
    // the headline counts them as disagreements: the one predicted site agrees (heap, measured heap)
    assertTrue(text.contains("not predicted counted as disagreements: 1/3 (33 %)"), text);
    // the matrix counts the predicted site only
    Confusion c = new Confusion();
    for (WorkloadAgreementMain.Row r : rows) c.add(r.prediction().prediction(), Expect.HEAP);
    assertEquals(1, c.total());
  }
}
