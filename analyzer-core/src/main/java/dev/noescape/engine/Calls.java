package dev.noescape.engine;

import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Call statements: which summary applies (resolution) and what it does to the caller's graph.
 *
 * <p>Resolution per target ({@code callee} and each of {@code overrides}): a library summary when
 * the provider has one (hand-checked models win over code we can see); else, when dispatch is
 * closed and the program declares the target, its computed summary (the current approximation
 * while its strongly connected component iterates); else {@link MethodSummary#unknown}. The
 * targets' summaries are joined.
 *
 * <p>Computed summaries travel with {@link Extra} flags the public summary format cannot express:
 * whether the callee stores objects of its own (or global ones) into an argument's content, and
 * whether its fresh result reaches global objects. Library summaries are trusted to describe all
 * content effects through their tags.
 */
final class Calls {
  private Calls() {}

  /** Side facts of a computed summary, as bits. */
  static final class Extra {
    private Extra() {}

    /** The fresh result may hold global objects (the callee stored a static's value into it). */
    static final int RET_GLOBAL = 0;
    /**
     * The result may be something other than (the content of) a parameter: a global, or an object
     * of the callee that is not fresh. Set for every library and unknown target, so a
     * non-fresh result is GLOBAL unless a computed summary proves it comes from the arguments.
     */
    static final int RET_OTHER = 1;

    /** The callee stores objects it created into the content of this slot. */
    static int freshInto(int slot) {
      return 2 + 2 * slot;
    }

    /** The callee stores global objects into the content of this slot. */
    static int globalInto(int slot) {
      return 3 + 2 * slot;
    }
  }

  /** A computed summary and its side flags. */
  record Computed(MethodSummary summary, BitSet extra) {}

  /** The summary a call statement uses. */
  record Resolved(MethodSummary summary, boolean unknown, BitSet extra) {
    ParamTag tag(int slot) {
      return summary.param(slot);
    }
  }

  /** Resolves call targets against the library and the program's current summaries. */
  static final class Resolver {
    private final SummaryProvider library;
    private final Map<String, Integer> programIndex;
    private final Computed[] current;
    private final Map<MethodRef, Optional<MethodSummary>> libraryCache = new HashMap<>();

    Resolver(SummaryProvider library, Map<String, Integer> programIndex, Computed[] current) {
      this.library = library;
      this.programIndex = programIndex;
      this.current = current;
    }

    Optional<MethodSummary> library(MethodRef m) {
      Optional<MethodSummary> s = libraryCache.get(m);
      if (s == null) {
        s = library.lookup(m);
        if (s == null) s = Optional.empty();
        libraryCache.put(m, s);
      }
      return s;
    }

    /** The program method a call edge goes to, or -1 (library model, open dispatch, or outside). */
    int programTarget(MethodRef m, boolean dispatchOpen) {
      if (library(m).isPresent() || dispatchOpen) return -1;
      Integer i = programIndex.get(m.key());
      return i == null ? -1 : i;
    }

    Resolved resolve(Stmt.Call c) {
      List<MethodRef> targets = new ArrayList<>(1 + c.overrides().size());
      targets.add(c.callee());
      targets.addAll(c.overrides());
      MethodSummary joined = null;
      boolean unknown = false;
      BitSet extra = new BitSet();
      int slots = c.callee().slotCount();
      for (MethodRef t : targets) {
        MethodSummary s;
        Optional<MethodSummary> lib = library(t);
        int idx = lib.isPresent() ? -1 : programTarget(t, c.dispatchOpen());
        if (lib.isPresent()) {
          s = lib.get();
          extra.set(Extra.RET_OTHER);
        } else if (idx >= 0 && current[idx] != null) {
          s = current[idx].summary();
          extra.or(current[idx].extra());
        } else {
          s = MethodSummary.unknown(slots);
          extra.set(Extra.RET_OTHER);
        }
        unknown |= s.isUnknown();
        joined = joined == null ? s : joined.join(s);
      }
      return new Resolved(joined, unknown, extra);
    }
  }

  /** Per call statement, the objects it introduces: its fresh result and per-slot foreign objects. */
  static final class CallObjects {
    int result = -1;
    int[] foreign;
  }

  /** Creates the objects calls introduce (before constraints, so ids are stable). */
  static CallObjects objects(ConnectionGraph g, Stmt.Call c, int stmt, Resolved r) {
    CallObjects co = new CallObjects();
    if (r.summary().freshReturn() && c.result() != null) co.result = g.addObject(ConnectionGraph.Kind.RESULT, stmt, -1);
    for (int j = 0; j < c.args().size(); j++) {
      if (c.args().get(j) != null && r.extra().get(Extra.freshInto(j))) {
        if (co.foreign == null) co.foreign = new int[c.args().size()];
        co.foreign[j] = g.addObject(ConnectionGraph.Kind.FOREIGN, stmt, j) + 1;
      }
    }
    return co;
  }

  /**
   * Adds the constraints of one call. The result is the fresh object R_k when the summary says
   * fresh, else GLOBAL (unless a computed summary proves the result is only what the tags say).
   * Per slot i with objects pts(args[i]): {@code toReturn} and
   * {@code contentToReturn} flow into the result (and into the fresh result's content);
   * {@code intoContentOf j} stores them into the content of args[j] and of every object reachable
   * from it through named fields; {@code contentIntoContentOf j} does the same with everything
   * reachable from them; {@code contentEscapes} puts GLOBAL into their content (unknown code may
   * store anything there). Escape causes ({@code escapes}, ArgEscape, content escapes) are read
   * after solving by {@link Causes}.
   */
  static void apply(ConnectionGraph g, Stmt.Call c, int stmt, Resolved r, CallObjects co) {
    DeepNodes deep = g.deepNodes();
    List<Var> args = c.args();
    int n = args.size();
    int res = c.result() == null ? -1 : c.result().id();
    int fresh = co.result;
    if (res >= 0) {
      if (fresh >= 0) {
        g.link(g.constNode(fresh), res);
        if (r.extra().get(Extra.RET_GLOBAL)) g.addObject(g.fieldNode(fresh, ConnectionGraph.F_ALL), ConnectionGraph.GLOBAL);
      } else if (r.extra().get(Extra.RET_OTHER)) {
        g.link(g.constNode(ConnectionGraph.GLOBAL), res);
      }
    }
    for (int i = 0; i < n; i++) {
      Var a = args.get(i);
      if (a == null) continue;
      ParamTag t = r.tag(i);
      int an = a.id();
      if (t.toReturn()) {
        if (res >= 0) g.link(an, res);
        if (fresh >= 0) g.storeEdge(an, g.fieldNode(fresh, ConnectionGraph.F_ALL), fresh, stmt);
      }
      if (t.contentToReturn()) {
        int d = deep.all(g, an);
        if (res >= 0) g.link(d, res);
        if (fresh >= 0) g.storeEdge(d, g.fieldNode(fresh, ConnectionGraph.F_ALL), fresh, stmt);
      }
      for (int j : new TreeSet<>(t.intoContentOf())) {
        if (j == i || j < 0 || j >= n || args.get(j) == null) continue;
        g.addStore(deep.named(g, args.get(j).id()), ConnectionGraph.F_CONTENT, an, stmt);
      }
      for (int j : new TreeSet<>(t.contentIntoContentOf())) {
        if (j == i || j < 0 || j >= n || args.get(j) == null) continue;
        g.addStore(deep.named(g, args.get(j).id()), ConnectionGraph.F_CONTENT, deep.all(g, an), stmt);
      }
      if (t.contentEscapes()) g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(ConnectionGraph.GLOBAL), stmt);
      if (co.foreign != null && co.foreign[i] > 0) {
        int f = co.foreign[i] - 1;
        g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(f), stmt);
      }
      if (r.extra().get(Extra.globalInto(i))) g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(ConnectionGraph.GLOBAL), stmt);
    }
  }

  /**
   * Deep-content nodes, one per variable and kind, shared by every call that needs them (a method
   * calling {@code list.get(i)} a thousand times builds one, not a thousand).
   */
  static final class DeepNodes {
    private final LongIntMap nodes = new LongIntMap(8);

    /** Everything reachable from the objects of {@code arg} (not the objects themselves). */
    int all(ConnectionGraph g, int arg) {
      long key = LongIntMap.key(arg, 0);
      int d = nodes.get(key, -1);
      if (d >= 0) return d;
      d = g.newNode();
      nodes.putIfAbsent(key, d);
      g.addLoad(arg, ConnectionGraph.F_ALL, d);
      g.addLoad(d, ConnectionGraph.F_ALL, d);
      return d;
    }

    /**
     * The objects of {@code arg} and everything reachable from them through named fields and array
     * elements: where a callee that writes "the content of slot j" may have put something, as far
     * as the caller's own loads can see. Library content (CONTENT) is not followed, so elements of
     * a collection do not appear to hold each other.
     */
    int named(ConnectionGraph g, int arg) {
      long key = LongIntMap.key(arg, 1);
      int d = nodes.get(key, -1);
      if (d >= 0) return d;
      d = g.newNode();
      nodes.putIfAbsent(key, d);
      g.link(arg, d);
      g.addLoad(d, ConnectionGraph.F_EXPL, d);
      return d;
    }
  }
}
