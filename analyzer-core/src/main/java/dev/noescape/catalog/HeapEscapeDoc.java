package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code HeapEscape}: see {@link RuleDoc} for what each part is for. */
public final class HeapEscapeDoc {
  private HeapEscapeDoc() {}

  public static final String ID = "HeapEscape";

  public static final String SUMMARY = "An allocation escapes its method to the heap";

  public static final String EXPLANATION = """
      Reports an allocation whose object outlives the method that creates it (`GlobalEscape`, Go's `escapes to \
      heap`): it is returned, thrown, stored in a static field or in an object reachable from a parameter, `this`, \
      the result or a static, captured by a lambda that escapes, or handed to code that keeps it or that the \
      analysis cannot see. The other states, as in Choi et al. and HotSpot's C2, are `NoEscape` (the object lives \
      and dies in the method) and `ArgEscape` (it is handed only to calls that do not keep it). The message gives \
      the first step of the reason chain, the last one (what finally keeps the object), and a hint: `new int[2] \
      escapes to heap: stored into SEEN by List.add (line 5) — the object holding it outlives the method`. With \
      verbosity 2 the message gives the whole chain; the SARIF and JSON reports always carry it, step by step. A \
      call the analysis could not follow is named for why: `passed to unknown Foo.bar` (no code or summary), \
      `passed to overridable Foo.bar` (a subclass outside the analyzed code may override it).

      Escapes that are expected are left out unless asked for (the `ExpectedEscapes` option, or verbosity 2), so \
      that the escapes in loops, on hot paths and the surprising leaks come first: objects that are thrown (or \
      held by a thrown one), objects a static initializer makes (static fields, enum constants, constant tables: \
      once per class), and objects that are returned (or held by a returned one), which is what factories and \
      builders are for. The JSON report says which of these a finding is (`expected`).

      With verbosity 2 it also lists, as information, the allocations that only escape into calls that do not keep \
      them (`ArgEscape`): `new Foo() does not escape, but is passed to Bar.baz (line 3); only inlining lets the JIT \
      scalar-replace it`.

      ## Why it matters

      An object that escapes is a real heap allocation, and garbage collector work, every time the code runs: the \
      JIT cannot remove it. An object that does not escape is a candidate: HotSpot's C2 *may* scalar-replace it when \
      the allocating code is inlined, which is never a guaranteed stack allocation. This rule tells which is which; \
      it is a report, not advice, so it is off unless enabled.

      ## What to write instead

      Often nothing: returning or storing an object is the point of creating it. When the allocation is hot, keep \
      the object local: return the result rather than the builder that made it, let the caller pass in a reusable \
      instance, and do not hand the object to code the analysis cannot see.

      ## What stays quiet

      Allocations that do not escape, and, below verbosity 2, allocations that only escape into calls that do not \
      keep them, and the expected escapes above. Boxing that never allocates (`Boolean`, `Byte`, and compile-time constants inside the `valueOf` \
      caches). Non-capturing lambdas and unbound method references, which are constants: they have no allocation \
      site.""";

  public static final String BEFORE = """
      static final List<long[]> SEEN = new ArrayList<>();

      long span(List<Order> orders) {
        long[] minMax = {Long.MAX_VALUE, Long.MIN_VALUE};   // escapes to heap: stored into SEEN
        for (Order o : orders) {
          minMax[0] = Math.min(minMax[0], o.id());
          minMax[1] = Math.max(minMax[1], o.id());
        }
        SEEN.add(minMax);
        return minMax[1] - minMax[0];
      }""";

  public static final String AFTER = """
      long span(List<Order> orders) {
        long[] minMax = {Long.MAX_VALUE, Long.MIN_VALUE};   // does not escape
        for (Order o : orders) {
          minMax[0] = Math.min(minMax[0], o.id());
          minMax[1] = Math.max(minMax[1], o.id());
        }
        return minMax[1] - minMax[0];
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.INFO, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.VERBOSITY, RuleOption.EXPECTED_ESCAPES));
}
