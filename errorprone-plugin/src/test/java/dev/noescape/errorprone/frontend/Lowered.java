package dev.noescape.errorprone.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.errorprone.CompilationTestHelper;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.List;
import java.util.stream.Collectors;

/** Compiles a source with the front end and answers questions about the IR. */
final class Lowered {
  final FrontEndResult result;

  private Lowered(FrontEndResult result) {
    this.result = result;
  }

  static Lowered compile(String fileName, String... lines) {
    FrontEndTestChecker.last = null;
    CompilationTestHelper.newInstance(FrontEndTestChecker.class, Lowered.class)
        .addSourceLines(fileName, lines)
        .doTest();
    assertNotNull(FrontEndTestChecker.last, "front end did not run");
    return new Lowered(FrontEndTestChecker.last);
  }

  List<MethodIR> methods() {
    return result.program().methods();
  }

  /** The method whose key contains {@code #name(}; fails unless exactly one. */
  MethodIR method(String name) {
    List<MethodIR> found = methods().stream().filter(m -> m.ref().name().equals(name)).toList();
    if (found.size() != 1) {
      fail("expected one method named " + name + ", found " + found.stream().map(m -> m.ref().key()).toList()
          + "\n" + dump());
    }
    return found.get(0);
  }

  MethodIR methodByKey(String key) {
    return methods().stream().filter(m -> m.ref().key().equals(key)).findFirst()
        .orElseGet(() -> fail("no method " + key + " in\n" + dump()));
  }

  static List<AllocSite> sites(MethodIR m, SiteKind kind) {
    return m.sites().stream().filter(s -> s.kind() == kind).toList();
  }

  static AllocSite site(MethodIR m, SiteKind kind) {
    List<AllocSite> s = sites(m, kind);
    assertEquals(1, s.size(), () -> "sites of kind " + kind + " in " + m.ref().key() + ": " + s + "\n" + dump(m));
    return s.get(0);
  }

  static List<Stmt.Call> calls(MethodIR m, String calleeName) {
    return m.stmts().stream().filter(s -> s instanceof Stmt.Call c && c.callee().name().equals(calleeName))
        .map(s -> (Stmt.Call) s).toList();
  }

  static Loop loop(MethodIR m) {
    assertEquals(1, m.loops().size(), () -> "loops of " + m.ref().key() + "\n" + dump(m));
    return m.loops().get(0);
  }

  String dump() {
    return methods().stream().map(Lowered::dump).collect(Collectors.joining("\n"));
  }

  static String dump(MethodIR m) {
    StringBuilder sb = new StringBuilder();
    sb.append(m.ref().key()).append(" hot=").append(m.hot()).append(" base=").append(m.baseLoopDepth())
        .append(" params=").append(m.params()).append('\n');
    for (Loop l : m.loops()) sb.append("  loop ").append(l).append('\n');
    for (Stmt s : m.stmts()) sb.append("  ").append(s).append('\n');
    return sb.toString();
  }
}
