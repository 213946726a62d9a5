package dev.noescape.rules;

import static dev.noescape.rules.Fx.at;
import static dev.noescape.rules.Fx.reason;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import dev.noescape.summary.ParamTag;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeakingParameterRuleTest {
  private final LeakingParameterRule rule = new LeakingParameterRule();

  /** Instance method {@code register(this, items, p, int n, list, item)}. */
  private static MethodIR instanceMethod() {
    MethodIRBuilder b = Fx.method("register");
    b.param("this", "com.acme.Registry", SourcePos.line(10));
    b.param("items", "java.util.List", SourcePos.of(10, 30));
    b.param("p", "com.acme.Point", SourcePos.of(10, 45));
    b.primitiveParam(SourcePos.of(10, 52));
    b.param("list", "java.util.List", SourcePos.of(10, 60));
    b.param("item", "java.lang.Object", SourcePos.of(10, 70));
    return b.build();
  }

  @Test
  void escapingParamNamesTheFirstReasonGoStyle() {
    MethodIR ir = instanceMethod();
    Reason stored = reason(Reason.Kind.STORED_STATIC, "stored into static field Registry.ALL", 12);
    MethodResult r = Fx.Results.of(ir).param(1, ParamTag.escapes("stored in static field Registry.ALL"), stored).build();

    List<Finding> fs = rule.check(r, Fx.defaults());

    Finding f = Fx.onlyFinding(fs, RuleId.LEAKING_PARAMETER, Severity.INFO,
        "leaking param: items (stored into static field Registry.ALL, line 12)");
    assertEquals(SourcePos.of(10, 30), f.pos());
    assertEquals(new dev.noescape.finding.Subject.Param(1, "items"), f.subject());
    assertEquals("param items", f.identity());
    assertEquals(-1, f.siteId());
    assertEquals(List.of(stored), f.reasons());
    assertEquals(Fx.FILE, f.file());
  }

  @Test
  void flowsToResultAndIntoAnotherParamAndContent() {
    MethodIR ir = instanceMethod();
    ParamTag contentOnly = new ParamTag(false, false, Set.of(), true, false, Set.of(), null);
    MethodResult r = Fx.Results.of(ir)
        .param(2, ParamTag.returned())
        .param(4, contentOnly)
        .param(5, ParamTag.storedInto(4))
        .build();
    assertEquals(List.of("leaking param: p to result", "leaking param content: list",
        "leaking param: item stored into list"), Fx.messages(rule.check(r, Fx.defaults())));
  }

  @Test
  void contentToResult() {
    MethodIR ir = instanceMethod();
    MethodResult r = Fx.Results.of(ir).param(4, ParamTag.NONE.withContentToReturn()).build();
    assertEquals(List.of("leaking param content: list to result"), Fx.messages(rule.check(r, Fx.defaults())));
  }

  @Test
  void thisAndNonLeakingParamsAreQuiet() {
    MethodIR ir = instanceMethod();
    MethodResult r = Fx.Results.of(ir).param(0, ParamTag.GLOBAL, reason(Reason.Kind.RETURNED, "returned", 11)).build();
    assertTrue(rule.check(r, Fx.defaults()).isEmpty());
    // Slot 0 of an instance method is the receiver even when the bytecode has no name for it.
    MethodIRBuilder b = Fx.method("noDebugInfo");
    b.param("r0", "com.acme.Registry", SourcePos.line(10));
    assertTrue(rule.check(Fx.Results.of(b.build()).param(0, ParamTag.GLOBAL).build(), Fx.defaults()).isEmpty());
  }

  @Test
  void staticMethodReportsSlotZero() {
    MethodIRBuilder b = Fx.method("com.acme.Util", "keep", "src/main/java/com/acme/Util.java", true);
    b.param("x", "java.lang.Object", SourcePos.of(3, 20));
    MethodResult r = Fx.Results.of(b.build()).param(0, ParamTag.GLOBAL).build();
    assertEquals(List.of("leaking param: x (passed to unknown code)"), Fx.messages(rule.check(r, Fx.defaults())));
  }

  @Test
  void syntheticLambdaBodiesAreQuiet() {
    MethodIRBuilder b = Fx.method("com.acme.OrderBook", "lambda$add$0", Fx.FILE, true).synthetic(true);
    b.param("captured", "java.lang.Object", at(5));
    MethodResult r = Fx.Results.of(b.build()).param(0, ParamTag.GLOBAL).build();
    assertTrue(rule.check(r, Fx.defaults()).isEmpty());
  }

  @Test
  void verbosityTwoShowsTheWholeChain() {
    MethodIR ir = instanceMethod();
    MethodResult r = Fx.Results.of(ir)
        .param(1, ParamTag.escapes(null),
            reason(Reason.Kind.STORED_INTO, "stored into Holder.items", 12),
            reason(Reason.Kind.STORED_STATIC, "Holder is reachable from static field Holder.INSTANCE", 13))
        .build();
    assertEquals(List.of("leaking param: items (stored into Holder.items, line 12; "
            + "Holder is reachable from static field Holder.INSTANCE, line 13)"),
        Fx.messages(rule.check(r, Fx.ctx(21, false, false, 1))));
    assertEquals(List.of("leaking param: items (stored into Holder.items, line 12; "
            + "Holder is reachable from static field Holder.INSTANCE, line 13)"),
        Fx.messages(rule.check(r, Fx.ctx(21, false, false, 2))));
  }
}
