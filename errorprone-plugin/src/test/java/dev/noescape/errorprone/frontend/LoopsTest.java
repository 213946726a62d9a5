package dev.noescape.errorprone.frontend;

import static dev.noescape.errorprone.frontend.Lowered.loop;
import static dev.noescape.errorprone.frontend.Lowered.site;
import static dev.noescape.errorprone.frontend.Lowered.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loop structure, trip counts, once-per-iteration facts and lambda loop depth. */
class LoopsTest {

  private static Lowered compileLoops(String... methods) {
    String[] lines = new String[methods.length + 7];
    lines[0] = "package p;";
    lines[1] = "import java.util.*;";
    lines[2] = "import java.util.regex.*;";
    lines[3] = "class L {";
    lines[4] = "  static class Order { List<String> lines = new ArrayList<>(); String[] tags; }";
    lines[5] = "  List<String> items = new ArrayList<>(); final int cap = 10; int mutable;";
    System.arraycopy(methods, 0, lines, 6, methods.length);
    lines[lines.length - 1] = "}";
    return Lowered.compile("p/L.java", lines);
  }

  private static String trip(Lowered l, String method) {
    Loop loop = loop(l.method(method));
    return loop.tripCount() == null ? "none: " + loop.noTripCountReason() : loop.tripCount().text();
  }

  @Test
  void enhancedForTripCounts() {
    Lowered l = compileLoops(
        """
          void a(List<String> users) { for (String u : users) {} }
          void b() { for (String u : this.items) {} }
          void c(Order order) { for (String u : order.lines) {} }
          void d(String[] arr) { for (String u : arr) {} }
          void e(Order order) { for (String t : order.tags) {} }
          List<String> getItems() { return items; }
          void f() { for (String u : getItems()) {} }
          void g(Iterable<String> it) { for (String u : it) {} }
          void h(Set<Integer> s) { for (int x : s) {} }
          void i(Map<String, Integer> m) { for (Map.Entry<String, Integer> e : m.entrySet()) {} }
          void j(Order o, Map<String, Integer> m) { for (String k : m.keySet()) {} }
        """);
    assertEquals("users.size()", trip(l, "a"));
    assertEquals(LoopKind.FOREACH_ITERABLE, loop(l.method("a")).kind());
    assertEquals("this.items.size()", trip(l, "b"));
    assertEquals("order.lines.size()", trip(l, "c"));
    assertEquals("arr.length", trip(l, "d"));
    assertEquals(LoopKind.FOREACH_ARRAY, loop(l.method("d")).kind());
    assertEquals("order.tags.length", trip(l, "e"));
    assertEquals("none: iterable expression is a call", trip(l, "f"));
    assertEquals("none: iterates an Iterable that is not a Collection", trip(l, "g"));
    assertEquals("s.size()", trip(l, "h"));
    assertEquals("m.size()", trip(l, "i"), "a map's views have as many elements as the map");
    assertEquals("m.size()", trip(l, "j"));
    // iterator() before the loop, hasNext()/next() inside
    MethodIR a = l.method("a");
    Loop loop = loop(a);
    Stmt.Call iterator = Lowered.calls(a, "iterator").get(0);
    assertFalse(loop.contains(iterator.ctx().ordinal()));
    assertTrue(loop.contains(Lowered.calls(a, "next").get(0).ctx().ordinal()));
    assertEquals("java.util.List#iterator()", iterator.callee().key());
  }

  @Test
  void countedForTripCounts() {
    Lowered l = compileLoops(
        """
          void a(int n) { for (int i = 0; i < n; i++) {} }
          void b(int n) { for (int i = 1; i < n; ++i) {} }
          void c(int n) { for (int i = 0; i <= n; i++) {} }
          void d(int n) { for (int i = n; i > 0; i--) {} }
          void e(int n) { for (int i = n - 1; i >= 0; i--) {} }
          void f(int n) { for (int i = 0; i < n; i += 2) {} }
          void g(int[] xs) { for (int i = 0; i < xs.length; i++) {} }
          void h(List<String> xs) { for (int i = 0; i < xs.size(); i++) { xs.get(i); } }
          void i(String s) { for (int i = 0; i < s.length(); i++) {} }
          void j() { for (int i = 0; i < cap; i++) {} }
          void k() { for (int i = 0; i < 10; i++) {} }
          void l(int a, int b) { for (int i = a; i < b; i++) {} }
          void m(int a, int b) { for (int i = 0; n(i) < b; i++) {} }
          int n(int i) { return i; }
        """);
    assertEquals("n", trip(l, "a"));
    assertEquals("n - 1", trip(l, "b"));
    assertEquals("n + 1", trip(l, "c"));
    assertEquals("n", trip(l, "d"));
    assertEquals("n", trip(l, "e"));
    assertEquals("(n + 1) / 2", trip(l, "f"));
    assertEquals("xs.length", trip(l, "g"));
    assertEquals("xs.size()", trip(l, "h"));
    assertEquals("s.length()", trip(l, "i"));
    assertEquals("cap", trip(l, "j"));
    assertEquals("10", trip(l, "k"));
    assertEquals(10L, loop(l.method("k")).tripCount().constant());
    assertEquals("b - a", trip(l, "l"));
    assertTrue(trip(l, "m").startsWith("none"));
  }

