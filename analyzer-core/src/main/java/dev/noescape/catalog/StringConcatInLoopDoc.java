package dev.noescape.catalog;

import java.util.List;

/** The declaration of {@code StringConcatInLoop}: see {@link RuleDoc} for what each part is for. */
public final class StringConcatInLoopDoc {
  private StringConcatInLoopDoc() {}

  public static final String ID = "StringConcatInLoop";

  public static final String SUMMARY = "A String is accumulated with += across loop iterations";

  public static final String EXPLANATION = """
      Reports an assignment inside a loop to a `String` variable or field that lives across iterations, whose new \
      value concatenates its old value: `s += x`, `s = s + x`, `s = x + s`. `'csv += …' copies the whole string on \
      every iteration of the loop at line 9 (quadratic): accumulate in a StringBuilder`.

      ## Why it matters

      Strings are immutable: each `s += x` copies all of `s` and `x` into a new `String`, through a temporary \
      builder. Over n iterations that copies O(n²) characters and leaves n dead strings behind.

      ## What to write instead

      A `StringBuilder` declared before the loop, `append` in the loop, `toString()` once after it (or \
      `String.join`, `Collectors.joining`). The suggested fix makes this rewrite when it is mechanical: for a local \
      declared with an initializer in the block that holds the loop, used in the loop only as `s += e` or `s = s + \
      e`.

      ## What stays quiet

      Concatenations that do not feed back into themselves (`log(a + b)`), accumulators declared inside the loop \
      (they start over on every iteration), and concatenation outside loops. Hot methods make no difference: one \
      concatenation is not the problem, the quadratic accumulation is.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS;

  public static final String BEFORE = """
      String csv(List<String> fields) {
        String csv = "";
        for (String f : fields) {
          csv += f + ",";   // copies everything so far on every iteration
        }
        return csv;
      }""";

  public static final String AFTER = """
      String csv(List<String> fields) {
        StringBuilder csvBuilder = new StringBuilder();
        for (String f : fields) {
          csvBuilder.append(f + ",");
        }
        String csv = csvBuilder.toString();
        return csv;
      }""";

  public static final RuleDoc DOC = new RuleDoc(ID, Severity.WARNING, SUMMARY, EXPLANATION, BEFORE, AFTER, List.of());
}
