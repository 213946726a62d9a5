package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Stmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The call graph over the program's methods and its strongly connected components.
 *
 * <p>An edge goes from a method to every program method one of its calls resolves to (the callee
 * and each override, unless a library summary covers it or dispatch is open: then the call does
 * not depend on code we analyze), and to the bodies of its functional sites
 * ({@link dev.noescape.ir.AllocSite.Capture#bodies()}): whether invoking such an object can let its
 * captures escape is read from their summaries ({@link Calls.Resolver#invocable}), so they are
 * summarized first, or in the same component when a body reaches back. Components come out of Tarjan's algorithm callees first, which
 * is the bottom-up order summaries need. Tarjan runs with explicit stacks: a 10,000-deep call
 * chain must not overflow the Java stack.
 */
final class CallGraph {
  final int[][] succ;

  private CallGraph(int[][] succ) {
    this.succ = succ;
  }

  static CallGraph build(List<MethodIR> methods, Calls.Resolver resolver) {
    int n = methods.size();
    int[][] succ = new int[n][];
    int[] mark = new int[n];
    Arrays.fill(mark, -1);
    for (int m = 0; m < n; m++) {
      IntList out = new IntList();
      for (AllocSite site : methods.get(m).sites()) {
        if (site.kind().isFunctional() && site.details() instanceof AllocSite.Capture cap) {
          for (String body : cap.bodies()) add(resolver.programMethod(body), m, mark, out);
        }
      }
      for (Stmt s : methods.get(m).stmts()) {
        if (!(s instanceof Stmt.Call c)) continue;
        for (CallTargets.Target t : resolver.targets(methods.get(m), c)) {
          if (t.kind() == CallTargets.Kind.PROGRAM) add(t.program(), m, mark, out);
        }
      }
      succ[m] = new int[out.size()];
      for (int i = 0; i < out.size(); i++) succ[m][i] = out.get(i);
    }
    return new CallGraph(succ);
  }

  private static void add(int target, int from, int[] mark, IntList out) {
    if (target >= 0 && mark[target] != from) {
      mark[target] = from;
      out.add(target);
    }
  }

  boolean selfLoop(int m) {
    for (int t : succ[m]) if (t == m) return true;
    return false;
  }

  /** Strongly connected components, callees before callers; members in the order Tarjan pops them. */
  List<int[]> components() {
    int n = succ.length;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] edgePos = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int sp = 0;
    int[] frames = new int[n];
    int fp = 0;
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) continue;
      index[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      frames[fp++] = root;
      while (fp > 0) {
        int v = frames[fp - 1];
        if (edgePos[v] < succ[v].length) {
          int w = succ[v][edgePos[v]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            frames[fp++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        } else {
          fp--;
          if (low[v] == index[v]) {
            int size = 0;
            while (stack[sp - 1 - size] != v) size++;
            size++;
            int[] comp = new int[size];
            for (int i = 0; i < size; i++) {
              int w = stack[--sp];
              onStack[w] = false;
              comp[i] = w;
            }
            out.add(comp);
          }
          if (fp > 0) {
            int u = frames[fp - 1];
            low[u] = Math.min(low[u], low[v]);
          }
        }
      }
    }
    return out;
  }
}
