package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the distances of {@link Escapes} into the shortest chain of {@link Reason}s, and words
 * every step.
 *
 * <p>A chain reads outward from the object: the first step says what happened to it ({@code
 * returned}, {@code stored into Cache.map}), each further step what happened to the object holding
 * it ({@code Cache object is reachable from static field Cache.INSTANCE}). Walking down the
 * distances from the object always reaches a direct cause or a root in exactly {@code distE}
 * steps, so the chain is a shortest one; among equally short next steps the one made by the
 * earliest statement wins, then the lowest holder id (sites are numbered in program order), so
 * output is deterministic.
 */
final class ReasonChains {
  private final MethodIR ir;
  private final List<Stmt> stmts;
  private final ConnectionGraph g;
  private final HolderGraph hg;
  private final Causes c;
  private final Calls.Resolved[] calls;
  private int[][] defs;

  private final java.util.function.Function<MethodRef, String> names;

  ReasonChains(MethodIR ir, ConnectionGraph g, HolderGraph hg, Causes c, Calls.Resolved[] calls,
      java.util.function.Function<MethodRef, String> names) {
    this.names = names;
    this.ir = ir;
    this.stmts = ir.stmts();
    this.g = g;
    this.hg = hg;
    this.c = c;
    this.calls = calls;
  }

  // ---- site chains ----

  /** The shortest chain explaining why {@code o} escapes globally ({@code esc.global(o)}, not a root). */
  List<Reason> globalChain(Escapes esc, int o) {
    List<Reason> out = new ArrayList<>();
    int cur = o;
    boolean first = true;
    while (true) {
      long best = bestE(esc, cur);
      int stmt = (int) (best >>> 32), holder = (int) best - 1;
      if (holder < 0) {
        out.add(selfCause(cur, first, stmt));
        return out;
      }
      out.add(edge(cur, first, holder, stmt));
      if (g.isRoot(holder)) return out;
      int dh = esc.distH[holder];
      int cs = c.contentStmt[holder];
      if (cs != Causes.NONE && dh == 1 && (esc.distE[holder] != 1 || cs < (int) (bestE(esc, holder) >>> 32))) {
        out.add(contentCause(holder, cs, c.contentSlot[holder]));
        return out;
      }
      cur = holder;
      first = false;
    }
  }

  /**
   * Best way {@code x} escapes: (stmt << 32) | (holder + 1), holder 0 meaning its own direct cause.
   * Among equally short ways, a holder that escapes is preferred to a direct cause that is only an
   * assumption (a call nothing resolved), so a chain shows the definite cause when there is one.
   */
  private long bestE(Escapes esc, int x) {
    int d = esc.distE[x];
    long best = Long.MAX_VALUE;
    int self = c.selfStmt(x);
    if (self != Causes.NONE && d == 1) best = ((long) self << 32) | (assumed(self) ? ASSUMED : 0);
    for (int e = hg.revStart(x); e < hg.revEnd(x); e++) {
      int h = hg.revFrom(e);
      if (esc.distH[h] + 1 != d) continue;
      long cand = ((long) hg.stmt(h, x) << 32) | (h + 1);
      if (cand < best) best = cand;
    }
    return best & ~ASSUMED;
  }

  /** Ranks a direct cause that is an unresolved call after every other way (never part of the result). */
  private static final long ASSUMED = 1L << 62;

  private boolean assumed(int stmt) {
    return stmts.get(stmt) instanceof Stmt.Call && calls[stmt].unknown();
  }

  /** The shortest chain explaining why {@code o} is ArgEscape. */
  List<Reason> argChain(Escapes esc, int o) {
    List<Reason> out = new ArrayList<>();
    int cur = o;
    boolean first = true;
    while (true) {
      int d = esc.distA[cur];
      long best = Long.MAX_VALUE;
      if (d == 1 && c.argStmt[cur] != Causes.NONE) best = (long) c.argStmt[cur] << 32;
      for (int e = hg.revStart(cur); e < hg.revEnd(cur); e++) {
        int h = hg.revFrom(e);
        if (esc.distA[h] + 1 != d) continue;
        long cand = ((long) hg.stmt(h, cur) << 32) | (h + 1);
        if (cand < best) best = cand;
      }
      int stmt = (int) (best >>> 32), holder = (int) best - 1;
      if (holder < 0) {
        Stmt.Call call = (Stmt.Call) stmts.get(stmt);
        out.add(new Reason(Reason.Kind.PASSED_TO_NON_ESCAPING_CALL,
            prefix(cur, first) + "passed to " + name(call.callee()), pos(stmt)));
        return out;
      }
      out.add(edge(cur, first, holder, stmt));
      cur = holder;
      first = false;
    }
  }

  // ---- steps ----