  /** The test sees {@code len - 1} first in {@code --i >= 0}: {@code len} iterations, not {@code len + 1}. */
  @Test
  void decrementingTripCounts() {
    Lowered l = compileLoops(
        """
          void a(int len) { for (int i = len; --i >= 0;) {} }
          void b(int len) { for (int i = len; i-- > 0;) {} }
          void c(int len) { for (int i = len; i != 0; i--) {} }
          void d(int len) { for (int i = 0; i != len; i++) {} }
          void e(int len) { for (int i = len; --i > 0;) {} }
          void f() { for (int i = 11; --i >= 0;) {} }
          void g() { for (int i = 11; i-- > 0;) {} }
          void h(int len) { for (int i = len - 1; i >= 0; i -= 2) {} }
          void i(int len) { for (int i = len; i != 0; i -= 2) {} }
          void j(int len) { for (int i = len; --i >= 0; i--) {} }
          void k(int len) { for (int i = -1; ++i < len;) {} }
        """);
    assertEquals("len", trip(l, "a"));
    assertEquals("len", trip(l, "b"));
    assertEquals("len", trip(l, "c"));
    assertEquals("len", trip(l, "d"));
    assertEquals("len - 1", trip(l, "e"));
    assertEquals("11", trip(l, "f"));
    assertEquals("11", trip(l, "g"));
    assertEquals("(len + 1) / 2", trip(l, "h"));
    assertEquals("none: condition uses != with a step other than 1", trip(l, "i"));
    assertEquals("none: index assigned in the loop body", trip(l, "j"));
    assertEquals("len", trip(l, "k"));
  }

  @Test
  void loopsWithoutTripCount() {
    Lowered l = compileLoops(
        """
          void a(int n) { for (int i = 0; i != n; i++) {} }
          void b(int n) { for (int i = 0; i < n; i++) { if (i == 3) i++; } }
          void c(List<String> xs) { for (int i = 0; i < xs.size(); i++) { xs.add("x"); } }
          void d(int n) { for (int i = 0; i < n; i++) { n--; } }
          void e() { for (int i = 0; i < mutable; i++) { mutable = 3; } }
          void f(Iterator<String> it) { while (it.hasNext()) it.next(); }
          void g(Matcher m) { while (m.find()) {} }
          void h(int n) { while (n > 0) n--; }
          void i(int n) { do { n--; } while (n > 0); }
          void j(java.io.BufferedReader r) throws java.io.IOException { String line; while ((line = r.readLine()) != null) {} }
        """);
    assertEquals("n", trip(l, "a"), "i != n stepped by 1 from 0: n iterations");
    assertEquals("none: index assigned in the loop body", trip(l, "b"));
    assertEquals("none: bound is not loop-invariant", trip(l, "c"));
    assertEquals("none: bound is not loop-invariant", trip(l, "d"));
    assertEquals("none: bound is not loop-invariant", trip(l, "e"));
    assertEquals("none: iterates an Iterator", trip(l, "f"));
    assertEquals("none: Matcher.find loop", trip(l, "g"));
    assertEquals("none: while (cond) loop", trip(l, "h"));
    assertEquals(LoopKind.WHILE, loop(l.method("h")).kind());
    assertEquals("none: do-while loop", trip(l, "i"));
    assertEquals(LoopKind.DO_WHILE, loop(l.method("i")).kind());
    assertEquals("none: reads a stream", trip(l, "j"));
  }

  @Test
  void oncePerIterationUnderIfContinueAndBreak() {
    Lowered l = compileLoops(
        """
          void a(List<String> xs, Map<String, Integer> m) {
            List<String> out = new ArrayList<>();
            for (String x : xs) {
              out.add(x);
              if (x.isEmpty()) { out.add("e"); }
              out.add("after if");
              switch (x) { case "a": out.add("case"); break; default: break; }
              out.add("after switch");
              boolean b = x.isEmpty() && out.add("rhs");
              if (x.length() > 5) continue;
              out.add("after continue");
            }
          }
        """);
    MethodIR a = l.method("a");
    List<Stmt.Call> adds = Lowered.calls(a, "add");
    assertEquals(List.of(true, false, true, false, true, false, false),
        adds.stream().map(c -> c.ctx().oncePerIteration()).toList());
    assertEquals(1, adds.get(0).ctx().loopDepth());
    Stmt.Alloc alloc = (Stmt.Alloc) a.stmts().get(0);
    assertEquals(0, alloc.site().loopDepth());
    assertFalse(Lowered.loop(a).contains(alloc.ctx().ordinal()));
  }

