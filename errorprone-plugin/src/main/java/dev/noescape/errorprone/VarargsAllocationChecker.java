package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code VarargsAllocation} rule as an Error Prone check. */
@BugPattern(
    name = "VarargsAllocation",
    summary = "A varargs call allocates its array in a loop or hot method",
    explanation =
        """
        Reports a call that javac resolves to a variable-arity method, inside a loop or a hot \
        method: every such call allocates a new array for its variable arguments, even when it \
        passes none. A call that passes an existing array, or resolves to a fixed-arity overload, \
        does not allocate and is not reported.

        Why: the implicit array is invisible in the source but costs an allocation per call.

        Before (`Arrays.asList(T...)` allocates an Object[2] per row):

            for (User u : users) {
              rows.add(Arrays.asList(u.id(), u.name()));
            }

        After (`List.of(E, E)` is a fixed-arity overload; note it is immutable and rejects nulls):

            for (User u : users) {
              rows.add(List.of(u.id(), u.name()));
            }
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class VarargsAllocationChecker extends NoEscapeChecker {}
