package dev.noescape.finding;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;

/**
 * The rank reports use to lead with the "top N" findings: higher is hotter.
 *
 * <p>The formula, a plain weighted sum whose terms cannot overtake each other:
 *
 * <pre>
 *   rank = min(loopDepth, 99) * 10_000
 *        + (tripCountKnown ? 1_000 : 0)
 *        + (hotMethod      ?   100 : 0)
 *        + weight(kind)                      // 0..99
 * </pre>
 *
 * <ul>
 *   <li><b>Loop depth dominates</b>: an allocation nested two loops deep runs (typically)
 *       quadratically often and outranks everything at depth 1.
 *   <li><b>Known trip count</b> next: the innermost loop has a size known before it starts
 *       ({@link Loop#tripCount()}), i.e. it iterates a collection or a counted range; these are
 *       the loops that run over real data, and the ones whose findings come with a precise fix.
 *   <li><b>Hot method</b> ({@code @HotPath}, {@code @NoAllocation}, a configured annotation) next:
 *       the developer told us this code is hot.
 *   <li><b>Allocation weight by kind</b> last, a rough size order: arrays (payload of unknown
 *       length) 60, string concatenation (builder, its buffer and the result) 50, objects 40,
 *       anonymous classes 35, lambdas and method references 30, varargs arrays 25, boxes (16
 *       bytes) 20, no allocation (a parameter) 0.
 * </ul>
 *
 * <p>The rank is an int computed only from the IR, so it is deterministic across runs and front
 * ends.
 */
public final class Hotness {
  private Hotness() {}

  /** The rank of something at {@code loopDepth} ({@code kind} may be null: weight 0). */
  public static int rank(int loopDepth, boolean tripCountKnown, boolean hotMethod, SiteKind kind) {
    return Math.min(Math.max(loopDepth, 0), 99) * 10_000
        + (tripCountKnown ? 1_000 : 0)
        + (hotMethod ? 100 : 0)
        + weight(kind);
  }

  /**
   * The rank of an allocation site: its own loop depth, whether its innermost loop has a known trip
   * count, and whether its method is hot.
   */
  public static int of(MethodIR method, AllocSite site) {
    Loop loop = loopOf(method, site.ctx().loopId());
    return rank(site.loopDepth(), loop != null && loop.hasTripCount(), method.hot(), site.kind());
  }

  /**
   * The rank of an allocation whose cost is paid in another loop than its own (a collection that
   * grows while a later loop fills it): that loop's depth and trip count.
   */
  public static int of(MethodIR method, AllocSite site, Loop costLoop) {
    if (costLoop == null) return of(method, site);
    return rank(costLoop.depth(), costLoop.hasTripCount(), method.hot(), site.kind());
  }

  /** The weight of an allocation kind, 0..99 (0 for null). */
  public static int weight(SiteKind kind) {
    if (kind == null) return 0;
    return switch (kind) {
      case NEW_ARRAY -> 60;
      case STRING_CONCAT -> 50;
      case NEW_OBJECT -> 40;
      case ANONYMOUS_CLASS -> 35;
      case LAMBDA, METHOD_REF -> 30;
      case VARARGS_ARRAY -> 25;
      case BOXING -> 20;
    };
  }

  private static Loop loopOf(MethodIR method, int loopId) {
    if (loopId < 0 || loopId >= method.loops().size()) return null;
    return method.loop(loopId);
  }
}
