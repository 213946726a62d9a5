package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldRangesTest {
  private static final String OWNER = "p.Codec";
  private static final FieldRef B = new FieldRef(OWNER, "b", false);

  private static MethodIR constructor(FieldRef f, boolean sealed, Boxes.Range stored) {
    MethodIRBuilder b = new MethodIRBuilder(new MethodRef(OWNER, MethodRef.CONSTRUCTOR, List.of("int"), "void", false),
        "Codec.<init>", "p/Codec.java", SourcePos.line(1));
    b.param("this", OWNER, SourcePos.line(1));
    b.fieldWrite(f, sealed, stored);
    return b.build();
  }

  /** {@code for (n = 0; n < b; n++) out.add(n);} */
  private static MethodIR encode() {
    MethodIRBuilder b = new MethodIRBuilder(new MethodRef(OWNER, "encode", List.of(), "void", false), "Codec.encode",
        "p/Codec.java", SourcePos.line(10));
    b.param("this", OWNER, SourcePos.line(10));
    b.beginLoop(LoopKind.FOR, SourcePos.line(11), SymbolicExpr.of("b"), null);
    FieldRanges.Bound index = new FieldRanges.Bound(B, "b", 0L, -1, null);
    b.loopIndexBound(index);
    b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", SourcePos.line(12),
        new AllocSite.Boxing("int", null, null, null, false, index));
    b.endLoop();
    return b.build();
  }

  @Test
  void refineNarrowsByTheFailedComparison() {
    Boxes.Range r = FieldRanges.refine(null, FieldRanges.Comparison.LT, 1, false);
    r = FieldRanges.refine(r, FieldRanges.Comparison.GT, 5, false);
    assertEquals(new Boxes.Range(1, 5), r);
    assertEquals(new Boxes.Range(3, 3), FieldRanges.refine(r, FieldRanges.Comparison.EQ, 3, true));
    assertNull(FieldRanges.refine(r, FieldRanges.Comparison.GT, 9, true), "no value passes");
    assertEquals(r, FieldRanges.refine(r, FieldRanges.Comparison.EQ, 3, false), "!= 3 leaves both sides");
    assertEquals(FieldRanges.Comparison.GT, FieldRanges.Comparison.LT.mirrored());
  }

  @Test
  void checkedWritesBoundTheLoopAndItsBoxes() {
    Program p = FieldRanges.apply(new Program(List.of(constructor(B, true, new Boxes.Range(1, 5)), encode())));
    MethodIR m = p.methods().get(1);
    assertEquals(5L, m.loops().get(0).maxTrips());
    assertEquals("b in 0..5", m.loops().get(0).indexBound().assumed());
    AllocSite box = m.sites().get(0);
    assertEquals(new Boxes.Range(0, 4), ((AllocSite.Boxing) box.details()).range());
    assertTrue(box.neverAllocates());
    assertTrue(((Stmt.Alloc) m.stmts().get(0)).site().neverAllocates(), "the statement allocates the new site");
  }

  @Test
  void anyUnprovenWriteLeavesTheFieldUnbounded() {
    MethodIR checked = constructor(B, true, new Boxes.Range(1, 5));
    assertFalse(FieldRanges.of(new Program(List.of(checked, constructor(B, true, null)))).containsKey(B));
    assertFalse(FieldRanges.of(new Program(List.of(constructor(B, false, new Boxes.Range(1, 5))))).containsKey(B),
        "neither final nor private: code outside the program may write it");
    assertFalse(FieldRanges.of(new Program(List.of(checked), TypeHierarchy.UNKNOWN, Set.of(OWNER + "$Helper"), false))
        .containsKey(B), "a partial class of the nest may write it");
    MethodIR loop = FieldRanges.apply(new Program(List.of(encode()))).methods().get(0);
    assertNull(loop.loops().get(0).maxTrips(), "no constructor in the program");
  }
}
