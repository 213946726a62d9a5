package dev.noescape.errorprone.frontend;

import static dev.noescape.errorprone.frontend.Lowered.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method naming, parameters, constructors and initializers, positions and tree maps. */
class NamingAndStructureTest {

  @Test
  void methodKeysUseErasedBinaryNames() {
    Lowered l = Lowered.compile("p/Names.java",
        """
        package p;
        import java.util.*;
        class Names {
          static class Nested { <T extends Comparable<T>> T pick(Map.Entry<String, T> e, int[] a, String[] s, List<T> l) { return null; } }
          class Inner { void m() {} }
          static int f;
          static { f = 1; }
        }""");
    l.methodByKey("p.Names$Nested#pick(java.util.Map$Entry,int[],java.lang.String[],java.util.List)");
    MethodIR pick = l.method("pick");
    assertEquals("java.lang.Comparable", pick.ref().returnType());
    assertEquals(5, pick.params().size());
    assertNotNull(pick.params().get(2));
    l.methodByKey("p.Names#<clinit>()");
    // inner member class constructors take the enclosing instance first, as in bytecode
    MethodIR innerCtor = l.methodByKey("p.Names$Inner#<init>(p.Names)");
    assertEquals("this$0", innerCtor.params().get(1).name());
    l.methodByKey("p.Names$Inner#m()");
  }

  @Test
  void lambdaNamesFollowTheRunningJavac() {
    Lowered l = Lowered.compile("p/Lam.java",
        """
        package p;
        import java.util.*;
        import java.util.function.*;
        class Lam {
          Runnable f = () -> {};
          static Runnable g = () -> {};
          void m(List<String> xs) {
            xs.forEach(x -> { Runnable in = () -> System.out.println(x); });
            Runnable r = () -> {};
            Object o = new Object() { Runnable q = () -> {}; };
          }
          Lam() { Runnable c = () -> {}; }
          void n() { Supplier<Runnable> s = () -> () -> {}; }
        }""");
    // names checked against javap output of the same class compiled by javac 25 and javac 17
    List<String> expected = Runtime.version().feature() >= 23
        ? List.of("lambda$m$0(java.lang.String)", "lambda$m$1()", "lambda$m$2()", "lambda$new$0()", "lambda$new$1()",
            "lambda$static$0()", "lambda$n$0()", "lambda$n$1()")
        : List.of("lambda$m$3(java.lang.String)", "lambda$m$2()", "lambda$m$4()", "lambda$new$0()", "lambda$new$5()",
            "lambda$static$1()", "lambda$n$7()", "lambda$n$6()");
    for (String name : expected) l.methodByKey("p.Lam#" + name);
    l.methodByKey("p.Lam$1#lambda$new$0()");
    assertEquals("java.lang.Runnable", l.methodByKey("p.Lam#" + expected.get(expected.size() - 2)).ref().returnType());
  }

  @Test
  void localClassesReceiveTheirCaptures() {
    Lowered l = Lowered.compile("p/Loc.java",
        """
        package p;
        class Loc {
          Object m(String name) {
            class Greeter { String greet() { return "hi " + name; } }
            return new Greeter();
          }
        }""");
    MethodIR m = l.method("m");
    AllocSite s = site(m, SiteKind.NEW_OBJECT);
    assertEquals("p.Loc$1Greeter", s.type());
    assertTrue(m.stmts().stream().anyMatch(st -> st instanceof Stmt.Store store && store.field().equals(FieldRef.captured("name"))));
    MethodIR greet = l.methodByKey("p.Loc$1Greeter#greet()");
    assertTrue(greet.stmts().stream().anyMatch(st -> st instanceof Stmt.Load ld && ld.field().equals(FieldRef.captured("name"))));
  }

  @Test
  void primitiveParamsKeepTheirSlot() {
    Lowered l = Lowered.compile("p/Params.java",
        """
        package p;
        class Params {
          Object m(int a, String b, long c, Object d) { return d; }
          static Object s(int a, Object d) { return d; }
        }""");
    MethodIR m = l.method("m");
    assertEquals(5, m.params().size());
    assertEquals("this", m.params().get(0).name());
    assertNull(m.params().get(1));
    assertEquals("b", m.params().get(2).name());
    assertEquals(2, m.params().get(2).paramSlot());
    assertNull(m.params().get(3));
    assertEquals(4, m.params().get(4).paramSlot());
    MethodIR s = l.method("s");
    assertEquals(2, s.params().size());
    assertEquals(1, s.params().get(1).paramSlot());
    // param trees map slot -> declaration
    assertEquals("d", ((com.sun.source.tree.VariableTree) l.result.paramTrees()
        .get(new FrontEndResult.SiteKey(m.ref().key(), 4)).getLeaf()).getName().toString());
    assertNotNull(l.result.methodTrees().get(m.ref().key()));
  }

