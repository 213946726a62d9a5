package dev.noescape.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.noescape.ir.MethodRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of what library methods allocate on every call ({@link LibraryAllocations}): its format and its lookup. */
class LibraryAllocationsTest {
  static List<String[]> rows(String... lines) {
    return ModelFiles.rows(List.of(lines));
  }

  static MethodRef ref(String owner, String name, boolean isStatic, String... params) {
    return new MethodRef(owner, name, List.of(params), "void", isStatic);
  }

  @Test
  void parsesClassMethodAndObjects() {
    Map<String, Integer> t = LibraryAllocations.parse(rows("# a comment", "", "a.B  <init>(int,float)  2", "a.B of() 1"));
    assertEquals(Map.of("a.B#<init>(int,float)", 2, "a.B#of()", 1), t);
    assertEquals(2, LibraryAllocations.objects(t, ref("a.B", "<init>", false, "int", "float")));
    assertEquals(0, LibraryAllocations.objects(t, ref("a.B", "<init>", false, "int")), "another overload");
  }

  @Test
  void anInstanceMethodNeverCounts() {
    // dispatch may run another body than the one the figure was read from
    Map<String, Integer> t = LibraryAllocations.parse(rows("a.B of() 1"));
    assertEquals(1, LibraryAllocations.objects(t, ref("a.B", "of", true)));
    assertEquals(0, LibraryAllocations.objects(t, ref("a.B", "of", false)));
  }

  @Test
  void rejectsMalformedRows() {
    assertThrows(IllegalStateException.class, () -> LibraryAllocations.parse(rows("a.B <init>(int)")));
    assertThrows(IllegalStateException.class, () -> LibraryAllocations.parse(rows("a.B <init> 1")));
    assertThrows(IllegalStateException.class, () -> LibraryAllocations.parse(rows("a.B <init>(int) many")));
    assertThrows(IllegalStateException.class, () -> LibraryAllocations.parse(rows("a.B <init>(int) 0")));
    assertThrows(IllegalStateException.class, () -> LibraryAllocations.parse(rows("a.B <init>(int) 1", "a.B <init>(int) 2")));
  }

  @Test
  void theShippedTableCountsWhatTheJdkAllocatesInside() {
    assertEquals(1, LibraryAllocations.objects(ref("java.util.HashSet", "<init>", false, "java.util.Collection")));
    assertEquals(1, LibraryAllocations.objects(ref("java.util.Arrays", "asList", true, "java.lang.Object[]")));
    assertEquals(1, LibraryAllocations.objects(ref("java.util.Map", "of", true, "java.lang.Object", "java.lang.Object")));
    // the table comes with the first element; an already wrapped set is returned as is
    assertEquals(0, LibraryAllocations.objects(ref("java.util.HashMap", "<init>", false)));
    assertEquals(0, LibraryAllocations.objects(ref("java.util.Collections", "unmodifiableSet", true, "java.util.Set")));
  }
}
