package dev.noescape.rules;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.ExpectedEscape;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import java.util.List;

/**
 * {@code HeapEscape} (info): an allocation that outlives its method, with the reason chain — Go's
 * {@code moved to heap} / {@code escapes to heap}.
 *
 * <p><b>Reports</b> every allocation site the engine marks {@link EscapeState#GLOBAL_ESCAPE}:
 *
 * <pre>
 *   new StringBuilder() escapes to heap: returned (line 20) — the caller keeps it
 *   new Entry() escapes to heap: stored into Cache.map (line 20) … — a static field keeps it alive
 * </pre>
 *
 * At verbosity 1 the message carries the first step of the chain ({@code " …"} when more
 * follow); at verbosity 2 ({@code -m=2}) the whole chain joined with {@code "; "}. The short
 * hint after the dash names what keeps the object alive, from the last (outermost) step: the
 * caller, a static field, an object the caller passed in, a callee, an unanalyzed callee. The
 * finding's {@link Finding#reasons()} is always the full chain (SARIF related locations).
 *
 * <p>At verbosity 2 it also reports {@link EscapeState#ARG_ESCAPE} sites as information:
 * {@code new Foo() does not escape, but is passed to Bar.baz (line 3); only inlining lets the JIT
 * scalar-replace it}.
 *
 * <p><b>Stays quiet</b> about sites that do not allocate: boxing to {@code Boolean} or {@code Byte}
 * (always cached) and boxing of a compile-time constant inside the {@code valueOf} caches (Integer,
 * Short, Long −128..127; Character 0..127). Non-capturing lambdas have no site at all. Sites
 * without an engine verdict are skipped.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.HeapEscapeDoc}.
 */
public final class HeapEscapeRule extends SiteRule {
  public HeapEscapeRule() {
    super(RuleId.HEAP_ESCAPE);
  }

  @Override
  Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    if (s.neverAllocates()) return null;
    SiteResult sr = RuleSupport.siteResult(result, s);
    if (sr == null) return null;
    String message;
    ExpectedEscape expected = null;
    if (sr.state() == EscapeState.GLOBAL_ESCAPE) {
      expected = expected(m, sr.chain());
      if (expected != null && !context.showsExpectedEscapes()) return null;
      message = escapeMessage(s, sr.chain(), context.verbosity());
    } else if (sr.state() == EscapeState.ARG_ESCAPE && context.verbosity() >= 2) {
      message = argEscapeMessage(s, sr.chain());
    } else {
      return null;
    }
    Finding f = siteFinding(m, s, message, sr.chain(), Hotness.of(m, s), null);
    return expected == null ? f : f.expected(expected);
  }

  /**
   * Why an escape is expected, or null: a static initializer's objects live with the class; what is
   * thrown or returned at the end of the chain leaves the method by design.
   */
  static ExpectedEscape expected(MethodIR m, List<Reason> chain) {
    if (m.ref().name().equals("<clinit>")) return ExpectedEscape.STATIC_INITIALIZER;
    if (chain.isEmpty()) return null;
    return switch (chain.get(chain.size() - 1).kind()) {
      case THROWN -> ExpectedEscape.THROWN;
      case RETURNED -> ExpectedEscape.RETURNED;
      default -> null;
    };
  }

  static String escapeMessage(AllocSite s, List<Reason> chain, int verbosity) {
    StringBuilder sb = new StringBuilder(s.description()).append(" escapes to heap");
    if (!chain.isEmpty()) sb.append(": ").append(RuleSupport.chainText(chain, verbosity, false));
    String hint = chain.isEmpty() ? null : hint(chain.get(chain.size() - 1).kind());
    if (hint != null) sb.append(" — ").append(hint);
    return sb.toString();
  }

  static String argEscapeMessage(AllocSite s, List<Reason> chain) {
    String flow = chain.isEmpty() ? "passed to a call" : RuleSupport.chainText(chain, 2, false);
    return s.description() + " does not escape, but is " + flow
        + "; only inlining lets the JIT scalar-replace it";
  }

  /** What keeps the object alive, from the outermost step of the chain. */
  static String hint(Reason.Kind kind) {
    return switch (kind) {
      case RETURNED -> "the caller keeps it";
      case THROWN -> "a thrown object always outlives the method";
      case STORED_STATIC -> "a static field keeps it alive";
      case STORED_INTO -> "the object holding it outlives the method";
      case STORED_INTO_PARAM -> "an object the caller passed in keeps it";
      case PASSED_TO_CALL -> "the callee lets it escape";
      case PASSED_TO_UNKNOWN -> "code the analysis cannot see is assumed to keep it";
      case REACHABLE_FROM_GLOBAL -> "a global object keeps it";
      case CAPTURED -> "the lambda that captures it escapes";
      case PASSED_TO_NON_ESCAPING_CALL -> null;
    };
  }
}
