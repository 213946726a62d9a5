package dev.noescape.models;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How the calls into the JDK of some methods were resolved: by a hand-checked model, by a summary
 * generated from the JDK's bytecode, or not at all (the engine's conservative default). A debug
 * statistic (the command line's {@code --debug}, {@code bench/jdk-coverage.sh}); a call counts once
 * per call statement, by its named callee.
 */
public record JdkCallCoverage(int model, int generated, int unknown, java.util.Map<String, Integer> unknownCallees) {
  public static final JdkCallCoverage NONE = new JdkCallCoverage(0, 0, 0, java.util.Map.of());

  public JdkCallCoverage {
    unknownCallees = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unknownCallees));
  }

  /** The callees left unknown most often, most frequent first (ties by key), at most {@code n}. */
  public java.util.List<String> topUnknown(int n) {
    return unknownCallees.entrySet().stream()
        .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(java.util.Map.Entry.comparingByKey()))
        .limit(n).map(e -> e.getKey() + " x" + e.getValue()).toList();
  }

  public int total() {
    return model + generated + unknown;
  }

  /**
   * Counts the calls of {@code methods} whose callee is a JDK method ({@code isJdk} of its owner)
   * not declared by the program ({@code programOwners}).
   */
  public static JdkCallCoverage of(Iterable<MethodIR> methods, Set<String> programOwners, Predicate<String> isJdk) {
    int model = 0, generated = 0, unknown = 0;
    java.util.Map<String, Integer> unknownCallees = new java.util.HashMap<>();
    JdkModels models = JdkModels.instance();
    JdkSummaries summaries = JdkSummaries.instance();
    for (MethodIR m : methods) {
      for (Stmt s : m.stmts()) {
        if (!(s instanceof Stmt.Call c)) continue;
        MethodRef callee = c.callee();
        if (programOwners.contains(callee.owner()) || !isJdk.test(callee.owner())) continue;
        if (models.lookup(callee).isPresent()) model++;
        else if (summaries.lookup(callee).isPresent()) generated++;
        else {
          unknown++;
          unknownCallees.merge(callee.key(), 1, Integer::sum);
        }
      }
    }
    return new JdkCallCoverage(model, generated, unknown, unknownCallees);
  }

  /** Whether a class is the JDK's: a {@code java.}, {@code javax.}, {@code jdk.} or {@code sun.} name, or one the platform class loader has. */
  public static boolean isJdkClass(String name) {
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) return true;
    return ClassLoader.getPlatformClassLoader().getResource(name.replace('.', '/') + ".class") != null;
  }

  /** Adds two counts. */
  public JdkCallCoverage plus(JdkCallCoverage o) {
    java.util.Map<String, Integer> u = new java.util.HashMap<>(unknownCallees);
    o.unknownCallees.forEach((k, v) -> u.merge(k, v, Integer::sum));
    return new JdkCallCoverage(model + o.model, generated + o.generated, unknown + o.unknown, u);
  }

  /** {@code JDK calls: 1,234 (model 60.1 %, generated 31.2 %, unknown 8.7 %)}. */
  @Override
  public String toString() {
    int t = Math.max(1, total());
    return String.format(java.util.Locale.ROOT, "JDK calls: %,d (model %.1f %%, generated %.1f %%, unknown %.1f %%)",
        total(), 100.0 * model / t, 100.0 * generated / t, 100.0 * unknown / t);
  }
}
