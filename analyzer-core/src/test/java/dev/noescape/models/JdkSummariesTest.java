package dev.noescape.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.ir.MethodRef;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  void everyClassOfTheShippedFileDecodes() {
    JdkSummaries s = shipped();
    assertTrue(s.jdkVersion().matches("\\d+.*"), "the producer names the generating JDK: " + s.jdkVersion());
    int methods = 0;
    for (String c : s.classNames()) {
      for (Map.Entry<String, MethodSummary> e : s.declared(c).entrySet()) {
        methods++;
        assertEquals(JdkSummaries.ORIGIN, e.getValue().origin(), c + "#" + e.getKey());
      }
    }
    assertTrue(methods > 5000, "expected a broad table, got " + methods);
  }

  @Test
  void lookupMatchesOwnerSignatureAndSlotCount() {
    byte[] text = ("""
        noescape-summaries 1 JdkSummaryGenerator jdk=25.0.3+9-LTS Test
        C a.Base
        M\tm(int)\t.\tN\t-\t-
        M\ts()\tF\tY
        end 1 2
        """).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JdkSummaries s = JdkSummaries.parse("test", text);
    assertEquals("25.0.3+9-LTS Test", s.jdkVersion());
    assertEquals(JdkSummaries.ORIGIN, s.lookup(ref("a.Base", "m", false, "int")).orElseThrow().origin());
    assertTrue(s.lookup(ref("a.Base", "s", true)).orElseThrow().freshReturn());
    assertTrue(s.lookup(ref("a.Base", "m", true, "int")).isEmpty(), "a static method of that shape has one slot fewer");
    assertTrue(s.lookup(ref("a.Base", "m", false, "long")).isEmpty());
    assertTrue(s.lookup(ref("a.Sub", "m", false, "int")).isEmpty(), "no walk up: inherited entries are written under the subclass");
  }

  /** Both front ends name StringBuilder for methods declared by the package-private AbstractStringBuilder. */
  @Test
  void publicClassesCarryWhatTheyInheritFromInaccessibleSuperclasses() {
    assertTrue(shipped().lookup(ref("java.lang.StringBuilder", "length", false)).isPresent()
        || shipped().lookup(ref("java.lang.StringBuffer", "capacity", false)).isPresent(),
        "AbstractStringBuilder's methods under StringBuilder or StringBuffer");
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
