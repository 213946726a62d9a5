package dev.noescape.errorprone.frontend;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the front end over the annotated corpus ({@code testdata/src/main/java}) and checks what the
 * front end alone must provide for each {@code // expect:} marker of the allocation rules: a site of
 * the right kind on that line (a necessary condition for the rule; the rules decide the rest). Also
 * checks that no method of the corpus is skipped.
 */
class CorpusSmokeTest {
  private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([^/;]*)");

  @Test
  void everyExpectedAllocationHasASiteAndNothingIsSkipped() throws IOException {
    String dir = System.getProperty("noescape.testdata.dir");
    Path root = (dir != null ? Paths.get(dir) : Paths.get("..", "testdata")).resolve("src/main/java");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(files.size() > 5, "corpus at " + root);
    FrontEndTestChecker.all.clear();
    FrontEndTestChecker.nanos.set(0);
    CompilationTestHelper helper = CompilationTestHelper.newInstance(FrontEndTestChecker.class, getClass());
    for (Path f : files) {
      helper.addSourceLines(root.relativize(f).toString(), Files.readString(f, UTF_8).split("\n", -1));
    }
    for (int round = 1; ; round++) {
      // the first round runs cold (class loading, interpreter); the second shows the steady cost
      FrontEndTestChecker.all.clear();
      FrontEndTestChecker.nanos.set(0);
      FrontEndTestChecker.repeat = round == 1 ? 1 : 20;
      long t0 = System.nanoTime();
      helper.doTest();
      long total = System.nanoTime() - t0;
      System.out.printf("corpus round %d: %d files, javac+Error Prone %d ms, front end (last of %d runs per unit) %d ms%n", round, files.size(),
          total / 1_000_000, FrontEndTestChecker.repeat, FrontEndTestChecker.nanos.get() / 1_000_000);
      FrontEndTestChecker.repeat = 1;
      if (round == 2) break;
      helper = CompilationTestHelper.newInstance(FrontEndTestChecker.class, getClass());
      for (Path f : files) {
        helper.addSourceLines(root.relativize(f).toString(), Files.readString(f, UTF_8).split("\n", -1));
      }
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      FrontEndResult r = FrontEndTestChecker.all.entrySet().stream().filter(e -> e.getKey().endsWith(rel))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      if (r == null) {
        problems.add(rel + ": not lowered");
        continue;
      }
      r.skipped().forEach(s -> problems.add(rel + ": skipped " + s));
      List<String> lines = Files.readAllLines(f, UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = EXPECT.matcher(lines.get(i));
        while (m.find()) {
          for (String rule : m.group(1).split(",")) {
            String id = rule.trim().replaceAll("\\(.*", "");
            int line = i + 1;
            List<AllocSite> here = sitesOn(r, line);
            boolean ok = switch (id) {
              case "BoxingAllocation" -> here.stream().anyMatch(s -> s.kind() == SiteKind.BOXING);
              case "VarargsAllocation" -> here.stream().anyMatch(s -> s.kind() == SiteKind.VARARGS_ARRAY);
              case "CapturingLambda" -> here.stream().anyMatch(s -> s.kind().isFunctional());
              case "StringConcatInLoop" -> here.stream().anyMatch(s -> s.kind() == SiteKind.STRING_CONCAT
                  && s.details() instanceof AllocSite.Concat c && c.accumulator() != null
                  && c.accumulator().livesAcrossIterations() && s.loopDepth() > 0);
              case "UnpresizedCollection", "HashMapCapacity" -> here.stream().anyMatch(s -> s.kind() == SiteKind.NEW_OBJECT);
              default -> true;
            };
            checked++;
            if (!ok) problems.add(rel + ":" + line + ": no site for " + id + " in " + here + "\n    " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(checked > 50, "markers checked: " + checked);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  private static List<AllocSite> sitesOn(FrontEndResult r, int line) {
    List<AllocSite> out = new ArrayList<>();
    for (MethodIR m : r.program().methods()) {
      for (AllocSite s : m.sites()) if (s.pos().line() == line) out.add(s);
    }
    return out;
  }
}
