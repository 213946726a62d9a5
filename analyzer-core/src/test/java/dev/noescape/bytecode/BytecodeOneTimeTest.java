package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Finding;
import dev.noescape.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-time methods in class files javac wrote for Java 8 (docs/design.md, "One-time methods"): a
 * nested class reaches its outer class's private helper through an accessor ({@code access$000},
 * package-private), which the command line sees whole, and messages name neither the accessor nor
 * the helper itself as the caller.
 */
class BytecodeOneTimeTest {
  @TempDir Path tmp;

  static final String SOURCE = """
      public class Tables {
        static final java.util.List<Integer> T = new java.util.ArrayList<>();
        static { Holder.init(); }
        private static void fill(int n) {
          for (int i = 0; i < n; i++) {
            T.add(i * 1000);
          }
        }
        private static final class Holder {
          static void init() { fill(50); }
        }
      }
      """;

  private List<Finding> run(Path classes, int verbosity) {
    return BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.BOXING_ALLOCATION),
        new RuleContext(8, false, false, verbosity, Set.of())), null).findings();
  }

  @Test
  void aHelperReachedThroughAnAccessorFromTheStaticInitializerRunsOnce() throws IOException {
    Path classes = Snippets.compile(tmp, "Tables", SOURCE, List.of("--release", "8"));
    assertEquals(List.of(), run(classes, 1), "no warning: fill runs once");
    List<Finding> info = run(classes, 2);
    assertEquals(1, info.size(), info.toString());
    assertEquals(Severity.INFO, info.get(0).severity());
    assertTrue(info.get(0).message().endsWith("(not a warning: runs once: Tables.fill is called only from code that runs"
        + " once (Tables.Holder.init, from the static initializer of Tables))"), info.get(0).message());
  }
}
