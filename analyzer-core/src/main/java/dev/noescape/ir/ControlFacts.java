package dev.noescape.ir;

import java.util.Map;

/**
 * When a method's statements run relative to one another, as its front end found it in the
 * body's control structure: the facts rules read to tell whether a statement runs together with
 * another in one iteration (or one run of the body), never in the same one, or only on the
 * uncommon call that misses a cache. They belong together because each is keyed by {@link
 * StmtContext#ordinal()}, each is recorded while the body is lowered (branches, guards, blocks or
 * the control-flow graph) and decided when the IR is built ({@link MethodIRBuilder#build}), and
 * each has an empty value that claims nothing: a body without them (a test's, a synthetic one)
 * only loses precision, never soundness.
 *
 * <p>Not here: {@link ThrowFlow}, which the engine reads (which statements lead only to a
 * failure), not the rules, and which is decided once the program's calls are known; and {@link
 * FieldRanges.Write field writes}, which are values a field is given, not an order, and which the
 * program-wide {@link FieldRanges} pass reads before the rules run.
 *
 * @param arms the branches whose arms exclude each other and the statements that run once in an
 *     arm ({@link Arms}): which statements run once per iteration together; {@link Arms#NONE} when
 *     the front end gave none
 * @param cacheMisses the statements that run only on a cache miss, by {@link StmtContext#ordinal()},
 *     with where the miss stores its value ({@link CacheMisses}); empty when none or the front end
 *     recorded no guards
 * @param dominance which statements run whenever another runs within one iteration, or one run
 *     of a body outside loops ({@link Dominance}); {@link Dominance#NONE} when the front end gave none
 */
public record ControlFacts(Arms arms, Map<Integer, CacheMisses.Miss> cacheMisses, Dominance dominance) {
  /** No control facts: no exclusive arms, no cache misses, nothing known to run whenever another statement does. */
  public static final ControlFacts NONE = new ControlFacts(Arms.NONE, Map.of(), Dominance.NONE);

  public ControlFacts {
    if (arms == null) arms = Arms.NONE;
    cacheMisses = cacheMisses == null ? Map.of() : Map.copyOf(cacheMisses);
    if (dominance == null) dominance = Dominance.NONE;
  }

  /** These facts with other {@link #cacheMisses} ({@link CacheMisses#linkMappingFunctions}). */
  public ControlFacts withCacheMisses(Map<Integer, CacheMisses.Miss> misses) {
    return new ControlFacts(arms, misses, dominance);
  }
}
