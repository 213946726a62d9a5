package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code VarargsAllocation}: see {@link RuleDoc} for what each part is for. */
public final class VarargsAllocationDoc {
  private VarargsAllocationDoc() {}

  public static final String ID = "VarargsAllocation";

  public static final String SUMMARY = "A varargs call allocates its array in a loop or hot method";

  public static final String EXPLANATION = """
      Reports a call that javac resolves to the variable-arity form of a method, inside a loop or in a hot method: \
      every such call allocates a new array for its variable arguments, an empty one when it passes none: `varargs \
      call to String.format allocates a new Object[2] and 1 box (int) on every iteration of the loop (line 14): \
      create one array before the loop and refill it on each iteration (the boxes remain: the array holds \
      objects)`. The boxes a call makes for its array's elements are part of its one finding, not findings of \
      their own.

      ## Why it matters

      `f(a, b)` on `f(Object... xs)` is `f(new Object[] {a, b})`: an allocation per call that the source does not \
      show, plus boxing for primitive arguments. Logging and formatting helpers in loops are the usual culprits.

      ## What to write instead

      Pass a shared constant for an empty array; otherwise reuse one array, created before the loop (or on first \
      use when the call is conditional) and refilled for each call. When the callee may keep the array (its \
      summary lets it escape, or it has none), the message says so and makes the reuse conditional on it not \
      doing so. A logger's method (a class with level checks, `models/logging-guards`) gets no reuse advice: the \
      logging back end chosen at run time may keep the array (logback's `LoggingEvent` holds it, an asynchronous \
      appender queues the event). It never suggests "a fixed-arity overload" of the same method: javac picks the variable-arity \
      form only when none applies to the arguments. A different API can avoid the array (`List.of(a, b)` instead \
      of `Arrays.asList(a, b)`), and a guard (`if (log.isDebugEnabled())`) keeps it off the normal path.

      ## What stays quiet

      Calls that pass an existing array, and calls that resolve to a fixed-arity overload: they allocate nothing. \
      Calls outside loops and hot methods, unless the `ReportOutsideLoops` option is on. A call whose callee's own \
      work on every call dwarfs the array is information, not a warning (at verbosity 2: `(not a warning: \
      PrintStream.printf formats its arguments and writes them out on every call, which costs far more than the \
      array)`): formatting and writing output (`PrintStream`/`PrintWriter` `printf` and `format`), file-system \
      I/O (`Files.*`, `FileChannel.open`) and reflection (`Method.invoke`, `Constructor.newInstance`, \
      `Class.getMethod`); the list is data, `models/costly-calls`. `String.format` is not on it: in a hot loop the \
      call is the allocation problem, and its finding points at it. The same for a call to the project's own \
      method that allocates, on every call, at least three times as many objects as the array and its boxes \
      (`emit(String, Object...)` building a code block per call): only what surely runs on every call counts, not \
      what the callee allocates under a condition, after an early return or on its failure path, and of the \
      library only what the JDK's common collection constructors and factories allocate on every call \
      (`models/library-allocations`: the `HashMap` inside `new HashSet<>(c)`, the wrapper of `Arrays.asList`).""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS + RuleDoc.IO_LOOPS;

  public static final String BEFORE = """
      List<List<String>> rows(List<User> users) {
        List<List<String>> rows = new ArrayList<>(users.size());
        for (User u : users) {
          rows.add(Arrays.asList(u.id(), u.name()));   // a new String[2] per user
        }
        return rows;
      }""";

  public static final String AFTER = """
      List<List<String>> rows(List<User> users) {
        List<List<String>> rows = new ArrayList<>(users.size());
        for (User u : users) {
          rows.add(List.of(u.id(), u.name()));   // a fixed-arity overload (immutable, no nulls)
        }
        return rows;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.REPORT_OUTSIDE_LOOPS, RuleOption.HOT_ANNOTATIONS, RuleOption.DEMOTE_JIT_WARNINGS));
}
