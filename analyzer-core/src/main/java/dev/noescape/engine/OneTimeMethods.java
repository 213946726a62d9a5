package dev.noescape.engine;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
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
 *   <li>every call of it in the program ({@link dev.noescape.ir.Stmt.Call}: the callee and every override the call
 *       lists, a superset of what dispatch can run) is in a static initializer or in a one-time
 *       method; and every {@link dev.noescape.ir.Handle} to it (a lambda body, a method reference) is in one too
 *       and its functional object does not escape that method globally (so it can be invoked only
 *       while that method runs). A handle without a site (a non-capturing lambda or reference: a
 *       constant, no escape verdict) counts as a caller from unknown code;
 *   <li>some static initializer reaches it: the set is the greatest one, among the methods
 *       reachable from static initializers through such calls and handles, that is closed under
 *       "every caller is in the set". So a recursive helper a static initializer calls is one-time,
 *       and a cycle no static initializer reaches is not.
 * </ul>
 *
 * <p>That is {@link CallerClosure} with the static initializers as roots.
 *
 * <p>Computed once per run after the escape analysis (handles need the functional objects'
 * verdicts), in time linear in the program's statements. The assumptions are the engine's own
 * (code is not called reflectively, except the serialization hooks named here) plus, for
 * package-private methods, that the bytecode front end's inputs hold every class of their
 * packages (a package split over several jars is not).
 */
final class OneTimeMethods {
  private OneTimeMethods() {}

  /**
   * The one-time fact of every method of {@code program} (null where it is not one-time), indexed
   * like {@link Program#methods()}.
   *
   * @param index each method's position by {@link MethodRef#key()}
   * @param results the engine's result per method (the functional objects' verdicts); entries may be
   *     null for methods it did not reach
   */
  static OneTime[] of(Program program, Map<String, Integer> index, MethodResult[] results) {
    return of(program, index, results, CallerClosure.closed(program));
  }

  /** {@link #of}, given {@link CallerClosure#closed} of the program. */
  static OneTime[] of(Program program, Map<String, Integer> index, MethodResult[] results, boolean[] closed) {
    List<MethodIR> methods = program.methods();
    int n = methods.size();
    OneTime[] out = new OneTime[n];
    boolean[] root = new boolean[n];
    boolean any = false;
    for (int m = 0; m < n; m++) any |= root[m] = methods.get(m).ref().isStaticInitializer();
    if (!any) return out;
    CallerClosure closure = CallerClosure.of(program, index, results, root, closed);
    for (int m = 0; m < n; m++) {
      if (!closure.joined(m)) continue;
      Set<String> roots = new TreeSet<>();
      String through = null;
      if (closure.onlyRootsCall(m)) {
        for (int c : closure.callers(m)) roots.add(classOf(methods.get(c)));
      } else {
        roots.add(classOf(methods.get(closure.rootOf(m))));
        int c = closure.nearestNamedCaller(m);
        through = c < 0 ? null : methods.get(c).displayName();
      }
      out[m] = new OneTime(List.copyOf(roots), through, closure.depth(m));
    }
    return out;
  }

  /** How messages name the class of a static initializer: its display name without {@code .<clinit>}. */
  private static String classOf(MethodIR clinit) {
    String d = clinit.displayName();
    String suffix = "." + MethodRef.STATIC_INITIALIZER;
    return d.endsWith(suffix) ? d.substring(0, d.length() - suffix.length()) : d;
  }
}
