package dev.noescape.engine;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Reason;
import dev.noescape.ir.Stmt;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a method's summary (what its callers see) from its solved graph, as Go's escape analysis
 * derives "leaking param" tags.
 *
 * <p>Seen from the callee, {@code P_i} and {@code C_i} are not escaped by definition: for slot i the
 * tags ask where {@code P_i} (the object) and {@code C_i} (what it held on entry) end up, following
 * holder edges from the sinks: the global reach (GLOBAL, globally caused objects, what
 * content-escaping objects hold) → {@code escapes}/{@code contentEscapes}; returned objects →
 * {@code toReturn}/{@code contentToReturn}; {@code P_j}/{@code C_j} for j ≠ i →
 * {@code intoContentOf}/{@code contentIntoContentOf}, and j = i when the method stores slot i (or
 * what it held) into something slot i holds ({@code this.b.add(this.a)}). {@code P_i} holds {@code C_i} only through
 * real stores, so a returned parameter is not reported as "content flows to result" too (the
 * caller sees its content through the object itself).
 */
final class Leaks {
  private Leaks() {}

  record Derived(MethodSummary summary, BitSet extra, List<List<Reason>> paramChains) {}

  static Derived derive(MethodIR ir, ConnectionGraph g, HolderGraph hg, Causes c, BitSet gReach,
      BitSet retReach, Calls.Resolved[] calls, ReasonChains rc, boolean wantChains) {
    int slots = ir.params().size();
    BitSet[] reach = new BitSet[slots];
    for (int j = 0; j < slots; j++) {
      if (ir.params().get(j) == null) continue;
      BitSet src = new BitSet();
      src.set(g.param(j));
      src.set(g.content(j));
      reach[j] = hg.closure(src);
    }
    List<ParamTag> tags = new ArrayList<>(slots);
    List<List<Reason>> chains = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      if (ir.params().get(i) == null) {
        tags.add(ParamTag.NONE);
        chains.add(List.of());
        continue;
      }
      int p = g.param(i), ci = g.content(i);
      Set<Integer> into = new TreeSet<>();
      Set<Integer> contentInto = new TreeSet<>();
      for (int j = 0; j < slots; j++) {
        if (j == i || reach[j] == null) continue;
        if (reach[j].get(p)) into.add(j);
        if (reach[j].get(ci)) contentInto.add(j);
      }
      // The slot moved into itself: this.b.add(this.a) stores what slot i held into what it holds.
      // Reachability from P_i/C_i cannot show it (they reach themselves anyway), so look at what
      // this method stored into them and what that holds. Callers must learn it: after o.m(),
      // o.b holds o.a, and returning o.b returns o.a.
      BitSet storedIntoSelf = g.storedValues(p);
      storedIntoSelf.or(g.storedValues(ci));
      // Not through GLOBAL: an escaping slot's content holds GLOBAL, which holds the slot again;
      // that is escape (its own tag), not a move within the slot.
      BitSet heldBySelf = hg.closure(storedIntoSelf, ConnectionGraph.GLOBAL);
      // Only for a slot that does not escape: once it escapes, callers already treat everything it
      // reaches as escaped, and the intoContentOf stores a global holder makes would show up here
      // as spurious self-moves.
      if (heldBySelf.get(p) && !gReach.get(p)) into.add(i);
      if (heldBySelf.get(ci) && !gReach.get(p) && !gReach.get(ci)) contentInto.add(i);
      boolean escapes = gReach.get(p);
      ParamTag tag = new ParamTag(escapes, retReach.get(p), into, gReach.get(ci), retReach.get(ci), contentInto, null);
      if (tag.isNone()) {
        tags.add(ParamTag.NONE);
        chains.add(List.of());
        continue;
      }
      boolean fromParam = tag.escapes() || tag.toReturn() || !tag.intoContentOf().isEmpty();
      Search s = search(ir, g, hg, c, rc, i, fromParam, wantChains);
      if (escapes) {
        tag = new ParamTag(tag.escapes(), tag.toReturn(), tag.intoContentOf(), tag.contentEscapes(),
            tag.contentToReturn(), tag.contentIntoContentOf(), s.why());
      }
      tags.add(tag);
      // An escaping slot is explained by how it escapes, not by the cheapest way out (a slot that is
      // returned and also stored into a static says the static).
      chains.add(!wantChains ? List.of() : escapes && s.globalChain() != null ? s.globalChain() : s.chain());
    }

