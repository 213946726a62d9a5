package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.ir.SourceLoops;
import dev.noescape.rules.RuleContext;
import dev.noescape.source.SourceMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line a bytecode finding gives for its loop. A loop that tests a condition first has an
 * instruction on its own line; {@code for (;;)}, {@code while (true)} and {@code do} start with
 * their body, so without the source the message names the body's first line as such, and with it
 * ({@link SourceLoops}) the loop statement's line, as the javac plugin does.
 */
class BytecodeLoopLinesTest {
  private static final String SOURCE = String.join("\n",
      "import java.util.*;", // 1
      "class Lines {", // 2
      "  final java.util.function.Consumer<Object> seen = x -> { };", // 3: IntConsumer would do, so every box is a warning
      "  void forever(Iterator<String> it) {", // 4
      "    for (;;) {", // 5
      "      String s = it.next();", // 6
      "      seen.accept(s.length());", // 7
      "    }", // 8
      "  }", // 9
      "  void doWhile(Iterator<String> it) {", // 10
      "    do {", // 11
      "      seen.accept(it.next().length());", // 12
      "    } while (it.hasNext());", // 13
      "  }", // 14
      "  void counted(int n) {", // 15
      "    for (int i = 0; i < n; i++) {", // 16
      "      seen.accept(i);", // 17
      "    }", // 18
      "  }", // 19
      "  void skipFirst(Iterator<String> it) {", // 20
      "    while (true) {", // 21
      "      if (!it.hasNext()) return;", // 22
      "      seen.accept(it.next().length());", // 23
      "    }", // 24
      "  }", // 25
      "}", // 26
      "");

  private static final Pattern LOOP =
      Pattern.compile("of the loop (\\(line \\d+\\)|whose body starts at line \\d+)");

  private static List<String> messages(Path classes, SourceLoops loops) {
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(
        new BytecodeAnalysis.Options(List.of(classes), List.of(), Set.of(RuleId.BOXING_ALLOCATION), RuleContext.defaults())
            .withSourceLoops(loops),
        BytecodeAnalysis.Progress.NONE);
    List<String> out = new ArrayList<>();
    for (Finding f : r.findings()) {
      // only the loop's name: the rest of the message (when the box allocates, advice) is not under test
      Matcher loop = LOOP.matcher(f.message());
      out.add(f.pos().line() + ": " + (loop.find() ? loop.group() : f.message()));
    }
    return out;
  }

  @Test
  void withoutSourceTheBodysFirstLineIsNotCalledTheLoopsLine(@TempDir Path tmp) throws IOException {
    Path classes = Snippets.compile(tmp, "Lines", SOURCE, List.of());
    assertEquals(List.of(
        "7: of the loop whose body starts at line 6",
        "12: of the loop whose body starts at line 12",
        "17: of the loop (line 16)",
        // a test that leaves the loop comes first: bytecode cannot tell it from the loop's condition
        "23: of the loop (line 22)"),
        messages(classes, SourceLoops.NONE));
  }

  @Test
  void withSourceEveryLoopIsNamedByItsStatementsLine(@TempDir Path tmp) throws IOException {
    Path classes = Snippets.compile(tmp, "Lines", SOURCE, List.of());
    SourceMapper source = new SourceMapper(List.of(tmp.resolve("src")), tmp);
    assertEquals(List.of(
        "7: of the loop (line 5)",
        "12: of the loop (line 11)",
        "17: of the loop (line 16)",
        "23: of the loop (line 21)"),
        messages(classes, source));
  }

  @Test
  void sourceLoopsAnswerTheInnermostLoopStatement(@TempDir Path tmp) throws IOException {
    Snippets.compile(tmp, "Lines", SOURCE, List.of());
    SourceMapper source = new SourceMapper(List.of(tmp.resolve("src")), tmp);
    assertEquals(new SourceLoops.LoopStatement(5, true), source.loopAt("Lines.java", 6, false));
    assertEquals(new SourceLoops.LoopStatement(11, false), source.loopAt("Lines.java", 12, false), "do … while (cond)");
    assertEquals(new SourceLoops.LoopStatement(16, false), source.loopAt("Lines.java", 16, true));
    assertEquals(new SourceLoops.LoopStatement(21, true), source.loopAt("Lines.java", 22, true), "while (true)");
    assertNull(source.loopAt("Lines.java", 3, true), "no loop around line 3");
    assertNull(source.loopAt("Missing.java", 6, false), "no such file");
  }
}
