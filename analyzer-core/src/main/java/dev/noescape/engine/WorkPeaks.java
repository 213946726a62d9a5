package dev.noescape.engine;

import java.util.Locale;

/**
 * The most work a run spent on one method analysis and on one recursive component, in the
 * {@link Budget}'s units: how close real code comes to the budgets (the command line prints it with
 * {@code --debug}), which is what the defaults are calibrated against.
 *
 * @param methodUnits the largest work of a single analysis of one method (a fixpoint round
 *     counts as one analysis)
 * @param method that method's key, or empty when nothing was analyzed
 * @param componentUnits the largest work of one recursive component's fixpoint, all rounds
 *     together (0 when the program has no recursion)
 * @param componentSize that component's number of methods
 */
public record WorkPeaks(long methodUnits, String method, long componentUnits, int componentSize) {
  public static final WorkPeaks NONE = new WorkPeaks(0, "", 0, 0);

  /** One line against {@code budget}, e.g. for {@code --debug}. */
  public String describe(Budget budget) {
    StringBuilder s = new StringBuilder("work: largest method analysis ")
        .append(String.format(Locale.ROOT, "%,d", methodUnits)).append(" units (")
        .append(share(methodUnits, budget.methodWork())).append(" of the budget)");
    if (!method.isEmpty()) s.append(" in ").append(shortened(method));
    s.append("; largest recursive component ");
    if (componentSize == 0) return s.append("none").toString();
    return s.append(String.format(Locale.ROOT, "%,d", componentUnits)).append(" units (")
        .append(share(componentUnits, budget.componentWork())).append(" of the budget) over ")
        .append(componentSize).append(componentSize == 1 ? " method" : " methods").toString();
  }

  /** A key with a long parameter list (groovy's {@code Maps.of} has 200) as {@code Maps#of(200 parameters)}. */
  static String shortened(String key) {
    int open = key.indexOf('(');
    if (key.length() <= 160 || open < 0 || !key.endsWith(")")) return key;
    int params = key.substring(open + 1, key.length() - 1).split(",", -1).length;
    return key.substring(0, open) + "(" + params + " parameters)";
  }

  private static String share(long used, long limit) {
    return String.format(Locale.ROOT, "%.3f %%", 100.0 * used / limit);
  }
}
