package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.Var;
import dev.noescape.summary.MethodSummary;
import java.util.BitSet;
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
 * @param failureSites the ids of the sites that only run on the way to a call that never returns
 *     normally (or a throw), as {@link dev.noescape.ir.ThrowFlow} decides it once callees are
 *     summarized; see {@link #cold}
 * @param failureStmts the indexes into {@link MethodIR#stmts()} of the statements that only run on
 *     the way to a throw or to a call that never returns normally, decided with {@code failureSites}
 *     ({@link #towardThrow})
 * @param callResults for each call statement (index into {@link MethodIR#stmts()}) whose callee
 *     returns a fresh object, that object's escape state in this method (absent: not fresh, or no
 *     result)
 * @param oneTime why the method runs only once, during class initialization ({@link
 *     OneTimeMethods}); null when it may run any number of times
 * @param construction why the method is set-up code, running once per object it builds ({@link
 *     ConstructionMethods}); null when it is not
 */
public record MethodResult(
    MethodIR method,
    List<SiteResult> sites,
    MethodSummary summary,
    List<List<Reason>> paramChains,
    Map<Integer, Set<Integer>> pointsTo,
    BitSet failureSites,
    BitSet failureStmts,
    Map<Integer, EscapeState> callResults,
    OneTime oneTime,
    Construction construction) {

  public MethodResult {
    if (failureSites == null) failureSites = new BitSet();
    if (failureStmts == null) failureStmts = new BitSet();
    if (callResults == null) callResults = Map.of();
  }

  /** A result of a method that is not known to run only once. */
  public MethodResult(MethodIR method, List<SiteResult> sites, MethodSummary summary, List<List<Reason>> paramChains,
      Map<Integer, Set<Integer>> pointsTo, BitSet failureSites, BitSet failureStmts, Map<Integer, EscapeState> callResults) {
    this(method, sites, summary, paramChains, pointsTo, failureSites, failureStmts, callResults, null, null);
  }

  /** This result of a method that runs only once ({@link #oneTime}). */
  MethodResult withOneTime(OneTime why) {
    return new MethodResult(method, sites, summary, paramChains, pointsTo, failureSites, failureStmts, callResults, why,
        construction);
  }

  /** This result of a method that is set-up code ({@link #construction}). */
  MethodResult withConstruction(Construction why) {
    return new MethodResult(method, sites, summary, paramChains, pointsTo, failureSites, failureStmts, callResults, oneTime,
        why);
  }

  /** A result whose sites are cold only as the front end decided and that knows no call results' states. */
  public MethodResult(MethodIR method, List<SiteResult> sites, MethodSummary summary, List<List<Reason>> paramChains,
      Map<Integer, Set<Integer>> pointsTo) {
    this(method, sites, summary, paramChains, pointsTo, new BitSet(), new BitSet(), Map.of());
  }

  /**
   * Why site {@code s} runs only rarely or once: the front end's cold path when it has one, else
   * {@link ColdPath#ERROR} when it only runs on the way to a call that never returns normally
   * ({@link #failureSites}) or in an arm that logs at error level ({@link
   * dev.noescape.ir.Arms#errorLogged}), else {@link ColdPath#CACHE_MISS} when it runs only on a cache miss
   * ({@link MethodIR#cacheMiss}), else {@link ColdPath#ONE_TIME} when the whole method runs only once
   * ({@link #oneTime}), else {@link ColdPath#CONSTRUCTION} when it is set-up code and {@link
   * ColdPath#DESCRIPTION} when it is {@code toString} or runs only for it ({@link #construction}),
   * else {@link ColdPath#NONE}. The rules ask here, never the site's own
   * context alone.
   */
  public ColdPath cold(AllocSite s) {
    ColdPath c = s.ctx().cold();
    if (c.isCold()) return c;
    if (failureSites.get(s.id())) return ColdPath.ERROR;
    if (method.control().arms().errorLogged(s.ctx().ordinal())) return ColdPath.ERROR;
    if (method.cacheMiss(s) != null) return ColdPath.CACHE_MISS;
    if (oneTime != null) return ColdPath.ONE_TIME;
    return construction != null ? construction.coldPath() : ColdPath.NONE;
  }

  /**
   * {@link #cold(AllocSite)} as the rules and the rankings take it: set-up code ({@link
   * ColdPath#CONSTRUCTION}) and {@code toString} ({@link ColdPath#DESCRIPTION}), cold by the method's
   * role ({@link ColdPath#overridable}), are not cold when {@code perOperation}, which the caller says
   * when the method is marked hot (a hot annotation on a constructor says its objects are built per
   * operation, on {@code toString} that it runs per operation) or when it asks for allocations
   * outside loops too, which are what set-up code mostly does. The one place that exception is made.
   */
  public ColdPath cold(AllocSite s, boolean perOperation) {
    ColdPath why = cold(s);
    return why.overridable() && perOperation ? ColdPath.NONE : why;
  }

  /**
   * What makes the whole method rare for site {@code s}'s rank ({@code finding.Hotness}): {@link
   * ColdPath#ONE_TIME} when the method runs once ({@link #oneTime}), {@link ColdPath#CONSTRUCTION} or
   * {@link ColdPath#DESCRIPTION} when {@code s} is in set-up code or {@code toString} and that counts
   * ({@link #cold(AllocSite, boolean)}), else {@link ColdPath#NONE}. The rules' findings and the profile's places rank a site with it alike.
   */
  public ColdPath methodCold(AllocSite s, boolean perOperation) {
    if (oneTime != null) return ColdPath.ONE_TIME;
    ColdPath why = cold(s, perOperation);
    return why.overridable() ? why : ColdPath.NONE;
  }

  /**
   * Whether statement {@code index} of {@link MethodIR#stmts()} runs only on the way to a throw: it
   * evaluates a throw's operand ({@link dev.noescape.ir.StmtContext#inThrow}), or every normal path
   * from it ends in a throw or in a call that never returns normally ({@link #failureStmts}, decided
   * by {@link dev.noescape.ir.ThrowFlow} with the callees' summaries). A {@code catch} block that
   * ends normally is not: it runs whenever its exception is caught, and before JDK 22 C2 compiles a
   * handler that the exception edge of a call it does not inline reaches, whatever the profile.
   */
  public boolean towardThrow(int index) {
    return method.stmts().get(index).ctx().inThrow() || failureStmts.get(index);
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
