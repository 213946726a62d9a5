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
      concatenation is not the problem, the quadratic accumulation is.

      A loop that reads the accumulated local as a `String` on every iteration is no warning (at `-m=2`, \
      information saying where): `while (isKeyword(name) || !names.add(name)) name = name + "_";` passes it to a \
      call in its condition, so a `StringBuilder` would need `toString()` on every iteration, the same copy. A read \
      counts when it runs once per iteration of the concatenation's loop (in its condition, or in its body not \
      under a condition) and passes the accumulator to a call, calls a method on it that `CharSequence` does not \
      declare (`equals`, `endsWith`; not `length()` or `charAt`, which a builder answers), or stores it into a \
      field or an array element. A read only after the loop, only under a condition, or only in an enclosing loop \
      leaves the warning.

      A loop that starts the accumulator afresh on another arm is no warning either: the string grows only over \
      the consecutive iterations that take the concatenating arm, not over the loop. Folding continuation lines, \
      `if (continued) value = value + ' ' + line; else { emit(value); split(line); }` where the private `split` \
      assigns `value` on every path says `'this.value' grows only over consecutive iterations that take this arm; \
      line 7 starts it afresh through split()`. A reset assigns a value not derived from the old one (a call \
      result that does not read it, a new object, a constant or `null` for a field; not `value = value.trim()`), \
      directly or through a private method of the same class whose every normal path assigns the field (not a \
      method a subclass may override). A reset that runs in every iteration that concatenates, before or after \
      the concatenation, means nothing accumulates across iterations: not reported. A reset only under a \
      condition on the concatenation's own path leaves the warning.""" + RuleDoc.COLD_PATHS + RuleDoc.RETRY_LOOPS;

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
