package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code AllocationContract}: see {@link RuleDoc} for what each part is for. */
public final class AllocationContractDoc {
  private AllocationContractDoc() {}

  public static final String ID = "AllocationContract";

  public static final String SUMMARY = "A method annotated @NoAllocation allocates on the heap";

  public static final String EXPLANATION = """
      A method annotated `@NoAllocation` (any annotation with that simple name: \
      `dev.noescape.annotations.NoAllocation`, Error Prone's `com.google.errorprone.annotations.NoAllocation`, your \
      own) must not allocate on the heap. The rule reports each expression or call in it that does, at its line: \
      `new` and arrays, boxing that allocates (as `BoxingAllocation` counts it), implicit varargs arrays, capturing \
      lambdas and bound method references, anonymous classes, string concatenation, the iterator of an enhanced \
      `for` over an `Iterable`, and calls that may allocate. An override of a `@NoAllocation` method inherits the \
      contract and is reported itself.

      Callees need no annotation. A method of the analyzed code (for the javac plugin, the files of the same javac \
      run, at most 16 others per file; for the command line and the Maven goals, the whole program, dependency jars \
      included) is checked the same way, transitively, and the message follows the shortest path down to the \
      allocating line, Clang-style: `@NoAllocation method Engine.onTick calls Book.add (line 41) → Book.add boxes \
      int to Integer (line 88)`. A library callee ends the path with its summary: `calls ArrayList.add (may \
      allocate)`, `(unknown: no summary)`; so does a virtual call that code outside the analyzed code could \
      override: `(unknown: may be overridden outside the analyzed code)`.

      ## Why it matters

      The annotation is a contract the developer asked to have checked, typically on a latency-critical path that \
      must not cause garbage collection: a broken contract is an error, and the path shows where the allocation \
      happens, however deep.

      ## What to write instead

      Remove the allocation the path ends at: keep values primitive, iterate arrays or indexed lists with a counted \
      `for`, create lambdas and buffers once (in fields), call fixed-arity overloads. For a virtual call the \
      analysis cannot close, make the method or its class `final`, or the method `private` or `static`.

      To waive the contract, put `@SuppressWarnings("AllocationContract")` on the method (or its class) and state \
      why in `@NoAllocation(reason = "...")`. The JSON, SARIF and HTML reports list waived contracts with their \
      reasons (the command line sees waivers with `--source`); a waiver without a reason is reported as a warning at \
      the method.

      ## What stays quiet

      Everything in the operand of a `throw` statement, in the method and in its callees: the failure path (`throw \
      new IllegalStateException("bad " + x)`). Non-capturing lambdas and unbound method references: constants. The \
      body of a lambda created in the method: it runs when something invokes it, and a callee that invokes it is \
      judged by what that call resolves to. Allocations whose object provably does not escape, only with the \
      `ContractAllowsNoEscape` option: the JIT may remove them after inlining, but need not. Annotations count \
      whatever their retention, but the command line and the Maven goals cannot see a `SOURCE`-retention annotation.""";

  public static final String BEFORE = """
      @NoAllocation
      long total(List<Order> orders) {
        long t = 0;
        for (Order o : orders) t += o.quantity();   // the enhanced for creates an Iterator
        return t;
      }""";

  public static final String AFTER = """
      @NoAllocation
      long total(Order[] orders, int n) {
        long t = 0;
        for (int i = 0; i < n; i++) t += orders[i].quantity();
        return t;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.ERROR, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.CONTRACT_ALLOWS_NO_ESCAPE));
}
