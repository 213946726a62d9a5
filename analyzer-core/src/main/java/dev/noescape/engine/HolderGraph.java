package dev.noescape.engine;

import java.util.BitSet;

/**
 * The holder relation of a solved {@link ConnectionGraph}: {@code o} holds {@code x} when
 * {@code x} was stored into a field of {@code o}. Reachability in this relation is what makes an
 * object escape: whatever an escaping object holds, escapes too.
 *
 * <p>Forward edges are the graph's own bit sets (nothing is copied); the reverse adjacency, which
 * only reason chains and parameter searches need, is built once on first use. The statement of an
 * edge is looked up on demand ({@link ConnectionGraph#holderStmt}).
 */
final class HolderGraph {
  final int objects;
  private final ConnectionGraph g;
  private final BitSet[] held;
  private int[] revStart;
  private int[] revFrom;

  HolderGraph(ConnectionGraph g) {
    this.g = g;
    objects = g.objectCount();
    held = new BitSet[objects];
    for (int o = 0; o < objects; o++) held[o] = g.held(o);
  }

  /** The first object {@code o} holds at or after {@code from} (never {@code o} itself), or -1. */
  int nextHeld(int o, int from) {
    BitSet h = held[o];
    if (h == null) return -1;
    int x = h.nextSetBit(from);
    if (x == o) x = h.nextSetBit(x + 1);
    return x;
  }

  int revStart(int x) {
    buildReverse();
    return revStart[x];
  }

  int revEnd(int x) {
    buildReverse();
    return revStart[x + 1];
  }

  /** The holder of reverse edge {@code e}; reverse lists are sorted by holder id. */
  int revFrom(int e) {
    return revFrom[e];
  }

  /** The first statement that stored {@code x} into {@code holder}; -1 for seeded edges. */
  int stmt(int holder, int x) {
    return g.holderStmt(holder, x);
  }

  private void buildReverse() {
    if (revStart != null) return;
    int[] start = new int[objects + 1];
    for (int o = 0; o < objects; o++) {
      for (int x = nextHeld(o, 0); x >= 0; x = nextHeld(o, x + 1)) start[x + 1]++;
    }
    for (int i = 0; i < objects; i++) start[i + 1] += start[i];
    int[] pos = java.util.Arrays.copyOf(start, objects);
    g.charge(objects + start[objects]); // one unit per object and per holder edge
    int[] from = new int[start[objects]];
    for (int o = 0; o < objects; o++) {
      for (int x = nextHeld(o, 0); x >= 0; x = nextHeld(o, x + 1)) from[pos[x]++] = o;
    }
    revFrom = from;
    revStart = start;
  }

  /** Everything reachable from {@code sources} (included) through holder edges. */
  BitSet closure(BitSet sources) {
    return closure(sources, -1);
  }

  /**
   * Everything reachable from {@code sources} through holder edges without entering
   * {@code barrier} (-1: none), which is neither included nor expanded.
   */
  BitSet closure(BitSet sources, int barrier) {
    BitSet seen = (BitSet) sources.clone();
    if (barrier >= 0) seen.clear(barrier);
    sources = seen;
    int[] stack = new int[Math.max(4, objects)];
    int sp = 0;
    for (int o = sources.nextSetBit(0); o >= 0; o = sources.nextSetBit(o + 1)) stack[sp++] = o;
    while (sp > 0) {
      int o = stack[--sp];
      for (int x = nextHeld(o, 0); x >= 0; x = nextHeld(o, x + 1)) {
        if (x != barrier && !seen.get(x)) {
          seen.set(x);
          stack[sp++] = x;
        }
      }
    }
    return seen;
  }

  /**
   * Objects that escape to code running outside the method's control: GLOBAL, objects with a
   * global cause (thrown, static, escaping call slot), what content-escaping objects hold, and
   * everything those hold. Parameters and returned objects are not sources here.
   */
  BitSet globalReach(Causes c) {
    BitSet src = new BitSet();
    src.set(ConnectionGraph.GLOBAL);
    for (int o = 0; o < objects; o++) {
      if (c.escStmt[o] != Causes.NONE) src.set(o);
      if (c.contentStmt[o] != Causes.NONE) {
        for (int x = nextHeld(o, 0); x >= 0; x = nextHeld(o, x + 1)) src.set(x);
        if (g.kind(o) == ConnectionGraph.Kind.PARAM) src.set(g.content(g.aux(o)));
      }
    }
    return closure(src);
  }

  /** Returned objects and everything they hold. */
  BitSet returnReach(Causes c) {
    BitSet src = new BitSet();
    for (int o = 0; o < objects; o++) if (c.retStmt[o] != Causes.NONE) src.set(o);
    return closure(src);
  }
}
