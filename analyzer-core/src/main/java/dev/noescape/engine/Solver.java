package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Analyzes one method against the current summaries of its callees: builds the connection graph,
 * solves it, and derives the method's summary and (when asked) its per-site results.
 *
 * <p>The solve is a small fixpoint of its own: an object that escapes to code running outside the
 * method's control (global reach) may have anything stored into it by that code, so its content
 * gets GLOBAL, and the points-to sets are propagated again; this only adds facts, so it ends
 * (usually after one extra round, when anything escapes at all).
 */
final class Solver {
  private Solver() {}

  record Outcome(Leaks.Derived derived, MethodResult result) {}

  /**
   * @param meter charged for the work of this analysis; throws {@link Meter.Exceeded} out of here
   *     when the method's budget is spent (nothing of the analysis is kept then)
   */
  static Outcome analyze(MethodIR ir, Calls.Resolver resolver, boolean full, Meter meter) {
    List<Stmt> stmts = ir.stmts();
    int n = stmts.size();
    meter.charge(n + ir.sites().size());
    Calls.Resolved[] calls = new Calls.Resolved[n];
    for (int k = 0; k < n; k++) {
      if (stmts.get(k) instanceof Stmt.Call c) calls[k] = resolver.resolve(ir, c);
    }
    int slots = ir.params().size();
    ConnectionGraph g = new ConnectionGraph(slots, ir.sites().size(), maxVarId(ir) + 1, meter);
    for (int i = 0; i < slots; i++) {
      Var p = ir.params().get(i);
      if (p != null) g.addObject(p.id(), g.param(i));
    }
    // Functional sites whose bodies keep their captures to themselves (fixed for this analysis: the
    // bodies are summarized first, or iterate with this method in one component).
    BitSet invocable = new BitSet();
    BitSet publishing = new BitSet();
    for (AllocSite site : ir.sites()) {
      if (resolver.invocable(site)) invocable.set(g.site(site.id()));
      if (resolver.publishes(site)) publishing.set(g.site(site.id()));
    }
    Calls.CallObjects[] callObjects = new Calls.CallObjects[n];
    for (int k = 0; k < n; k++) {
      if (calls[k] != null) callObjects[k] = Calls.objects(g, (Stmt.Call) stmts.get(k), k, calls[k]);
    }
    for (int k = 0; k < n; k++) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.Alloc a) {
        if (a.target() != null) g.addObject(a.target().id(), g.site(a.site().id()));
      } else if (s instanceof Stmt.Copy cp) {
        if (cp.source() != null && cp.target() != null) g.link(cp.source().id(), cp.target().id());
      } else if (s instanceof Stmt.Load l) {
        if (l.base() != null && l.target() != null) g.addLoad(l.base().id(), g.fieldId(l.field()), l.target().id());
      } else if (s instanceof Stmt.Store st) {
        if (st.base() != null && st.value() != null) g.addStore(st.base().id(), g.fieldId(st.field()), st.value().id(), k);
      } else if (s instanceof Stmt.StaticLoad sl) {
        if (sl.target() != null)
        g.link(g.constNode(ConnectionGraph.GLOBAL), sl.target().id());
      } else if (s instanceof Stmt.Call c) {
        Calls.apply(g, c, k, calls[k], callObjects[k], invocable);
      }
      // StaticStore, Return, Throw: causes, read after solving. Monitor: no effect.
    }

    BitSet seeded = new BitSet();
    Causes causes;
    HolderGraph hg;
    BitSet gReach;
    while (true) {
      g.propagate();
      meter.charge(g.objectCount()); // causes and global reach walk every object
      causes = Causes.compute(g, stmts, calls, invocable, publishing);
      hg = new HolderGraph(g);
      gReach = hg.globalReach(causes);
      boolean more = false;
      for (int o = gReach.nextSetBit(0); o >= 0; o = gReach.nextSetBit(o + 1)) {
        if (g.isLocal(o) && !seeded.get(o)) {
          seeded.set(o);
          // Code outside our control holds o: it may store anything into it.
          g.addObject(g.fieldNode(o, ConnectionGraph.F_CONTENT), ConnectionGraph.GLOBAL);
          more = true;
        }
      }
      if (!more) break;
    }
    BitSet retReach = hg.returnReach(causes);
    ReasonChains rc = new ReasonChains(ir, g, hg, causes, calls, resolver::displayName);
    Leaks.Derived derived = Leaks.derive(ir, g, hg, causes, gReach, retReach, calls, rc, full);
    if (!full) return new Outcome(derived, null);

    Escapes esc = Escapes.compute(g, hg, causes);
    List<SiteResult> sites = new ArrayList<>(ir.sites().size());
    for (AllocSite site : ir.sites()) {
      int o = g.site(site.id());
      if (esc.global(o)) sites.add(new SiteResult(site, EscapeState.GLOBAL_ESCAPE, rc.globalChain(esc, o)));
      else if (esc.argEscape(o)) sites.add(new SiteResult(site, EscapeState.ARG_ESCAPE, rc.argChain(esc, o)));
      else sites.add(new SiteResult(site, EscapeState.NO_ESCAPE, List.of()));
    }
    Map<Integer, Set<Integer>> pointsTo = new LinkedHashMap<>();
    int siteEnd = g.siteBase + ir.sites().size();
    for (int v = 0; v < g.varCount; v++) {
      BitSet p = g.pts(v);
      int o = p.nextSetBit(g.siteBase);
      if (o < 0 || o >= siteEnd) continue;
      BitSet ids = p.get(g.siteBase, siteEnd); // shifted: bit i = site i
      pointsTo.put(v, new SiteSet(ids));
    }
    // the fresh objects calls return: the C2 model predicts the allocations inside those callees by them
    Map<Integer, EscapeState> callResults = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      int o = callObjects[k] == null ? -1 : callObjects[k].result;
      if (o < 0) continue;
      callResults.put(k, esc.global(o) ? EscapeState.GLOBAL_ESCAPE
          : esc.argEscape(o) ? EscapeState.ARG_ESCAPE : EscapeState.NO_ESCAPE);
    }
    MethodResult result = new MethodResult(ir, List.copyOf(sites), derived.summary(),
        derived.paramChains(), Collections.unmodifiableMap(pointsTo), new BitSet(), new BitSet(),
        Collections.unmodifiableMap(callResults));
    return new Outcome(derived, result);
  }

  private static int maxVarId(MethodIR ir) {
    int max = -1;
    for (Var p : ir.params()) if (p != null) max = Math.max(max, p.id());
    for (Stmt s : ir.stmts()) {
      if (s instanceof Stmt.Alloc a) max = max(max, a.target());
      else if (s instanceof Stmt.Copy c) max = max(max(max, c.target()), c.source());
      else if (s instanceof Stmt.Load l) max = max(max(max, l.target()), l.base());
      else if (s instanceof Stmt.Store st) max = max(max(max, st.base()), st.value());
      else if (s instanceof Stmt.StaticLoad sl) max = max(max, sl.target());
      else if (s instanceof Stmt.StaticStore ss) max = max(max, ss.value());
      else if (s instanceof Stmt.Return r) max = max(max, r.value());
      else if (s instanceof Stmt.Throw t) max = max(max, t.value());
      else if (s instanceof Stmt.Monitor m) max = max(max, m.value());
      else if (s instanceof Stmt.Call c) {
        max = max(max, c.result());
        for (Var a : c.args()) max = max(max, a);
      }
    }
    return max;
  }

  private static int max(int m, Var v) {
    return v == null ? m : Math.max(m, v.id());
  }
}
