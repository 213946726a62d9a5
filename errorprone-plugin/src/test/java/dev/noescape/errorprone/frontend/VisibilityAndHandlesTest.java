package dev.noescape.errorprone.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.Handle;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who can call each method, and the methods a body refers to without calling them (one-time methods). */
class VisibilityAndHandlesTest {
  static final String SOURCE = """
      package p;
      import java.util.function.*;
      public class Vis {
        private static void priv() {}
        static void pkg() {}
        public void pub() {}
        protected void prot() {}
        private static class Hidden { Hidden() {} public void m() {} }
        static class Shared { public Shared() {} }
        enum E { A; E() {} }
        interface I { void run(); }
        static {
          Runnable r = Vis::priv;
          int k = 1;
          Runnable c = () -> System.out.println(k);
          Supplier<Hidden> s = Hidden::new;
        }
      }""";

  @Test
  void visibilityFollowsTheModifiersAndAConstructorsClass() {
    Lowered l = Lowered.compile("p/Vis.java", SOURCE.split("\n"));
    assertEquals(Visibility.PRIVATE, l.methodByKey("p.Vis#priv()").visibility());
    assertEquals(Visibility.PACKAGE, l.methodByKey("p.Vis#pkg()").visibility());
    assertEquals(Visibility.PUBLIC, l.methodByKey("p.Vis#pub()").visibility());
    assertEquals(Visibility.PUBLIC, l.methodByKey("p.Vis#prot()").visibility());
    assertEquals(Visibility.PRIVATE, l.methodByKey("p.Vis$Hidden#<init>()").visibility(), "its class is private");
    assertEquals(Visibility.PUBLIC, l.methodByKey("p.Vis$Hidden#m()").visibility(), "may implement an interface");
    assertEquals(Visibility.PACKAGE, l.methodByKey("p.Vis$Shared#<init>()").visibility(), "its class is package-private");
    assertEquals(Visibility.PRIVATE, l.methodByKey("p.Vis$E#<init>(java.lang.String,int)").visibility(),
        "an enum's constructors are private");
  }

  @Test
  void methodReferencesAndLambdasAreHandlesWithTheirSites() {
    Lowered l = Lowered.compile("p/Vis.java", SOURCE.split("\n"));
    MethodIR clinit = l.methodByKey("p.Vis#<clinit>()");
    List<Handle> hs = clinit.handles();
    assertEquals(3, hs.size(), hs.toString());
    assertEquals(new Handle("p.Vis#priv()", -1, "java.lang.Runnable"), hs.get(0), "a constant: no site");
    assertTrue(hs.get(1).method().startsWith("p.Vis#lambda$"), hs.toString());
    assertEquals(hs.get(1).site(), clinit.sites().get(hs.get(1).site()).id(), "the capturing lambda's own site");
    assertEquals(new Handle("p.Vis$Hidden#<init>()", -1, "java.util.function.Supplier"), hs.get(2));
    assertEquals("java.lang.Runnable", hs.get(1).type(), "the interface the lambda implements");
    MethodIR lambda = l.methodByKey(hs.get(1).method());
    assertEquals(Visibility.PRIVATE, lambda.visibility());
  }
}
