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
      the first step of the reason chain and what keeps the object alive: `new StringBuilder() escapes to heap: \
      returned (line 20) — the caller keeps it`. With verbosity 2 the message gives the whole chain; the SARIF and \
      JSON reports always carry it, step by step.

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
      keep them. Boxing that never allocates (`Boolean`, `Byte`, and compile-time constants inside the `valueOf` \
      caches). Non-capturing lambdas and unbound method references, which are constants: they have no allocation \
      site.""";

  public static final String BEFORE = """
      StringBuilder render(List<User> users) {
        StringBuilder sb = new StringBuilder();   // escapes to heap: returned
        for (User u : users) sb.append(u.name()).append('\\n');
        return sb;
      }""";

  public static final String AFTER = """
      String render(List<User> users) {
        StringBuilder sb = new StringBuilder();   // only the String leaves the method
        for (User u : users) sb.append(u.name()).append('\\n');
        return sb.toString();
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.INFO, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.VERBOSITY));
}
