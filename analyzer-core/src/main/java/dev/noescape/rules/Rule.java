package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import java.util.List;

/**
 * A rule: a view over the engine's results for one method. Rules never look at source or
 * bytecode; everything they need is in the IR and the {@link MethodResult}.
 */
public interface Rule {
  RuleId id();

  /** The findings of this rule in {@code result.method()}, in any order. */
  List<Finding> check(MethodResult result, RuleContext context);
}
