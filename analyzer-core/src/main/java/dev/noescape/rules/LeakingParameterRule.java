package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import dev.noescape.summary.ParamTag;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code LeakingParameter} (info): a declared parameter that escapes or flows somewhere, as the
 * method's summary tells its callers — Go's {@code leaking param}.
 *
 * <p><b>Reports</b> each reference parameter whose summary tag is not "does not escape", in Go's
 * words, strongest effect first:
 *
 * <pre>
 *   leaking param: items (stored into static field Registry.ALL, line 12)   the object escapes
 *   leaking param: p to result                                              it may be returned
 *   leaking param: item stored into list                                    it may end up inside another parameter
 *   leaking param content: list                                             objects reachable from it escape
 *   leaking param content: list to result                                   objects reachable from it may be returned
 * </pre>
 *
 * For an escaping parameter the detail in parentheses is the first step of the reason chain
 * (verbosity 1, {@code " …"} when more follow), the whole chain (verbosity 2), or the summary's
 * own phrase when there is no chain. At verbosity 2 the chain is appended to the other forms too.
 *
 * <p><b>Stays quiet</b> about {@code this} (slot 0 of instance methods and constructors: storing
 * or returning {@code this} is what methods do), primitive parameters, and parameters of
 * synthetic lambda bodies (their "parameters" are captured values, reported by the allocation that
 * captures them).
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.LeakingParameterDoc}.
 */
public final class LeakingParameterRule implements Rule {
  @Override
  public RuleId id() {
    return RuleId.LEAKING_PARAMETER;
  }

  @Override
  public List<Finding> check(MethodResult result, RuleContext context) {
    MethodIR m = result.method();
    List<Finding> out = new ArrayList<>();
    if (m.synthetic() || result.summary() == null) return out;
    for (int slot = 0; slot < m.params().size(); slot++) {
      Var v = m.params().get(slot);
      if (v == null) continue;
      if (slot == 0 && !m.ref().isStatic()) continue; // this
      if ("this".equals(v.name())) continue;
      // Parameters javac adds and the user never wrote (the outer instance this$0 of an inner
      // class constructor, captured val$x of a local class) have nothing the user could change.
      if (v.name().startsWith("this$") || v.name().startsWith("val$")) continue;
      ParamTag tag = result.summary().param(slot);
      if (tag == null || !tag.leavesSlot(slot)) continue;
      List<Reason> chain = slot < result.paramChains().size() && result.paramChains().get(slot) != null
          ? result.paramChains().get(slot) : List.of();
      String message = message(m, v.name(), tag, chain, context.verbosity());
      SourcePos pos = slot < m.paramPositions().size() ? m.paramPositions().get(slot) : null;
      out.add(RuleSupport.finding(id(), m, pos == null ? m.pos() : pos, message, chain,
          Hotness.rank(0, false, RuleSupport.isHot(m, context), null), null, new Subject.Param(slot, v.name())));
    }
    return out;
  }

  static String message(MethodIR m, String name, ParamTag tag, List<Reason> chain, int verbosity) {
    if (tag.escapes()) {
      String detail = !chain.isEmpty() ? RuleSupport.chainText(chain, verbosity, true) : tag.why();
      return "leaking param: " + name + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
    String trailer = verbosity >= 2 && !chain.isEmpty() ? " (" + RuleSupport.chainText(chain, 2, true) + ")" : "";
    List<String> flows = new ArrayList<>();
    if (tag.toReturn()) flows.add("to result");
    // A slot moving into itself (p.next = p) stays inside what the caller passed: not a leak.
    for (int s : new TreeSet<>(tag.intoContentOf())) {
      if (!slotName(m, s).equals(name)) flows.add("stored into " + slotName(m, s));
    }
    if (!flows.isEmpty()) return "leaking param: " + name + " " + String.join(" and ", flows) + trailer;
    if (tag.contentEscapes()) return "leaking param content: " + name + trailer;
    List<String> contentFlows = new ArrayList<>();
    if (tag.contentToReturn()) contentFlows.add("to result");
    for (int s : new TreeSet<>(tag.contentIntoContentOf())) {
      if (!slotName(m, s).equals(name)) contentFlows.add("stored into " + slotName(m, s));
    }
    return "leaking param content: " + name + (contentFlows.isEmpty() ? "" : " " + String.join(" and ", contentFlows))
        + trailer;
  }

  /** The source name of summary slot {@code s}: {@code this}, a parameter name, or {@code param #s}. */
  static String slotName(MethodIR m, int s) {
    if (s == 0 && !m.ref().isStatic()) return "this";
    if (s >= 0 && s < m.params().size() && m.params().get(s) != null) return m.params().get(s).name();
    return "param #" + s;
  }
}
