package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code HashMapCapacity}: see {@link RuleDoc} for what each part is for. */
public final class HashMapCapacityDoc {
  private HashMapCapacityDoc() {}

  public static final String ID = "HashMapCapacity";

  public static final String SUMMARY = "A HashMap or HashSet created with capacity n rehashes before it holds n entries";

  public static final String EXPLANATION = """
      Reports `new HashMap<>(n)`, and the one-`int` constructor of `HashSet`, `LinkedHashMap`, `LinkedHashSet` and \
      `WeakHashMap`, when `n` is the number of entries it then receives: a loop that puts once per iteration and \
      whose trip count is `n` (the evidence `UnpresizedCollection` asks for: one `put`, or one on each arm of an \
      `if`/`else`, `?:` or `switch`), where the put may also be a `computeIfAbsent`, `merge`, `compute` or \
      `putIfAbsent`, or be counted with `get` (keys that may repeat: `n` states how many entries are expected at \
      most, as a set's capacity does, and the message says `when the keys are distinct`), `addAll` into a set of a collection \
      whose `size()` is `n`, or `putAll` of a map whose `size()` is `n` into a map that already has entries. The \
      argument is a capacity, not a size: the table resizes once it holds more than 0.75 × capacity entries, so n \
      entries rehash once. `new HashMap<>(users.size()) rehashes before it holds the users.size() entries put in the \
      loop at line 2 (the table resizes at 0.75 × capacity): use HashMap.newHashMap(users.size())`.

      ## Why it matters

      `new HashMap<>(1000)` gets a table of 1,024 buckets that resizes at 768 entries: the 769th put allocates a \
      table twice as large and moves every entry into it, the one resize the capacity argument was written to avoid.

      ## What to write instead

      Ask for a map that holds n entries: `HashMap.newHashMap(n)` (`HashSet.newHashSet`, \
      `LinkedHashMap.newLinkedHashMap`, `LinkedHashSet.newLinkedHashSet`, `WeakHashMap.newWeakHashMap`) when the \
      target release is 19 or later; else Guava's `Maps.newHashMapWithExpectedSize(n)` and its `Sets` and \
      `LinkedHash` siblings when Guava is on the class path (none for `WeakHashMap`); else the capacity `(int) \
      Math.ceil(n / 0.75)`. The suggested fix writes the first of these that applies.

      ## What stays quiet

      A constant `n` whose power-of-two table already holds n entries (`17`: 32 buckets, resized above 24, quiet; \
      `16`: 16 buckets, resized above 12, reported). `ConcurrentHashMap`, whose constructor already treats n as a \
      size; `Hashtable`, whose table is not a power of two; other constructors. `putAll` into a `HashMap`, \
      `LinkedHashMap` or `WeakHashMap` that is still empty: it sizes the table for the incoming map itself. And \
      whenever the evidence is missing: conditional puts (on one arm only), an unknown trip count, a size \
      expression other than `n`.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS;

  public static final String BEFORE = """
      Map<String, User> byId(List<User> users) {
        Map<String, User> byId = new HashMap<>(users.size());   // resizes at 0.75 × capacity
        for (User u : users) byId.put(u.id(), u);
        return byId;
      }""";

  public static final String AFTER = """
      Map<String, User> byId(List<User> users) {
        Map<String, User> byId = HashMap.newHashMap(users.size());   // Java 19+
        for (User u : users) byId.put(u.id(), u);
        return byId;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER, List.of());
}
