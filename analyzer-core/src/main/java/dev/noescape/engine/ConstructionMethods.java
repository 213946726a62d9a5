package dev.noescape.engine;

import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which methods are set-up code ({@link Construction}): code in them runs once per object it builds
 * or configures, not once per operation, so a loop there repeats with the size of what is being
 * built, once ({@link dev.noescape.ir.ColdPath#CONSTRUCTION}).
 *
 * <p>The <b>roots</b> are
 *
 * <ul>
 *   <li>instance constructors;
 *   <li>static factories: static methods that return an object of their own class ({@code Foo.of},
 *       {@code Foo.parse}, {@code Foo.copyOf});
 *   <li>builder methods: the methods of a class whose simple name ends in {@code Builder} and that
 *       declares a method {@code build};
 *   <li>and, not set-up code but cold the same way, {@code toString()}: it describes the object for
 *       people, once per log line or message that shows it ({@link Construction.Kind#DESCRIPTION}).
 * </ul>
 *
 * <p>and the method set is {@link CallerClosure} of them: the private (or, in a whole-package
 * program, package-private) helpers and lambda bodies that only set-up code runs.
 *
 * <p>Not set-up code: a method already known to run once ({@link OneTimeMethods}: it is colder), and
 * a root the code marks hot ({@link MethodIR#markedHot()}: {@code @HotPath}, {@code @NoAllocation}): that
 * says its objects are built per operation (a message decoded per request), which the program's
 * structure cannot tell. The rules also let a configured hot annotation on the method override it.
 *
 * <p>Why: on the ten hand-judged libraries of {@code testdata/real-code}, findings in constructors,
 * factories and builders were, but for one, judged one-time set-up (a trie built in a factory's
 * constructor, lookup tables filled once per converter, a builder's validation); none was worth a
 * change. The deliberate simplification is that an object built once per operation on a hot path is
 * set-up code too until its constructor says otherwise. {@code toString} joined after a held-out run
 * (HdrHistogram, agrona, disruptor, commons-csv): 16 of its 36 warnings were loops in {@code toString}
 * or helpers only it calls, all judged cold; a program that formats objects on its hot path says so
 * with a hot annotation on {@code toString}.
 */
final class ConstructionMethods {
  private ConstructionMethods() {}

  /**
   * The set-up fact of every method of {@code program} (null where it is not set-up code), indexed
   * like {@link Program#methods()}.
   *
   * @param index each method's position by {@link MethodRef#key()}
   * @param results the engine's result per method (the functional objects' verdicts)
   * @param oneTime {@link OneTimeMethods#of} of the program: such methods are left out
   * @param closed {@link CallerClosure#closed} of the program
   */
  static Construction[] of(Program program, Map<String, Integer> index, MethodResult[] results, OneTime[] oneTime,
      boolean[] closed) {
    List<MethodIR> methods = program.methods();
    int n = methods.size();
    Construction[] out = new Construction[n];
    Set<String> builders = builderClasses(methods);
    Construction.Kind[] kind = new Construction.Kind[n];
    boolean[] root = new boolean[n];
    boolean[] joinable = new boolean[n];
    boolean any = false;
    for (int m = 0; m < n; m++) {
      MethodIR ir = methods.get(m);
      if (oneTime[m] != null) continue;
      kind[m] = ir.markedHot() ? null : rootKind(ir.ref(), builders);
      root[m] = kind[m] != null;
      joinable[m] = closed[m] && !ir.markedHot();
      any |= root[m];
    }
    if (!any) return out;
    CallerClosure closure = CallerClosure.of(program, index, results, root, joinable);
    for (int m = 0; m < n; m++) {
      if (root[m]) {
        out[m] = new Construction(kind[m], methods.get(m).displayName(), null, 0);
      } else if (closure.joined(m)) {
        int r = closure.rootOf(m);
        int through = closure.onlyRootsCall(m) ? -1 : closure.nearestNamedCaller(m);
        out[m] = new Construction(kind[r], methods.get(r).displayName(),
            through < 0 ? null : methods.get(through).displayName(), closure.depth(m));
      }
    }
    return out;
  }

  /** What kind of set-up root {@code ref} is, or null when it is none. */
  private static Construction.Kind rootKind(MethodRef ref, Set<String> builders) {
    if (ref.isConstructor()) return Construction.Kind.CONSTRUCTOR;
    if (ref.isStaticInitializer()) return null;
    if (ref.isStatic()) return ref.owner().equals(ref.returnType()) ? Construction.Kind.FACTORY : null;
    if (ref.name().equals("toString") && ref.paramTypes().isEmpty()) return Construction.Kind.DESCRIPTION;
    return builders.contains(ref.owner()) ? Construction.Kind.BUILDER : null;
  }

  /** The classes of the program whose simple name ends in {@code Builder} and that declare {@code build}. */
  private static Set<String> builderClasses(List<MethodIR> methods) {
    Set<String> out = new HashSet<>();
    for (MethodIR m : methods) {
      MethodRef ref = m.ref();
      if (!ref.isStatic() && "build".equals(ref.name()) && BinaryNames.innermost(ref.owner()).endsWith("Builder")) out.add(ref.owner());
    }
    return out;
  }
}