  /** The direct cause of {@code subject} at statement {@code stmt}: return, throw, static store or escaping call. */
  Reason selfCause(int subject, boolean first, int stmt) {
    Stmt s = stmts.get(stmt);
    String p = prefix(subject, first);
    if (s instanceof Stmt.Return) return new Reason(Reason.Kind.RETURNED, p + "returned", pos(stmt));
    if (s instanceof Stmt.Throw) return new Reason(Reason.Kind.THROWN, p + "thrown", pos(stmt));
    if (s instanceof Stmt.StaticStore st) {
      String f = st.field().displayName();
      return first && p.isEmpty()
          ? new Reason(Reason.Kind.STORED_STATIC, "stored into static field " + f, pos(stmt))
          : new Reason(Reason.Kind.STORED_STATIC, p + "reachable from static field " + f, pos(stmt));
    }
    Stmt.Call call = (Stmt.Call) s;
    int slot = c.escSlot[subject];
    if (slot >= 0 && !calls[stmt].tag(slot).escapes()) {
      // Only a callback whose own body publishes it escapes through a slot that does not keep it.
      return new Reason(Reason.Kind.PASSED_TO_CALL,
          p + "passed to " + name(call.callee()) + ", which invokes it, and its body lets it escape", pos(stmt));
    }
    return passed(call, stmt, slot, p);
  }

  private Reason passed(Stmt.Call call, int stmt, int slot, String p) {
    Calls.Resolved r = calls[stmt];
    String callee = name(call.callee());
    if (r.unknown()) return new Reason(Reason.Kind.PASSED_TO_UNKNOWN, p + "passed to " + unresolvedName(r), pos(stmt));
    String why = slot >= 0 ? r.tag(slot).why() : null;

    return new Reason(Reason.Kind.PASSED_TO_CALL,
        // The callee's reason is a phrase ("stored in static field Reg.ALL", "submitted to an
        // executor"), not a clause: "passed to Pool.submit: submitted to an executor".
        p + "passed to " + callee + (why != null ? ": " + why : ""), pos(stmt));
  }

  /** What {@code holder} holds escapes because its content is handed to a call that lets it escape. */
  Reason contentCause(int holder, int stmt, int slot) {
    return passed((Stmt.Call) stmts.get(stmt), stmt, slot, "content of " + describe(holder) + " is ");
  }

  /** {@code subject} was stored into {@code holder} by statement {@code stmt}. */
  Reason edge(int subject, boolean first, int holder, int stmt) {
    String p = prefix(subject, first);
    Stmt s = stmt >= 0 ? stmts.get(stmt) : null;
    ConnectionGraph.Kind hk = g.kind(holder);
    Reason.Kind kind = switch (hk) {
      case GLOBAL -> Reason.Kind.REACHABLE_FROM_GLOBAL;
      case PARAM, CONTENT -> Reason.Kind.STORED_INTO_PARAM;
      default -> Reason.Kind.STORED_INTO;
    };
    String text;
    if (s instanceof Stmt.Store st) {
      FieldRef f = st.field();
      String pn = hk == ConnectionGraph.Kind.PARAM || hk == ConnectionGraph.Kind.CONTENT ? paramName(g.aux(holder)) : null;
      Origin origin = hk == ConnectionGraph.Kind.GLOBAL ? origin(st.base(), 0) : null;
      if (f.equals(FieldRef.ARRAY_ELEMENT)) {
        text = switch (hk) {
          case PARAM -> "stored into " + pn + "[]";
          case CONTENT -> "stored into an array reachable from " + pn;
          case GLOBAL -> origin != null ? "stored into " + origin.path() + "[]" : "stored into an element of a globally reachable array";
          default -> "stored into an element of " + holderName(holder);
        };
      } else if ("<capture>".equals(f.owner()) && hk == ConnectionGraph.Kind.SITE) {
        kind = Reason.Kind.CAPTURED;
        text = "captured by " + ir.site(g.aux(holder)).description();
      } else if (f.equals(FieldRef.CONTENT)) {
        text = "stored into " + holderName(holder);
      } else {
        text = switch (hk) {
          case PARAM -> "stored into field " + pn + "." + f.name();
          case CONTENT -> "stored into field " + f.displayName() + " of an object reachable from " + pn;
          case GLOBAL -> origin != null ? "stored into " + origin.path() + "." + f.name()
              : "stored into " + f.displayName() + " of a globally reachable object";
          default -> "stored into " + f.displayName();
        };
      }
    } else if (s instanceof Stmt.Call call) {
      String callee = name(call.callee());
      if (hk == ConnectionGraph.Kind.RESULT && g.aux(holder) == stmt) {
        text = "stored into the result of " + callee;
      } else if (g.kind(subject) == ConnectionGraph.Kind.FOREIGN && g.aux(subject) == stmt) {
        text = "held by " + holderName(holder);
      } else {
        String hn = hk == ConnectionGraph.Kind.GLOBAL ? globalName(callOrigin(call)) : holderName(holder);
        text = "stored into " + hn + " by " + callee;
      }
    } else {
      text = "reachable from " + holderName(holder);
    }
    return new Reason(kind, p + text, pos(stmt));
  }

  /** How a holder is named inside a step: {@code new ArrayList<>()}, {@code list}, {@code the result of Foo.make}. */
  String holderName(int h) {
    return switch (g.kind(h)) {
      case SITE -> ir.site(g.aux(h)).description();
      case RESULT -> "the result of " + calleeOf(h);
      case FOREIGN -> "an object created by " + calleeOf(h);
      case PARAM -> paramName(g.aux(h));
      case CONTENT -> "an object reachable from " + paramName(g.aux(h));
      case GLOBAL -> "a globally reachable object";
    };
  }

