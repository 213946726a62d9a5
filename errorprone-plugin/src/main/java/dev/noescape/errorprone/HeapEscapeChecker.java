package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code HeapEscape} rule as an Error Prone check. */
@BugPattern(
    name = "HeapEscape",
    summary = "An allocation escapes its method to the heap",
    explanation =
        """
        Reports an allocation whose object outlives the method that creates it (Go's \
        "escapes to heap"): it is returned, thrown, stored in a static field or in an object \
        reachable from a parameter, `this`, the result or a static, or handed to code that may \
        keep it or that the analysis cannot see. The message names the reason; with \
        `-XepOpt:NoEscape:Verbosity=2` it gives the whole chain, and also lists allocations that \
        only escape into calls that do not keep them (ArgEscape) as information.

        Why: an object that does not escape can be scalar-replaced by HotSpot's C2 when the \
        allocating code is inlined, so it costs nothing; an escaping one is always a heap \
        allocation and later garbage. This check explains which is which; it is a report, not \
        advice, so it is off unless enabled with `-Xep:HeapEscape` (or `-Xep:HeapEscape:WARN`).

        Before (the buffer escapes: returned):

            StringBuilder render(List<Item> items) {
              StringBuilder sb = new StringBuilder();
              for (Item i : items) sb.append(i);
              return sb;
            }

        After (only the String leaves the method; the builder may be scalar-replaced):

            String render(List<Item> items) {
              StringBuilder sb = new StringBuilder();
              for (Item i : items) sb.append(i);
              return sb.toString();
            }
        """,
    severity = SUGGESTION,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class HeapEscapeChecker extends NoEscapeChecker {}
