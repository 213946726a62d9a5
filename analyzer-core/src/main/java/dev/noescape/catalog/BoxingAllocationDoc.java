package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code BoxingAllocation}: see {@link RuleDoc} for what each part is for. */
public final class BoxingAllocationDoc {
  private BoxingAllocationDoc() {}

  public static final String ID = "BoxingAllocation";

  public static final String SUMMARY = "A boxing conversion allocates in a loop or hot method";

  public static final String EXPLANATION = """
      Reports a boxing conversion that allocates, inside a loop or in a hot method: an implicit one (`list.add(i)`, \
      `count++` on an `Integer`) or an explicit `valueOf`, which allocates the same (and which bytecode cannot tell \
      apart). `Float` and `Double` always allocate; any other value that is neither a compile-time constant nor \
      proven small is reported even if it may be small at run time, and the message says when it allocates: \
      `boxing int to Integer allocates on every iteration of the loop (line 14) when count is outside -128..127: \
      keep the value primitive (int)`; a `char` boxed to `Character` allocates `for characters above 127 \
      (non-ASCII)`, a `Float` or `Double` `for every value`, a constant because it `is outside` the cache.

      The same value boxed more than once in one iteration (`map.get(i)` then `map.remove(i)`; the same local, \
      or the same field read with nothing but JDK calls between) is one finding, at the first box, naming the \
      lines of the others: `…, and i is boxed again on line 17: box it once (Integer key = i;) and reuse the box \
      for Map.get and Map.remove`.

      A plain call that boxes several of its arguments (`reader.apply(buffer, offset, remaining)` into a generic \
      functional interface, `map.put(key, count)`) is one finding too, at its first box, naming the others: \
      `…when the value is outside -128..127; in the same call, boxing int to Integer when remaining is outside \
      -128..127: IOTriFunction.apply takes an object: …`, with the advice once when it fits every box and per box \
      otherwise. Boxes of different tiers stay apart (a forced box, information, and a warning of the same call are \
      two findings). The first box keeps its baseline key.

      ## Why it matters

      `Integer.valueOf` and its siblings return a new object for every value outside their small cache: in a loop \
      that is one allocation per iteration, and the boxes usually end up in a collection, where the JIT cannot \
      remove them.

      ## What to write instead

      The message says what the box is for, and so what can change. A box kept in a local of the box type \
      (`Integer count`) can stay primitive, unless a use later in the same iteration, that runs whenever the box \
      is made, hands the local on where an object is required (`final Integer offset = Integer.valueOf(…); \
      band.add(i, offset);`): then that use requires the box, and the message names it and its line \
      (`List.add takes an object (line 25), so the box is required`). A local handed on only after the loop, \
      returned from it, or handed on under a condition of its own needs fewer boxes there, and stays primitive \
      in the loop. A box that something requires — a parameter that takes an object \
      (`List.add`, `Map.get`, a generic API), the method's return type, a field or an array of objects — cannot: \
      the message says so and offers what helps then: box a constant once (a `static final` box); box a value \
      the analysis proves the same on every iteration (a local the loop does not assign, or arithmetic of such) \
      once before the loop; sum a value `Map.merge` adds into the same key on every iteration in a local and merge \
      once after the loop; box a value that is boxed again in the same loop once and reuse the box; append to \
      a primitive array instead of a list the method creates, keeps to itself and fills once per iteration of a \
      loop whose length is known before it (`List<Long> latencies = new ArrayList<>(); for (i < count) \
      latencies.add(elapsed)`: a `long[count]`; maps and sets are not told this); use a \
      primitive collection when the project depends on a library of them (fastutil, Eclipse Collections, HPPC, \
      Agrona, Trove). A box passed to a `java.util.function` interface (`Predicate<Integer>`) goes away with its \
      primitive specialization (`IntPredicate`), which the message names only when the method made or read the \
      functional object itself: one it receives as a parameter is part of its signature, which may be public \
      API. A box passed to a type variable of a functional interface the project declares itself goes away with \
      a primitive version of that interface.

      Forced boxes are not warnings. A box in a loop that its target requires, of a value that can change on every iteration, with none of the \
      fixes above (no constant, not proven the same on every iteration, not merged into one key, not boxed again in \
      the loop, no primitive functional interface, not appended to the method's own list of known length, and for a collection no primitive-collection library in the project) is true, but no \
      local change removes it: only a different structure would (a primitive collection or an array, another \
      signature or return type). Outside hot methods it is no warning, only information at verbosity 2 whose \
      message ends with why: `List.add takes an object, so the box is required (not a warning: i can change on \
      every iteration, so no local change removes the box; only a primitive collection or an array would)`. In \
      a hot method (`@HotPath`, `@NoAllocation`, a configured hot annotation) it stays a warning that says what \
      would remove it. The `AllocationContract` counts it like every allocation.

      ## What stays quiet

      Conversions that never allocate: to `Boolean` or `Byte` (every value is cached), and of a compile-time \
      constant inside the default caches (`Integer`, `Short`, `Long` −128..127; `Character` 0..127), and of the \
      index of a counted loop with constant ends inside them (`for (int i = 0; i < 13; i++)`: 0..12), of a \
      `final` or `private` field every write of which stores a constant or a parameter checked by comparisons \
      that throw (`if (level < -128 || level > 127) throw …`), and of a loop index counted up to such a field \
      (a reported box whose range is known says it: `(values 0..199)`), and of a `byte` widened to an `int` or \
      `long` (`Integer.valueOf(bytes[i])`: −128..127 by its type). Boxing done \
      inside a lambda metafactory adaptation (`merge(k, 1, Integer::sum)`), which has no allocation site in the \
      method. Boxing outside loops and hot methods, unless the `ReportOutsideLoops` option is on.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS + RuleDoc.IO_LOOPS;

  public static final String BEFORE = """
      long total(List<Order> orders) {
        Long total = 0L;
        for (Order o : orders) {
          total += o.quantity();   // unboxes, adds, and boxes a new Long on every iteration
        }
        return total;
      }""";

  public static final String AFTER = """
      long total(List<Order> orders) {
        long total = 0;
        for (Order o : orders) {
          total += o.quantity();
        }
        return total;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.REPORT_OUTSIDE_LOOPS, RuleOption.HOT_ANNOTATIONS, RuleOption.DEMOTE_JIT_WARNINGS));
}
