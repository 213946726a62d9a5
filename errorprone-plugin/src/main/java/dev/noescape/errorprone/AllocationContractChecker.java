package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code AllocationContract} rule as an Error Prone check. */
@BugPattern(
    name = "AllocationContract",
    summary = "A method annotated @NoAllocation allocates on the heap",
    explanation =
        """
        A method annotated `@NoAllocation` (any annotation with that simple name, including \
        `com.google.errorprone.annotations.NoAllocation` and `dev.noescape.annotations.NoAllocation`) \
        must not allocate on the heap. Every allocation counts: `new` and arrays, boxing that \
        allocates (not `Boolean`, `Byte` or a constant inside the `valueOf` caches), implicit \
        varargs arrays, capturing lambdas, bound method references, anonymous classes, string \
        concatenation, the iterator of an enhanced `for` over an `Iterable`, and calls to methods \
        that may allocate. Methods of the same compilation unit need no annotation: their bodies \
        are checked the same way, transitively, and the error follows the path down to the \
        allocating line, Clang-style:

            @NoAllocation method Engine.onTick calls Book.add (line 41) → Book.add boxes int to Integer (line 88)

        Other callees are judged by their summaries (the JDK models): `calls ArrayList.add (may \
        allocate)`, or `(unknown: no summary)` when there is none, and `(unknown: may be \
        overridden outside the analyzed code)` for a virtual call to a method of this unit that \
        another unit could override (make it `final`, `private` or `static`).

        Allowed: anything inside the operand of a `throw` statement (`throw new \
        IllegalStateException("bad " + x)` is the failure path), in the method and its callees; \
        non-capturing lambdas and unbound method references (constants). The body of a lambda \
        created in the method is not checked where it is written: it runs when it is invoked. \
        With `-XepOpt:NoEscape:ContractAllowsNoEscape=true`, allocations whose object provably \
        does not escape are allowed too (the JIT may remove them, but need not: off by default).

        An override of a `@NoAllocation` method inherits the contract and is reported itself.

        Waiving the contract: `@SuppressWarnings("AllocationContract")` on the method (or its \
        class), with the reason in `@NoAllocation(reason = "...")`. A suppression without a \
        reason is reported as a warning at the method.

        Before:

            @NoAllocation
            long total(List<Order> orders) {
              long t = 0;
              for (Order o : orders) t += o.qty();   // the enhanced for creates an Iterator
              return t;
            }

        After:

            @NoAllocation
            long total(Order[] orders, int n) {
              long t = 0;
              for (int i = 0; i < n; i++) t += orders[i].qty();
              return t;
            }
        """,
    severity = ERROR,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class AllocationContractChecker extends NoEscapeChecker {}