    boolean fresh = false;
    BitSet returned = new BitSet();
    for (int o = 0; o < g.objectCount(); o++) if (c.retStmt[o] != Causes.NONE) returned.set(o);
    if (!returned.isEmpty()) {
      fresh = true;
      for (int o = returned.nextSetBit(0); o >= 0 && fresh; o = returned.nextSetBit(o + 1)) {
        ConnectionGraph.Kind k = g.kind(o);
        if (k != ConnectionGraph.Kind.SITE && k != ConnectionGraph.Kind.RESULT || gReach.get(o)) fresh = false;
        for (int j = 0; j < slots && fresh; j++) if (reach[j] != null && reach[j].get(o)) fresh = false;
      }
    }

    // What the AllocationContract rule counts, so a summary shipped in a jar agrees with the rule run
    // on the sources: the failure path (a throw's operand, in the method or its callees) and boxing
    // the valueOf caches answer do not allocate.
    Allocates allocates = Allocates.NO;
    for (dev.noescape.ir.AllocSite s : ir.sites()) {
      if (!s.ctx().inThrow() && !s.neverAllocates()) {
        allocates = Allocates.YES;
        break;
      }
    }
    for (int k = 0; k < calls.length && allocates != Allocates.YES; k++) {
      Calls.Resolved r = calls[k];
      if (r == null || ir.stmts().get(k).ctx().inThrow()) continue;
      Allocates a = r.unknown() ? Allocates.UNKNOWN : r.summary().allocates();
      allocates = allocates.join(a);
    }

    BitSet extra = new BitSet();
    for (int j = 0; j < slots; j++) {
      if (reach[j] == null) continue;
      for (int o = reach[j].nextSetBit(0); o >= 0; o = reach[j].nextSetBit(o + 1)) {
        if (g.isLocal(o)) extra.set(Calls.Extra.freshInto(j));
      }
      if (reach[j].get(ConnectionGraph.GLOBAL)) extra.set(Calls.Extra.globalInto(j));
    }
    if (slots > 0 && ir.params().get(0) != null) {
      // Slot 0 (or what it held on entry, or something holding either) stored into slot 0 or its
      // content: the tags only relate different slots, so say it here (for callback bodies).
      int p0 = g.param(0), c0 = g.content(0);
      BitSet stored = g.storedValues(p0);
      stored.or(g.storedValues(c0));
      BitSet cl = hg.closure(stored);
      if (cl.get(p0) || cl.get(c0)) extra.set(Calls.Extra.SELF_INTO_0);
    }
    if (fresh && retReach.get(ConnectionGraph.GLOBAL)) extra.set(Calls.Extra.RET_GLOBAL);
    if (!fresh) {
      for (int o = returned.nextSetBit(0); o >= 0; o = returned.nextSetBit(o + 1)) {
        ConnectionGraph.Kind k = g.kind(o);
        if (k != ConnectionGraph.Kind.PARAM && k != ConnectionGraph.Kind.CONTENT) extra.set(Calls.Extra.RET_OTHER);
      }
      // A returned variable that refers to nothing we know of: do not let callers assume "nothing".
      for (Stmt s : ir.stmts()) {
        if (s instanceof Stmt.Return r && r.value() != null && g.pts(r.value().id()).isEmpty()) extra.set(Calls.Extra.RET_OTHER);
      }
    }

