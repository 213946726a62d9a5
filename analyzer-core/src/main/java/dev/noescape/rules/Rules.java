package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the rules that are views over one method's results, in {@link RuleId} order.
 *
 * <p>{@link RuleId#ALLOCATION_CONTRACT} is not registered here: it needs the call graph and callee
 * summaries (the path down to the allocating callee), not one {@code MethodResult}; see
 * {@link AllocationContractRule} and {@link RuleRunner#run(dev.noescape.engine.AnalysisResult,
 * dev.noescape.summary.SummaryProvider, RuleContext, java.util.Set)}.
 */
public final class Rules {
  private Rules() {}

  private static final Map<RuleId, Rule> BY_ID;
  private static final List<Rule> ALL;

  static {
    Map<RuleId, Rule> m = new EnumMap<>(RuleId.class);
    for (Rule r : List.of(new HeapEscapeRule(), new LeakingParameterRule(), new BoxingAllocationRule(),
        new VarargsAllocationRule(), new CapturingLambdaRule(), new UnpresizedCollectionRule(),
        new HashMapCapacityRule(), new StringConcatInLoopRule(), new NotScalarReplacedRule())) {
      m.put(r.id(), r);
    }
    BY_ID = Collections.unmodifiableMap(m);
    ALL = List.copyOf(new ArrayList<>(m.values())); // EnumMap iterates in RuleId order
  }

  /** Every registered rule, in {@link RuleId} order. */
  public static List<Rule> all() {
    return ALL;
  }

  /** Whether {@code id} has a rule here (every id except {@link RuleId#ALLOCATION_CONTRACT}). */
  public static boolean has(RuleId id) {
    return BY_ID.containsKey(id);
  }

  /**
   * The rule with this id.
   *
   * @throws IllegalArgumentException when no rule is registered for it (see {@link #has})
   */
  public static Rule get(RuleId id) {
    Rule r = BY_ID.get(id);
    if (r == null) throw new IllegalArgumentException("no method-local rule registered for " + id);
    return r;
  }
}
