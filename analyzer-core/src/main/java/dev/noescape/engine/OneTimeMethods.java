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
import java.util.TreeSet;

/**
 * Which methods run only once, during class initialization ({@link OneTime}): code in them is
 * cold like code in a static initializer ({@link dev.noescape.ir.ColdPath#ONE_TIME}).
 *
 * <p>A method is <b>one-time</b> when
 *
 * <ul>
 *   <li>no code outside the program can call it: it is {@link dev.noescape.ir.Visibility#PRIVATE}
 *       and its nest (the classes named after its top-level class) is whole in the program, or
 *       {@link dev.noescape.ir.Visibility#PACKAGE} in a program that holds whole packages
 *       ({@link Program#wholePackages()}) and no class of its package is partial
 *       ({@link Program#partialClasses()}); never a method the JVM calls by name (serialization
 *       hooks, {@code main});
 *   <li>every call of it in the program ({@link Stmt.Call}: the callee and every override the call
 *       lists, a superset of what dispatch can run) is in a static initializer or in a one-time
 *       method; and every {@link Handle} to it (a lambda body, a method reference) is in one too
 *       and its functional object does not escape that method globally (so it can be invoked only
 *       while that method runs). A handle without a site (a non-capturing lambda or reference: a
 *       constant, no escape verdict) counts as a caller from unknown code;
 *   <li>some static initializer reaches it: the set is the greatest one, among the methods
 *       reachable from static initializers through such calls and handles, that is closed under
 *       "every caller is in the set". So a recursive helper a static initializer calls is one-time,
 *       and a cycle no static initializer reaches is not.
 * </ul>
 *
 * <p>Computed once per run after the escape analysis (handles need the functional objects'
 * verdicts), in time linear in the program's statements. The assumptions are the engine's own
 * (code is not called reflectively, except the serialization hooks named here) plus, for
 * package-private methods, that the bytecode front end's inputs hold every class of their
 * packages (a package split over several jars is not).
 */
final class OneTimeMethods {
  private OneTimeMethods() {}

  /** Private or other methods the JVM or its libraries call by name, whatever the program says. */
  private static final Set<String> CALLED_BY_NAME = Set.of("main", "readObject", "writeObject", "readObjectNoData",
      "readResolve", "writeReplace");

  /**
   * The one-time fact of every method of {@code program} (null where it is not one-time), indexed
   * like {@link Program#methods()}.
   *
   * @param index each method's position by {@link MethodRef#key()}
   * @param results the engine's result per method (the functional objects' verdicts); entries may be
   *     null for methods it did not reach
   */
  static OneTime[] of(Program program, Map<String, Integer> index, MethodResult[] results) {
    List<MethodIR> methods = program.methods();
    int n = methods.size();
    OneTime[] out = new OneTime[n];
    boolean[] root = new boolean[n];
    boolean[] closed = new boolean[n];
    boolean any = false;
    Set<String> partialNests = new HashSet<>();
    Set<String> partialPackages = new HashSet<>();
    for (String c : program.partialClasses()) {
      partialNests.add(nest(c));
      partialPackages.add(packageOf(c));
    }
    for (int m = 0; m < n; m++) {
      MethodRef ref = methods.get(m).ref();
      root[m] = ref.isStaticInitializer();
      closed[m] = !root[m] && !CALLED_BY_NAME.contains(ref.name()) && switch (methods.get(m).visibility()) {
        case PRIVATE -> !partialNests.contains(nest(ref.owner()));
        case PACKAGE -> program.wholePackages() && !partialPackages.contains(packageOf(ref.owner()));
        case PUBLIC -> false;
      };
      any |= root[m];
    }
    if (!any) return out;

    // Edges into closed methods only: the others cannot be one-time whoever calls them.
    IntList[] succ = new IntList[n];
    IntList[] pred = new IntList[n];
    boolean[] unknownCaller = new boolean[n];
    for (int m = 0; m < n; m++) {
      MethodIR ir = methods.get(m);
      for (Stmt s : ir.stmts()) {
        if (!(s instanceof Stmt.Call c)) continue;
        edge(m, index.get(c.callee().key()), closed, succ, pred);
        for (MethodRef o : c.overrides()) edge(m, index.get(o.key()), closed, succ, pred);
      }
      for (Handle h : ir.handles()) {
        Integer t = index.get(h.method());
        if (t == null || !closed[t]) continue;
        if (h.site() < 0 || results[m] == null || h.site() >= results[m].sites().size()
            || results[m].sites().get(h.site()).state() == EscapeState.GLOBAL_ESCAPE) {
          unknownCaller[t] = true; // whoever holds the functional object may call it at any time
        } else {
          edge(m, t, closed, succ, pred);
        }
      }
    }

    // Reachable from a static initializer through closed methods...
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

    // Shortest chains from the static initializers, for the messages (program order breaks ties).
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
    for (int m = 0; m < n; m++) {
      if (!in[m] || root[m] || parent[m] < 0) continue;
      boolean direct = true;
      for (int i = 0; i < pred[m].size() && direct; i++) direct = root[pred[m].get(i)];
      Set<String> roots = new TreeSet<>();
      if (direct) {
        for (int i = 0; i < pred[m].size(); i++) roots.add(classOf(methods.get(pred[m].get(i))));
      } else {
        int r = m;
        while (!root[r]) r = parent[r];
        roots.add(classOf(methods.get(r)));
      }
      String through = null;
      if (!direct) {
        // an accessor javac made before nestmates (access$000) is named as the member it reaches, so
        // naming it would name the method itself: look through it to its own caller
        int c = nearestCaller(pred[m], root, depth);
        String own = methods.get(m).displayName();
        Set<Integer> passed = new HashSet<>();
        while (c >= 0 && c != m && !root[c] && methods.get(c).displayName().equals(own) && passed.add(c)) {
          c = nearestCaller(pred[c], root, depth);
        }
        through = c < 0 || root[c] ? null : methods.get(c).displayName();
      }
      out[m] = new OneTime(List.copyOf(roots), through, depth[m]);
    }
    return out;
  }

  /**
   * The caller that is not a static initializer and is nearest one (the lowest index among equals);
   * -1 when every caller is one.
   */
  private static int nearestCaller(IntList callers, boolean[] root, int[] depth) {
    int best = -1;
    if (callers == null) return best;
    for (int i = 0; i < callers.size(); i++) {
      int c = callers.get(i);
      if (root[c]) continue;
      if (best < 0 || depth[c] < depth[best] || depth[c] == depth[best] && c < best) best = c;
    }
    return best;
  }

  private static void edge(int from, Integer to, boolean[] closed, IntList[] succ, IntList[] pred) {
    if (to == null || !closed[to]) return;
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

  /** How messages name the class of a static initializer: its display name without {@code .<clinit>}. */
  private static String classOf(MethodIR clinit) {
    String d = clinit.displayName();
    String suffix = "." + MethodRef.STATIC_INITIALIZER;
    return d.endsWith(suffix) ? d.substring(0, d.length() - suffix.length()) : d;
  }

  /** The top-level class a nested class is named after ({@code a.Outer$Inner} → {@code a.Outer}). */
  private static String nest(String cls) {
    int dot = cls.lastIndexOf('.');
    int dollar = cls.indexOf('$', dot + 1);
    return dollar < 0 ? cls : cls.substring(0, dollar);
  }

  private static String packageOf(String cls) {
    int dot = cls.lastIndexOf('.');
    return dot < 0 ? "" : cls.substring(0, dot);
  }
}