  /** How an object is named as the subject of a later step: {@code Cache object is ...}. */
  String describe(int o) {
    return switch (g.kind(o)) {
      case SITE -> {
        AllocSite s = ir.site(g.aux(o));
        if (s.kind().isFunctional()) yield s.description();
        if (s.kind() == SiteKind.NEW_ARRAY || s.kind() == SiteKind.VARARGS_ARRAY) yield s.simpleType() + " array";
        yield s.simpleType() + " object";
      }
      case RESULT -> "result of " + calleeOf(o);
      case FOREIGN -> "object created by " + calleeOf(o);
      case PARAM -> paramName(g.aux(o));
      case CONTENT -> "content of " + paramName(g.aux(o));
      case GLOBAL -> "global object";
    };
  }

  /** The first step about a site or parameter needs no subject; later steps name theirs. */
  private String prefix(int subject, boolean first) {
    ConnectionGraph.Kind k = g.kind(subject);
    if (first && (k == ConnectionGraph.Kind.SITE || k == ConnectionGraph.Kind.PARAM)) return "";
    return describe(subject) + " is ";
  }

  String paramName(int slot) {
    Var v = slot < ir.params().size() ? ir.params().get(slot) : null;
    return v != null ? v.name() : "parameter " + slot;
  }

  private String calleeOf(int o) {
    return name(((Stmt.Call) stmts.get(g.aux(o))).callee());
  }

  /** How steps name a callee: {@link Calls.Resolver#displayName}. */
  String name(MethodRef m) {
    return names.apply(m);
  }

  boolean unknownCall(int stmt) {
    return calls[stmt].unknown();
  }

  /** How a reason names a call that was not resolved: {@code unknown Foo.bar}, {@code overridable Foo.bar}. */
  String unresolvedName(Calls.Resolved r) {
    String word = r.unresolved().unresolved() == CallTargets.Unresolved.OVERRIDABLE ? "overridable " : "unknown ";
    return word + name(r.unresolved().ref());
  }

  /** The resolution of call statement {@code stmt}. */
  Calls.Resolved call(int stmt) {
    return calls[stmt];
  }

  SourcePos pos(int stmt) {
    return stmt >= 0 ? stmts.get(stmt).ctx().pos() : ir.pos();
  }

  // ---- where a global object came from, for words only ----

  /** A path from a static field: {@code staticField} {@code Cache.INSTANCE}, path {@code Cache.INSTANCE.map}. */
  record Origin(String staticField, String path) {}

  static String globalName(Origin o) {
    return o != null ? o.path() : "a globally reachable object";
  }

  /** The origin of a global object an argument of {@code call} refers to (first such slot). */
  Origin callOrigin(Stmt.Call call) {
    for (Var a : call.args()) {
      if (a != null && g.pts(a.id()).get(ConnectionGraph.GLOBAL)) {
        Origin o = origin(a, 0);
        if (o != null) return o;
      }
    }
    return null;
  }

  /** Origin of the global object {@code v} may refer to: a static field, then field loads and copies. */
  Origin origin(Var v, int depth) {
    if (v == null || depth > 8) return null;
    for (int k : defs(v.id())) {
      Stmt s = stmts.get(k);
      if (s instanceof Stmt.StaticLoad sl) {
        String f = sl.field().displayName();
        return new Origin(f, f);
      }
      if (s instanceof Stmt.Load l && g.pts(l.base().id()).get(ConnectionGraph.GLOBAL)) {
        Origin b = origin(l.base(), depth + 1);
        if (b != null) {
          String suffix = l.field().equals(FieldRef.ARRAY_ELEMENT) ? "[]" : "." + l.field().name();
          return new Origin(b.staticField(), b.path() + suffix);
        }
      }
      if (s instanceof Stmt.Copy cp && g.pts(cp.source().id()).get(ConnectionGraph.GLOBAL)) {
        Origin b = origin(cp.source(), depth + 1);
        if (b != null) return b;
      }
    }
    return null;
  }

  private int[] defs(int var) {
    if (defs == null) {
      int n = g.varCount;
      IntList[] lists = new IntList[n];
      for (int k = 0; k < stmts.size(); k++) {
        Stmt s = stmts.get(k);
        Var t = null;
        if (s instanceof Stmt.StaticLoad sl) t = sl.target();
        else if (s instanceof Stmt.Load l) t = l.target();
        else if (s instanceof Stmt.Copy cp) t = cp.target();
        if (t == null) continue;
        if (lists[t.id()] == null) lists[t.id()] = new IntList();
        lists[t.id()].add(k);
      }
      defs = new int[n][];
      for (int i = 0; i < n; i++) {
        IntList l = lists[i];
        defs[i] = new int[l == null ? 0 : l.size()];
        for (int j = 0; l != null && j < l.size(); j++) defs[i][j] = l.get(j);
      }
    }
    return var < defs.length ? defs[var] : new int[0];
  }
}