    MethodSummary summary = new MethodSummary(tags, fresh, allocates, "computed");
    return new Derived(summary, extra, chains);
  }

  /**
   * The shortest chain of a parameter slot, the chain of its best global way out (null when it has
   * none or chains were not asked for), and the short phrase for that global way out.
   */
  record Search(List<Reason> chain, List<Reason> globalChain, String why) {}

  private static final int T_SELF = 0;
  private static final int T_EDGE = 1;
  private static final int T_EDGE_CONTENT = 2;
  private static final int T_OWN_CONTENT = 3;

  /**
   * Breadth-first search from {@code P_i} (or {@code C_i} when only content tags are set) towards
   * its holders, collecting every way out: a direct cause (returned, thrown, static, escaping call), a holder that is GLOBAL or
   * another parameter, a holder whose content escapes. The cheapest (then earliest statement, then
   * lowest holder) is the chain; the cheapest global one gives {@code why}.
   */
  private static Search search(MethodIR ir, ConnectionGraph g, HolderGraph hg, Causes c, ReasonChains rc, int slot,
      boolean fromParam, boolean wantChains) {
    int n = g.objectCount();
    int p = g.param(slot), ci = g.content(slot);
    int[] depth = new int[n];
    int[] parent = new int[n];
    int[] parentStmt = new int[n];
    java.util.Arrays.fill(depth, -1);
    int[] queue = new int[n];
    int head = 0, tail = 0;
    int start = fromParam ? p : ci;
    depth[start] = 0;
    parent[start] = -1;
    queue[tail++] = start;
    Cand best = null, bestGlobal = null;
    while (head < tail) {
      int x = queue[head++];
      int d = depth[x];
      if (g.kind(x) == ConnectionGraph.Kind.CONTENT) {
        int own = c.contentStmt[g.param(g.aux(x))];
        if (own != Causes.NONE) {
          Cand cd = new Cand(d + 1, own, -1, x, T_OWN_CONTENT, true, weak(ir, rc, own));
          best = Cand.min(best, cd);
          bestGlobal = Cand.min(bestGlobal, cd);
        }
      }
      if (c.escStmt[x] != Causes.NONE) {
        Cand cd = new Cand(d + 1, c.escStmt[x], -1, x, T_SELF, true, weak(ir, rc, c.escStmt[x]));
        best = Cand.min(best, cd);
        bestGlobal = Cand.min(bestGlobal, cd);
      }
      if (c.retStmt[x] != Causes.NONE) best = Cand.min(best, new Cand(d + 1, c.retStmt[x], -1, x, T_SELF, false, false));
      for (int e = hg.revStart(x); e < hg.revEnd(x); e++) {
        int h = hg.revFrom(e);
        if (h == p || h == ci) continue;
        ConnectionGraph.Kind k = g.kind(h);
        boolean candidate = k == ConnectionGraph.Kind.GLOBAL || k == ConnectionGraph.Kind.PARAM
            || k == ConnectionGraph.Kind.CONTENT || c.contentStmt[h] != Causes.NONE;
        // the edge's statement costs a scan of the stores into h: looked up only when it is used
        if (!candidate && depth[h] >= 0) continue;
        int st = hg.stmt(h, x);
        if (k == ConnectionGraph.Kind.GLOBAL) {
          Cand cd = new Cand(d + 1, st, h, x, T_EDGE, true, false);
          best = Cand.min(best, cd);
          bestGlobal = Cand.min(bestGlobal, cd);
        } else {
          if (k == ConnectionGraph.Kind.PARAM || k == ConnectionGraph.Kind.CONTENT) {
            // Another parameter holds it: intoContentOf. Keep going: that parameter may escape too.
            best = Cand.min(best, new Cand(d + 1, st, h, x, T_EDGE, false, false));
          }
          if (c.contentStmt[h] != Causes.NONE) {
            Cand cd = new Cand(d + 2, st, h, x, T_EDGE_CONTENT, true, weak(ir, rc, c.contentStmt[h]));
            best = Cand.min(best, cd);
            bestGlobal = Cand.min(bestGlobal, cd);
          }
          if (depth[h] < 0) {
            depth[h] = d + 1;
            parent[h] = x;
            parentStmt[h] = st;
            queue[tail++] = h;
          }
        }
      }
    }
    List<Reason> chain = best == null || !wantChains ? List.of() : render(g, rc, c, best, parent, parentStmt);
    List<Reason> globalChain = bestGlobal == null || !wantChains ? null
        : bestGlobal == best ? chain : render(g, rc, c, bestGlobal, parent, parentStmt);
    String why = bestGlobal == null ? null : why(g, rc, c, ir, bestGlobal);
    return new Search(chain, globalChain, why);
  }

  /**
   * A way out: cost in steps, statement, holder (-1 none), the object where it happens, type, and
   * whether it is only an assumption (a call nothing resolved: unknown or overridable code is
   * assumed to keep what it is given). A definite way out (returned, thrown, a static, a field of
   * a global or a parameter, a resolved callee) is preferred to an assumed one, then the shorter.
   */
  private record Cand(int cost, int stmt, int holder, int at, int type, boolean global, boolean weak) {
    static Cand min(Cand a, Cand b) {
      if (a == null) return b;
      if (b.weak != a.weak) return a.weak ? b : a;
      if (b.cost != a.cost) return b.cost < a.cost ? b : a;
      if (b.stmt != a.stmt) return b.stmt < a.stmt ? b : a;
      return b.holder < a.holder ? b : a;
    }
  }

  private static List<Reason> render(ConnectionGraph g, ReasonChains rc, Causes c, Cand t, int[] parent, int[] parentStmt) {
    List<Reason> out = new ArrayList<>();
    // Path from the start (P_i or C_i) to t.at, outward.
    List<Integer> path = new ArrayList<>();
    for (int x = t.at(); x >= 0; x = parent[x]) path.add(0, x);
    for (int m = 0; m + 1 < path.size(); m++) {
      int x = path.get(m), h = path.get(m + 1);
      out.add(rc.edge(x, m == 0, h, parentStmt[h]));
    }
    boolean first = path.size() == 1;
    switch (t.type()) {
      case T_SELF -> out.add(rc.selfCause(t.at(), first, t.stmt()));
      case T_EDGE -> out.add(rc.edge(t.at(), first, t.holder(), t.stmt()));
      case T_OWN_CONTENT -> {
        int po = g.param(g.aux(t.at()));
        out.add(rc.contentCause(po, t.stmt(), c.contentSlot[po]));
      }
      default -> {
        out.add(rc.edge(t.at(), first, t.holder(), t.stmt()));
        out.add(rc.contentCause(t.holder(), c.contentStmt[t.holder()], c.contentSlot[t.holder()]));
      }
    }
    return out;
  }

  /** {@code stored in static field Registry.ALL}, {@code passed to unknown Foo.bar}, {@code thrown}. */
  private static String why(ConnectionGraph g, ReasonChains rc, Causes c, MethodIR ir, Cand t) {
    List<Stmt> stmts = ir.stmts();
    switch (t.type()) {
      case T_SELF: {
        Stmt s = stmts.get(t.stmt());
        if (s instanceof Stmt.Throw) return "thrown";
        if (s instanceof Stmt.StaticStore st) return "stored in static field " + st.field().displayName();
        if (s instanceof Stmt.Call call) return passedWhy(rc, call, t.stmt(), c.escSlot[t.at()], "passed to ");
        return null;
      }
      case T_EDGE: {
        Stmt s = t.stmt() >= 0 ? stmts.get(t.stmt()) : null;
        ReasonChains.Origin o = null;
        if (s instanceof Stmt.Store st) o = rc.origin(st.base(), 0);
        else if (s instanceof Stmt.Call call) o = rc.callOrigin(call);
        if (o == null) return "stored into a globally reachable object";
        return o.path().equals(o.staticField()) ? "stored in static field " + o.path() : "stored into " + o.path();
      }
      case T_EDGE_CONTENT: {
        int h = t.holder();
        Stmt.Call call = (Stmt.Call) stmts.get(c.contentStmt[h]);
        return passedWhy(rc, call, c.contentStmt[h], c.contentSlot[h], "stored into an object whose content is passed to ");
      }
      default: {
        int pObj = g.param(g.aux(t.at()));
        Stmt.Call call = (Stmt.Call) stmts.get(c.contentStmt[pObj]);
        return passedWhy(rc, call, c.contentStmt[pObj], c.contentSlot[pObj], "content passed to ");
      }
    }
  }

  /** Whether statement {@code stmt} is a call left to the conservative default. */
  private static boolean weak(MethodIR ir, ReasonChains rc, int stmt) {
    return stmt >= 0 && ir.stmts().get(stmt) instanceof Stmt.Call && rc.unknownCall(stmt);
  }

  /** Marks a cause that lies further down the calls: {@code … stored in static field Registry.ALL}. */
  static final String FURTHER = "… ";

  /**
   * The phrase for a slot that escapes through call {@code stmt}: the terminal cause, so that a
   * chain never stops at a callee that only hands the object on. An unresolved call is its own
   * terminal ({@code passed to unknown Foo.bar}, {@code passed to overridable Foo.bar}); a library
   * callee's reason names it ({@code passed to Executor.execute: submitted to an executor}); a
   * program callee's reason is already its terminal cause, and is passed up marked as lying
   * further down ({@link #FURTHER}).
   */
  private static String passedWhy(ReasonChains rc, Stmt.Call call, int stmt, int slot, String lead) {
    Calls.Resolved r = rc.call(stmt);
    if (r.unknown()) return lead + rc.unresolvedName(r);
    String callee = rc.name(call.callee());
    String calleeWhy = slot >= 0 && slot < call.args().size() ? r.tag(slot).why() : null;
    if (calleeWhy == null) return lead + callee;
    if (!r.fromProgram()) return lead + callee + ": " + calleeWhy;
    return calleeWhy.startsWith(FURTHER) ? calleeWhy : FURTHER + calleeWhy;
  }
}
