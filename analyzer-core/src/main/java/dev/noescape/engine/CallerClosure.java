package dev.noescape.engine;

import dev.noescape.ir.Handle;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Stmt;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods only a given set of <b>root</b> methods can run: the greatest set, among the methods
 * reachable from the roots through calls and handles, that holds the roots and in which every other
 * member is closed (no code outside the program can call it) and has all its callers in the set.
 * {@link OneTimeMethods} (roots: static initializers) and {@link ConstructionMethods} (roots:
 * constructors, factories, builder methods) are this closure with their own roots; what they say of
 * a member follows from {@link #rootOf} and {@link #nearestNamedCaller}.
 *
 * <p>A method is <b>closed</b> ({@link #closed}) when it is {@link dev.noescape.ir.Visibility#PRIVATE}
 * and its nest (the classes named after its top-level class) is whole in the program, or
 * {@link dev.noescape.ir.Visibility#PACKAGE} in a program that holds whole packages
 * ({@link Program#wholePackages()}) and no class of its package is partial; never a method the JVM
 * calls by name (serialization hooks, {@code main}).
 *
 * <p>Callers: every call of a method in the program ({@link Stmt.Call}: the callee and every
 * override the call lists, a superset of what dispatch can run), and every {@link Handle} to it (a
 * lambda body, a method reference) whose functional object does not escape its creating method
 * globally (so it can be invoked only while that method runs). A handle without a site (a
 * non-capturing lambda or reference: a constant, no escape verdict) or whose object escapes counts as
 * a caller from unknown code, which keeps the method out.
 *
 * <p>Linear in the program's statements; computed after the escape analysis (handles need the
 * functional objects' verdicts).
 */
final class CallerClosure {
  /** Private or other methods the JVM or its libraries call by name, whatever the program says. */
  private static final Set<String> CALLED_BY_NAME = Set.of("main", "readObject", "writeObject", "readObjectNoData",
      "readResolve", "writeReplace");

  private final List<MethodIR> methods;
  private final boolean[] root;
  private final boolean[] in;
  private final IntList[] pred;
  private final int[] parent;
  private final int[] depth;

  private CallerClosure(List<MethodIR> methods, boolean[] root, boolean[] in, IntList[] pred, int[] parent, int[] depth) {
    this.methods = methods;
    this.root = root;
    this.in = in;
    this.pred = pred;
    this.parent = parent;
    this.depth = depth;
  }

  /** Which methods of {@code program} are closed (the class comment), indexed like {@link Program#methods()}. */
  static boolean[] closed(Program program) {
    List<MethodIR> methods = program.methods();
    Set<String> partialNests = new HashSet<>();
    Set<String> partialPackages = new HashSet<>();
    for (String c : program.partialClasses()) {
      partialNests.add(nest(c));
      partialPackages.add(packageOf(c));
    }
    boolean[] closed = new boolean[methods.size()];
    for (int m = 0; m < closed.length; m++) {
      MethodRef ref = methods.get(m).ref();
      closed[m] = !CALLED_BY_NAME.contains(ref.name()) && switch (methods.get(m).visibility()) {
        case PRIVATE -> !partialNests.contains(nest(ref.owner()));
        case PACKAGE -> program.wholePackages() && !partialPackages.contains(packageOf(ref.owner()));
        case PUBLIC -> false;
      };
    }
    return closed;
  }

  /**
   * The closure of {@code root} in {@code program}.
   *
   * @param index each method's position by {@link MethodRef#key()}
   * @param results the engine's result per method (the functional objects' verdicts); entries may be
   *     null for methods it did not reach
   * @param root the roots, indexed like {@link Program#methods()}
   * @param closed {@link #closed} of the program: which non-roots may join
   */
  static CallerClosure of(Program program, Map<String, Integer> index, MethodResult[] results, boolean[] root,
      boolean[] closed) {
    List<MethodIR> methods = program.methods();
    int n = methods.size();
    boolean[] joinable = new boolean[n];
    for (int m = 0; m < n; m++) joinable[m] = closed[m] && !root[m];

    // Edges into joinable methods only: the others cannot join whoever calls them.
    IntList[] succ = new IntList[n];
    IntList[] pred = new IntList[n];
    boolean[] unknownCaller = new boolean[n];
    for (int m = 0; m < n; m++) {
      MethodIR ir = methods.get(m);
      for (Stmt s : ir.stmts()) {
        if (!(s instanceof Stmt.Call c)) continue;
        edge(m, index.get(c.callee().key()), joinable, succ, pred);
        for (MethodRef o : c.overrides()) edge(m, index.get(o.key()), joinable, succ, pred);
      }
      for (Handle h : ir.handles()) {
        Integer t = index.get(h.method());
        if (t == null || !joinable[t]) continue;
        if (h.site() < 0 || results[m] == null || h.site() >= results[m].sites().size()
            || results[m].sites().get(h.site()).state() == EscapeState.GLOBAL_ESCAPE) {
          unknownCaller[t] = true; // whoever holds the functional object may call it at any time
        } else {
          edge(m, t, joinable, succ, pred);
        }
      }
    }

    // Reachable from a root through joinable methods...
    boolean[] in = new boolean[n];
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int m = 0; m < n; m++) {
      if (root[m]) {
        in[m] = true;
        work.add(m);
      }
    }
    while (!work.isEmpty()) {
      int m = work.poll();
      if (succ[m] == null) continue;
      for (int i = 0; i < succ[m].size(); i++) {
        int t = succ[m].get(i);
        if (!in[t] && !unknownCaller[t]) {
          in[t] = true;
          work.add(t);
        }
      }
    }
    // ...then without any method one of whose callers is not in the set (until none is left).
    for (int m = 0; m < n; m++) {
      if (in[m] && !root[m] && !allCallersIn(pred[m], in)) work.add(m);
    }
    while (!work.isEmpty()) {
      int m = work.poll();
      if (!in[m]) continue;
      in[m] = false;
      if (succ[m] == null) continue;
      for (int i = 0; i < succ[m].size(); i++) {
        int t = succ[m].get(i);
        if (in[t] && !root[t]) work.add(t);
      }
    }

    // Shortest chains from the roots, for the messages (program order breaks ties).
    int[] parent = new int[n];
    int[] depth = new int[n];
    Arrays.fill(parent, -1);
    for (int m = 0; m < n; m++) if (root[m]) work.add(m);
    boolean[] seen = root.clone();
    while (!work.isEmpty()) {
      int m = work.poll();
      if (succ[m] == null) continue;
      for (int i = 0; i < succ[m].size(); i++) {
        int t = succ[m].get(i);
        if (!in[t] || seen[t]) continue;
        seen[t] = true;
        parent[t] = m;
        depth[t] = depth[m] + 1;
        work.add(t);
      }
    }
    for (int m = 0; m < n; m++) if (in[m] && !root[m] && parent[m] < 0) in[m] = false;
    return new CallerClosure(methods, root, in, pred, parent, depth);
  }

  /** Whether method {@code m} is a member that is not a root (only the roots can run it). */
  boolean joined(int m) {
    return in[m] && !root[m];
  }

  /** Whether every caller of joined method {@code m} is a root. */
  boolean onlyRootsCall(int m) {
    IntList p = pred[m];
    if (p == null) return false;
    for (int i = 0; i < p.size(); i++) if (!root[p.get(i)]) return false;
    return true;
  }

  /** The callers of joined method {@code m}, in program order of their calls. */
  int[] callers(int m) {
    IntList p = pred[m];
    int[] out = new int[p == null ? 0 : p.size()];
    for (int i = 0; i < out.length; i++) out[i] = p.get(i);
    return out;
  }

  /** The root a shortest chain of calls to joined method {@code m} starts from. */
  int rootOf(int m) {
    int r = m;
    while (!root[r]) r = parent[r];
    return r;
  }

  /** The length of that chain: 1 when a root calls {@code m} directly. */
  int depth(int m) {
    return depth[m];
  }

  /**
   * The caller of joined method {@code m} that is not a root and is nearest one, looking through
   * callers named like {@code m} itself (an accessor javac made before nestmates, {@code access$000},
   * is named as the member it reaches, so naming it would name the method itself); -1 when every
   * caller is a root.
   */
  int nearestNamedCaller(int m) {
    int c = nearestCaller(pred[m]);
    String own = methods.get(m).displayName();
    Set<Integer> passed = new HashSet<>();
    while (c >= 0 && c != m && methods.get(c).displayName().equals(own) && passed.add(c)) {
      c = nearestCaller(pred[c]);
    }
    return c;
  }

  /** The caller that is not a root and is nearest one (the lowest index among equals); -1 when every caller is one. */
  private int nearestCaller(IntList callers) {
    int best = -1;
    if (callers == null) return best;
    for (int i = 0; i < callers.size(); i++) {
      int c = callers.get(i);
      if (root[c]) continue;
      if (best < 0 || depth[c] < depth[best] || depth[c] == depth[best] && c < best) best = c;
    }
    return best;
  }

  private static void edge(int from, Integer to, boolean[] joinable, IntList[] succ, IntList[] pred) {
    if (to == null || !joinable[to]) return;
    if (succ[from] == null) succ[from] = new IntList();
    if (pred[to] == null) pred[to] = new IntList();
    succ[from].add(to);
    pred[to].add(from);
  }

  private static boolean allCallersIn(IntList callers, boolean[] in) {
    if (callers == null) return false;
    for (int i = 0; i < callers.size(); i++) if (!in[callers.get(i)]) return false;
    return true;
  }

  /** The top-level class a nested class is named after ({@code a.Outer$Inner} → {@code a.Outer}). */
  static String nest(String cls) {
    int dot = cls.lastIndexOf('.');
    int dollar = cls.indexOf('$', dot + 1);
    return dollar < 0 ? cls : cls.substring(0, dollar);
  }

  private static String packageOf(String cls) {
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? "" : cls.substring(0, dot);
  }
}
