package dev.noescape.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.tree.JCTree;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JavacAnalysis} outside Error Prone, as a language server would call it: javac parses and
 * attributes the files in process (no {@code -Xplugin:ErrorProne}), then each unit is analyzed from
 * javac's context. Its findings, at the trees it returns, are exactly the warnings the Error Prone
 * plugin prints for the same files, and its fixes are there.
 */
class JavacAnalysisTest {
  private static final String BOOK = String.join("\n",
      "package p;",
      "import java.util.ArrayList;",
      "import java.util.HashMap;",
      "import java.util.List;",
      "import java.util.Map;",
      "class Book {",
      "  @interface NoAllocation {}",
      "  static Object kept;",
      "  List<Integer> ids(int[] xs, int id) {",
      "    List<Integer> out = new ArrayList<>();",
      "    for (int x : xs) out.add(id);",
      "    return out;",
      "  }",
      "  String join(List<String> parts) {",
      "    String s = \"\";",
      "    for (String p : parts) s += p;",
      "    return s;",
      "  }",
      "  Map<String, String> index(List<String> keys) {",
      "    Map<String, String> m = new HashMap<>(keys.size());",
      "    for (String k : keys) m.put(k, k);",
      "    return m;",
      "  }",
      "  void keep(StringBuilder sb) {",
      "    kept = sb;",
      "  }",
      "  @NoAllocation int total(Helper h) {",
      "    return h.size();",
      "  }",
      "  int scratch() {",
      "    int[] t = new int[2];",
      "    return t.length;",
      "  }",
      "}");
  /** A callee in another file of the run: the contract follows it there. */
  private static final String HELPER = String.join("\n",
      "package p;",
      "class Helper {",
      "  final int size() {",
      "    return new int[3].length;",
      "  }",
      "}");

  private static final String ALL_RULES = "-XepDisableAllChecks -Xep:HeapEscape:WARN -Xep:LeakingParameter:WARN"
      + " -Xep:BoxingAllocation:WARN -Xep:VarargsAllocation:WARN -Xep:CapturingLambda:WARN"
      + " -Xep:UnpresizedCollection:WARN -Xep:HashMapCapacity:WARN -Xep:StringConcatInLoop:WARN"
      + " -Xep:AllocationContract:WARN -XepOpt:NoEscape:ExpectedEscapes=true";

  private static final Pattern EP_MESSAGE = Pattern.compile("\\[(\\w+)\\] ([^\\n]*)");

  @Test
  void findsWithoutErrorProneWhatThePluginReports(@TempDir Path tmp) throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src.resolve("p"));
    Files.writeString(src.resolve("p/Book.java"), BOOK);
    Files.writeString(src.resolve("p/Helper.java"), HELPER);

    // The plugin, as a build runs it.
    JavacRunner.Outcome plugin = JavacRunner.compile(src, tmp.resolve("classes"), ALL_RULES, "--release", "21");
    assertTrue(plugin.success(), plugin.toString());
    List<String> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : plugin.diagnostics()) {
      Matcher m = EP_MESSAGE.matcher(d.getMessage(Locale.ROOT));
      if (d.getKind() != Diagnostic.Kind.WARNING || !m.lookingAt()) continue;
      reported.add(Path.of(d.getSource().getName()).getFileName() + ":" + d.getLineNumber() + " [" + m.group(1) + "] "
          + m.group(2));
    }

    // The same files, attributed by javac alone, analyzed unit by unit.
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> analyzed = new ArrayList<>();
    int fixes = 0;
    List<String> verdicts = List.of();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(new StringWriter(), fm, diagnostics, List.of("--release", "21", "-proc:none"),
          null, fm.getJavaFileObjects(src.resolve("p/Book.java"), src.resolve("p/Helper.java")));
      List<CompilationUnitTree> units = new ArrayList<>();
      task.parse().forEach(units::add);
      task.analyze();
      for (CompilationUnitTree unit : units) {
        JavacAnalysis.Result r = JavacAnalysis.analyze(unit, ((BasicJavacTask) task).getContext(),
            new NoEscapeOptions(1, false, Set.of(), List.of(), false, true), CompilationUnitAnalysis.RULES);
        assertEquals(List.of(), r.problems(), unit.getSourceFile().getName());
        if (unit.getSourceFile().getName().endsWith("Book.java")) verdicts = verdicts(unit, r);
        for (JavacAnalysis.Report report : r.reports()) {
          long line = unit.getLineMap().getLineNumber(((JCTree) report.path().getLeaf()).getStartPosition());
          assertTrue(report.path().getCompilationUnit() == unit);
          analyzed.add(Path.of(unit.getSourceFile().getName()).getFileName() + ":" + line + " ["
              + report.finding().rule().id() + "] " + report.finding().message().lines().findFirst().orElse(""));
          if (report.fix() != null) fixes++;
        }
      }
    }

    // What the plugin reports (so the comparison below is not of two empty lists); h leaks in total
    // because the other rules analyze each unit alone: Helper.size is unknown to them.
    assertEquals(List.of("Book.java:10 [HeapEscape]", "Book.java:10 [UnpresizedCollection]",
        "Book.java:11 [BoxingAllocation]", "Book.java:11 [HeapEscape]", "Book.java:16 [HeapEscape]",
        "Book.java:16 [StringConcatInLoop]", "Book.java:19 [LeakingParameter]", "Book.java:20 [HashMapCapacity]",
        "Book.java:20 [HeapEscape]", "Book.java:24 [LeakingParameter]", "Book.java:27 [LeakingParameter]",
        "Book.java:28 [AllocationContract]"), where(reported));
    // The contract followed the call into Helper.java, the other unit of the run, in both.
    assertTrue(reported.stream().anyMatch(l -> l.contains("[AllocationContract]") && l.contains("Helper.size")), reported.toString());
    assertEquals(sorted(reported), sorted(analyzed));
    assertEquals(3, fixes, "the fixes of UnpresizedCollection, StringConcatInLoop and HashMapCapacity");
    // A verdict for every allocating expression, reported or not (the array in Helper is another unit's).
    assertEquals(List.of(
        "10 new ArrayList<>() GLOBAL_ESCAPE returned", "11 boxing int to Integer GLOBAL_ESCAPE stored into",
        "16 s += p GLOBAL_ESCAPE returned", "20 new HashMap<>(keys.size()) GLOBAL_ESCAPE returned",
        "31 new int[2] NO_ESCAPE"), verdicts);
  }

  /** {@code line description STATE first-reason-kind-words} of each verdict. */
  private static List<String> verdicts(CompilationUnitTree unit, JavacAnalysis.Result r) {
    List<String> out = new ArrayList<>();
    for (JavacAnalysis.Verdict v : r.verdicts()) {
      long line = unit.getLineMap().getLineNumber(((JCTree) v.path().getLeaf()).getStartPosition());
      String first = v.chain().isEmpty() ? "" : " " + v.chain().get(0).text().split(" ")[0]
          + (v.chain().get(0).text().startsWith("stored into") ? " into" : "");
      out.add(line + " " + v.description() + " " + v.state() + first);
    }
    return out;
  }

  private static List<String> sorted(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.sort(null);
    return out;
  }

  /** {@code file:line [Rule]} of each finding, sorted. */
  private static List<String> where(List<String> lines) {
    return sorted(lines.stream().map(l -> l.substring(0, l.indexOf(']') + 1)).toList());
  }
}
