package dev.noescape.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link MethodIRBuilder} gives each statement its {@link StmtContext#cold()}. */
class ColdPathTest {
  private static MethodIRBuilder method(String name) {
    return new MethodIRBuilder(new MethodRef("com.acme.Table", name, List.of(), "void", name.equals("<clinit>")),
        "Table." + name, "Table.java", SourcePos.line(1));
  }

  @Test
  void regionsNestAndTheOutermostReasonWins() {
    MethodIRBuilder b = method("load");
    assertEquals(ColdPath.NONE, b.ctx(SourcePos.line(2)).cold());
    b.beginCold(ColdPath.LOGGING);
    b.beginCold(ColdPath.ERROR);
    assertEquals(ColdPath.LOGGING, b.ctx(SourcePos.line(3)).cold());
    b.endCold();
    b.endCold();
    assertEquals(ColdPath.NONE, b.ctx(SourcePos.line(4)).cold());
  }

  @Test
  void aOnceBranchLeavesOutTheLoopsOpenedInIt() {
    MethodIRBuilder b = method("load");
    b.beginLoop(LoopKind.FOR, SourcePos.line(2), null, "n");
    b.beginCold(ColdPath.ONCE_BRANCH);
    assertEquals(ColdPath.ONCE_BRANCH, b.ctx(SourcePos.line(3)).cold());
    b.beginLoop(LoopKind.FOR, SourcePos.line(4), null, "n");
    assertEquals(ColdPath.NONE, b.ctx(SourcePos.line(5)).cold()); // the inner loop repeats
    b.beginCold(ColdPath.LOGGING);
    assertEquals(ColdPath.LOGGING, b.ctx(SourcePos.line(6)).cold()); // an inner region still counts
    b.endCold();
    b.endLoop();
    assertEquals(ColdPath.ONCE_BRANCH, b.ctx(SourcePos.line(7)).cold());
    b.endCold();
    b.endLoop();
    // a region that covers loops keeps them
    b.beginCold(ColdPath.ERROR);
    b.beginLoop(LoopKind.FOR, SourcePos.line(8), null, "n");
    assertEquals(ColdPath.ERROR, b.ctx(SourcePos.line(9)).cold());
    b.endLoop();
    b.endCold();
  }

  @Test
  void theOperandOfAThrowIsAnErrorPath() {
    MethodIRBuilder b = method("load");
    b.beginThrow();
    StmtContext c = b.ctx(SourcePos.line(2));
    b.endThrow();
    assertEquals(true, c.inThrow());
    assertEquals(ColdPath.ERROR, c.cold());
  }

  @Test
  void staticInitializersAndEnumConstructorsRunAtClassInitialization() {
    assertEquals(ColdPath.CLASS_INIT, method("<clinit>").ctx(SourcePos.line(2)).cold());
    assertEquals(ColdPath.CLASS_INIT, method("<init>").classInitialization(true).ctx(SourcePos.line(2)).cold());
    assertEquals(ColdPath.NONE, method("<init>").ctx(SourcePos.line(2)).cold());
  }
}
