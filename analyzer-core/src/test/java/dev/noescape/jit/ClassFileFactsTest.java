package dev.noescape.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Class files read by hand for the model of C2: sizes, native, shapes; the running JDK's image. */
class ClassFileFactsTest {
  private final ClassFileFacts jdk = ClassFileFacts.jdkOnly();

  @Test
  void methodSizesAndNativeFlagsComeFromTheCodeAttribute() {
    // aload_0; getfield value; ireturn
    assertEquals(new CodeFacts.MethodCode(5, false, false), jdk.method("java.lang.Integer", "intValue", List.of()));
    assertTrue(jdk.method("java.lang.Thread", "holdsLock", List.of("java.lang.Object")).isNative());
    assertTrue(jdk.method("java.util.List", "size", List.of()).isAbstract());
    assertNull(jdk.method("java.lang.Integer", "noSuchMethod", List.of()));
    assertNull(jdk.method("com.example.Missing", "x", List.of()));
  }

  @Test
  void shapesFollowTheSuperclassesAndCountInheritedFields() {
    CodeFacts.ClassShape npe = jdk.shape("java.lang.NullPointerException");
    assertEquals(List.of("java.lang.RuntimeException", "java.lang.Exception", "java.lang.Throwable", "java.lang.Object"),
        npe.superclasses());
    assertTrue(npe.extendsClass("java.lang.Throwable"));
    assertTrue(jdk.shape("java.lang.ref.WeakReference").extendsClass("java.lang.ref.Reference"));
    CodeFacts.ClassShape integer = jdk.shape("java.lang.Integer");
    assertEquals(1, integer.instanceFields()); // value; Number and Object declare none
    assertFalse(integer.finalizer());
  }

  /** Compiled with the tests and read back from the test class path: switches before allocations, both kinds. */
  static final class Fixture {
    static int eight() {
      return 8;
    }

    static Object pick(int k, int n) {
      switch (k) {
        case 1 -> k = 5;
        case 2 -> k = 7;
        case 3 -> k = 9;
        default -> k = 0;
      }
      switch (n) {
        case 10 -> n = 1;
        case 100_000 -> n = 2;
        default -> n = n + 1;
      }
      int[] fixed = new int[4];
      int[] sized = new int[n];
      fixed[0] = sized.length;
      if (k > 3) throw new IllegalStateException();
      return new StringBuilder(fixed[0]);
    }

    static Object kept;

    static Object either(boolean fresh) {
      if (fresh) return new Object();
      return kept;
    }

    static void check(int n) {
      if (n < 0) throw new IllegalArgumentException(String.valueOf(n));
    }

    static Object sink;

    /** Its calls pass on parameters through a local, a ternary, a long before them, and not at all. */
    static void passOn(long wide, Object[] xs, Object other, boolean pick) {
      Object[] copy = xs;
      sink = String.valueOf(copy); // slot 1, through a local
      sink = java.util.Objects.requireNonNull(pick ? xs : other); // slot 1 or 2: the join of two paths
      sink = String.valueOf(wide); // a long: no reference parameter
      sink = java.util.Objects.toString(xs[0], "none"); // an element, not the array
    }

    final StringBuilder buffer = new StringBuilder();

    /**
     * Calls on receivers that are certainly one thing (this; a `new`; a call's result; a local
     * holding one) and on ones that are not (a field; this or a field, merged; two `new`s in one local).
     */
    int receivers(boolean pick) {
      int n = hashCode(); // this
      n += new StringBuilder().length(); // the `new` at its offset
      n += String.valueOf(n).length(); // the result of valueOf
      Object local = new Object();
      n += local.hashCode(); // a local that only ever holds the `new`
      n += buffer.length(); // a field: any object
      n += (pick ? this : buffer).hashCode(); // merged
      Object two = pick ? new Object() : new StringBuilder();
      return n + two.hashCode(); // two makers
    }

    /** Reads {@code fixed} at a constant index and {@code walked} at a variable one. */
    static int indexes(int[] fixed, int[] walked, int k) {
      int s = fixed[0];
      for (int i = 0; i < k; i++) s += walked[i];
      return s;
    }
  }

