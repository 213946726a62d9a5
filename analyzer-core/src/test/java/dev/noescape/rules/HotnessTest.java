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
  void termsInOrder() {
    // A loop level outweighs a known trip count and running on every iteration together.
    assertTrue(Hotness.rank(2, false, false, SiteKind.BOXING) > Hotness.rank(1, true, false, SiteKind.NEW_ARRAY));
    // A hot method outweighs two loop levels: the developer said so.
    assertTrue(Hotness.rank(0, false, true, null) > Hotness.rank(2, true, false, SiteKind.NEW_ARRAY));
    // The kind only breaks ties.
    assertTrue(Hotness.rank(1, true, false, null) > Hotness.rank(1, false, false, SiteKind.NEW_ARRAY));
    assertTrue(Hotness.rank(0, false, false, SiteKind.NEW_ARRAY) > Hotness.rank(0, false, false, SiteKind.BOXING));
    assertEquals((20 + 2 + 30 + 40) * 100 + 60, Hotness.rank(2, true, true, SiteKind.NEW_ARRAY));
  }

  /** A box that always allocates (a {@code Double}): the kind's full weight. */
  private static AllocSite box(MethodIRBuilder b, int line) {
    return box(b, line, "java.lang.Double", "double", null);
  }

  private static AllocSite box(MethodIRBuilder b, int line, String type, String primitive, dev.noescape.ir.Boxes.Range range) {
    return b.alloc(b.temp(type), SiteKind.BOXING, type, at(line), new AllocSite.Boxing(primitive, null, range));
  }

  @Test
  void boxesThatMayHitTheirCacheRankBelowBoxesThatAlwaysAllocate() {
    MethodIRBuilder b = Fx.method("m");
    AllocSite integerOutside = box(b, 2, "java.lang.Integer", "int", null);
    b.beginLoop(LoopKind.FOR, at(3), SymbolicExpr.of("n"), null);
    AllocSite dbl = box(b, 4, "java.lang.Double", "double", null);
    AllocSite integer = box(b, 5, "java.lang.Integer", "int", null);
    AllocSite character = box(b, 6, "java.lang.Character", "char", null);
    AllocSite ranged = box(b, 7, "java.lang.Integer", "int", new dev.noescape.ir.Boxes.Range(0, 199));
    b.endLoop();
    MethodIR ir = b.build();
    int main = (10 + 2 + 2 + 40) * 100;
    assertEquals(main + 20, Hotness.of(ir, dbl));
    assertEquals(main + 15, Hotness.of(ir, integer), "may be inside the cache: a lighter weight, the same heat");
    assertEquals(main - 5 * 100 + 15, Hotness.of(ir, character), "only non-ASCII characters allocate: half a loop level less");
    assertEquals(main - 5 * 100 + 15, Hotness.of(ir, ranged), "a proven range partly inside the cache");
    assertTrue(Hotness.of(ir, character) > Hotness.of(ir, integerOutside), "a loop still counts for more");
  }

  @Test
  void siteRankUsesItsInnermostLoopAndWhetherItRunsOnEveryIteration() {
    MethodIRBuilder b = Fx.method("m");
    b.beginLoop(LoopKind.FOREACH_ITERABLE, at(3), SymbolicExpr.of("xs.size()"), null);
    b.beginLoop(LoopKind.WHILE, at(4), null, "while (cond) loop");
    AllocSite inner = box(b, 5);
    b.endLoop();
    AllocSite outer = box(b, 6);
    b.beginConditional();
    AllocSite conditional = box(b, 7);
    b.endConditional();
    b.endLoop();
    MethodIR ir = b.build();
    assertEquals((20 + 2 + 40) * 100 + 20, Hotness.of(ir, inner));
    assertEquals((10 + 2 + 2 + 40) * 100 + 20, Hotness.of(ir, outer));
    assertEquals((10 + 2 + 40) * 100 + 20, Hotness.of(ir, conditional));
  }

  /** One boxing site on every iteration of a counted loop of {@code owner#name}, optionally in a throw. */
  private static int rankIn(String owner, String name, String annotation, boolean inThrow) {
    MethodIRBuilder b = Fx.method(owner, name, Fx.FILE, false);
    if (annotation != null) b.annotation(annotation);
    b.beginLoop(LoopKind.FOR, at(3), SymbolicExpr.of("n"), null);
    if (inThrow) b.beginThrow();
    AllocSite s = box(b, 4);
    if (inThrow) b.endThrow();
    b.endLoop();
    return Hotness.of(b.build(), s);
  }

  @Test
  void coldCodeRanksBelowTheMainPath() {
    int main = rankIn("com.acme.Parser", "parse", null, false);
    assertEquals((10 + 2 + 2 + 40) * 100 + 20, main);
    assertEquals(main - 40 * 100, rankIn("com.acme.Parser", "parse", null, true), "error path");
    assertEquals(main - 30 * 100, rankIn("com.acme.Parser", "<clinit>", null, false), "static initializer");
    assertEquals(main - 20 * 100, rankIn("com.acme.Parser", "toString", null, false));
    assertEquals(main - 20 * 100, rankIn("com.acme.Parser", "lambda$toString$0", null, false), "a lambda in toString");
    assertEquals(main - 20 * 100, rankIn("com.acme.Parser", "parse", "Deprecated", false));
    assertEquals(main - 10 * 100, rankIn("com.acme.Parser", "<init>", null, false), "constructor");
    assertEquals(main - 10 * 100, rankIn("com.acme.Parser$Builder", "withRange", null, false), "builder");
    assertEquals(main - 10 * 100, rankIn("com.acme.Parser", "buildTable", null, false), "set-up");
  }
}
