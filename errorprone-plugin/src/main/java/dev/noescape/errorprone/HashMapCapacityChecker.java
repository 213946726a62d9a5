package dev.noescape.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.LinkType;
import com.google.errorprone.BugPattern.StandardTags;

/** The {@code HashMapCapacity} rule as an Error Prone check. */
@BugPattern(
    name = "HashMapCapacity",
    summary = "new HashMap<>(n) for n entries rehashes: it is sized for 0.75 n",
    explanation =
        """
        Reports `new HashMap<>(n)`, `new HashSet<>(n)`, `LinkedHashMap`, `LinkedHashSet` and \
        `WeakHashMap` constructed with `n` when `n` is the number of entries they then receive \
        (a loop of n iterations, or `putAll`/`addAll` of a collection of size n). The argument \
        is a capacity, not a size: the table resizes when it is 75 % full, so n entries rehash \
        once. Constants whose power-of-two table already holds them, and `ConcurrentHashMap` \
        (whose constructor takes a size), are not reported.

        Why: the rehash allocates a second table and moves every entry.

        Before:

            Map<String, User> byId = new HashMap<>(users.size());
            for (User u : users) byId.put(u.id(), u);

        After (Java 19+; on older releases the fix uses Guava's \
        `Maps.newHashMapWithExpectedSize(n)` when Guava is on the classpath, otherwise \
        `new HashMap<>((int) Math.ceil(n / 0.75))`):

            Map<String, User> byId = HashMap.newHashMap(users.size());
            for (User u : users) byId.put(u.id(), u);
        """,
    severity = WARNING,
    linkType = LinkType.NONE,
    tags = StandardTags.PERFORMANCE,
    documentSuppression = true)
public final class HashMapCapacityChecker extends NoEscapeChecker {}
