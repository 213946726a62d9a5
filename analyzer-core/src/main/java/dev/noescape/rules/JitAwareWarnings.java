package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.finding.Finding;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.RuntimePrediction;
import java.util.Set;

/**
 * Warnings about an allocation that does not escape and that the model of C2 predicts C2 removes
 * ({@link RuntimePrediction}, condition {@code none}) say so: "C2 likely removes it: it does not
 * escape and Integer.intValue is inlined", or, when the prediction holds only while a use of the
 * object stays uncompiled or a call stays bound to its one implementation
 * ({@link RuntimePrediction#coldUse}), "C2 likely removes it only while Util.checkState does not
 * throw: …". With the {@code DemoteJitWarnings} option they become information, only where the
 * prediction was measured right at least 95 % of the time (bench/jit, docs/jit-model.md): for JDK
 * 23 and later (45 of 46 probes on JDK 25; on JDK 17 38 of 40). Not by
 * default: the probes are small methods, on the real workloads {@code none} measured right 1 time in 5
 * (docs/jit-model.md, "Demoting JIT-aware warnings"), and the
 * model judges a call into a JDK interface by the interface's method, not by the class the object
 * has at run time (a lambda handed to {@code Collection.removeIf} is predicted removed, though
 * {@code ArrayList.removeIf} is too large to inline). {@code AllocationContract} is not
 * affected: the contract counts such allocations unless {@code ContractAllowsNoEscape} is set.
 */
final class JitAwareWarnings {
  private JitAwareWarnings() {}

  /** The rules whose warnings the prediction qualifies. */
  static final Set<RuleId> RULES = Set.of(RuleId.BOXING_ALLOCATION, RuleId.CAPTURING_LAMBDA, RuleId.VARARGS_ALLOCATION);

  /** The first release whose scalar-replaced predictions measured at least 95 % right. */
  static final int DEMOTED_FROM_JDK = 23;

  /** {@code f} about site {@code s} of {@code m}, saying that C2 likely removes it when the model predicts so. */
  static Finding apply(Finding f, MethodIR m, AllocSite s, RuleContext context) {
    RuntimePrediction p = context.predictions().get(m.ref(), s.id());
    if (p == null || p.heap()) return f;
    // a prediction that holds only while a use stays uncompiled (a throw never thrown) or a call
    // bound to its one implementation says so: the warning's allocation comes back each time that
    // code runs, or once another implementation is loaded
    String message = p.coldUse() != null
        ? f.message() + " (C2 likely removes it only while " + p.coldUse().proviso() + ": " + p.coldUse().why() + "; JDK "
            + p.jdk() + ")"
        : f.message() + " (C2 likely removes it: it does not escape"
            + (p.detail() == null ? "" : " and " + p.detail() + " is inlined") + "; JDK " + p.jdk() + ")";
    Severity severity = context.demoteJitWarnings() && p.jdk() >= DEMOTED_FROM_JDK ? Severity.INFO : f.severity();
    return new Finding(f.rule(), severity, f.file(), f.pos(), message, f.reasons(), f.hotness(), f.fix(), f.method(),
        f.subject(), f.expected(), f.runtime());
  }
}
