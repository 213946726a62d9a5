package dev.noescape.engine;

import java.util.Arrays;

/**
 * Escape states of all objects of a solved method, as shortest-chain distances (so that
 * {@link ReasonChains} can rebuild the shortest chain by walking down them).
 *
 * <p>{@code distE[o]}: number of reason steps explaining why {@code o} escapes globally (infinite
 * when it does not). {@code distH[o]}: steps explaining why what {@code o} holds escapes; 0 for
 * roots (GLOBAL, parameters and their content, which live outside the method), 1 for an object
 * with a direct cause or whose content escapes, else {@code distE[o]}. An object held by {@code h}
 * escapes in {@code distH[h] + 1} steps. Unit weights, so a breadth-first search from the roots
 * (level 0) and directly caused objects (level 1) computes both.
 *
 * <p>{@code distA}: the same for ArgEscape, over objects that do not escape globally.
 */
final class Escapes {
  static final int INF = Integer.MAX_VALUE / 2;

  final int[] distE;
  final int[] distH;
  final int[] distA;
  private final ConnectionGraph g;

  private Escapes(ConnectionGraph g) {
    this.g = g;
    int n = g.objectCount();
    distE = new int[n];
    distH = new int[n];
    distA = new int[n];
    Arrays.fill(distE, INF);
    Arrays.fill(distH, INF);
    Arrays.fill(distA, INF);
  }

  static Escapes compute(ConnectionGraph g, HolderGraph h, Causes c) {
    Escapes s = new Escapes(g);
    int n = g.objectCount();
    int[] queue = new int[n];
    int head = 0, tail = 0;
    for (int o = 0; o < n; o++) {
      if (g.isRoot(o)) {
        s.distH[o] = 0;
        queue[tail++] = o;
      }
    }
    for (int o = 0; o < n; o++) {
      if (g.isRoot(o)) continue;
      boolean self = c.selfStmt(o) != Causes.NONE;
      if (self) s.distE[o] = 1;
      if (self || c.contentStmt[o] != Causes.NONE) {
        s.distH[o] = 1;
        queue[tail++] = o;
      }
    }
    while (head < tail) {
      int o = queue[head++];
      int d = s.distH[o] + 1;
      for (int x = h.nextHeld(o, 0); x >= 0; x = h.nextHeld(o, x + 1)) {
        if (g.isRoot(x)) continue;
        if (s.distE[x] > d) s.distE[x] = d;
        if (s.distH[x] > d) {
          s.distH[x] = d;
          queue[tail++] = x;
        }
      }
    }
    head = 0;
    tail = 0;
    for (int o = 0; o < n; o++) {
      if (!s.global(o) && c.argStmt[o] != Causes.NONE) {
        s.distA[o] = 1;
        queue[tail++] = o;
      }
    }
    while (head < tail) {
      int o = queue[head++];
      for (int x = h.nextHeld(o, 0); x >= 0; x = h.nextHeld(o, x + 1)) {
        if (s.global(x) || s.distA[x] <= s.distA[o] + 1) continue;
        s.distA[x] = s.distA[o] + 1;
        queue[tail++] = x;
      }
    }
    return s;
  }

  boolean global(int o) {
    return g.isRoot(o) || distE[o] < INF;
  }

  boolean argEscape(int o) {
    return !global(o) && distA[o] < INF;
  }
}
