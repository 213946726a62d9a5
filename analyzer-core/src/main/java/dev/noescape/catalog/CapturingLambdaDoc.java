package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code CapturingLambda}: see {@link RuleDoc} for what each part is for. */
public final class CapturingLambdaDoc {
  private CapturingLambdaDoc() {}

  public static final String ID = "CapturingLambda";

  public static final String SUMMARY = "A capturing lambda, method reference or anonymous class allocates in a loop or hot method";

  public static final String EXPLANATION = """
      Reports, inside a loop or in a hot method, a lambda or method reference that captures a local, a parameter or \
      `this` (bound method references such as `obj::m` and `this::m` capture their receiver), and every anonymous \
      class, capturing or not: each evaluation allocates a new object. The message names what it captures: `lambda \
      allocates on every iteration of the loop (line 14) because it captures 'limit': hoist it out of the loop`.

      ## Why it matters

      A non-capturing lambda is a constant, created once per call site; a capturing one is a new object each time \
      the expression is evaluated, holding copies of the captured values. An anonymous class is a `new` every time.

      ## What to write instead

      Create the lambda once, outside the loop, when what it captures does not change from one iteration to the \
      next. The message advises hoisting only then: a lambda that captures a variable the loop assigns gets "it \
      cannot be hoisted out of the loop, which assigns 'x'" (in the body of a lambda or anonymous class that a \
      loop or stream runs per element, what that body computes on each call: its parameters, its locals), and one \
      under a condition is created once on first use instead (hoisting it would allocate on iterations that never needed it). Or make it non-capturing by passing the values as arguments (an API that takes a context parameter, \
      `map.forEach((k, v) -> …)` instead of a lambda that captures the map). Replace an anonymous class by a \
      non-capturing lambda or a `static final` instance.

      ## What stays quiet

      Non-capturing lambdas and unbound method references (`String::length`, `Integer::sum`): they are constants. \
      Plain `new` of an inner or local class, an ordinary allocation (see `HeapEscape`). Lambdas outside loops and \
      hot methods, unless the `ReportOutsideLoops` option is on.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS + RuleDoc.IO_LOOPS;

  public static final String BEFORE = """
      void dropLarge(List<List<Order>> books, int limit) {
        for (List<Order> book : books) {
          book.removeIf(o -> o.quantity() > limit);   // captures limit: a new lambda per book
        }
      }""";

  public static final String AFTER = """
      void dropLarge(List<List<Order>> books, int limit) {
        Predicate<Order> tooLarge = o -> o.quantity() > limit;   // created once
        for (List<Order> book : books) {
          book.removeIf(tooLarge);
        }
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER,
      List.of(RuleOption.REPORT_OUTSIDE_LOOPS, RuleOption.HOT_ANNOTATIONS, RuleOption.DEMOTE_JIT_WARNINGS));
}
