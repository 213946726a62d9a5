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
        Map.of("run()", 0, "helper(int)", Hierarchy.ClassInfo.VARARGS)));
    h.add(new Hierarchy.ClassInfo("a.Sub", "a.Base", List.of(), false, true, true, Map.of("run()", 0)));
    assertEquals("a.Base", h.declaring("a.Sub", "helper", List.of("int")));
    assertEquals("java.lang.Object", h.declaring("a.Sub", "hashCode", List.of()));
    assertEquals(List.of("a.Base", "a.Sub"), h.overriders("java.lang.Runnable", "run", List.of()));
    assertEquals(List.of("a.Sub"), h.overriders("a.Base", "run", List.of()));
    assertTrue(h.isVarargs("a.Sub", "helper", List.of("int")));
    assertTrue(h.isSubtype("a.Sub", "java.lang.Runnable"));
    assertFalse(h.dispatchOpen("a.Sub", "run", List.of()));
    assertTrue(h.dispatchOpen("a.Base", "run", List.of()));
  }
}
