package dev.noescape.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.finding.Subjects;
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

  private static ReportedFinding finding(int line, Subject subject) {
    return finding(line, subject, "boxing");
  }

  private static ReportedFinding finding(int line, Subject subject, String message) {
    return ReportedFinding.of(new Finding(RuleId.BOXING_ALLOCATION, RuleId.BOXING_ALLOCATION.defaultSeverity(),
        "com/acme/Book.java", SourcePos.line(line), message, List.of(), 1, null, ADD, subject));
  }

  private static Subject box(int id) {
    return Subjects.boxing(id, "long", "java.lang.Long");
  }

  private static Subject newOf(int id, String simple) {
    return Subjects.newObject(id, "com.acme." + simple, simple);
  }

  @Test
  void keysIgnoreLinesAndMessagesAndTwinsAreNumbered(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/noescape-baseline.json");
    Baseline.of(List.of(finding(10, box(0)), finding(12, box(1)), finding(14, newOf(2, "X")))).write(file);
    Baseline read = Baseline.read(file);
    assertEquals(2, read.version());
    assertEquals(Map.of(
        "BoxingAllocation:com.acme.Book#add(long):BOXING:boxing long to Long:1", 1,
        "BoxingAllocation:com.acme.Book#add(long):BOXING:boxing long to Long:2", 1,
        "BoxingAllocation:com.acme.Book#add(long):NEW_OBJECT:new X():1", 1), read.entries());
    assertEquals(3, read.size());
    assertTrue(Files.readString(file).contains("\"version\" : 2"));

    // the code moved down by 100 lines, a message was reworded, one boxing is gone, one new finding appeared
    Baseline.Applied applied = read.apply(List.of(finding(110, box(0), "reworded"), finding(114, newOf(1, "X")),
        finding(120, newOf(2, "Y"))));
    assertEquals(2, applied.ignored());
    assertEquals(1, applied.remaining().size());
    assertEquals("new Y()", applied.remaining().get(0).finding().identity());
    assertEquals(List.of("BoxingAllocation:com.acme.Book#add(long):BOXING:boxing long to Long:2"), applied.stale());
  }

  @Test
  void aVersion1FileIsMatchedByTheVersion1KeysOfTheSameStructure(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("noescape-baseline.json");
    Files.writeString(file, """
        {
          "version" : 1,
          "comment" : "written by a release before structured findings",
          "entries" : [ {
            "key" : "BoxingAllocation:com.acme.Book#add(long):boxing long to Long",
            "count" : 2
          }, {
            "key" : "BoxingAllocation:com.acme.Book#add(long):new X()",
            "count" : 1
          } ]
        }
        """);
    Baseline v1 = Baseline.read(file);
    assertEquals(1, v1.version());
    Baseline.Applied applied = v1.apply(List.of(finding(1, box(0)), finding(2, box(1)), finding(3, box(2)),
        finding(4, newOf(3, "Y"))));
    assertEquals(2, applied.ignored());
    assertEquals(List.of("boxing long to Long", "new Y()"),
        applied.remaining().stream().map(f -> f.finding().identity()).toList());
    assertEquals(List.of("BoxingAllocation:com.acme.Book#add(long):new X()"), applied.stale());
  }

  @Test
  void writingIsDeterministic(@TempDir Path dir) throws IOException {
    Baseline.of(List.of(finding(1, newOf(0, "B")), finding(2, newOf(1, "A")))).write(dir.resolve("1.json"));
    Baseline.of(List.of(finding(2, newOf(1, "A")), finding(1, newOf(0, "B")))).write(dir.resolve("2.json"));
    assertEquals(Files.readString(dir.resolve("1.json")), Files.readString(dir.resolve("2.json")));
  }

  @Test
  void notABaselineSaysWhy(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("b.json");
    Files.writeString(f, "{ nope");
    assertTrue(assertThrows(IOException.class, () -> Baseline.read(f)).getMessage().startsWith("not valid JSON"));
    Files.writeString(f, "{\"version\": 1}");
    assertEquals("no \"entries\" array", assertThrows(IOException.class, () -> Baseline.read(f)).getMessage());
    Files.writeString(f, "{\"version\": 3, \"entries\": []}");
    assertEquals("baseline format version 3 is not one this release reads (1 or 2)",
        assertThrows(IOException.class, () -> Baseline.read(f)).getMessage());
  }
}
