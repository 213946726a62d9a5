package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;

/**
 * {@code BoxingAllocation} (warning): a boxing conversion that allocates, inside a loop or a hot
 * method — Go's "interface conversion" allocation.
 *
 * <p><b>Reports</b> every boxing site, implicit ({@code list.add(i)}) or an explicit
 * {@code valueOf} (bytecode cannot tell them apart, and they allocate the same):
 *
 * <pre>
 *   boxing int to Integer allocates on every iteration of the loop (line 14): keep the value primitive (int) or use a primitive collection
 *   boxing long to Long allocates in hot method OrderBook.add: keep the value primitive (long) or use a primitive collection
 * </pre>
 *
 * <p><b>Stays quiet</b> about conversions that never allocate: {@code Boolean} and {@code Byte}
 * (every value is cached), and a compile-time constant inside the default caches (Integer, Short,
 * Long −128..127; Character 0..127), and a value whose range a front end proved inside the cache
 * (the index of {@code for (int i = 0; i < 13; i++)}: {@link dev.noescape.ir.Boxes.Range}); a
 * reported box with a proven range says it ({@code boxing int to Integer (values 0..199)}).
 * {@code Float} and {@code Double} are always reported (they have no cache). Any other value is
 * reported even if it may be small at run time: the analysis cannot know, and it usually is not. Outside loops and hot methods it is quiet unless
 * {@link RuleContext#reportOutsideLoops()}. Boxing done inside a lambda metafactory adaptation
 * ({@code merge(k, 1, Integer::sum)}) has no site, so it is never reported.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.BoxingAllocationDoc}.
 */
public final class BoxingAllocationRule extends LoopGatedSiteRule {
  public BoxingAllocationRule() {
    super(RuleId.BOXING_ALLOCATION, s -> s.kind() == SiteKind.BOXING && !s.neverAllocates());
  }

  @Override
  String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    // a proven range outside the cache is said: the reader sees which values were assumed
    String range = s.details() instanceof AllocSite.Boxing b && b.range() != null ? " (values " + b.range() + ")" : "";
    return s.description() + range + " allocates " + RuleSupport.where(m, s, context)
        + ": keep the value primitive (" + primitive(s) + ") or use a primitive collection";
  }

  /** The primitive type boxed at {@code s}: from its details, else from the box type. */
  static String primitive(AllocSite s) {
    if (s.details() instanceof AllocSite.Boxing b && b.primitive() != null) return b.primitive();
    String p = Boxes.primitiveOf(s.type());
    return p != null ? p : "the primitive";
  }
}