  @Test
  void fieldInitializersAreLoweredIntoConstructorsThatCallSuper() {
    Lowered l = Lowered.compile("p/Init.java",
        """
        package p;
        import java.util.*;
        class Init {
          final List<String> items = new ArrayList<>();
          Runnable r = () -> items.clear();
          { items.add("x"); }
          Init() {}
          Init(int n) { this(); }
          Init(String s) { super(); }
        }""");
    MethodIR a = l.methodByKey("p.Init#<init>()");
    MethodIR b = l.methodByKey("p.Init#<init>(int)");
    MethodIR c = l.methodByKey("p.Init#<init>(java.lang.String)");
    assertEquals(1, Lowered.sites(a, SiteKind.NEW_OBJECT).size());
    assertEquals(0, Lowered.sites(b, SiteKind.NEW_OBJECT).size(), "this(...) delegates: no initializers");
    assertEquals(1, Lowered.sites(c, SiteKind.NEW_OBJECT).size());
    // the field store happens after the super call
    int superCall = indexOf(a, s -> s instanceof Stmt.Call call && call.callee().owner().equals("java.lang.Object"));
    int store = indexOf(a, s -> s instanceof Stmt.Store st && st.field().name().equals("items"));
    assertTrue(superCall < store);
    // the lambda of the field initializer is lowered once, with javac's name
    assertEquals(1, l.methods().stream().filter(m -> m.ref().name().equals("lambda$new$0")).count());
    assertEquals(2, Lowered.sites(a, SiteKind.LAMBDA).size() + Lowered.sites(a, SiteKind.NEW_OBJECT).size());
  }

  @Test
  void recordsEnumsAndStaticInit() {
    Lowered l = Lowered.compile("p/Rec.java",
        """
        package p;
        import java.util.*;
        class Rec {
          record Point(String name, List<Integer> xs) {
            Point { xs = List.copyOf(xs); }
            public String name() { return name; }
          }
          record Pair(Object left, int n) {}
          enum Color { RED("r"), GREEN("g"); final String code; Color(String c) { code = c; } }
          static final Map<String, Integer> CACHE = new HashMap<>();
        }""");
    MethodIR ctor = l.methodByKey("p.Rec$Point#<init>(java.lang.String,java.util.List)");
    List<Stmt.Store> stores = ctor.stmts().stream().filter(s -> s instanceof Stmt.Store).map(s -> (Stmt.Store) s).toList();
    assertEquals(List.of("name", "xs"), stores.stream().map(s -> s.field().name()).toList());
    // implicit canonical constructor and accessors, which javac only generates in Lower
    MethodIR implicitCtor = l.methodByKey("p.Rec$Pair#<init>(java.lang.Object,int)");
    assertEquals(1, implicitCtor.stmts().stream().filter(s -> s instanceof Stmt.Store st && st.field().name().equals("left")).count());
    MethodIR left = l.methodByKey("p.Rec$Pair#left()");
    assertTrue(left.stmts().stream().anyMatch(s -> s instanceof Stmt.Load ld && ld.field().name().equals("left")));
    assertTrue(left.stmts().stream().anyMatch(s -> s instanceof Stmt.Return));
    l.methodByKey("p.Rec$Pair#n()");
    assertEquals(1, l.methods().stream().filter(m -> m.ref().key().equals("p.Rec$Point#name()")).count());
    MethodIR enumCtor = l.methodByKey("p.Rec$Color#<init>(java.lang.String,int,java.lang.String)");
    assertEquals(4, enumCtor.params().size());
    MethodIR clinit = l.methodByKey("p.Rec$Color#<clinit>()");
    assertEquals(2, Lowered.sites(clinit, SiteKind.NEW_OBJECT).size());
    assertEquals(2, clinit.stmts().stream().filter(s -> s instanceof Stmt.StaticStore).count());
    MethodIR recClinit = l.methodByKey("p.Rec#<clinit>()");
    Stmt.StaticStore ss = (Stmt.StaticStore) recClinit.stmts().stream().filter(s -> s instanceof Stmt.StaticStore)
        .findFirst().orElseThrow();
    assertEquals(new FieldRef("p.Rec", "CACHE", true), ss.field());
  }

  @Test
  void positionsAndSiteTrees() {
    Lowered l = Lowered.compile("p/Pos.java",
        """
        package p;
        class Pos {
          Object m() {
            Object o =\tnew StringBuilder();
            return o;
          }
        }""");
    MethodIR m = l.method("m");
    AllocSite s = site(m, SiteKind.NEW_OBJECT);
    assertEquals(4, s.pos().line());
    assertEquals(16, s.pos().column());
    assertEquals(16 + "new StringBuilder()".length(), s.pos().endColumn());
    assertEquals("new StringBuilder()", s.description(), l.dump());
    assertEquals(List.of(), ((AllocSite.Constructor) s.details()).paramTypes());
    var path = l.result.siteTrees().get(new FrontEndResult.SiteKey(m.ref().key(), s.id()));
    assertEquals(com.sun.source.tree.Tree.Kind.NEW_CLASS, path.getLeaf().getKind());
    assertEquals(com.sun.source.tree.Tree.Kind.VARIABLE, path.getParentPath().getLeaf().getKind());
    assertTrue(m.sourceFile().endsWith("Pos.java"), m.sourceFile());
    assertEquals("Pos.m", m.displayName());
  }

