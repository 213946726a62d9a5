package dev.noescape.rules;

import java.util.function.Function;

/**
 * A fact the rules derive from a whole method and then ask about once per site, computed once for
 * the method asked about last on this thread: the rules check one method at a time per thread
 * ({@link RuleRunner#run(dev.noescape.engine.MethodResult, RuleContext, java.util.Set)}), so every
 * site of a method is served by one computation, where computing the fact per site made a rule
 * quadratic in the method's sites (cubic with its statements). The method is compared by identity
 * (its IR and results are immutable); the fact must be immutable, since every caller shares it.
 * One entry per thread, replaced by the next method: nothing accumulates.
 *
 * @param <M> the method's IR or its analysis result, whichever the fact is computed from
 * @param <V> the fact
 */
final class LastMethod<M, V> {
  private record Entry<M, V>(M method, V fact) {}

  private final Function<M, V> compute;
  private final ThreadLocal<Entry<M, V>> last = new ThreadLocal<>();

  LastMethod(Function<M, V> compute) {
    this.compute = compute;
  }

  /** The fact of {@code method}: computed when it is not the method asked about last on this thread. */
  V of(M method) {
    Entry<M, V> e = last.get();
    if (e != null && e.method() == method) return e.fact();
    V fact = compute.apply(method);
    last.set(new Entry<>(method, fact));
    return fact;
  }
}
