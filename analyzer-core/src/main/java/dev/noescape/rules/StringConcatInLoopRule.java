package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

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
 * concatenation outside loops, and accumulators the loop starts afresh in every iteration that
 * concatenates ({@link AccumulatorResets#find}: the accumulation never spans iterations). Not gated
 * by hot methods: a single concatenation is not the problem, the quadratic accumulation is.
 *
 * <p><b>Not a warning</b> (information at verbosity 2, {@link #notAWarningHere}) when another arm
 * of the loop starts the accumulator afresh ({@link AccumulatorResets#find}: netty's header decoder
 * folds continuation lines into {@code value}, and every other line lets {@code splitHeader} assign
 * it anew), and when every
 * iteration of the loop reads the accumulator as a {@code String} ({@link #readEveryIteration}):
 * javapoet's {@code while (SourceVersion.isKeyword(suggestion) || !allocatedNames.add(suggestion))
 * suggestion = suggestion + "_";} would need the builder's {@code toString()} on every iteration,
 * the same copy the concatenation makes, so the advice saves nothing.
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
    AccumulatorResets.Reset reset = context.accumulatorResets().find(m, s.ctx().loopId(), acc, all, context.privateMethods());
    if (reset != null && !reset.spans()) return null; // started afresh in every iteration that concatenates
    String message = "'" + acc.name() + " += …' copies the whole string " + (all.size() > 1 ? "at " + RuleSupport.lines(all) + ", " : "")
        + "on every iteration of " + RuleSupport.loopPhrase(m, s.ctx().loopId(), false)
        + " (quadratic): accumulate in a StringBuilder";
    // offered for every local: whether the source has the shape the rewrite needs is the appliers'
    // to decide (dev.noescape.rewrite.StringBuilderRewrite), and without it they write no edits
    Fix fix = acc.isField() ? null : new Fix.UseStringBuilder(acc.name());
    return siteFinding(m, s, message, List.of(), Hotness.of(m, s), fix);
  }

  /**
   * Not a warning when another arm of the loop starts the accumulator afresh ({@link
   * AccumulatorResets#find}): the string grows only over consecutive iterations that take the
   * concatenating arm, not over the loop. Nor when each iteration of the concatenation's loop reads
   * the accumulator as a {@code String} ({@link #readEveryIteration}): a StringBuilder would then
   * need a {@code toString()} per iteration, a copy of the whole text as the concatenation makes.
   */
  @Override
  String notAWarningHere(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    AllocSite.Accumulator acc = ((AllocSite.Concat) s.details()).accumulator();
    AccumulatorResets.Reset reset = context.accumulatorResets().find(m, s.ctx().loopId(), acc,
        sameAccumulator(m, s, acc), context.privateMethods());
    if (reset != null) {
      int at = reset.at().pos() != null ? reset.at().pos().line() : 0;
      return "'" + acc.name() + "' grows only over consecutive iterations that take this arm; "
          + (at > 0 ? "line " + at : "another arm") + " starts it afresh"
          + (reset.through() != null ? " through " + reset.through() + "()" : "");
    }
    Stmt read = readEveryIteration(m, s.ctx().loopId(), acc);
    if (read == null) return null;
    FieldRef into = read instanceof Stmt.Store st ? st.field() : read instanceof Stmt.StaticStore st ? st.field() : null;
    String what = read instanceof Stmt.Call c ? c.callee().displayName()
        : "stored into " + (FieldRef.ARRAY_ELEMENT.equals(into) ? "an array" : into.displayName());
    int line = read.ctx().pos() != null ? read.ctx().pos().line() : 0;
    return "each iteration reads " + acc.name() + " as a String (" + what + (line > 0 ? ", line " + line : "")
        + "), so a StringBuilder would copy it as often";
  }

  /**
   * A statement that reads the local accumulator {@code acc} as a {@code String} on every iteration
   * of loop {@code loopId}, or null. It runs once per iteration of that loop, in its condition or
   * its body ({@code StmtContext.oncePerIteration}: not under a condition, not skipped by a jump;
   * not in a loop nested in it, nor on a cold path), and it is a call that takes the accumulator as
   * an argument ({@code isKeyword(s)}, {@code names.add(s)}, {@code t.equals(s)}) or as the receiver
   * of a method {@code CharSequence} does not declare ({@code s.equals(t)}, {@code s.endsWith(t)}:
   * {@code s.length()} and {@code s.charAt(i)} a StringBuilder answers itself), or a store of it into
   * a field or an array element. A field accumulator is not followed (a read of it is a load into a
   * temporary), nor is a read as the operand of another concatenation, which the IR does not show:
   * both stay warnings.
   */
  static Stmt readEveryIteration(MethodIR m, int loopId, AllocSite.Accumulator acc) {
    if (acc.isField() || loopId < 0) return null;
    Definitions defs = Definitions.of(m);
    for (Stmt st : m.stmts()) {
      StmtContext ctx = st.ctx();
      if (ctx.loopId() != loopId || !ctx.oncePerIteration() || ctx.isCold()) continue;
      if (st instanceof Stmt.Call c) {
        for (int k = 0; k < c.args().size(); k++) {
          boolean receiver = k == 0 && c.receiver() != null;
          if (isVariable(defs, c.args().get(k), acc)
              && !(receiver && CHAR_SEQUENCE_METHODS.contains(c.callee().name()))) {
            return st;
          }
        }
      } else if (st instanceof Stmt.Store store && isVariable(defs, store.value(), acc)
          || st instanceof Stmt.StaticStore store2 && isVariable(defs, store2.value(), acc)) {
        return st;
      }
    }
    return null;
  }

  /**
   * Whether {@code v} is the source variable the accumulator names (both front ends name a local's
   * variable by its source name), or a temporary it was copied into on its way to the call (the
   * bytecode front end's stack temporary where it cannot type the argument: {@code $l2 =
   * suggestion; isKeyword($l2)}): back through copies into temporaries that nothing else defines,
   * to a variable at most {@link #COPY_STEPS} copies away.
   */
  private static boolean isVariable(Definitions defs, Var v, AllocSite.Accumulator acc) {
    return v != null && defs.walk(v, TEMPORARY_COPIES).reaches(x -> !x.isTemporary() && x.name().equals(acc.name()));
  }

  private static final int COPY_STEPS = 4;

  /** The walk of {@link #isVariable}: a named variable (the accumulator or another) ends it. */
  private static final Definitions.Walk TEMPORARY_COPIES = Definitions.Walk.COPIES.definedOnce().bounded(COPY_STEPS)
      .lookingThrough(d -> d instanceof Stmt.Copy c && c.target().isTemporary());

  /**
   * The instance methods {@code CharSequence} declares that a StringBuilder answers itself, without
   * making a String ({@code length}, {@code charAt}, …; {@code getChars} since JDK 25): a call of one
   * on the accumulator does not need it as a {@code String}. A fixed list, not the running JDK's
   * reflection, so that every JDK gives the same findings; {@code toString} is left out on purpose
   * (on a builder it is the copy).
   */
  private static final Set<String> CHAR_SEQUENCE_METHODS =
      Set.of("length", "charAt", "isEmpty", "subSequence", "chars", "codePoints", "getChars");

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
