package dev.noescape.engine;

import dev.noescape.ir.MethodRef;
import java.util.List;

/**
 * A {@link Budget} the analysis ran into, and what it did instead.
 *
 * @param reason one line, without the method names: {@code method too large (52,000 statements)}
 * @param methods the methods concerned, in program order: one method, the members of a
 *     component, or every method the run had not analyzed when the deadline passed
 * @param resultsKept true when the methods' own allocation sites were still analyzed (a component
 *     whose fixpoint was cut short: its members' summaries are unknown to their callers and each
 *     other, which only makes more escape); false when they were not analyzed at all (rules skip
 *     them; their summaries are unknown)
 */
public record BudgetHit(String reason, List<MethodRef> methods, boolean resultsKept) {
  public BudgetHit {
    methods = List.copyOf(methods);
  }
}
