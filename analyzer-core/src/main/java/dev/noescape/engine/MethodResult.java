package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.Var;
import dev.noescape.summary.MethodSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's results for one method: what the rules read.
 *
 * @param method the analyzed method
 * @param sites one result per allocation site, indexed by {@link AllocSite#id()}
 * @param summary the method's computed summary (what its callers see)
 * @param paramChains for each summary slot that escapes or flows somewhere, the shortest reason
 *     chain (empty list when the slot does not escape); indexes match {@link MethodIR#params()}
 * @param pointsTo for each variable id, the ids of the allocation sites of this method it may
 *     reference (a variable absent from the map points to none)
 * @param callResults for each call statement (index into {@link MethodIR#stmts()}) whose callee
 *     returns a fresh object, that object's escape state in this method (absent: not fresh, or no
 *     result)
 */
public record MethodResult(
    MethodIR method,
    List<SiteResult> sites,
    MethodSummary summary,
    List<List<Reason>> paramChains,
    Map<Integer, Set<Integer>> pointsTo,
    Map<Integer, EscapeState> callResults) {

  /** A result that knows no call results' states. */
  public MethodResult(MethodIR method, List<SiteResult> sites, MethodSummary summary, List<List<Reason>> paramChains,
      Map<Integer, Set<Integer>> pointsTo) {
    this(method, sites, summary, paramChains, pointsTo, Map.of());
  }

  /** The escape state of the fresh object call statement {@code stmtIndex} returns, or null when it returns none. */
  public EscapeState callResult(int stmtIndex) {
    return callResults.get(stmtIndex);
  }

  public SiteResult site(AllocSite s) {
    return sites.get(s.id());
  }

  /** Whether {@code v} may reference an object allocated at {@code s}. */
  public boolean mayPointTo(Var v, AllocSite s) {
    return v != null && pointsTo.getOrDefault(v.id(), Set.of()).contains(s.id());
  }

  /** The allocation sites {@code v} may reference. */
  public Set<Integer> sitesOf(Var v) {
    return v == null ? Set.of() : pointsTo.getOrDefault(v.id(), Set.of());
  }
}
