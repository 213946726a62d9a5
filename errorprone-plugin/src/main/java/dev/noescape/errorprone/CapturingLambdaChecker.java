package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code CapturingLambda} rule as an Error Prone check. */
@BugPattern(
    name = "CapturingLambda",
    summary = "A capturing lambda, method reference or anonymous class allocates in a loop or hot method",
    explanation =
        """
        Reports, inside a loop or a hot method, a lambda or method reference that captures a \
        local, a parameter or `this` (bound references such as `obj::m` and `this::m` included), \
        and any anonymous class: each evaluation allocates a new object. A non-capturing lambda \
        is a constant and is not reported.

        Why: the allocation happens on every evaluation, once per iteration in a loop.

        Before:

            for (Order o : orders) {
              book.removeIf(x -> x.id() == o.id());   // captures o: one lambda per order
            }

        After (hoist or restructure so the lambda does not capture per iteration):

            Set<Long> ids = new HashSet<>(orders.size());
            for (Order o : orders) ids.add(o.id());
            book.removeIf(x -> ids.contains(x.id()));
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class CapturingLambdaChecker extends NoEscapeChecker {}
