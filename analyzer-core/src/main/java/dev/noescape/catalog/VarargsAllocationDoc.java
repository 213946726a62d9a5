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
      call to String.format allocates a new Object[2] on every iteration of the loop (line 14): hoist a reused array \
      out of the loop, or call a fixed-arity overload`.

      ## Why it matters

      `f(a, b)` on `f(Object... xs)` is `f(new Object[] {a, b})`: an allocation per call that the source does not \
      show, plus boxing for primitive arguments. Logging and formatting helpers in loops are the usual culprits.

      ## What to write instead

      Call a fixed-arity overload when the API has one (`List.of(a, b)`, SLF4J's `debug(String, Object, Object)`), \
      guard the call (`if (log.isDebugEnabled())`), or build the array once outside the loop and pass it. When the \
      callee keeps the array (it escapes), one array cannot serve every call, and the message suggests only the \
      overload; an empty array can always be a shared constant.

      ## What stays quiet

      Calls that pass an existing array, and calls that resolve to a fixed-arity overload: they allocate nothing. \
      Calls outside loops and hot methods, unless the `ReportOutsideLoops` option is on.""" + RuleDoc.COLD_PATHS;

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
