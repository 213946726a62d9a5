package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
    /**
     * The method may store slot 0's object or what it held on entry (or an object holding either)
     * into that object or its content: {@code b.add(a)} in a lambda capturing both. The tags cannot
     * say it (they only relate different slots), and a caller invoking the method as a callback
     * body ({@link Resolver#invocable}) must then not assume its captured objects stay apart.
     */
    static final int SELF_INTO_0 = 2;

    /** The callee stores objects it created into the content of this slot. */
    static int freshInto(int slot) {
      return 3 + 2 * slot;
    }

    /** The callee stores global objects into the content of this slot. */
    static int globalInto(int slot) {
      return 4 + 2 * slot;
    }

    /**
     * {@code s} as a caller that sees only the tags must read it (a summary shipped in a jar):
     * objects of the callee's own or globals stored into a slot's content make that content
     * escape (GLOBAL in the content is what {@code contentEscapes} applies, plus escape of what the
     * content held: more than the callee does, never less); a fresh result holding globals is
     * exported as not fresh (GLOBAL). {@link #RET_OTHER} is set for every such summary anyway, and
     * {@link #SELF_INTO_0} only matters for program callbacks.
     */
    static MethodSummary fold(MethodSummary s, BitSet extra) {
      List<ParamTag> tags = new ArrayList<>(s.params().size());
      boolean changed = false;
      for (int i = 0; i < s.params().size(); i++) {
        ParamTag t = s.params().get(i);
        if ((extra.get(freshInto(i)) || extra.get(globalInto(i))) && !t.contentEscapes()) {
          t = t.withContentEscapes();
          changed = true;
        }
        tags.add(t);
      }
      boolean fresh = s.freshReturn() && !extra.get(RET_GLOBAL);
      if (!changed && fresh == s.freshReturn()) return s;
      return new MethodSummary(tags, fresh, s.allocates(), s.origin(), s.neverReturns());
    }
  }

  /** A computed summary and its side flags. */
  record Computed(MethodSummary summary, BitSet extra) {}

  /**
   * The summary a call statement uses.
   *
   * @param unresolved the first target that left the call to the conservative default (no
   *     summary, overridable, megamorphic, or a summary that fell back to unknown); null when every
   *     target was resolved
   * @param fromProgram whether a program method's computed summary is among the joined ones
   */
  record Resolved(MethodSummary summary, CallTargets.Target unresolved, BitSet extra, boolean fromProgram) {
    ParamTag tag(int slot) {
      return summary.param(slot);
    }

    boolean unknown() {
      return unresolved != null;
    }
  }

  /** Resolves call targets against the library and the program's current summaries. */
  static final class Resolver {
    /**
     * A virtual call with more possible program implementations than this is megamorphic: it is
     * resolved as unknown (its arguments escape) and adds no call-graph edges. HotSpot does not
     * inline such calls either (C2 inlines at most two receiver types), so their arguments escape
     * for the JIT too; and joining every implementation at every call site made the engine's work
     * grow with call sites × implementations (byte-buddy, jgit: minutes of solving).
     */
    static final int MEGAMORPHIC = 32;

    private final SummaryProvider library;
    private final SummaryProvider implementations;
    private final Map<String, Integer> programIndex;
    private final Computed[] current;
    private final List<MethodIR> methods;
    private final CallTargets callTargets;
    private final Map<MethodRef, Optional<MethodSummary>> libraryCache = new HashMap<>();

    Resolver(SummaryProvider library, SummaryProvider implementations, Map<String, Integer> programIndex,
        Computed[] current, List<MethodIR> methods, CallTargets callTargets) {
      this.library = library;
      this.implementations = implementations;
      this.programIndex = programIndex;
      this.current = current;
      this.methods = methods;
      this.callTargets = callTargets;
      this.protocols = library.protocols();
    }

    private final List<MethodRef> protocols;

    Optional<MethodSummary> library(MethodRef m) {
      Optional<MethodSummary> s = libraryCache.get(m);
      if (s == null) {
        s = library.lookup(m);
        if (s == null) s = Optional.empty();
        libraryCache.put(m, s);
      }
      return s;
    }

    private final Map<MethodRef, Optional<MethodSummary>> implementationCache = new HashMap<>();

    /** The shipped summary of one method body outside the program, or null; never for the program's own methods. */
    private MethodSummary implementation(MethodRef m) {
      if (programIndex.containsKey(m.key())) return null;
      Optional<MethodSummary> s = implementationCache.get(m);
      if (s == null) {
        s = implementations.lookup(m);
        if (s == null) s = Optional.empty();
        implementationCache.put(m, s);
      }
      return s.orElse(null);
    }

    /**
     * How reasons name a method: as the front end named it when the program has it as code the
     * compiler wrote (an accessor {@code access$000} is named after the member it reaches), else
     * {@link MethodRef#displayName()}.
     */
    String displayName(MethodRef m) {
      int i = programMethod(m.key());
      return i >= 0 && methods.get(i).synthetic() ? methods.get(i).displayName() : m.displayName();
    }

    /** The program method with this key, or -1 (bodies of functional sites are looked up directly). */
    int programMethod(String key) {
      Integer i = programIndex.get(key);
      return i == null ? -1 : i;
    }

    /**
     * Whether invoking a functional site's object cannot let what it captures escape: the site
     * lists its bodies ({@link AllocSite.Capture#bodies()}, none missing), each is an instance
     * method of the program whose current summary says of slot 0 (the lambda object, or the
     * anonymous class's {@code this}) that neither it nor its content escapes, is returned or is
     * stored into another slot, and which does not move slot 0 or its content into slot 0's content
     * ({@link Extra#SELF_INTO_0}). See the package documentation for why that is enough.
     */
    boolean invocable(AllocSite site) {
      if (!site.kind().isFunctional() || !(site.details() instanceof AllocSite.Capture cap)) return false;
      if (cap.bodies().isEmpty()) return false;
      for (String key : cap.bodies()) {
        int m = programMethod(key);
        // A static method does not run on the object (and its slot 0 is something else).
        if (m < 0 || current[m] == null || methods.get(m).ref().isStatic()) return false;
        MethodSummary s = current[m].summary();
        if (s.params().isEmpty() || s.isUnknown()) return false;
        ParamTag t = s.param(0);
        if (t.escapes() || t.contentEscapes() || t.toReturn() || t.contentToReturn()
            || !t.intoContentOf().isEmpty() || !t.contentIntoContentOf().isEmpty()) return false;
        if (current[m].extra().get(Extra.SELF_INTO_0)) return false;
      }
      return true;
    }

    /**
     * Whether invoking a functional site's object may publish the object itself: one of its known
     * bodies lets slot 0 escape (an anonymous class storing {@code this} into a static). The
     * library model of an invoke-and-drop slot trusts the callback not to do that; where the body
     * is in the program, it is checked instead.
     */
    boolean publishes(AllocSite site) {
      // A lambda body cannot reference its own instance (slot 0 only yields the captures): only an
      // anonymous class's methods can publish this. (An unknown body's tag would say so too.)
      if (site.kind() != SiteKind.ANONYMOUS_CLASS || !(site.details() instanceof AllocSite.Capture cap)) return false;
      for (String key : cap.bodies()) {
        int m = programMethod(key);
        if (m < 0 || current[m] == null || methods.get(m).ref().isStatic()) continue;
        if (current[m].summary().param(0).escapes()) return true;
      }
      return false;
    }

    /** The resolver's caches, as {@link CallTargets} asks for them. */
    private final CallTargets.Sources sources = new CallTargets.Sources() {
      @Override
      public Optional<MethodSummary> library(MethodRef m) {
        return Resolver.this.library(m);
      }

      @Override
      public MethodSummary shipped(MethodRef m) {
        return implementation(m);
      }

      @Override
      public int program(String key) {
        return programMethod(key);
      }

      @Override
      public List<MethodRef> protocols() {
        return protocols;
      }
    };

    /**
     * The targets of each call statement, once per run: they depend on the program, its hierarchy
     * and the library, not on the summaries computed so far, and every analysis of a method (the
     * call graph's, each fixpoint round's) asks again. By identity, with the method as a check: a
     * statement object shared by two methods is resolved in each (exact receivers are per method).
     */
    private final Map<Stmt.Call, KnownTargets> knownTargets = new IdentityHashMap<>();

    private record KnownTargets(MethodIR method, List<CallTargets.Target> targets) {}

    /** What answers each target of {@code c}, a call of {@code m} (the call graph's edges are its PROGRAM targets). */
    List<CallTargets.Target> targets(MethodIR m, Stmt.Call c) {
      KnownTargets known = knownTargets.get(c);
      if (known != null && known.method() == m) return known.targets();
      List<CallTargets.Target> t = callTargets.of(m, c, sources);
      if (known == null) knownTargets.put(c, new KnownTargets(m, t));
      return t;
    }

    Resolved resolve(MethodIR m, Stmt.Call c) {
      MethodSummary joined = null;
      CallTargets.Target unresolved = null;
      boolean fromProgram = false;
      BitSet extra = new BitSet();
      int slots = c.callee().slotCount();
      for (CallTargets.Target t : targets(m, c)) {
        MethodSummary s;
        if (t.kind() == CallTargets.Kind.PROGRAM && current[t.program()] != null) {
          s = current[t.program()].summary();
          extra.or(current[t.program()].extra());
          fromProgram = true;
        } else {
          // A library or shipped summary describes its content effects by its tags alone (see
          // Extra.fold); unknown code and a program method not analyzed yet may return anything.
          s = t.summary() != null ? t.summary() : MethodSummary.unknown(slots);
          extra.set(Extra.RET_OTHER);
        }
        if (unresolved == null && s.isUnknown()) unresolved = t;
        joined = joined == null ? s : joined.join(s);
      }
      return new Resolved(joined, unresolved, extra, fromProgram);
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
  static void apply(ConnectionGraph g, Stmt.Call c, int stmt, Resolved r, CallObjects co, BitSet invocable) {
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
      // j == i is the slot moving into itself (this.b.add(this.a)): the same stores, so that what
      // the argument held may now be held by anything it reaches.
      for (int j : new TreeSet<>(t.intoContentOf())) {
        if (j < 0 || j >= n || args.get(j) == null) continue;
        g.addStore(deep.named(g, args.get(j).id()), ConnectionGraph.F_CONTENT, an, stmt);
      }
      for (int j : new TreeSet<>(t.contentIntoContentOf())) {
        if (j < 0 || j >= n || args.get(j) == null) continue;
        g.addStore(deep.named(g, args.get(j).id()), ConnectionGraph.F_CONTENT, deep.all(g, an), stmt);
      }
      if (t.contentEscapes()) g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(ConnectionGraph.GLOBAL), stmt);
      if (t.contentEscapes() && !t.escapes() && !invocable.isEmpty()) invoked(g, deep, an, stmt, invocable);
      if (co.foreign != null && co.foreign[i] > 0) {
        int f = co.foreign[i] - 1;
        g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(f), stmt);
      }
      if (r.extra().get(Extra.globalInto(i))) g.addStore(an, ConnectionGraph.F_CONTENT, g.constNode(ConnectionGraph.GLOBAL), stmt);
    }
  }

  /**
   * A slot that invokes its callback and drops it, given functional sites whose bodies keep their
   * captures to themselves ({@code invocable}; {@link Causes} then does not make their content
   * escape): what the bodies may still do to the captured objects is store into them values the
   * library shows them (which its model already makes escape), objects of their own, or globals.
   * GLOBAL stands for all of these: it goes into the content of the site and of everything it
   * reaches, so whatever the caller later loads from a captured object is treated as escaped.
   */
  private static void invoked(ConnectionGraph g, DeepNodes deep, int an, int stmt, BitSet invocable) {
    int sites = g.newNode();
    g.linkMasked(an, sites, invocable);
    int base = g.newNode();
    g.link(sites, base);
    g.link(deep.all(g, sites), base);
    g.addStore(base, ConnectionGraph.F_CONTENT, g.constNode(ConnectionGraph.GLOBAL), stmt);
  }

  /**
   * Deep-content nodes, one per variable and kind, shared by every call that needs them (a method
   * calling {@code list.get(i)} a thousand times builds one, not a thousand).
   */
  static final class DeepNodes {
    private final LongIntMap nodes = new LongIntMap(8);

    /** Everything reachable from the objects of {@code arg} (not the objects themselves). */
    int all(ConnectionGraph g, int arg) {
      int d = nodes.get(LongIntMap.key(arg, 0), -1);
      if (d < 0) {
        d = create(g, arg, 0);
        g.addLoad(arg, ConnectionGraph.F_ALL, d);
        g.addLoad(d, ConnectionGraph.F_ALL, d);
      }
      return d;
    }

    /**
     * The objects of {@code arg} and everything reachable from them through named fields and array
     * elements: where a callee that writes "the content of slot j" may have put something, as far
     * as the caller's own loads can see. Library content (CONTENT) is not followed, so elements of
     * a collection do not appear to hold each other.
     */
    int named(ConnectionGraph g, int arg) {
      int d = nodes.get(LongIntMap.key(arg, 1), -1);
      if (d < 0) {
        d = create(g, arg, 1);
        g.link(arg, d);
        g.addLoad(d, ConnectionGraph.F_EXPL, d);
      }
      return d;
    }

    /** A new node, remembered as the deep node of {@code kind} (0: all, 1: named) for {@code arg}; its edges are the caller's. */
    private int create(ConnectionGraph g, int arg, int kind) {
      int d = g.newNode();
      nodes.putIfAbsent(LongIntMap.key(arg, kind), d);
      return d;
    }
  }
}