  @Test
  void hotAnnotationsOnMethodsAndClasses() {
    Lowered l = Lowered.compile("p/Hot.java",
        """
        package p;
        import java.lang.annotation.*;
        @interface HotPath {}
        @interface Fast {}
        @interface Other {}
        class Hot {
          @HotPath @Other void a() { Runnable r = () -> {}; }
          @Fast void b() {}
          void c() {}
          @HotPath static class All { void d() {} }
        }""");
    assertTrue(l.method("a").hot());
    assertEquals(java.util.Set.of("HotPath", "Other"), l.method("a").annotations());
    assertTrue(l.method("b").hot(), "user-configured hot annotation");
    assertFalse(l.method("c").hot());
    assertTrue(l.method("d").hot(), "class-level @HotPath");
    MethodIR lambda = l.method("lambda$a$0");
    assertTrue(lambda.hot(), "lambda inherits hotness");
    assertTrue(lambda.synthetic());
  }

  @Test
  void callsAreSlotAlignedWithDispatchFacts() {
    Lowered l = Lowered.compile("p/Calls.java",
        """
        package p;
        import java.util.*;
        class Calls {
          static class Base { Object m(Object o) { return o; } final void f() {} }
          static class Sub extends Base { @Override Object m(Object o) { return null; } }
          static final class Leaf extends Base {}
          void run(Base b, Leaf leaf, List<String> list, StringBuilder sb, int n) {
            b.m(list);
            b.f();
            leaf.m(null);
            list.add("x");
            sb.append(n);
            helper(n, list);
          }
          private static void helper(int n, Object o) {}
          int len(StringBuilder sb, String s) { sb.setLength(0); return s.length(); }
        }""");
    MethodIR run = l.method("run");
    Stmt.Call m = Lowered.calls(run, "m").get(0);
    assertEquals("p.Calls$Base#m(java.lang.Object)", m.callee().key());
    assertTrue(m.dispatchOpen());
    assertEquals(List.of("p.Calls$Sub#m(java.lang.Object)"), m.overrides().stream().map(r -> r.key()).toList());
    assertEquals("b", m.args().get(0).name());
    assertEquals("list", m.args().get(1).name());
    assertEquals("list", m.argExprs().get(1).text());
    assertFalse(Lowered.calls(run, "f").get(0).dispatchOpen(), "final method");
    assertFalse(Lowered.calls(run, "m").get(1).dispatchOpen(), "receiver of a final class");
    assertTrue(Lowered.calls(run, "add").get(0).dispatchOpen(), "List.add can be overridden anywhere");
    Stmt.Call append = Lowered.calls(run, "append").get(0);
    assertFalse(append.dispatchOpen(), "StringBuilder is final");
    assertEquals("java.lang.StringBuilder#append(int)", append.callee().key());
    assertEquals(java.util.Arrays.asList(run.params().get(4), null), append.args());
    Stmt.Call helper = Lowered.calls(run, "helper").get(0);
    // length() is declared in the package-private AbstractStringBuilder: named on StringBuilder
    MethodIR len = l.method("len");
    assertEquals("java.lang.StringBuilder#setLength(int)", Lowered.calls(len, "setLength").get(0).callee().key());
    assertEquals("java.lang.String#length()", Lowered.calls(len, "length").get(0).callee().key());
    assertEquals(2, helper.args().size());
    assertNull(helper.args().get(0));
    assertEquals("n", helper.argExprs().get(0).text());
  }

  @Test
  void skippedMethodInsteadOfCrash() {
    FrontEndTestChecker.breakMethod = "broken";
    try {
      Lowered l = Lowered.compile("p/Broken.java",
          """
          package p;
          class Broken {
            Object ok() { return new Object(); }
            void broken() { System.out.println("x"); }
            Object alsoOk() { return new Object(); }
          }""");
      assertEquals(1, l.result.skipped().size(), l.result.skipped().toString());
      assertTrue(l.result.skipped().get(0).method().contains("broken"), l.result.skipped().toString());
      l.method("ok");
      l.method("alsoOk");
      assertTrue(l.methods().stream().noneMatch(m -> m.ref().name().equals("broken")));
    } finally {
      FrontEndTestChecker.breakMethod = null;
    }
  }

  private static int indexOf(MethodIR m, java.util.function.Predicate<Stmt> p) {
    for (int i = 0; i < m.stmts().size(); i++) if (p.test(m.stmts().get(i))) return i;
    return -1;
  }
}
