package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code BoxingAllocation} rule as an Error Prone check. */
@BugPattern(
    name = "BoxingAllocation",
    summary = "A boxing conversion allocates in a loop or hot method",
    explanation =
        """
        Reports a boxing conversion that allocates (an implicit one, or an explicit `valueOf`), \
        inside a loop or in a method annotated `@HotPath` or `@NoAllocation`. `Boolean` and \
        `Byte` are never reported (always cached), nor are compile-time constants inside the \
        default caches (Integer, Short, Long -128..127; Character 0..127). `Float` and `Double` \
        always allocate. With `-XepOpt:NoEscape:ReportOutsideLoops=true` it reports everywhere.

        Why: every boxing of a value outside the cache creates a new object; in a loop that is \
        one allocation per iteration.

        Before (`total += ...` unboxes, adds and boxes a new Long on every iteration):

            Long total = 0L;
            for (Order o : orders) {
              total += o.quantity();
            }

        After:

            long total = 0;
            for (Order o : orders) {
              total += o.quantity();
            }
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class BoxingAllocationChecker extends NoEscapeChecker {}
