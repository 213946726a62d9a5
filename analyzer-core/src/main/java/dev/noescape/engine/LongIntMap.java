package dev.noescape.engine;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative longs to ints. Keys are pairs of int ids packed as
 * {@code (a << 32) | b}; this keeps the graph's lazily created field nodes, its edge set and the
 * deep-content nodes free of boxed keys. It is only ever probed, never iterated, so nothing
 * depends on hash order.
 */
final class LongIntMap {
  private static final long EMPTY = -1L;
  private long[] keys;
  private int[] vals;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    vals = new int[cap];
    mask = cap - 1;
  }

  static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private int slot(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 29)) & mask;
    while (keys[i] != EMPTY && keys[i] != k) i = (i + 1) & mask;
    return i;
  }

  int get(long k, int dflt) {
    int i = slot(k);
    return keys[i] == k ? vals[i] : dflt;
  }

  /** Adds {@code k -> v} unless present; true when added. */
  boolean putIfAbsent(long k, int v) {
    int i = slot(k);
    if (keys[i] == k) return false;
    keys[i] = k;
    vals[i] = v;
    if (++size * 2 > keys.length) grow();
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = vals;
    keys = new long[ok.length * 2];
    Arrays.fill(keys, EMPTY);
    vals = new int[ok.length * 2];
    mask = keys.length - 1;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != EMPTY) {
        int s = slot(ok[i]);
        keys[s] = ok[i];
        vals[s] = ov[i];
      }
    }
  }
}
