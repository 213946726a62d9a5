package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.RuleExamples;
import dev.noescape.catalog.RuleExamples.Example;
import dev.noescape.catalog.RuleExamples.Reported;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule's documented example does what its page says ({@link RuleExamples}), through javac
 * and the plugin as a user's build runs them, every rule enabled.
 */
class RuleExamplesTest {
  @TempDir Path dir;

  @Test
  void beforeIsReportedAndAfterIsClean() throws Exception {
    List<Example> examples = RuleExamples.write(dir.resolve("src"));
    StringBuilder enable = new StringBuilder("-XepDisableAllChecks");
    for (RuleId r : RuleId.values()) enable.append(" -Xep:").append(r.id()).append(":WARN");
    JavacRunner.Outcome out =
        JavacRunner.compile(dir.resolve("src"), dir.resolve("classes"), enable.toString(), "-Xmaxwarns", "10000");
    assertTrue(out.success(), out.toString());
    List<Reported> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : out.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() != Diagnostic.Kind.WARNING || d.getSource() == null || !message.startsWith("[")) continue;
      RuleId rule = RuleId.byId(message.substring(1, message.indexOf(']')));
      String file = Path.of(d.getSource().toUri()).getFileName().toString();
      if (rule != null) reported.add(new Reported(file.replace(".java", ""), (int) d.getLineNumber(), rule));
    }
    assertEquals(List.of(), RuleExamples.problems(examples, reported), out.toString());
  }
}
