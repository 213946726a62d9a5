package dev.noescape.engine;

import java.util.Arrays;

/** A growable list of ints: adjacency and constraint lists without boxing. */
final class IntList {
  private int[] a = new int[4];
  private int n;

  void add(int v) {
    if (n == a.length) a = Arrays.copyOf(a, n * 2);
    a[n++] = v;
  }

  void add(int v, int w) {
    add(v);
    add(w);
  }

  void add(int v, int w, int x) {
    add(v);
    add(w);
    add(x);
  }

  int get(int i) {
    return a[i];
  }

  int size() {
    return n;
  }

  void clear() {
    n = 0;
  }
}
