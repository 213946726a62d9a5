package dev.noescape.bytecode.hierarchy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyTest {
  private final Hierarchy h = new Hierarchy();

  @Test
  void jdkDeclaringClassesByReflection() {
    // declared in package-private AbstractStringBuilder: the class the bytecode names instead
    assertEquals("java.lang.StringBuilder", h.declaring("java.lang.StringBuilder", "length", List.of()));
    assertEquals("java.util.ArrayList", h.declaring("java.util.ArrayList", "add", List.of("java.lang.Object")));
    assertEquals("java.util.AbstractCollection", h.declaring("java.util.HashSet", "addAll", List.of("java.util.Collection")));
    assertEquals("java.lang.Iterable", h.declaring("java.util.List", "forEach", List.of("java.util.function.Consumer")));
    assertEquals("java.lang.Object", h.declaring("java.util.List", "getClass", List.of()));
  }

  @Test
  void varargsAndSubtypes() {
    assertTrue(h.isVarargs("java.lang.String", "format", List.of("java.lang.String", "java.lang.Object[]")));
    assertFalse(h.isVarargs("java.util.List", "of", List.of("java.lang.Object", "java.lang.Object")));
    assertTrue(h.isVarargs("java.util.List", "of", List.of("java.lang.Object[]")));
    assertTrue(h.isSubtype("java.util.ArrayList", "java.util.Collection"));
    assertFalse(h.isSubtype("java.util.HashMap", "java.util.Collection"));
  }

  @Test
  void programClassesOverrideAndInherit() {
    h.add(new Hierarchy.ClassInfo("a.Base", "java.lang.Object", List.of("java.lang.Runnable"), false, false, true,
        Map.of("run()", 0, "helper(int)", Hierarchy.ClassInfo.VARARGS), false));
    h.add(new Hierarchy.ClassInfo("a.Sub", "a.Base", List.of(), false, true, true, Map.of("run()", 0), false));
    assertEquals("a.Base", h.declaring("a.Sub", "helper", List.of("int")));
    assertEquals("java.lang.Object", h.declaring("a.Sub", "hashCode", List.of()));
    assertEquals(List.of("a.Base", "a.Sub"), h.overriders("java.lang.Runnable", "run", List.of()));
    assertEquals(List.of("a.Sub"), h.overriders("a.Base", "run", List.of()));
    assertTrue(h.isVarargs("a.Sub", "helper", List.of("int")));
    assertTrue(h.isSubtype("a.Sub", "java.lang.Runnable"));
    assertFalse(h.dispatchOpen("a.Sub", "run", List.of()));
    assertTrue(h.dispatchOpen("a.Base", "run", List.of()));
  }

  @Test
  void factsForDispatch() {
    int priv = Hierarchy.ClassInfo.PRIVATE;
    int synth = Hierarchy.ClassInfo.SYNTHETIC;
    // a.Shape: private and synthetic (access) constructors, abstract draw; a.Dot final; a.Open
    // extends Shape with a package-private constructor; a.Loose has a public one
    h.add(new Hierarchy.ClassInfo("a.Shape", "java.lang.Object", List.of("java.lang.Comparable"), false, false, true,
        Map.of("<init>()", priv, "<init>(a.Shape$1)", synth, "draw()", Hierarchy.ClassInfo.ABSTRACT, "size()", 0),
        Hierarchy.ClassInfo.onlyPrivateConstructors(Map.of("<init>()", priv, "<init>(a.Shape$1)", synth))));
    h.add(new Hierarchy.ClassInfo("a.Dot", "a.Shape", List.of(), false, true, true, Map.of("draw()", 0), false));
    h.add(new Hierarchy.ClassInfo("a.Open", "a.Shape", List.of(), false, false, true,
        Map.of("<init>()", 0, "draw()", 0), false));
    assertFalse(Hierarchy.ClassInfo.onlyPrivateConstructors(Map.of("<init>()", 0, "<init>(int)", priv)));
    assertEquals(Hierarchy.Subclassing.PROGRAM, h.subclassing("a.Shape"));
    assertEquals(Hierarchy.Subclassing.NONE, h.subclassing("a.Dot"));
    assertEquals(Hierarchy.Subclassing.OPEN, h.subclassing("a.Open"));
    assertEquals(Hierarchy.Subclassing.NONE, h.subclassing("java.lang.String"));
    assertEquals(Hierarchy.Subclassing.OPEN, h.subclassing("java.util.AbstractList"));
    assertEquals(Hierarchy.Subclassing.NONE, h.subclassing("byte[]"));
    assertEquals(List.of("a.Dot", "a.Open"), h.directSubtypes("a.Shape").stream().sorted().toList());
    // method selection: the nearest concrete declaration, through program and JDK classes
    assertEquals("a.Dot", h.selectMethod("a.Dot", "draw", List.of()));
    assertEquals("a.Shape", h.selectMethod("a.Dot", "size", List.of()));
    assertEquals("java.lang.Object", h.selectMethod("a.Dot", "hashCode", List.of()));
    assertEquals("java.util.ArrayList", h.selectMethod("java.util.ArrayList", "add", List.of("java.lang.Object")));
    assertEquals("java.util.AbstractCollection", h.selectMethod("java.util.ArrayList", "containsAll",
        List.of("java.util.Collection")));
    assertEquals(null, h.selectMethod("a.Shape", "draw", List.of()), "abstract: nothing runs for exactly a Shape");
    assertEquals(null, h.selectMethod("a.Unknown", "draw", List.of()));
    // subtypes: definite, and "may be" when a class is unknown
    assertTrue(h.isSubtype("a.Dot", "java.lang.Comparable"));
    assertFalse(h.isSubtype("a.Dot", "java.lang.CharSequence"));
    assertFalse(h.mayBeSubtype("a.Dot", "a.Open"));
    assertFalse(h.mayBeSubtype("java.lang.String", "a.Shape"), "no JDK class extends a program class");
    assertTrue(h.mayBeSubtype("a.Unknown", "a.Shape"));
    assertFalse(h.isSubtype("a.Unknown", "a.Shape"));
    assertTrue(h.declaresAbstract("a.Shape", "draw", List.of()));
    assertFalse(h.declaresAbstract("a.Dot", "draw", List.of()));
    assertFalse(h.declaresAbstract("java.util.List", "add", List.of("java.lang.Object")), "only the program's");
    assertTrue(h.isSyntheticConstructor("a.Shape", List.of("a.Shape$1")));
    assertFalse(h.isSyntheticConstructor("a.Shape", List.of()));
  }
}