  @Test
  void nestedLoopsAndLabeledJumps() {
    Lowered l = compileLoops(
        """
          void a(int[][] grid, List<String> out) {
            outer:
            for (int[] row : grid) {
              for (int v : row) {
                if (v < 0) continue outer;
                out.add("inner");
              }
              out.add("outer");
            }
          }
        """);
    MethodIR a = l.method("a");
    assertEquals(2, a.loops().size());
    Loop outer = a.loops().get(0);
    Loop inner = a.loops().get(1);
    assertEquals(outer.id(), inner.parentId());
    assertEquals(2, inner.depth());
    assertEquals("row.length", inner.tripCount().text());
    List<Stmt.Call> adds = Lowered.calls(a, "add");
    assertEquals(2, adds.get(0).ctx().loopDepth());
    assertFalse(adds.get(0).ctx().oncePerIteration());
    assertFalse(adds.get(1).ctx().oncePerIteration(), "continue outer skips the rest of the outer iteration");
  }

  @Test
  void lambdaAndAnonymousBodiesInheritLoopDepth() {
    Lowered l = compileLoops(
        """
          @interface HotPath {}
          @HotPath void a(List<String> xs, Map<String, Integer> m) {
            for (String x : xs) {
              xs.forEach(y -> System.out.println(x + y));
              Runnable r = () -> System.out.println(x);
              m.forEach((k, v) -> System.out.println(k + x));
              xs.stream().map(s -> s + x).filter(s -> !s.isEmpty()).count();
              m.computeIfAbsent(x, k -> 1);
              new Thread(new Runnable() { public void run() { System.out.println(x); } });
            }
            xs.removeIf(s -> s.isEmpty());
          }
        """);
    assertEquals(2, l.method("lambda$a$0").baseLoopDepth());
    assertEquals(1, l.method("lambda$a$1").baseLoopDepth());
    assertEquals(2, l.method("lambda$a$2").baseLoopDepth());
    assertEquals(2, l.method("lambda$a$3").baseLoopDepth());
    assertEquals(2, l.method("lambda$a$4").baseLoopDepth());
    assertEquals(1, l.method("lambda$a$5").baseLoopDepth(), "computeIfAbsent does not iterate");
    assertEquals(1, l.method("lambda$a$6").baseLoopDepth());
    assertTrue(l.method("lambda$a$0").hot());
    MethodIR run = l.methodByKey("p.L$1#run()");
    assertEquals(1, run.baseLoopDepth());
    assertTrue(run.hot());
    // statements in a lambda body count the inherited depth
    AllocSite concat = site(l.method("lambda$a$0"), SiteKind.STRING_CONCAT);
    assertEquals(2, concat.loopDepth());
    AllocSite boxed = site(l.method("lambda$a$5"), SiteKind.BOXING);
    assertEquals(1, boxed.loopDepth());
    // the creating method sees the capturing lambdas as sites inside the loop
    MethodIR a = l.method("a");
    assertEquals(List.of(1, 1, 1, 1), sites(a, SiteKind.LAMBDA).stream().map(AllocSite::loopDepth).toList());
  }

  @Test
  void statementsInsideLoopBodies() {
    Lowered l = compileLoops(
        """
          Object a(List<String> xs, Object lock) throws Exception {
            for (Object o : xs) {
              synchronized (lock) { }
              try (java.io.StringReader r = new java.io.StringReader("x")) { r.read(); } catch (RuntimeException e) { throw e; } finally { xs.size(); }
              if (o instanceof String s && !s.isEmpty()) { return s; }
              String r = switch (o.hashCode()) { case 1 -> "one"; case 2 -> { yield o.toString(); } default -> null; };
              Object v = switch (o) { case Integer i -> i; case String s2 -> s2.length(); default -> o; };
            }
            return null;
          }
        """);
    MethodIR a = l.method("a");
    assertTrue(a.stmts().stream().anyMatch(s -> s instanceof Stmt.Monitor));
    assertEquals(1, Lowered.calls(a, "close").size());
    assertEquals("java.io.StringReader#close()", Lowered.calls(a, "close").get(0).callee().key());
    assertTrue(a.stmts().stream().anyMatch(s -> s instanceof Stmt.Throw));
    assertTrue(a.stmts().stream().anyMatch(s -> s instanceof Stmt.Copy c && c.target().name().equals("s")));
    assertTrue(Lowered.calls(a, "size").get(0).ctx().oncePerIteration(), "finally is lowered unconditionally");
    assertFalse(Lowered.calls(a, "toString").get(0).ctx().oncePerIteration(), "a switch case is conditional");
    assertEquals(1, sites(a, SiteKind.BOXING).size(), "s2.length() boxed into the switch result");
  }

  @Test
  void recordPatternsLoadComponents() {
    Lowered l = compileLoops(
        """
          record Pair(Object left, int n) {}
          Object a(Object o) {
            if (o instanceof Pair(String s, int n)) return s;
            return null;
          }
        """);
    MethodIR a = l.method("a");
    assertTrue(a.stmts().stream().anyMatch(s -> s instanceof Stmt.Load ld && ld.field().name().equals("left")
        && ld.field().owner().equals("p.L$Pair")), Lowered.dump(a));
  }
}
