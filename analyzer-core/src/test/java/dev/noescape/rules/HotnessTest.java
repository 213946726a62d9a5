package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.finding.Hotness;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import org.junit.jupiter.api.Test;

class HotnessTest {
  @Test
  void termsNeverOvertakeEachOther() {
    // Depth dominates everything below it.
    assertTrue(Hotness.rank(2, false, false, SiteKind.BOXING) > Hotness.rank(1, true, true, SiteKind.NEW_ARRAY));
    // Then a known trip count beats a hot method and any weight.
    assertTrue(Hotness.rank(1, true, false, null) > Hotness.rank(1, false, true, SiteKind.NEW_ARRAY));
    // Then hot beats weight.
    assertTrue(Hotness.rank(0, false, true, null) > Hotness.rank(0, false, false, SiteKind.NEW_ARRAY));
    assertTrue(Hotness.rank(0, false, false, SiteKind.NEW_ARRAY) > Hotness.rank(0, false, false, SiteKind.BOXING));
    assertEquals(21_160, Hotness.rank(2, true, true, SiteKind.NEW_ARRAY));
  }

  @Test
  void siteRankUsesItsInnermostLoop() {
    MethodIRBuilder b = Fx.method("m");
    b.beginLoop(LoopKind.FOREACH_ITERABLE, at(3), SymbolicExpr.of("xs.size()"), null);
    b.beginLoop(LoopKind.WHILE, at(4), null, "while (cond) loop");
    AllocSite inner = b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(5), new AllocSite.Boxing("int", null));
    b.endLoop();
    AllocSite outer = b.alloc(b.temp("java.lang.Integer"), SiteKind.BOXING, "java.lang.Integer", at(6), new AllocSite.Boxing("int", null));
    b.endLoop();
    MethodIR ir = b.build();
    assertEquals(20_020, Hotness.of(ir, inner));
    assertEquals(11_020, Hotness.of(ir, outer));
  }
}
