package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code StringConcatInLoop} (warning): {@code s += x} (or {@code s = s + x}, {@code s = x + s}) on a
 * {@code String} that is carried from one loop iteration to the next.
 *
 * <p><b>Reports</b> string concatenation sites whose {@link AllocSite.Accumulator} lives across
 * iterations (a local declared outside the innermost loop, or a field), inside a loop:
 *
 * <pre>
 *   's += …' copies the whole string on every iteration of the loop at line 9 (quadratic): accumulate in a StringBuilder
 * </pre>
 *
 * <p><b>Fix.</b> {@link Fix.UseStringBuilder} (a {@code StringBuilder} before the loop, {@code
 * append} in it, {@code toString()} after it) is offered for every local accumulator; the appliers
 * write it only where the rewrite is mechanical ({@link dev.noescape.rewrite.StringBuilderRewrite}:
 * a local with an initializer, used in the loop only as {@code s += e}).
 *
 * <p>Several concatenations onto one accumulator in one loop ({@code out += a; … out += b;}) are one
 * finding, at the first in the source, naming the lines of all: one StringBuilder removes them all.
 *
 * <p><b>Stays quiet</b> about concatenations that do not feed back into themselves ({@code log(a +
 * b)}), accumulators declared inside the loop (they start over every iteration), and
 * concatenation outside loops. Not gated by hot methods: a single concatenation is not the
 * problem, the quadratic accumulation is.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.StringConcatInLoopDoc}.
 */
public final class StringConcatInLoopRule extends SiteRule {
  public StringConcatInLoopRule() {
    super(RuleId.STRING_CONCAT_IN_LOOP);
  }

  @Override
  final boolean reportsRepetition() {
    return true;
  }

  @Override
  Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    if (s.kind() != SiteKind.STRING_CONCAT || s.loopDepth() <= 0) return null;
    if (!(s.details() instanceof AllocSite.Concat concat) || concat.accumulator() == null) return null;
    AllocSite.Accumulator acc = concat.accumulator();
    if (!acc.livesAcrossIterations()) return null;
    List<AllocSite> all = sameAccumulator(m, s, acc);
    if (all.get(0).id() != s.id()) return null; // one finding per accumulator and loop, at its first concatenation
    String message = "'" + acc.name() + " += …' copies the whole string " + (all.size() > 1 ? "at " + RuleSupport.lines(all) + ", " : "")
        + "on every iteration of " + RuleSupport.loopPhrase(m, s.ctx().loopId(), false)
        + " (quadratic): accumulate in a StringBuilder";
    // offered for every local: whether the source has the shape the rewrite needs is the appliers'
    // to decide (dev.noescape.rewrite.StringBuilderRewrite), and without it they write no edits
    Fix fix = acc.isField() ? null : new Fix.UseStringBuilder(acc.name());
    return siteFinding(m, s, message, List.of(), Hotness.of(m, s), fix);
  }

  /**
   * The concatenations in {@code m} onto the accumulator of {@code s} in the same loop, {@code s}
   * among them, in source order (a for loop's update comes after its body in program order, not
   * where a reader looks): one fix, one StringBuilder for the accumulator, removes them all, so they
   * are one finding ({@code out += a; … out += b;} in one loop was two warnings with one advice).
   */
  private static List<AllocSite> sameAccumulator(MethodIR m, AllocSite s, AllocSite.Accumulator acc) {
    List<AllocSite> out = new ArrayList<>();
    for (AllocSite o : m.sites()) {
      if (o.kind() == SiteKind.STRING_CONCAT && o.ctx().loopId() == s.ctx().loopId()
          && o.details() instanceof AllocSite.Concat c && acc.equals(c.accumulator())) {
        out.add(o);
      }
    }
    out.sort(Comparator.comparing(AllocSite::pos));
    return out;
  }
}
