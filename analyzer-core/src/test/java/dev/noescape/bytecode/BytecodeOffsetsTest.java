package dev.noescape.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.catalog.RuleId;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.rules.RuleContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites and calls carry the bytecode offset of their instruction (as a recording's stack frames name
 * it), checked against {@code javap -c}, which reads the class file independently of ASM and SootUp:
 * several allocations of one kind on one line each get their own.
 */
class BytecodeOffsetsTest {
  @TempDir Path dir;

  static final String SOURCE = """
      import java.util.ArrayList;
      import java.util.List;
      class Two {
        static Object[] pair(int n) {
          return new Object[] {new StringBuilder(), new StringBuilder(n), new ArrayList<String>(n)};
        }
        static long sum(int a, int b, List<Long> out) {
          Integer x = a; Integer y = b; out.add((long) x); out.add((long) y);
          String s = "a" + a; String t = "b" + b;
          Runnable r = () -> out.clear(); Runnable q = () -> out.add(1L);
          return s.length() + t.length() + x + y + r.hashCode() + q.hashCode();
        }
      }
      """;

  /** {@code 12: new #7 // class java/lang/StringBuilder}: offset, opcode and what javap says it refers to. */
  static final Pattern INSN = Pattern.compile("^\\s*(\\d+): (\\w+)\\s+.*?(?://\\s*(.*))?$");

  @Test
  void eachSiteAndCallNamesItsOwnInstruction() throws java.io.IOException {
    Path classes = Snippets.compile(dir, "Two", SOURCE, List.of());
    BytecodeAnalysis.Result r = BytecodeAnalysis.run(new BytecodeAnalysis.Options(List.of(classes), List.of(),
        Set.of(RuleId.HEAP_ESCAPE), RuleContext.defaults()).withKeepResults(true), BytecodeAnalysis.Progress.NONE);
    Map<String, Map<Integer, String>> javap = javap(classes.resolve("Two.class"));
    int sites = 0;
    int calls = 0;
    for (MethodResult mr : r.inputResults()) {
      Map<Integer, String> code = javap.get(mr.method().ref().name());
      if (code == null) continue;
      Map<Integer, Integer> lastOnLine = new HashMap<>();
      for (AllocSite s : mr.method().sites()) {
        assertTrue(s.pos().hasBci(), "no bci: " + s);
        String insn = code.get(s.pos().bci());
        assertTrue(insn != null && fits(s, insn), s + " at " + s.pos().bci() + " is " + insn);
        // sites are numbered in program order: on one line, each is further into the code than the last
        Integer before = lastOnLine.put(s.pos().line(), s.pos().bci());
        assertTrue(before == null || before < s.pos().bci(), s + " at " + s.pos().bci() + " after one at " + before);
        sites++;
      }
      for (Stmt st : mr.method().stmts()) {
        if (!(st instanceof Stmt.Call c)) continue;
        String insn = code.get(c.ctx().pos().bci());
        assertTrue(insn != null && insn.startsWith("invoke") && insn.contains("." + name(c) + ":"),
            c.callee() + " at " + c.ctx().pos().bci() + " is " + insn);
        calls++;
      }
    }
    // pair: the array and three new; sum: four boxings, two concatenations, two lambdas; a lambda body's boxing
    assertEquals(13, sites);
    assertTrue(calls >= 6, "calls: " + calls);
  }

  private static String name(Stmt.Call c) {
    String n = c.callee().name();
    return n.equals("<init>") ? "\"<init>\"" : n;
  }

  /** Whether javap's instruction is the kind that allocates what {@code s} describes. */
  private static boolean fits(AllocSite s, String insn) {
    String simple = s.type().substring(s.type().lastIndexOf('.') + 1).replace("[]", "");
    return switch (s.kind()) {
      case NEW_OBJECT, ANONYMOUS_CLASS -> insn.startsWith("new ") && insn.endsWith("/" + simple);
      case NEW_ARRAY, VARARGS_ARRAY -> insn.startsWith("anewarray ") || insn.startsWith("newarray ") || insn.startsWith("multianewarray ");
      case BOXING -> insn.startsWith("invokestatic ") && insn.contains(simple + ".valueOf");
      case STRING_CONCAT -> insn.startsWith("invokedynamic ") && insn.contains("makeConcatWithConstants");
      case LAMBDA, METHOD_REF -> insn.startsWith("invokedynamic ") && !insn.contains("makeConcatWithConstants");
    };
  }

  /** Per method name, offset → {@code opcode comment} from {@code javap -c -p}. */
  private static Map<String, Map<Integer, String>> javap(Path classFile) {
    ToolProvider tool = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    assertEquals(0, tool.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-c", "-p", classFile.toString()));
    Map<String, Map<Integer, String>> methods = new HashMap<>();
    Map<Integer, String> current = null;
    Pattern header = Pattern.compile("^  \\S.*?([\\w$]+)\\(.*\\);$");
    for (String line : out.toString().lines().toList()) {
      Matcher h = header.matcher(line);
      if (h.matches()) {
        current = methods.computeIfAbsent(h.group(1), k -> new HashMap<>());
        continue;
      }
      Matcher m = INSN.matcher(line);
      if (current != null && m.matches()) current.put(Integer.parseInt(m.group(1)), m.group(2) + " " + (m.group(3) == null ? "" : m.group(3).trim()));
    }
    return methods;
  }
}
