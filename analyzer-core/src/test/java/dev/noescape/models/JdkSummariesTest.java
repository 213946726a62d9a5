package dev.noescape.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped summaries generated from {@code java.base}: every line decodes, the lookup walks to
 * the declaring class, the hand-checked models win, and known-escaping JDK methods are not claimed
 * to keep their arguments to themselves.
 */
class JdkSummariesTest {
  private static final String OBJ = "java.lang.Object";

  private static JdkSummaries shipped() {
    return JdkSummaries.instance();
  }

  private static MethodRef ref(String owner, String name, boolean isStatic, String... params) {
    return new MethodRef(owner, name, List.of(params), OBJ, isStatic);
  }

  @Test
  void everyLineOfTheShippedFileDecodes() {
    JdkSummaries s = shipped();
    assertTrue(s.jdkVersion().matches("\\d+.*"), "header names the generating JDK: " + s.jdkVersion());
    int methods = 0;
    List<String> bad = new ArrayList<>();
    for (String c : s.classNames()) {
      for (Map.Entry<String, MethodSummary> e : s.declared(c).entrySet()) {
        methods++;
        MethodSummary m = e.getValue();
        assertEquals(JdkSummaries.ORIGIN, m.origin());
        // Round trip: what is decoded encodes to a line that decodes to the same summary.
        if (!JdkSummaries.decodeLine(JdkSummaries.encodeLine(e.getKey(), m)).getValue().equals(m)) bad.add(c + "#" + e.getKey());
      }
    }
    assertTrue(bad.isEmpty(), "lines that do not round-trip: " + bad);
    assertTrue(methods > 5000, "expected a broad table, got " + methods);
  }

  @Test
  void decodesTagsIncludingSelfSlotsAndReasons() {
    Map.Entry<String, MethodSummary> e = JdkSummaries.decodeLine(
        "m(java.lang.Object,java.lang.Object) into(0)+cinto(0) esc(\"stored in static field A.b (x+y)\") ret+cret fresh alloc=no");
    assertEquals("m(java.lang.Object,java.lang.Object)", e.getKey());
    MethodSummary s = e.getValue();
    assertEquals(Set.of(0), s.param(0).intoContentOf(), "a slot may name itself");
    assertEquals(Set.of(0), s.param(0).contentIntoContentOf());
    assertTrue(s.param(1).escapes() && s.param(1).contentEscapes());
    assertEquals("stored in static field A.b (x+y)", s.param(1).why());
    assertTrue(s.param(2).toReturn() && s.param(2).contentToReturn() && !s.param(2).escapes());
    assertTrue(s.freshReturn());
    assertEquals(Allocates.NO, s.allocates());
    assertEquals("static f() fresh alloc=yes", JdkSummaries.encodeLine("static f()", JdkSummaries.decodeLine("static f() fresh alloc=yes").getValue()));
  }

  @Test
  void lookupWalksUpToTheDeclaringClassButNotForConstructorsOrWrongStaticness() {
    JdkSummaries s = JdkSummaries.parse("""
        # jdk 25
        @a.Base < java.lang.Object
        m(int) none none alloc=no
        <init>(int) none none alloc=no
        static s() fresh alloc=yes
        @a.Sub < a.Base
        other() none alloc=no
        """);
    assertEquals("25", s.jdkVersion());
    assertTrue(s.lookup(ref("a.Sub", "m", false, "int")).isPresent(), "inherited from a.Base");
    assertTrue(s.lookup(ref("a.Sub", "s", true)).isPresent(), "static methods are named by a subclass too");
    assertTrue(s.lookup(ref("a.Sub", "<init>", false, "int")).isEmpty(), "constructors are not inherited");
    assertTrue(s.lookup(ref("a.Base", "m", true, "int")).isEmpty(), "static-ness must match");
    assertTrue(s.lookup(ref("a.Base", "m", false, "long")).isEmpty());
  }

  @Test
  void handCheckedModelsWinOverGeneratedSummaries() {
    MethodRef add = ref("java.util.ArrayList", "add", false, OBJ);
    assertTrue(JdkModels.instance().lookup(add).isPresent());
    assertEquals("model", JdkSummaries.library().lookup(add).orElseThrow().origin());
    // A public method the models leave out, but the bytecode answers.
    MethodRef trim = ref("java.util.ArrayList", "trimToSize", false);
    if (JdkModels.instance().lookup(trim).isEmpty()) {
      assertEquals(shipped().lookup(trim), JdkSummaries.library().lookup(trim));
      assertEquals(JdkSummaries.ORIGIN, JdkSummaries.library().lookup(trim).orElseThrow().origin());
    }
    // Neither: the engine's unknown.
    assertTrue(JdkSummaries.library().lookup(ref("com.acme.Nope", "m", false)).isEmpty());
  }

  /**
   * Never NoEscape for what escapes: known-escaping JDK methods, asked of the generated summaries
   * alone (the models would answer first at analysis time). An absent summary is unknown, which is
   * conservative too.
   */
  @Test
  void knownEscapingJdkMethodsAreNotClaimedToKeepTheirArguments() {
    JdkSummaries s = shipped();
    assertKeeps(s.lookup(ref("java.util.ArrayList", "add", false, OBJ)), 1, 0);
    assertKeeps(s.lookup(ref("java.util.ArrayList", "add", false, "int", OBJ)), 2, 0);
    assertKeeps(s.lookup(ref("java.util.HashMap", "put", false, OBJ, OBJ)), 1, 0);
    assertKeeps(s.lookup(ref("java.util.HashMap", "put", false, OBJ, OBJ)), 2, 0);
    assertKeeps(s.lookup(ref("java.util.ArrayDeque", "addLast", false, OBJ)), 1, 0);
    // Thread.start hands the thread to a native start0: this escapes.
    Optional<MethodSummary> start = s.lookup(ref("java.lang.Thread", "start", false));
    assertTrue(start.isEmpty() || start.get().param(0).escapes(), "Thread.start: " + start);
    // new Thread(runnable): the runnable is kept by the thread; it escapes as far as the thread does.
    assertKeeps(s.lookup(ref("java.lang.Thread", "<init>", false, "java.lang.Runnable")), 1, 0);
    // A static field store: ThreadLocal.set keeps the value in the current thread's map.
    Optional<MethodSummary> set = s.lookup(ref("java.lang.ThreadLocal", "set", false, OBJ));
    assertTrue(set.isEmpty() || set.get().param(1).escapes(), "ThreadLocal.set: " + set);
    // Natives have no bytecode: never a generated summary.
    assertTrue(s.lookup(ref("java.lang.Object", "hashCode", false)).isEmpty());
    assertTrue(s.lookup(ref("java.lang.System", "arraycopy", true, OBJ, "int", OBJ, "int", "int")).isEmpty());
  }

  /** The slot's object escapes, or is stored into the content of slot {@code into}. */
  private static void assertKeeps(Optional<MethodSummary> s, int slot, int into) {
    if (s.isEmpty()) return; // unknown: conservative
    ParamTag t = s.get().param(slot);
    boolean kept = t.escapes() || t.intoContentOf().contains(into);
    assertTrue(kept, "slot " + slot + " of " + s.get() + " must escape or be stored into slot " + into);
    assertFalse(t.isNone());
  }
}
