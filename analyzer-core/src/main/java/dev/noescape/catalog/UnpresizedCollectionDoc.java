package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code UnpresizedCollection}: see {@link RuleDoc} for what each part is for. */
public final class UnpresizedCollectionDoc {
  private UnpresizedCollectionDoc() {}

  public static final String ID = "UnpresizedCollection";

  public static final String SUMMARY = "A collection is filled once per iteration of a loop of known length but created without a capacity";

  public static final String EXPLANATION = """
      Reports an `ArrayList`, `HashMap`, `HashSet`, `LinkedHashMap`, `LinkedHashSet`, `ArrayDeque`, `PriorityQueue`, \
      `Vector` or `Hashtable` created with the default capacity (no argument, or only a comparator for a \
      `PriorityQueue`) and then filled exactly once per iteration of a loop whose trip count is known before the \
      loop: an enhanced `for` over an array, or over a collection held in a variable or field (or a map's \
      `keySet()`, `values()`, `entrySet()`), or a counted `for` (one index, stepped by a constant, compared with a \
      bound the loop does not change). Once per iteration means one add on every path through the body: a single \
      add, or one add on each arm of an `if`/`else`, a `?:` or a `switch` whose every case adds (a case without one, \
      or a case that falls into the next, does not count). The message and the suggested fix name the size: `new ArrayList<>() grows \
      while it is filled with orders.size() elements in the loop at line 14: presize it: new \
      ArrayList<>(orders.size())`.

      ## Why it matters

      A default `ArrayList` starts with 10 slots and copies its array into one 1.5 times larger each time it is \
      full: about log₁.₅(n) copies, and as much garbage as the final array. A default `HashMap` starts with 16 \
      buckets and rehashes every entry each time it doubles. All that on the way to a size that was known before the \
      loop.

      ## What to write instead

      Pass the size: `new ArrayList<>(orders.size())` (likewise `ArrayDeque` and `Vector`; for a `PriorityQueue` \
      with a comparator, `new PriorityQueue<>(n, comparator)`, advice without a suggested fix). A hash-based \
      collection of capacity n holds only 0.75 × n entries before it rehashes (see `HashMapCapacity`), so for those \
      the fix is a factory that takes the expected size when the target release is 19 or later \
      (`HashMap.newHashMap(n)`, `HashSet.newHashSet`, `LinkedHashMap.newLinkedHashMap`, \
      `LinkedHashSet.newLinkedHashSet`); else Guava's `Maps.newHashMapWithExpectedSize(n)` and its siblings when \
      Guava is on the class path; else the capacity `(int) Math.ceil(n / 0.75)`, also the fix for `Hashtable`, which \
      has no factory. Below release 7, which has no diamond, the advice keeps the type arguments the source wrote \
      (`new ArrayList<Neuron>(n)`) or, when only the class files are read, writes the raw constructor and asks for \
      them (`new ArrayList(n) with its type arguments`); the suggested fix only inserts the capacity.

      ## What stays quiet

      Whenever the final size is not certain: unsized sources (an `Iterator`, `Enumeration`, `Matcher.find`, a \
      reader, `while (cond)`); an add under an `if`, or after a `continue` or `break`; an add in a loop nested \
      inside the one that gives the size; a second adding call anywhere in the method that is not on another arm of \
      the same branch; `addAll` or `putAll` before the loop ends; a map filled through `computeIfAbsent`, `merge`, \
      `compute` or `putIfAbsent`, or counted with `get`, `getOrDefault` or `containsKey` on it in the loop: these \
      exist for keys that repeat (a grouping or counting map), so, as for sets below, the number of calls only \
      bounds its size; a `remove`, `poll` or `clear` in the loop (a sliding window, a top-k \
      queue); a collection handed to another method before the loop ends (it could add to it); a collection created \
      inside the loop, or further out than directly around it; an explicit constructor argument; a constant number \
      of adds that the default capacity holds (10 for `ArrayList`, 12 entries for the hash tables), or a loop \
      counted up to a `final` or `private` field whose every write is a constant or a parameter checked by \
      comparisons that throw, when the largest value it can have fits that capacity (`for (n = 0; n < b; n++)` \
      with `if (b < 1 || b > 5) throw …` in the constructor); a `HashSet` or \
      `LinkedHashSet`: its adds may repeat elements (the distinct characters of a text), so its final size is not \
      known and presizing to the number of adds can over-allocate. `StringBuilder` is left out until a size in \
      characters can be computed.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS;

  public static final String BEFORE = """
      List<String> names(List<User> users) {
        List<String> names = new ArrayList<>();   // grows by copying while it is filled
        for (User u : users) {
          names.add(u.name());
        }
        return names;
      }""";

  public static final String AFTER = """
      List<String> names(List<User> users) {
        List<String> names = new ArrayList<>(users.size());
        for (User u : users) {
          names.add(u.name());
        }
        return names;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER, List.of());
}
