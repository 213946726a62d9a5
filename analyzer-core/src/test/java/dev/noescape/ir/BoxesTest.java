package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxesTest {
  @Test
  void cachesOfTheJls() {
    assertTrue(Boxes.neverAllocates("java.lang.Boolean", null));
    assertTrue(Boxes.neverAllocates("java.lang.Byte", 1000L));
    assertTrue(Boxes.neverAllocates("java.lang.Integer", -128L));
    assertTrue(Boxes.neverAllocates("java.lang.Long", 127L));
    assertFalse(Boxes.neverAllocates("java.lang.Short", 128L));
    assertFalse(Boxes.neverAllocates("java.lang.Integer", null), "not a constant: assumed to allocate");
    assertTrue(Boxes.neverAllocates("java.lang.Character", 0L));
    assertFalse(Boxes.neverAllocates("java.lang.Character", -1L));
    assertFalse(Boxes.neverAllocates("java.lang.Character", 128L));
    assertFalse(Boxes.neverAllocates("java.lang.Double", 0L), "no cache");
    assertFalse(Boxes.neverAllocates("java.lang.Float", 0L));
  }

  @Test
  void conversionsAndValueOf() {
    assertEquals(List.of("int", "java.lang.Integer"), Boxes.boxFor("int", "java.lang.Object"));
    assertEquals(List.of("int", "java.lang.Integer"), Boxes.boxFor("int", null));
    // Character c = 65: the constant is narrowed to char, then boxed
    assertEquals(List.of("char", "java.lang.Character"), Boxes.boxFor("int", "java.lang.Character"));
    assertTrue(Boxes.isValueOf("java.lang.Long", "valueOf", List.of("long"), true));
    assertFalse(Boxes.isValueOf("java.lang.Integer", "valueOf", List.of("java.lang.String"), true), "parses");
    assertFalse(Boxes.isValueOf("java.lang.Integer", "valueOf", List.of("long"), true));
    assertFalse(Boxes.isValueOf("java.lang.Integer", "valueOf", List.of("int"), false));
    assertEquals("short", Boxes.primitiveOf("java.lang.Short"));
    assertEquals("java.lang.Boolean", Boxes.boxOf("boolean"));
  }
}
