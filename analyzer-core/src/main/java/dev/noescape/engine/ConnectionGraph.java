package dev.noescape.engine;

import dev.noescape.ir.FieldRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection graph of one method: abstract objects, points-to nodes and the inclusion
 * constraints between them (Andersen style). The {@link Solver} propagates; this class owns the
 * data and the primitive operations, all on int ids.
 *
 * <p><b>Objects</b> (ids {@code 0..objectCount()-1}): {@link #GLOBAL}; per summary slot i the
 * phantom {@code P_i} (the object the parameter refers to on entry) at {@code 1+2i} and its content
 * {@code C_i} at {@code 2+2i}; one per allocation site at {@code siteBase + site id}; then objects
 * the {@link Calls} add: fresh call results {@code R_k} and {@code F_kj} ("objects callee k created
 * and stored into argument j").
 *
 * <p><b>Nodes</b> hold points-to sets: one per variable (node id = {@code Var.id()}), constants
 * (a node holding exactly one object), deep-content temporaries of calls, and field nodes
 * {@code (o, f)} created lazily. Per object there are three pseudo fields: {@link #F_CONTENT}
 * ("some field", written by summaries; a load of any field reads it), {@link #F_EXPL} (the union of
 * the object's named fields and array elements) and {@link #F_ALL} (everything the object holds).
 * Named field nodes feed {@code EXPL}, {@code EXPL} and {@code CONTENT} feed {@code ALL}.
 *
 * <p><b>Collapsed objects</b> ({@code GLOBAL}, {@code C_i}, {@code R_k}, {@code F_kj}) stand for a
 * whole region of the heap, so all their fields are one node that also holds the object itself:
 * {@code GLOBAL.f = GLOBAL}, {@code C_i.f = C_i}. Parameters and sites are field-sensitive; a
 * load from {@code P_i} also reads {@code C_i}.
 *
 * <p><b>Holder edges</b> {@code (o, x)}: object {@code x} was stored into some field of {@code o},
 * i.e. {@code x} is in the points-to set of {@code o}'s all-fields node. They are not materialized:
 * {@link #held} is that set, and {@link #holderStmt} finds the first statement (lowest index) that
 * stored {@code x} there, for reason chains, from the few stores into {@code o}. Parameters read
 * their content on load instead of holding it, so {@code P_i} holds {@code C_i} only when the
 * method stores it there.
 */
final class ConnectionGraph {
  enum Kind { GLOBAL, PARAM, CONTENT, SITE, RESULT, FOREIGN }

  static final int GLOBAL = 0;
  static final int F_CONTENT = 0;
  static final int F_ALL = 1;
  static final int F_EXPL = 2;
  private static final int FIRST_NAMED = 3;

  final int slots;
  final int siteBase;
  final int varCount;

  // ---- objects ----
  private Kind[] kind = new Kind[16];
  private int[] aux = new int[16];
  private int[] aux2 = new int[16];
  private int objects;

  // ---- nodes ----
  private BitSet[] pts = new BitSet[64];
  private BitSet[] delta = new BitSet[64];
  private IntList[] copySucc = new IntList[64];
  /** Pairs (target node, mask index): {@code pts(target) ⊇ pts(source) ∩ masks[i]}. */
  private IntList[] maskedSucc = new IntList[64];
  private final List<BitSet> masks = new ArrayList<>();
  private final BitSet maskScratch = new BitSet();
  /** Pairs (field, target node): {@code target = base.field} for every object of the base. */
  private IntList[] loads = new IntList[64];
  /** Triples (field, value node, stmt): {@code base.field = value}. */
  private IntList[] stores = new IntList[64];
  private int nodes;

  private final LongIntMap fieldNodes = new LongIntMap(16);
  private final LongIntMap edges = new LongIntMap(32);
  /** Per holder object, pairs (value node, stmt) of the stores into its fields. */
  private IntList[] storesInto = new IntList[16];
  private final Map<FieldRef, Integer> fieldIds = new HashMap<>();
  private final List<FieldRef> fieldRefs = new ArrayList<>(List.of(FieldRef.CONTENT, FieldRef.CONTENT, FieldRef.CONTENT));
  private int[] constNode = new int[16];
  private final Calls.DeepNodes deepNodes = new Calls.DeepNodes();
  private int globalConst = -1;

  // ---- worklist ----
  private final IntList queue = new IntList();
  private int queueHead;
  private final BitSet queued = new BitSet();
  private final BitSet scratch = new BitSet();

  /** Charged for every copy of a points-to set and every constraint applied: the method's work budget. */
  private final Meter meter;

  ConnectionGraph(int slots, int sites, int varCount) {
    this(slots, sites, varCount, Meter.unlimited());
  }

  ConnectionGraph(int slots, int sites, int varCount, Meter meter) {
    this.meter = meter;
    this.slots = slots;
    this.varCount = varCount;
    addObject(Kind.GLOBAL, -1, -1);
    for (int i = 0; i < slots; i++) {
      addObject(Kind.PARAM, i, -1);
      addObject(Kind.CONTENT, i, -1);
    }
    siteBase = objects;
    for (int s = 0; s < sites; s++) addObject(Kind.SITE, s, -1);
    for (int v = 0; v < varCount; v++) newNode();
  }

  // ---- objects ----

  int addObject(Kind k, int a, int b) {
    if (objects == kind.length) {
      kind = Arrays.copyOf(kind, objects * 2);
      aux = Arrays.copyOf(aux, objects * 2);
      aux2 = Arrays.copyOf(aux2, objects * 2);
    }
    kind[objects] = k;
    aux[objects] = a;
    aux2[objects] = b;
    return objects++;
  }

  int objectCount() {
    return objects;
  }

  Kind kind(int o) {
    return kind[o];
  }

  /** Slot of a PARAM/CONTENT object, site id of a SITE, statement index of a RESULT/FOREIGN. */
  int aux(int o) {
    return aux[o];
  }

  /** Slot of a FOREIGN object. */
  int aux2(int o) {
    return aux2[o];
  }

  int param(int slot) {
    return 1 + 2 * slot;
  }

  int content(int slot) {
    return 2 + 2 * slot;
  }

  int site(int siteId) {
    return siteBase + siteId;
  }

  /** Objects that already live outside the method: the sites' verdicts treat them as escaped. */
  boolean isRoot(int o) {
    Kind k = kind[o];
    return k == Kind.GLOBAL || k == Kind.PARAM || k == Kind.CONTENT;
  }

  /** Objects created in the method or by its callees for it. */
  boolean isLocal(int o) {
    Kind k = kind[o];
    return k == Kind.SITE || k == Kind.RESULT || k == Kind.FOREIGN;
  }

  private boolean collapsed(int o) {
    Kind k = kind[o];
    return k != Kind.PARAM && k != Kind.SITE;
  }

  // ---- nodes ----

  int newNode() {
    if (nodes == pts.length) {
      int cap = nodes * 2;
      pts = Arrays.copyOf(pts, cap);
      delta = Arrays.copyOf(delta, cap);
      copySucc = Arrays.copyOf(copySucc, cap);
      maskedSucc = Arrays.copyOf(maskedSucc, cap);
      loads = Arrays.copyOf(loads, cap);
      stores = Arrays.copyOf(stores, cap);
    }
    pts[nodes] = new BitSet();
    delta[nodes] = new BitSet();
    return nodes++;
  }

  BitSet pts(int node) {
    return pts[node];
  }

  /** A node that holds exactly {@code o}. */
  int constNode(int o) {
    if (o == GLOBAL) {
      if (globalConst < 0) {
        globalConst = newNode();
        addObject(globalConst, GLOBAL);
      }
      return globalConst;
    }
    if (o >= constNode.length) constNode = Arrays.copyOf(constNode, Math.max(o + 1, constNode.length * 2));
    if (constNode[o] == 0) {
      int n = newNode();
      addObject(n, o);
      constNode[o] = n + 1; // 0 means absent
    }
    return constNode[o] - 1;
  }

  Calls.DeepNodes deepNodes() {
    return deepNodes;
  }

  int fieldId(FieldRef f) {
    if (f.equals(FieldRef.CONTENT)) return F_CONTENT;
    Integer id = fieldIds.get(f);
    if (id == null) {
      id = fieldRefs.size();
      fieldIds.put(f, id);
      fieldRefs.add(f);
    }
    return id;
  }

  /** The node of field {@code f} of object {@code o}, created on first use. */
  int fieldNode(int o, int f) {
    if (collapsed(o)) f = F_ALL;
    long key = LongIntMap.key(o, f);
    int n = fieldNodes.get(key, -1);
    if (n >= 0) return n;
    n = newNode();
    fieldNodes.putIfAbsent(key, n);
    if (collapsed(o)) {
      addObject(n, o); // the region holds itself
    } else if (f >= FIRST_NAMED) {
      link(n, fieldNode(o, F_EXPL));
    } else if (f != F_ALL) {
      link(n, fieldNode(o, F_ALL));
    }
    return n;
  }

  // ---- edges and constraints ----

  /** Adds object {@code o} to {@code node}. */
  void addObject(int node, int o) {
    if (!pts[node].get(o)) {
      pts[node].set(o);
      delta[node].set(o);
      enqueue(node);
    }
  }

  /** {@code pts(to) ⊇ pts(from)}. */
  void link(int from, int to) {
    if (from == to || !edges.putIfAbsent(LongIntMap.key(from, to), 0)) return;
    list(copySucc, from).add(to);
    addAll(to, pts[from]);
  }

  /**
   * {@code pts(to) ⊇ pts(from) ∩ mask}: only the objects in {@code mask} (fixed before solving)
   * cross. Lets a call treat some of an argument's objects differently from the others.
   */
  void linkMasked(int from, int to, BitSet mask) {
    int mi = masks.size();
    masks.add(mask);
    list(maskedSucc, from).add(to, mi);
    BitSet m = (BitSet) pts[from].clone();
    m.and(mask);
    addAll(to, m);
  }

  /** Every object stored into a field of {@code holder} by a statement (not by seeding). */
  BitSet storedValues(int holder) {
    BitSet out = new BitSet();
    IntList l = holder < storesInto.length ? storesInto[holder] : null;
    for (int i = 0; l != null && i < l.size(); i += 2) out.or(pts[l.get(i)]);
    return out;
  }

  /** {@code pts(to) ⊇ pts(from)}, where {@code to} is a field node of {@code holder}, by statement {@code stmt}. */
  void storeEdge(int from, int to, int holder, int stmt) {
    if (holder >= storesInto.length) storesInto = Arrays.copyOf(storesInto, Math.max(holder + 1, storesInto.length * 2));
    list(storesInto, holder).add(from, stmt);
    link(from, to);
  }

  /** {@code target ⊇ o.f} for every object o of {@code base}, now and later. */
  void addLoad(int base, int f, int target) {
    list(loads, base).add(f, target);
    BitSet p = pts[base];
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) applyLoad(o, f, target);
  }

  /** {@code o.f ⊇ value} for every object o of {@code base}, now and later. */
  void addStore(int base, int f, int value, int stmt) {
    list(stores, base).add(f, value, stmt);
    BitSet p = pts[base];
    for (int o = p.nextSetBit(0); o >= 0; o = p.nextSetBit(o + 1)) applyStore(o, f, value, stmt);
  }

  void applyLoad(int o, int f, int target) {
    meter.charge(1);
    if (collapsed(o) || f == F_ALL || f == F_CONTENT) {
      link(fieldNode(o, F_ALL), target); // a load of CONTENT reads every field
    } else if (f == F_EXPL) {
      link(fieldNode(o, F_EXPL), target);
    } else {
      link(fieldNode(o, f), target);
      link(fieldNode(o, F_CONTENT), target); // "some field" may be this one
    }
    if (kind[o] == Kind.PARAM) {
      // On entry every field of the parameter's object refers to its content. Read here rather
      // than stored, so P_i holds C_i only through real stores: a parameter that escapes or is
      // returned does not make the summary say its content does (callers see that through the
      // object itself).
      link(constNode(content(aux[o])), target);
    }
  }

  void applyStore(int o, int f, int value, int stmt) {
    meter.charge(1);
    int n = fieldNode(o, f == F_ALL || f == F_EXPL ? F_CONTENT : f);
    storeEdge(value, n, o, stmt);
  }

  /**
   * What {@code o} holds: the points-to set of its all-fields node (null when it has none). For a
   * collapsed object it includes {@code o} itself; callers skip that.
   */
  BitSet held(int o) {
    int n = fieldNodes.get(LongIntMap.key(o, F_ALL), -1);
    return n < 0 ? null : pts[n];
  }

  /**
   * The first statement (lowest index) that stored {@code x} into a field of {@code holder}, or -1
   * when only seeding put it there. Computed on demand from the stores into the holder: only the
   * edges a reason chain walks need it.
   */
  int holderStmt(int holder, int x) {
    IntList l = holder < storesInto.length ? storesInto[holder] : null;
    if (l == null) return -1;
    if (l.size() > 2 * FIRST_STORE_INDEX_AT) {
      // GLOBAL in code that hands everything to unknown calls: thousands of stores, asked about
      // thousands of objects; index them once instead of scanning per object
      int[] first = firstStores.get(holder);
      if (first == null) firstStores.put(holder, first = firstStores(l));
      return x < first.length ? first[x] : -1;
    }
    meter.charge(1 + (l.size() >>> 1));
    int best = -1;
    for (int i = 0; i < l.size(); i += 2) {
      int stmt = l.get(i + 1);
      if ((best < 0 || stmt < best) && pts[l.get(i)].get(x)) best = stmt;
    }
    return best;
  }

  /** Holders with more stores than this get their first statements indexed ({@link #firstStores}). */
  private static final int FIRST_STORE_INDEX_AT = 16;

  /** Per holder with many stores: for each object, the first statement that stored it there (-1: none). */
  private final Map<Integer, int[]> firstStores = new HashMap<>();

  private int[] firstStores(IntList l) {
    int[] first = new int[objects];
    Arrays.fill(first, -1);
    for (int i = 0; i < l.size(); i += 2) {
      int stmt = l.get(i + 1);
      BitSet p = pts[l.get(i)];
      meter.charge(1 + (p.length() >>> 6));
      for (int o = p.nextSetBit(0); o >= 0 && o < first.length; o = p.nextSetBit(o + 1)) {
        if (first[o] < 0 || stmt < first[o]) first[o] = stmt;
      }
    }
    return first;
  }

  private static IntList list(IntList[] a, int i) {
    IntList l = a[i];
    if (l == null) a[i] = l = new IntList();
    return l;
  }

  private void addAll(int to, BitSet src) {
    meter.charge(1 + (src.length() >>> 6));
    scratch.clear();
    scratch.or(src);
    scratch.andNot(pts[to]);
    if (!scratch.isEmpty()) {
      pts[to].or(scratch);
      delta[to].or(scratch);
      enqueue(to);
    }
  }

  private void enqueue(int n) {
    if (!queued.get(n)) {
      queued.set(n);
      queue.add(n);
    }
  }

  /** Charges work done outside this class on the method's graph (reverse edges, reason searches). */
  void charge(long units) {
    meter.charge(units);
  }

  // ---- propagation (driven by Solver) ----

  /**
   * Propagates pending deltas until nothing changes. Each object crosses each edge once (as part
   * of a delta), so the cost is bounded by edges × objects.
   */
  void propagate() {
    firstStores.clear(); // points-to sets may grow
    while (queueHead < queue.size()) {
      int n = queue.get(queueHead++);
      queued.clear(n);
      meter.charge(1);
      BitSet d = delta[n];
      if (d.isEmpty()) continue;
      delta[n] = new BitSet();
      IntList cs = copySucc[n];
      if (cs != null) for (int i = 0; i < cs.size(); i++) addAll(cs.get(i), d);
      IntList ms = maskedSucc[n];
      if (ms != null) {
        for (int i = 0; i < ms.size(); i += 2) {
          maskScratch.clear();
          maskScratch.or(d);
          maskScratch.and(masks.get(ms.get(i + 1)));
          if (!maskScratch.isEmpty()) addAll(ms.get(i), maskScratch);
        }
      }
      IntList ls = loads[n];
      if (ls != null) {
        for (int i = 0; i < ls.size(); i += 2) {
          for (int o = d.nextSetBit(0); o >= 0; o = d.nextSetBit(o + 1)) applyLoad(o, ls.get(i), ls.get(i + 1));
        }
      }
      IntList st = stores[n];
      if (st != null) {
        for (int i = 0; i < st.size(); i += 3) {
          for (int o = d.nextSetBit(0); o >= 0; o = d.nextSetBit(o + 1)) applyStore(o, st.get(i), st.get(i + 1), st.get(i + 2));
        }
      }
    }
    queue.clear();
    queueHead = 0;
  }
}