  private static byte[] testClass(String binaryName) {
    try (var in = ClassFileFactsTest.class.getResourceAsStream("/" + binaryName.replace('.', '/') + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void bodiesListAllocationsWithConstantLengthsAndReturnsAcrossSwitches() {
    ClassFileFacts facts = new ClassFileFacts(ClassFileFactsTest::testClass);
    String fixture = Fixture.class.getName();
    assertEquals(8, facts.body(fixture, "eight", List.of()).constantReturn());
    CodeFacts.Body pick = facts.body(fixture, "pick", List.of("int", "int"));
    assertNull(pick.constantReturn());
    assertEquals(List.of("newarray int[] 4 false", "newarray int[] null false",
            "new java.lang.IllegalStateException null false", "new java.lang.StringBuilder null true"),
        pick.allocations().stream().map(a -> a.what() + " " + a.constantLength() + " " + a.returned()).toList());
    assertTrue(pick.invokes().stream().anyMatch(i -> i.kind().equals("special") && i.owner().equals("java.lang.StringBuilder")
        && i.name().equals("<init>") && i.paramTypes().equals(List.of("int"))));
  }

  @Test
  void jdkBodiesComeFromTheImage() {
    CodeFacts.Body iterator = jdk.body("java.util.ArrayList", "iterator", List.of());
    assertEquals(List.of("new java.util.ArrayList$Itr"), iterator.allocations().stream().map(CodeFacts.Allocation::what).toList());
    assertTrue(iterator.allocations().get(0).returned());
    assertEquals(0, jdk.body("java.util.Collections$EmptyList", "size", List.of()).constantReturn());
    assertNull(jdk.body("java.util.List", "size", List.of()));
  }

  @Test
  void aBridgeDoesNotHideTheMethodItCalls() {
    // StringBuilder declares append(CharSequence,int,int) twice: returning StringBuilder, and a
    // bridge returning Appendable that calls it; followed through the bridge, the walk would call
    // itself and stop
    CodeFacts.Body append = jdk.body("java.lang.StringBuilder", "append", List.of("java.lang.CharSequence", "int", "int"));
    assertTrue(append.invokes().stream().anyMatch(i -> i.kind().equals("special") && i.owner().equals("java.lang.AbstractStringBuilder")),
        append.invokes().toString());
  }

  @Test
  void freshReturnsAndExceptionArgumentsAreMarked() {
    // return new Itr(): fresh on its only path
    assertTrue(jdk.body("java.util.ArrayList", "iterator", List.of()).returnsFresh());
    // return elementData(index): fresh as far as the method knows, if elementData's result is (the walk asks it)
    assertTrue(jdk.body("java.util.ArrayList", "get", List.of("int")).returnsFresh());
    // void: nothing returned
    assertFalse(jdk.body("java.util.ArrayList", "clear", List.of()).returnsFresh());
    ClassFileFacts facts = new ClassFileFacts(ClassFileFactsTest::testClass);
    // a fresh object on one path, a field on the other
    assertFalse(facts.body(Fixture.class.getName(), "either", List.of("boolean")).returnsFresh());
    CodeFacts.Body throwing = facts.body(Fixture.class.getName(), "check", List.of("int"));
    assertEquals(List.of("valueOf java.lang.IllegalArgumentException", "<init> null"),
        throwing.invokes().stream().map(i -> i.name() + " " + i.argumentOf()).toList());
  }

  @Test
  void callsSayWhichParametersTheyPassOn() {
    ClassFileFacts facts = new ClassFileFacts(ClassFileFactsTest::testClass);
    CodeFacts.Body body = facts.body(Fixture.class.getName(), "passOn",
        List.of("long", "java.lang.Object[]", "java.lang.Object", "boolean"));
    // static: slot 0 is `wide` (two locals), slot 1 `xs`, slot 2 `other`, slot 3 `pick`
    assertEquals(List.of("valueOf [2]", "requireNonNull [6]", "valueOf [0]", "toString [0, 0]"),
        body.invokes().stream().map(i -> i.name() + " " + i.sources()).toList());
    assertTrue(body.invokes().get(1).passes(2, 0));
    assertFalse(body.invokes().get(3).passes(1, 0));
    // Method.invoke hands its varargs (slot 2: this, obj, args) to methodAccessor.invoke, a
    // receiver loaded from a field (no parameter) — the call the C2 model stops at
    CodeFacts.Body invoke = jdk.body("java.lang.reflect.Method", "invoke", List.of("java.lang.Object", "java.lang.Object[]"));
    CodeFacts.Invoke accessor = invoke.invokes().stream()
        .filter(i -> i.owner().equals("jdk.internal.reflect.MethodAccessor") && i.name().equals("invoke")).findFirst().orElseThrow();
    assertTrue(accessor.passes(2, 2), accessor.toString());
    assertEquals(0L, accessor.sources().get(0));
  }

  @Test
  void receiversThatAreCertainlyOneObjectAreNamed() {
    ClassFileFacts facts = new ClassFileFacts(ClassFileFactsTest::testClass);
    CodeFacts.Body body = facts.body(Fixture.class.getName(), "receivers", List.of("boolean"));
    List<String> calls = new java.util.ArrayList<>();
    for (CodeFacts.Invoke i : body.invokes()) {
      if (i.kind().equals("static") || i.name().equals("<init>")) continue;
      String made = "";
      if (i.receiverMadeAt() >= 0) {
        int at = i.receiverMadeAt();
        made = body.allocations().stream().filter(a -> a.bci() == at).map(CodeFacts.Allocation::what).findFirst()
            .orElse(body.invokes().stream().filter(c -> c.bci() == at).map(c -> "call " + c.name()).findFirst().orElse("?"));
      }
      calls.add(i.name() + " " + (i.receiver() == 0 ? "this" : i.receiver() == -1 ? "unknown" : made));
    }
    assertEquals(List.of("hashCode this", "length new java.lang.StringBuilder", "length call valueOf",
        "hashCode new java.lang.Object", "length unknown", "hashCode unknown", "hashCode unknown"), calls);
  }

  @Test
  void arraysAParameterIsIndexedWithAVariableAreMarked() {
    ClassFileFacts facts = new ClassFileFacts(ClassFileFactsTest::testClass);
    CodeFacts.Body body = facts.body(Fixture.class.getName(), "indexes", List.of("int[]", "int[]", "int"));
    assertFalse(body.indexes(0), "fixed[0]: a constant index");
    assertTrue(body.indexes(1), "walked[i]");
    assertFalse(body.indexes(2), "no array");
    // Objects.hash's varargs array reaches Arrays.hashCode's for-each (JDK 25: ArraysSupport's loop)
    // and Formatter.format's args[index]: the measured heap of those varargs arrays
    assertTrue(jdk.body("java.util.Formatter", "format", List.of("java.util.Locale", "java.lang.String", "java.lang.Object[]"))
        .indexes(3));
  }

  @Test
  void descriptorsBecomeBinaryNames() {
    assertEquals(List.of("int", "java.lang.String[]", "long[][]", "java.util.Map$Entry"),
        dev.noescape.ir.MethodDescriptors.parameterTypes("(I[Ljava/lang/String;[[JLjava/util/Map$Entry;)V"));
  }
}
