package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code UnpresizedCollection} rule as an Error Prone check. */
@BugPattern(
    name = "UnpresizedCollection",
    summary = "A collection is filled once per iteration of a loop of known length but created without a capacity",
    explanation =
        """
        Reports an `ArrayList`, `HashMap`, `HashSet`, `LinkedHashMap`, `LinkedHashSet`, \
        `ArrayDeque`, `PriorityQueue`, `Vector` or `Hashtable` created with the default capacity \
        and then filled exactly once per iteration of a loop whose trip count is known before the \
        loop (an enhanced for over a Collection or an array, or a counted for loop). Conditional \
        adds, unsized sources (iterators, readers, `while (cond)`) and sizes that need more than \
        simple arithmetic are not reported.

        Why: the collection grows by copying its backing array (or rehashing its table) several \
        times on the way to a size that was known all along.

        Before:

            List<String> names = new ArrayList<>();
            for (User u : users) {
              names.add(u.name());
            }

        After (the suggested fix):

            List<String> names = new ArrayList<>(users.size());
            for (User u : users) {
              names.add(u.name());
            }
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class UnpresizedCollectionChecker extends NoEscapeChecker {}
