package dev.noescape.errorprone.frontend;

import static dev.noescape.errorprone.frontend.Lowered.site;
import static dev.noescape.errorprone.frontend.Lowered.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Allocation sites: objects, arrays, boxing, varargs, lambdas, method references, anonymous classes, concatenation. */
class SitesTest {

  @Test
  void newObjectHasConstructorDetailsAndInitCall() {
    Lowered l = Lowered.compile("p/New.java",
        """
        package p;
        import java.util.*;
        class New {
          static final int SIZE = 16;
          Object m(List<String> users) {
            Map<String, Integer> m = new HashMap<>(SIZE);
            return new ArrayList<>(users.size());
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> news = sites(m, SiteKind.NEW_OBJECT);
    assertEquals(2, news.size());
    AllocSite.Constructor map = (AllocSite.Constructor) news.get(0).details();
    assertEquals("java.util.HashMap", news.get(0).type());
    assertEquals(List.of("int"), map.paramTypes());
    assertEquals("SIZE", map.args().get(0).text());
    assertEquals(16L, map.args().get(0).constant());
    AllocSite.Constructor list = (AllocSite.Constructor) news.get(1).details();
    assertEquals("users.size()", list.args().get(0).key());
    assertNull(list.args().get(0).constant());
    Stmt.Call init = Lowered.calls(m, "<init>").get(0);
    assertEquals("java.util.HashMap#<init>(int)", init.callee().key());
    assertEquals(((Stmt.Alloc) m.stmts().get(0)).target(), init.args().get(0));
    assertTrue(m.stmts().stream().anyMatch(s -> s instanceof Stmt.Return));
  }

  @Test
  void arraysAndInitializers() {
    Lowered l = Lowered.compile("p/Arr.java",
        """
        package p;
        class Arr {
          Object m(int n) {
            int[] a = new int[n];
            Integer[] b = {1, n};
            String[][] c = new String[2][3];
            return new Object[] { a, b, c };
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> arrays = sites(m, SiteKind.NEW_ARRAY);
    assertEquals(List.of("int[]", "java.lang.Integer[]", "java.lang.String[][]", "java.lang.Object[]"),
        arrays.stream().map(AllocSite::type).toList());
    assertEquals(2, sites(m, SiteKind.BOXING).size(), "initializer elements are boxed");
    assertEquals(5, m.stmts().stream().filter(s -> s instanceof Stmt.Store st && st.field().equals(FieldRef.ARRAY_ELEMENT)).count());
  }

  @Test
  void implicitBoxingInEveryContext() {
    Lowered l = Lowered.compile("p/Box.java",
        """
        package p;
        import java.util.*;
        class Box {
          Integer count;
          Integer ret(int x) { return x; }
          void m(List<Integer> list, Map<String, Integer> map, int i, double d, char c, boolean f) {
            Integer a = i;
            list.add(i);
            count++;
            count += 1;
            Object o = d;
            Character ch = c;
            Object t = f ? i : null;
            Long explicit = Long.valueOf(i);
            Integer cached = Integer.valueOf(5);
            Integer parsed = Integer.valueOf("5");
            int unboxed = count;
            map.merge("k", 1, Integer::sum);
          }
        }""");
    assertEquals("java.lang.Integer", site(l.method("ret"), SiteKind.BOXING).type());
    MethodIR m = l.method("m");
    List<AllocSite> boxes = sites(m, SiteKind.BOXING);
    assertEquals(List.of("java.lang.Integer", "java.lang.Integer", "java.lang.Integer", "java.lang.Integer",
        "java.lang.Double", "java.lang.Character", "java.lang.Integer", "java.lang.Long", "java.lang.Integer",
        "java.lang.Integer"), boxes.stream().map(AllocSite::type).toList());
    assertEquals(List.of(7, 8, 9, 10, 11, 12, 13, 14, 15, 18), boxes.stream().map(s -> s.pos().line()).toList());
    AllocSite cached = boxes.get(8);
    assertEquals(new AllocSite.Boxing("int", 5L, null,
        new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.CONSTANT, "5", "5:INT")), cached.details());
    assertEquals("Integer.valueOf(5)", l.result.siteTrees().get(new FrontEndResult.SiteKey(m.ref().key(), cached.id()))
        .getLeaf().toString());
    assertEquals(new AllocSite.Boxing("int", 1L, null,
        new dev.noescape.ir.Boxes.Value(dev.noescape.ir.Boxes.Value.Kind.CONSTANT, "1", "1:INT")), boxes.get(9).details(),
        "the argument 1 of merge is boxed");
    assertEquals(0, sites(m, SiteKind.METHOD_REF).size(), "Integer::sum is not a site");
    // count++ stores the new box back into the field
    assertTrue(m.stmts().stream().anyMatch(s -> s instanceof Stmt.Store st && st.field().name().equals("count")
        && st.value() == ((Stmt.Alloc) m.stmts().stream().filter(x -> x instanceof Stmt.Alloc).skip(2).findFirst().orElseThrow()).target()));
  }

  @Test
  void varargsOnlyForTheVariableArityForm() {
    Lowered l = Lowered.compile("p/Var.java",
        """
        package p;
        import java.util.*;
        class Var {
          void m(String[] arr, String a) {
            List.of(a, a);
            List.of(a, a, a, a, a, a, a, a, a, a, a);
            Arrays.asList(arr);
            String.format("x");
            String.format("%s %s", a, a);
            new ProcessBuilder(a, a);
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> va = sites(m, SiteKind.VARARGS_ARRAY);
    assertEquals(4, va.size(), Lowered.dump(m));
    assertEquals(new AllocSite.Varargs(Lowered.calls(m, "of").get(1).callee(), 11), va.get(0).details());
    assertEquals("java.lang.String[]", va.get(0).type(), "List.<String>of: the erased E[] is Object[] but javac allocates String[]");
    assertEquals(0, ((AllocSite.Varargs) va.get(1).details()).elementCount(), "zero variable arguments still allocate");
    assertEquals(2, ((AllocSite.Varargs) va.get(2).details()).elementCount());
    assertEquals("java.lang.String[]", va.get(3).type());
    assertEquals(6, va.get(0).pos().line());
    assertEquals(8, va.get(1).pos().line());
    assertEquals(10, va.get(3).pos().line());
  }

  @Test
  void lambdasCaptureOrNot() {
    Lowered l = Lowered.compile("p/Lam.java",
        """
        package p;
        import java.util.*;
        import java.util.function.*;
        class Lam {
          int limit;
          int get() { return limit; }
          void m(List<String> xs, int n, String prefix) {
            Runnable none = () -> System.out.println("x");
            Predicate<String> local = s -> s.startsWith(prefix);
            Supplier<Integer> field = () -> limit;
            Supplier<Integer> call = () -> get();
            Function<String, Integer> param = s -> s.length() + n;
            BiFunction<String, String, String> own = (a, b) -> { String c = a + b; return c; };
            final int three = 3; final String k = "k";
            Predicate<String> constants = s -> s.length() < three && s.startsWith(k);
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> lambdas = sites(m, SiteKind.LAMBDA);
    // constant variables (three, k) are inlined by javac, not captured
    assertEquals(List.of(List.of("prefix"), List.of("this"), List.of("this"), List.of("n")),
        lambdas.stream().map(s -> ((AllocSite.Capture) s.details()).captured()).toList());
    assertEquals("lambda capturing 'prefix'", lambdas.get(0).description());
    assertEquals("java.util.function.Predicate", lambdas.get(0).type());
    // captured reference values are stored into the lambda object
    assertTrue(m.stmts().stream().anyMatch(s -> s instanceof Stmt.Store st && st.field().equals(FieldRef.captured("prefix"))
        && st.value().name().equals("prefix")));
    // bodies: names in order, slot 0 the lambda object, captured values loaded from it
    MethodIR local = l.methodByKey("p.Lam#lambda$m$1(java.lang.String)");
    assertEquals("java.lang.Object", local.ref().owner().equals("p.Lam") ? "java.lang.Object" : "");
    assertTrue(local.synthetic());
    assertTrue(local.stmts().stream().anyMatch(s -> s instanceof Stmt.Load ld && ld.field().equals(FieldRef.captured("prefix"))
        && ld.base() == local.params().get(0)));
    // the site links to its body
    assertEquals(List.of("p.Lam#lambda$m$1(java.lang.String)"),
        l.result.functionalBodies().get(new FrontEndResult.SiteKey(m.ref().key(), lambdas.get(0).id())));
    MethodIR fieldLambda = l.method("lambda$m$2");
    assertEquals(1, sites(fieldLambda, SiteKind.BOXING).size(), "() -> limit boxes inside the body");
    assertEquals(1, sites(l.method("lambda$m$5"), SiteKind.STRING_CONCAT).size());
    l.method("lambda$m$0");
  }

  @Test
  void boundAndUnboundMethodReferences() {
    Lowered l = Lowered.compile("p/Refs.java",
        """
        package p;
        import java.util.*;
        import java.util.function.*;
        class Refs {
          class Inner {}
          String name() { return ""; }
          void m(String s, List<String> out) {
            Function<String, Integer> a = String::length;
            Function<String, Integer> b = Integer::parseInt;
            Supplier<List<String>> c = ArrayList::new;
            IntFunction<int[]> d = int[]::new;
            Supplier<Integer> e = s::length;
            Supplier<String> f = this::name;
            Consumer<String> g = out::add;
            Consumer<Object> h = System.out::println;
            Supplier<Inner> i = Inner::new;
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> refs = sites(m, SiteKind.METHOD_REF);
    assertEquals(List.of(List.of("s"), List.of("this"), List.of("out"), List.of("System.out"), List.of("this")),
        refs.stream().map(r -> ((AllocSite.Capture) r.details()).captured()).toList());
    assertEquals(List.of(12, 13, 14, 15, 16), refs.stream().map(r -> r.pos().line()).toList());
  }

  @Test
  void anonymousClassesAlwaysAllocate() {
    Lowered l = Lowered.compile("p/Anon.java",
        """
        package p;
        import java.util.*;
        class Anon {
          String x;
          Object m(String name) {
            Runnable quiet = new Runnable() { public void run() {} };
            Runnable loud = new Runnable() { public void run() { System.out.println(name + x); } };
            return new ArrayList<String>(4) { { add(name); } };
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> anons = sites(m, SiteKind.ANONYMOUS_CLASS);
    assertEquals(3, anons.size());
    assertEquals(List.of(), ((AllocSite.Capture) anons.get(0).details()).captured());
    assertEquals(List.of("this", "name"), ((AllocSite.Capture) anons.get(1).details()).captured());
    assertEquals("p.Anon$2", anons.get(1).type());
    assertEquals(List.of("name"), ((AllocSite.Capture) anons.get(2).details()).captured());
    assertEquals(List.of("p.Anon$2#run()"),
        l.result.functionalBodies().get(new FrontEndResult.SiteKey(m.ref().key(), anons.get(1).id())));
    // its methods are ordinary methods reading captured values from this
    MethodIR run = l.methodByKey("p.Anon$2#run()");
    assertTrue(run.stmts().stream().anyMatch(s -> s instanceof Stmt.Load ld && ld.field().equals(FieldRef.captured("name"))));
    assertTrue(run.stmts().stream().anyMatch(s -> s instanceof Stmt.Load ld && ld.field().equals(FieldRef.captured("this"))));
    // the anonymous ArrayList subclass: constructor runs the initializer block, calls super(4)
    MethodIR ctor = l.methods().stream().filter(x -> x.ref().owner().equals("p.Anon$3") && x.ref().isConstructor())
        .findFirst().orElseThrow();
    assertEquals(1, Lowered.calls(ctor, "add").size(), Lowered.dump(ctor));
  }

  @Test
  void stringConcatenationAndAccumulators() {
    Lowered l = Lowered.compile("p/Cat.java",
        """
        package p;
        import java.util.*;
        class Cat {
          String log = "";
          static final String K = "a" + "b";
          String m(List<String> xs, int n) {
            String s = "";
            String t = "";
            String u = "";
            String w = "";
            for (String x : xs) {
              s += x;
              t = t + x + n;
              u = x + u;
              String inner = "";
              inner += x;
              log += x;
              w += x;
              if (w.length() > 3) break;
            }
            String once = s + t + (u + w) + K;
            return once;
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> cats = sites(m, SiteKind.STRING_CONCAT);
    assertEquals(7, cats.size(), Lowered.dump(m));
    List<AllocSite.Accumulator> acc = cats.stream().map(c -> ((AllocSite.Concat) c.details()).accumulator()).toList();
    // whether an accumulation can be rewritten to a builder is not the front end's to say
    // (StringBuilderRewrite decides it for both appliers): u = x + u and w (also read) are accumulators too
    assertEquals(new AllocSite.Accumulator("s", false, true), acc.get(0));
    assertEquals(new AllocSite.Accumulator("t", false, true), acc.get(1));
    assertEquals(new AllocSite.Accumulator("u", false, true), acc.get(2));
    assertEquals(new AllocSite.Accumulator("inner", false, false), acc.get(3));
    assertEquals(new AllocSite.Accumulator("this.log", true, true), acc.get(4));
    assertEquals(new AllocSite.Accumulator("w", false, true), acc.get(5));
    assertNull(acc.get(6));
    assertEquals(0, l.method("<clinit>").sites().size(), "constant concatenation is folded");
    assertEquals(1, cats.get(1).loopDepth());
  }
}
