package dev.noescape.errorprone.frontend;

import static dev.noescape.errorprone.frontend.Lowered.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bodies a functional site's object runs, carried on its {@link AllocSite.Capture} for the engine. */
class CaptureBodiesTest {

  private static List<String> bodies(AllocSite s) {
    return ((AllocSite.Capture) s.details()).bodies();
  }

  @Test
  void lambdaSiteNamesItsBody() {
    Lowered l = Lowered.compile("p/Count.java",
        """
        package p;
        import java.util.*;
        class Count {
          static int countLong(List<String> words, int min) {
            List<String> hits = new ArrayList<>();
            words.forEach(w -> { if (w.length() > min) hits.add(w); });
            return hits.size();
          }
        }""");
    MethodIR m = l.method("countLong");
    AllocSite lambda = sites(m, SiteKind.LAMBDA).get(0);
    assertEquals(List.of("p.Count#lambda$countLong$0(java.lang.String)"), bodies(lambda));
    // the body is in the program, and the front end's own map agrees
    assertNotNull(l.methodByKey(bodies(lambda).get(0)));
    assertEquals(bodies(lambda), l.result.functionalBodies().get(new FrontEndResult.SiteKey(m.ref().key(), lambda.id())));
  }

  @Test
  void anonymousClassNamesItsMethodsAndWhatItInheritsFromTheUnit() {
    Lowered l = Lowered.compile("p/Anon.java",
        """
        package p;
        import java.util.*;
        import java.util.function.*;
        class Anon {
          static abstract class Base implements Consumer<String> {
            public void accept(String s) { go(s); }
            abstract void go(String s);
            private void hidden() {}
          }
          static void m(List<String> words) {
            List<String> hits = new ArrayList<>();
            words.forEach(new Consumer<String>() { public void accept(String w) { hits.add(w); } });
            words.forEach(new Base() { void go(String w) { hits.add(w); } });
          }
        }""");
    MethodIR m = l.method("m");
    List<AllocSite> anons = sites(m, SiteKind.ANONYMOUS_CLASS);
    // Consumer's andThen (a JDK default) and Object's methods are not listed; Base's concrete
    // accept is: the JDK calls it on the object, and it may publish this.
    assertEquals(List.of("p.Anon$1#accept(java.lang.String)"), bodies(anons.get(0)));
    assertEquals(List.of("p.Anon$2#go(java.lang.String)", "p.Anon$Base#accept(java.lang.String)"), bodies(anons.get(1)));
    assertEquals(bodies(anons.get(1)), l.result.functionalBodies().get(new FrontEndResult.SiteKey(m.ref().key(), anons.get(1).id())));
  }

  @Test
  void methodReferenceHasNoBodies() {
    Lowered l = Lowered.compile("p/Ref.java",
        """
        package p;
        import java.util.*;
        class Ref {
          static void m(List<String> words, List<String> out) {
            words.forEach(out::add);
          }
        }""");
    assertEquals(List.of(), bodies(sites(l.method("m"), SiteKind.METHOD_REF).get(0)));
  }
}
