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

  @Test
  void descriptorsBecomeBinaryNames() {
    assertEquals(List.of("int", "java.lang.String[]", "long[][]", "java.util.Map$Entry"),
        dev.noescape.ir.MethodDescriptors.parameterTypes("(I[Ljava/lang/String;[[JLjava/util/Map$Entry;)V"));
  }
}
