package dev.noescape.errorprone.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Java 17–21 constructs in one unit: every body is lowered, nothing is skipped. */
class LanguageZooTest {

  @Test
  void everyConstructLowersWithoutSkipping() {
    Lowered l = Lowered.compile("p/Zoo.java",
        "package p;",
        "import java.io.*;",
        "import java.util.*;",
        "import java.util.function.*;",
        "import java.util.stream.*;",
        "sealed interface Shape permits Circle, Square {}",
        "record Circle(double r) implements Shape {}",
        "record Square(double side) implements Shape {",
        "  Square { if (side < 0) throw new IllegalArgumentException(\"side \" + side); }",
        "  static Square unit() { return new Square(1); }",
        "}",
        "interface Greeter { String greet(String n); default Greeter twice() { return n -> greet(greet(n)); }",
        "  static Greeter polite() { return n -> \"Dear \" + n; } private void hidden() {} }",
        "enum Op {",
        "  ADD { int apply(int a, int b) { return a + b; } },",
        "  NEG(\"-\") { int apply(int a, int b) { return -a; } };",
        "  final String sym;",
        "  Op() { this(\"+\"); }",
        "  Op(String... parts) { sym = String.join(\"\", parts); }",
        "  abstract int apply(int a, int b);",
        "}",
        "class Zoo<T extends Comparable<T>> {",
        "  private final List<T> items = new ArrayList<>();",
        "  private static int counter;",
        "  private String name = \"zoo\";",
        "  class Cage { T first() { return items.isEmpty() ? null : items.get(0); } class Lock { String n() { return name + Zoo.this.name; } } }",
        "  static class Keeper { int[] ids = {1, 2}; Keeper copy() { Keeper k = new Keeper(); k.ids = ids.clone(); return k; } }",
        "  Cage cage() { return this.new Cage(); }",
        "  Cage.Lock lock(Cage c) { return c.new Lock(); }",
        "  double area(Shape s) {",
        "    return switch (s) {",
        "      case Circle c when c.r() > 10 -> Math.PI * c.r() * c.r();",
        "      case Circle(double r) -> Math.PI * r * r;",
        "      case Square sq -> sq.side() * sq.side();",
        "    };",
        "  }",
        "  String describe(Object o) {",
        "    if (o instanceof Circle(var r) && r > 1) return \"big circle\";",
        "    String kind = switch (o) { case null -> \"null\"; case String s -> { yield \"string \" + s; } default -> o.toString(); };",
        "    switch (kind) { case \"a\", \"b\" -> counter++; default -> { } }",
        "    return kind;",
        "  }",
        "  int ops(Op op) {",
        "    switch (op) { case ADD: return 1; case NEG: break; default: throw new AssertionError(op); }",
        "    return 0;",
        "  }",
        "  <R> List<R> mapAll(Function<? super T, ? extends R> f) {",
        "    List<R> out = new ArrayList<>(items.size());",
        "    for (T t : items) out.add(f.apply(t));",
        "    return out;",
        "  }",
        "  Map<Boolean, List<String>> streams(List<String> words, int min) {",
        "    Supplier<Map<Boolean, List<String>>> s = () -> words.stream().filter(w -> w.length() > min)",
        "        .collect(Collectors.partitioningBy(w -> w.startsWith(name)));",
        "    IntStream.range(0, min).boxed().forEach(i -> counter += i);",
        "    return s.get();",
        "  }",
        "  String text(Reader r) throws IOException {",
        "    String block = \"\"\"",
        "        hello",
        "        \"\"\";",
        "    StringBuilder sb = new StringBuilder(block);",
        "    try (BufferedReader br = new BufferedReader(r); r) {",
        "      String line;",
        "      while ((line = br.readLine()) != null) sb.append(line).append('\\n');",
        "    } catch (IOException | RuntimeException e) {",
        "      throw new UncheckedIOException(new IOException(e));",
        "    } finally {",
        "      counter--;",
        "    }",
        "    block: { if (sb.length() > 3) break block; sb.append(\"short\"); }",
        "    assert sb.length() > 0 : \"empty \" + sb;",
        "    synchronized (this) { counter++; }",
        "    var local = new Object() { int hits; };",
        "    local.hits++;",
        "    record Pair(String a, String b) {}",
        "    enum Mode { ON, OFF }",
        "    interface Cb { void run(); }",
        "    Cb cb = () -> System.out.println(new Pair(\"a\", name) + \" \" + Mode.ON);",
        "    cb.run();",
        "    Object[] arr = new Object[] { 1, 'c', 2L, 3.0f, true };",
        "    long total = 0; for (Object x : arr) total += x.hashCode();",
        "    int[][] grid = new int[3][];",
        "    grid[0] = new int[] {1, 2};",
        "    Integer boxed = grid[0][1];",
        "    boxed += grid.length;",
        "    char c = 'x'; c += 1;",
        "    do { total--; } while (total > 0);",
        "    Runnable outer = () -> { Runnable inner = () -> items.clear(); inner.run(); };",
        "    Function<Integer, int[]> mk = int[]::new;",
        "    BiFunction<String, Integer, Character> at = String::charAt;",
        "    Supplier<Cage> cs = Cage::new;",
        "    return sb + block + total + boxed + c;",
        "  }",
        "  static synchronized int next() { return ++counter; }",
        "}");
    assertEquals(List.of(), l.result.skipped(), l.dump());
    MethodIR text = l.method("text");
    assertTrue(text.stmts().stream().anyMatch(s -> s instanceof Stmt.Monitor));
    assertEquals(2, Lowered.calls(text, "close").size(), "both resources are closed");
    int arrayLine = Lowered.sites(text, SiteKind.NEW_ARRAY).stream().filter(s -> s.type().equals("java.lang.Object[]"))
        .findFirst().orElseThrow().pos().line();
    assertEquals(5, Lowered.sites(text, SiteKind.BOXING).stream().filter(s -> s.pos().line() == arrayLine).count(),
        "1, 'c', 2L, 3.0f and true are boxed into Object[]");
    l.method("lambda$text$0");
    l.methodByKey("p.Zoo$Cage$Lock#n()");
    l.methodByKey("p.Zoo$Cage#<init>(p.Zoo)");
    l.methodByKey("p.Op#<init>(java.lang.String,int,java.lang.String[])");
    l.methodByKey("p.Op$1#apply(int,int)");
    l.methodByKey("p.Square#<init>(double)");
    l.methodByKey("p.Greeter#lambda$twice$0(java.lang.String)");
    assertTrue(l.methods().size() > 30, "methods: " + l.methods().size());
  }
}
