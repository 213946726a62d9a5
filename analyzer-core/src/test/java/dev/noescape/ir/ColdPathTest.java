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
