package dev.noescape.report;

import dev.noescape.finding.RuleId;
import dev.noescape.finding.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * The metadata of every rule, in one place for all writers (SARIF {@code rules}, the HTML report,
 * JSON): a one-line description, the full description, a before/after example and the default
 * level. The texts follow the Error Prone checkers' {@code @BugPattern} summaries and explanations
 * and README.md's rule sections; analyzer-core cannot depend on errorprone-plugin, so they live
 * here too (keep them in step).
 */
public final class RuleDescriptions {
  private RuleDescriptions() {}

  /**
   * What one rule reports.
   *
   * @param rule the rule
   * @param shortDescription one sentence, no trailing period
   * @param fullDescription what it reports and why, plain text, paragraphs separated by a blank line
   * @param before Java code that triggers the rule
   * @param after the same code, fixed
   */
  public record RuleDescription(RuleId rule, String shortDescription, String fullDescription, String before, String after) {
    /** The public rule ID: {@code HeapEscape}. */
    public String id() {
      return rule.id();
    }

    /** The default level ({@link RuleId#defaultSeverity()}). */
    public Severity defaultSeverity() {
      return rule.defaultSeverity();
    }

    /** The help as plain text: the full description, then the example (code indented by four spaces). */
    public String helpText() {
      return fullDescription + "\n\nBefore:\n\n" + indent(before) + "\n\nAfter:\n\n" + indent(after);
    }

    /** The help as GitHub-flavoured Markdown: the full description, then the example in {@code java} code fences. */
    public String helpMarkdown() {
      return "**" + rule.id() + "**: " + shortDescription + ".\n\n" + fullDescription
          + "\n\nBefore:\n\n```java\n" + before + "\n```\n\nAfter:\n\n```java\n" + after + "\n```";
    }

    private static String indent(String code) {
      return "    " + code.replace("\n", "\n    ");
    }
  }

  private static final Map<RuleId, RuleDescription> ALL = new EnumMap<>(RuleId.class);

  /** The description of {@code rule} (every {@link RuleId} has one). */
  public static RuleDescription of(RuleId rule) {
    return ALL.get(rule);
  }

  private static void add(RuleId rule, String shortDescription, String full, String before, String after) {
    ALL.put(rule, new RuleDescription(rule, shortDescription, full.strip(), before.strip(), after.strip()));
  }

