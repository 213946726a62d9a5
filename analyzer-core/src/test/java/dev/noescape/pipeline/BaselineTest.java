package dev.noescape.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import dev.noescape.report.ReportedFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  private static final MethodRef ADD = new MethodRef("com.acme.Book", "add", List.of("long"), "void", false);

  private static ReportedFinding finding(int line, String subject) {
    return ReportedFinding.of(new Finding(RuleId.BOXING_ALLOCATION, RuleId.BOXING_ALLOCATION.defaultSeverity(),
        "com/acme/Book.java", SourcePos.line(line), "boxing", List.of(), 1, null, ADD, 0, subject));
  }

  @Test
  void keysIgnoreLinesAndTwinsAreCounted(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/noescape-baseline.json");
    Baseline.of(List.of(finding(10, "boxing long to Long"), finding(12, "boxing long to Long"), finding(14, "new X()")))
        .write(file);
    Baseline read = Baseline.read(file);
    assertEquals(Map.of("BoxingAllocation:com.acme.Book#add(long):boxing long to Long", 2,
        "BoxingAllocation:com.acme.Book#add(long):new X()", 1), read.entries());
    assertEquals(3, read.size());

    // the code moved down by 100 lines, one boxing is gone, one new finding appeared
    Baseline.Applied applied = read.apply(List.of(finding(110, "boxing long to Long"), finding(114, "new X()"),
        finding(120, "new Y()")));
    assertEquals(2, applied.ignored());
    assertEquals(1, applied.remaining().size());
    assertEquals("new Y()", applied.remaining().get(0).finding().subject());
    assertEquals(List.of("BoxingAllocation:com.acme.Book#add(long):boxing long to Long"), applied.stale());
  }

  @Test
  void writingIsDeterministic(@TempDir Path dir) throws IOException {
    Baseline.of(List.of(finding(1, "b"), finding(2, "a"))).write(dir.resolve("1.json"));
    Baseline.of(List.of(finding(2, "a"), finding(1, "b"))).write(dir.resolve("2.json"));
    assertEquals(Files.readString(dir.resolve("1.json")), Files.readString(dir.resolve("2.json")));
  }

  @Test
  void notABaselineSaysWhy(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("b.json");
    Files.writeString(f, "{ nope");
    assertTrue(assertThrows(IOException.class, () -> Baseline.read(f)).getMessage().startsWith("not valid JSON"));
    Files.writeString(f, "{\"version\": 1}");
    assertEquals("no \"entries\" array", assertThrows(IOException.class, () -> Baseline.read(f)).getMessage());
  }
}
