package dev.noescape.rules;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Stmt;
import dev.noescape.rules.AllocationWitnesses.Offense;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code AllocationContract} (error): a method annotated {@code @NoAllocation} (any annotation with
 * that simple name: {@code dev.noescape.annotations.NoAllocation}, Error Prone's
 * {@code com.google.errorprone.annotations.NoAllocation}, a project's own) allocates on the heap,
 * itself or through a callee, Clang's {@code nonallocating} for Java.
 *
 * <p><b>Reports</b> each offending expression or call of the method, at its line, with the path
 * down to the allocating line:
 *
 * <pre>
 *   &#64;NoAllocation method Engine.onTick allocates new int[n]
 *   &#64;NoAllocation method Engine.onTick calls Book.add (line 41) → Book.add boxes int to Integer (line 88)
 *   &#64;NoAllocation method Engine.onTick calls ArrayList.add (may allocate)
 *   &#64;NoAllocation method Engine.onTick creates an Iterator: calls List.iterator (may allocate)
 * </pre>
 *
 * <p>Every allocation counts: {@code new} and arrays, boxing that allocates (the same as
 * {@code BoxingAllocation}: not {@code Boolean}, {@code Byte} or a constant in the
 * {@code valueOf} caches), implicit varargs arrays, capturing lambdas and bound method references,
 * anonymous classes, string concatenation, the iterator of an enhanced {@code for} over an
 * {@code Iterable} (the call to {@code iterator()}), and calls whose callee may allocate. A callee in
 * the analyzed program (the compilation unit for javac, the whole program for the bytecode front
 * end) needs no annotation: its body is checked the same way, transitively, and the message
 * follows the shortest path to an allocating line (recursion is fine: a cycle allocates only if
 * one of its members does). A library callee ends the path: its summary says {@code alloc=yes}
 * ({@code may allocate}) or it has none ({@code unknown: no summary}); so does a virtual call the
 * code outside the program may override ({@code unknown: may be overridden}).
 *
 * <p><b>Allowed</b>: everything inside a {@code throw} statement's operand (the failure path:
 * {@code throw new IllegalStateException("bad " + x)}), in the method and in its callees; a
 * non-capturing lambda or unbound method reference (a constant). The body of a lambda created in
 * the method is not checked: it runs when something invokes it, maybe elsewhere and later; a
 * capturing lambda already counts where it is created, and a callee that invokes a lambda is
 * judged by what that call resolves to. With {@link RuleContext#contractAllowsNoEscape()},
 * allocations whose object provably does not escape ({@code NoEscape}) are allowed too (the JIT
 * may remove them when it inlines, but need not, so they count by default).
 *
 * <p>An override of a {@code @NoAllocation} method inherits the contract ({@link
 * MethodIR#inheritedContract()}) and is reported itself. To waive the contract for a method, put
 * {@code @SuppressWarnings("AllocationContract")} on it and say why in
 * {@code @NoAllocation(reason = "...")}; the report lists waived contracts with their reasons.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.AllocationContractDoc}.
 */
public final class AllocationContractRule {
  private final SummaryProvider library;
  private final SummaryProvider implementations;

  /** @param library the same library summaries the engine used (JDK models and generated JDK summaries) */
  public AllocationContractRule(SummaryProvider library) {
    this(library, SummaryProvider.NONE);
  }

  /**
   * @param library the same library summaries the engine used
   * @param implementations the summaries class path entries ship ({@code META-INF/noescape}), which
   *     the engine uses only where dispatch is closed: so does this rule
   */
  public AllocationContractRule(SummaryProvider library, SummaryProvider implementations) {
    this.library = library;
    this.implementations = implementations;
  }

  /**
   * What both front ends say about {@code @SuppressWarnings("AllocationContract")} on a method whose
   * {@code @NoAllocation} states no reason (a warning at the method; the waiver stands).
   */
  public static String waiverWithoutReason(String method) {
    return "@SuppressWarnings(\"AllocationContract\") waives the contract of " + method
        + " without a reason: state it with @NoAllocation(reason = \"...\")";
  }

  public RuleId id() {
    return RuleId.ALLOCATION_CONTRACT;
  }

  /** The findings in every contract method of {@code result}, in program order. */
  public List<Finding> check(AnalysisResult result, RuleContext context) {
    List<MethodResult> contracts = new ArrayList<>();
    for (MethodResult mr : result.methods()) {
      if (mr.method().hasAllocationContract() && !mr.method().synthetic()) contracts.add(mr);
    }
    if (contracts.isEmpty()) return List.of();
    AllocationWitnesses w = new AllocationWitnesses(result, library, implementations, context.contractAllowsNoEscape());
    List<Finding> out = new ArrayList<>();
    for (MethodResult mr : contracts) check(mr, w, out);
    return out;
  }

  private void check(MethodResult mr, AllocationWitnesses w, List<Finding> out) {
    MethodIR m = mr.method();
    String head = "@NoAllocation method " + m.displayName()
        + (m.inheritedContract() != null ? " (contract inherited from " + m.inheritedContract() + ")" : "");
    // One finding per offending expression: a call and the allocations it is made of (an enhanced
    // for's iterator(), hasNext(), next(); a `new` and its constructor; a concatenation and the
    // String.valueOf of an operand) share a position, and count once, as the allocation when there
    // is one (what the user wrote), else as the first call.
    Map<String, Stmt> chosen = new LinkedHashMap<>();
    Map<Stmt, List<Reason>> chains = new HashMap<>();
    for (Stmt st : m.stmts()) {
      Offense o = w.offense(mr, st);
      if (o == null) continue;
      List<Reason> chain = w.chain(m.sourceFile(), st, o);
      if (chain == null) continue; // a program callee that does not allocate
      SourcePos pos = st.ctx().pos();
      String key = pos.line() + ":" + pos.column();
      Stmt before = chosen.get(key);
      if (before == null || (!(before instanceof Stmt.Alloc) && st instanceof Stmt.Alloc)) {
        chosen.put(key, st);
        chains.put(st, chain);
      }
    }
    for (Stmt st : chosen.values()) {
      Offense o = w.offense(mr, st);
      List<Reason> chain = chains.get(st);
      SourcePos pos = st.ctx().pos();
      StringBuilder msg = new StringBuilder(head);
      for (int i = 0; i < chain.size(); i++) {
        Reason r = chain.get(i);
        if (i == 0) {
          msg.append(' ').append(r.text());
          // The first step is where the finding is: its line only helps when it continues.
          if (chain.size() > 1 && r.pos() != null && r.pos().line() > 0) msg.append(" (line ").append(r.pos().line()).append(')');
        } else {
          msg.append(" → ").append(r.render());
        }
      }
      int hotness = Hotness.rank(st.ctx().loopDepth(), false, true, st instanceof Stmt.Alloc a ? a.site().kind() : null);
      out.add(RuleSupport.finding(RuleId.ALLOCATION_CONTRACT, m, pos, msg.toString(), chain, hotness, null, o.subject()));
    }
  }
}
