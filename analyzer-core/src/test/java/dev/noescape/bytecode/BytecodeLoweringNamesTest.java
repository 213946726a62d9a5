package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bytecode front end makes of code javac wrote rather than the user: Java 8 class files'
 * accessors ({@code access$000}) and access constructors (a marker argument {@code null}) are named
 * as the source wrote them, a string constant's control characters stay escaped in messages, and
 * a conditional whose arms share one stack local does not merge the constructor's receiver with
 * the other arm.
 */
class BytecodeLoweringNamesTest {
  @TempDir Path tmp;

  private static final RuleContext ALL = RuleContext.defaults().withExpectedEscapes(true);

  private List<Finding> run(Path classes) {
    return BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(),
        Set.of(RuleId.HEAP_ESCAPE, RuleId.LEAKING_PARAMETER), ALL), null).findings();
  }

  private static List<String> messages(List<Finding> fs) {
    return fs.stream().map(f -> f.pos().line() + " " + f.message()).toList();
  }

  @Test
  void java8AccessorsAndAccessConstructorsAreNamedAsWritten() throws IOException {
    String src = """
        public class Outer {
          static Object kept;
          private static void keep(Object o) { kept = o; }
          private static final class Inner {
            private Inner() {}
            void use(Object o) { keep(o); }
          }
          static Object make() {
            return new Inner();
          }
          static void pass() {
            new Inner().use(new StringBuilder());
          }
        }
        """;
    Path classes = Snippets.compile(tmp, "Outer", src, List.of("--release", "8"));
    List<String> found = messages(run(classes));
    assertTrue(found.stream().noneMatch(m -> m.contains("access$") || m.contains("(null)")), found.toString());
    assertTrue(found.contains("9 new Outer.Inner() escapes to heap: returned (line 9) — the caller keeps it"),
        found.toString());
    assertTrue(found.contains("12 new StringBuilder() escapes to heap: passed to Outer.Inner.use: … stored in static field"
        + " Outer.kept (line 12) — the callee lets it escape"), found.toString());
    // the call to the accessor, named as its target (a one-line method's parameter gets the line before it)
    assertTrue(found.contains("5 leaking param: o (passed to Outer.keep: … stored in static field Outer.kept, line 6)"),
        found.toString());
  }

  @Test
  void stringConstantsAreEscapedInMessages() throws IOException {
    String src = """
        public class Seps {
          static final StringBuilder SPLIT = new StringBuilder(" \\t\\n\\r\\f\\"");
        }
        """;
    List<Finding> fs = run(Snippets.compile(tmp, "Seps", src, List.of()));
    assertEquals(List.of("2 new StringBuilder(\" \\t\\n\\r\\f\\\"\") escapes to heap: stored into static field"
        + " Seps.SPLIT (line 2) — a static field keeps it alive"), messages(fs));
  }

  @Test
  void aConditionalsArmsDoNotShareTheConstructorsReceiver() throws IOException {
    String src = """
        import java.util.HashMap;
        import java.util.Map;
        public class Pick {
          static final Map<String, int[]> EMPTY = new HashMap<>();
          static int size(boolean fresh, Map<String, int[]> from) {
            Map<String, int[]> m = fresh ? new HashMap<>(from) : EMPTY;
            return m.size();
          }
          static int weigh(boolean some) {
            Box b = some ? new Box(new int[4]) : Box.NONE;
            return b.n();
          }
          static final class Box {
            static final Box NONE = new Box(null);
            final int[] slots;
            Box(int[] slots) { this.slots = slots; }
            int n() { return slots == null ? 0 : slots.length; }
          }
        }
        """;
    List<String> found = messages(run(Snippets.compile(tmp, "Pick", src, List.of())));
    assertTrue(found.stream().noneMatch(m -> m.startsWith("10 ")), found.toString());
    // the copy constructor is described with its own argument, and `from` is only read by it
    assertTrue(found.stream().noneMatch(m -> m.startsWith("5 leaking param: from")), found.toString());
  }
}