  static {
    add(
        RuleId.HEAP_ESCAPE,
        "An allocation escapes its method to the heap",
        """
        Reports an allocation whose object outlives the method that creates it (Go's "escapes to \
        heap"): it is returned, thrown, stored in a static field or in an object reachable from a \
        parameter, `this`, the result or a static, or handed to code that may keep it or that the \
        analysis cannot see. The related locations give the reason chain, from the allocation \
        outwards.

        Why: an object that does not escape can be scalar-replaced by HotSpot's C2 when the \
        allocating code is inlined, so it costs nothing; an escaping one is always a heap \
        allocation and later garbage. This rule explains which is which; it is a report, not advice.
        """,
        """
        StringBuilder render(List<Item> items) {
          StringBuilder sb = new StringBuilder();   // escapes: returned
          for (Item i : items) sb.append(i);
          return sb;
        }
        """,
        """
        String render(List<Item> items) {
          StringBuilder sb = new StringBuilder();   // only the String leaves the method
          for (Item i : items) sb.append(i);
          return sb.toString();
        }
        """);
    add(
        RuleId.LEAKING_PARAMETER,
        "A parameter escapes the method (leaking param)",
        """
        Reports a parameter whose object (or an object reachable from it) may outlive the call, as \
        Go's "leaking param: p": the method stores it in a field or static, returns it, throws it, \
        or hands it to code that may keep it. This is the method's escape summary as its callers \
        see it: an object a caller allocates and passes here escapes too.

        Why: when a hot caller passes a freshly allocated object to a leaking parameter, that \
        allocation can never be removed by the JIT. Knowing which parameters leak tells you which \
        callee to change.
        """,
        """
        void moveTo(Point point) {
          this.last = point;   // leaking param: point
        }
        """,
        """
        void moveTo(Point point) {
          this.lastX = point.x();   // callers' Points may be scalar-replaced
          this.lastY = point.y();
        }
        """);
    add(
        RuleId.BOXING_ALLOCATION,
        "A boxing conversion allocates in a loop or hot method",
        """
        Reports a boxing conversion that allocates (an implicit one, or an explicit `valueOf`), \
        inside a loop or in a method annotated `@HotPath` or `@NoAllocation`. `Boolean` and `Byte` \
        are never reported (always cached), nor are compile-time constants inside the default \
        caches (Integer, Short, Long -128..127; Character 0..127). `Float` and `Double` always \
        allocate.

        Why: every boxing of a value outside the cache creates a new object; in a loop that is one \
        allocation per iteration.
        """,
        """
        Long total = 0L;
        for (Order o : orders) {
          total += o.quantity();   // unboxes, adds and boxes a new Long every iteration
        }
        """,
        """
        long total = 0;
        for (Order o : orders) {
          total += o.quantity();
        }
        """);
    add(
        RuleId.VARARGS_ALLOCATION,
        "A varargs call allocates its array in a loop or hot method",
        """
        Reports a call that javac resolves to a variable-arity method, inside a loop or a hot \
        method: every such call allocates a new array for its variable arguments, even when it \
        passes none. A call that passes an existing array, or resolves to a fixed-arity overload, \
        does not allocate and is not reported.

        Why: the implicit array is invisible in the source but costs an allocation per call.
        """,
        """
        for (User u : users) {
          rows.add(Arrays.asList(u.id(), u.name()));   // a new Object[2] per user
        }
        """,
        """
        for (User u : users) {
          rows.add(List.of(u.id(), u.name()));   // fixed-arity overload (immutable, no nulls)
        }
        """);
    add(
        RuleId.CAPTURING_LAMBDA,
        "A capturing lambda, method reference or anonymous class allocates in a loop or hot method",
        """
        Reports, inside a loop or a hot method, a lambda or method reference that captures a local, \
        a parameter or `this` (bound references such as `obj::m` and `this::m` included), and any \
        anonymous class: each evaluation allocates a new object. A non-capturing lambda is a \
        constant and is not reported.

        Why: the allocation happens on every evaluation, once per iteration in a loop.
        """,
        """
        for (Order o : orders) {
          book.removeIf(x -> x.id() == o.id());   // captures o: one lambda per order
        }
        """,
        """
        Set<Long> ids = new HashSet<>(orders.size());
        for (Order o : orders) ids.add(o.id());
        book.removeIf(x -> ids.contains(x.id()));
        """);
    add(
        RuleId.UNPRESIZED_COLLECTION,
        "A collection is filled once per iteration of a loop of known length but created without a capacity",
        """
        Reports an `ArrayList`, `HashMap`, `HashSet`, `LinkedHashMap`, `LinkedHashSet`, \
        `ArrayDeque`, `PriorityQueue`, `Vector` or `Hashtable` created with the default capacity and \
        then filled exactly once per iteration of a loop whose trip count is known before the loop \
        (an enhanced for over a Collection or an array, or a counted for loop). Conditional adds, \
        unsized sources (iterators, readers, `while (cond)`) and sizes that need more than simple \
        arithmetic are not reported.

        Why: the collection grows by copying its backing array (or rehashing its table) several \
        times on the way to a size that was known all along.
        """,
        """
        List<String> names = new ArrayList<>();
        for (User u : users) {
          names.add(u.name());
        }
        """,
        """
        List<String> names = new ArrayList<>(users.size());
        for (User u : users) {
          names.add(u.name());
        }
        """);
    add(
        RuleId.HASH_MAP_CAPACITY,
        "new HashMap<>(n) for n entries rehashes: it is sized for 0.75 n",
        """
        Reports `new HashMap<>(n)`, `new HashSet<>(n)`, `LinkedHashMap`, `LinkedHashSet` and \
        `WeakHashMap` constructed with `n` when `n` is the number of entries they then receive (a \
        loop of n iterations, or `putAll`/`addAll` of a collection of size n). The argument is a \
        capacity, not a size: the table resizes when it is 75 % full, so n entries rehash once. \
        Constants whose power-of-two table already holds them, and `ConcurrentHashMap` (whose \
        constructor takes a size), are not reported.

        Why: the rehash allocates a second table and moves every entry. On releases before 19 the \
        fix uses Guava's `Maps.newHashMapWithExpectedSize(n)` when Guava is on the classpath, \
        otherwise `new HashMap<>((int) Math.ceil(n / 0.75))`.
        """,
        """
        Map<String, User> byId = new HashMap<>(users.size());
        for (User u : users) byId.put(u.id(), u);
        """,
        """
        Map<String, User> byId = HashMap.newHashMap(users.size());   // Java 19+
        for (User u : users) byId.put(u.id(), u);
        """);
    add(
        RuleId.STRING_CONCAT_IN_LOOP,
        "A String is accumulated with += across loop iterations",
        """
        Reports an assignment inside a loop to a `String` variable or field that lives across \
        iterations, whose new value concatenates its old value: `s += x`, `s = s + x`, `s = x + s`.

        Why: each iteration copies everything accumulated so far into a new String (and a \
        temporary builder), so the loop is quadratic in the length of the result.
        """,
        """
        String csv = "";
        for (String f : fields) {
          csv += f + ",";
        }
        use(csv);
        """,
        """
        StringBuilder csvBuilder = new StringBuilder();
        for (String f : fields) {
          csvBuilder.append(f + ",");
        }
        String csv = csvBuilder.toString();
        use(csv);
        """);
    add(
        RuleId.ALLOCATION_CONTRACT,
        "A method annotated @NoAllocation allocates on the heap",
        """
        Reports, inside a method annotated `@NoAllocation` (matched by simple name in any package), \
        every expression that allocates on the heap: `new`, arrays, allocating boxing, varargs \
        arrays, capturing lambdas, anonymous classes, string concatenation, an enhanced for over an \
        `Iterable` (its iterator), and calls whose summary allocates or is unknown. Callees in the \
        analyzed code need no annotation: they are checked the same way, and the message follows \
        the call path down to the allocating line. Allocations inside a `throw` statement are \
        allowed; non-escaping ones only with `--contract-allows-no-escape`. An override of a \
        `@NoAllocation` method inherits the contract. Waive it with \
        `@SuppressWarnings("AllocationContract")` and `@NoAllocation(reason = "...")`: reports list \
        waived contracts with their reasons.

        Why: the annotation is a contract the developer asked to have checked; a broken contract is \
        an error.
        """,
        """
        @NoAllocation
        long sum(List<Long> values) {
          long s = 0;
          for (Long v : values) s += v;   // the enhanced for allocates an Iterator
          return s;
        }
        """,
        """
        @NoAllocation
        long sum(long[] values) {
          long s = 0;
          for (long v : values) s += v;
          return s;
        }
        """);
    for (RuleId r : RuleId.values()) {
      if (!ALL.containsKey(r)) throw new AssertionError("no description for " + r);
    }
  }
}
