package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Origins;
import dev.noescape.ir.SiteDescriptions;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code CapturingLambda} (warning): a lambda or method reference that allocates because it
 * captures, or an anonymous class (which allocates on every evaluation), inside a loop or a hot
 * method — Go's "func literal escapes" for closures.
 *
 * <p><b>Reports</b> each such site with the captured names:
 *
 * <pre>
 *   lambda allocates on every iteration of the loop (line 14) because it captures 'limit', 'this': hoist it out of the loop or make it non-capturing
 *   method reference allocates in hot method Engine.match because it captures 'this': make it non-capturing, or create it once and reuse it
 *   new Runnable() {…} allocates on every iteration of the loop (line 9) (an anonymous class is instantiated on every evaluation): hoist it out of the loop or use a non-capturing lambda
 * </pre>
 *
 * <p><b>Stays quiet</b> about non-capturing lambdas and unbound method references (the front ends
 * emit no site for them), plain {@code new} of inner or local classes (ordinary allocations, see
 * {@code HeapEscape}), and, unless {@link RuleContext#reportOutsideLoops()}, everything outside
 * loops and hot methods.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.CapturingLambdaDoc}.
 */
public final class CapturingLambdaRule extends LoopGatedSiteRule {
  public CapturingLambdaRule() {
    super(RuleId.CAPTURING_LAMBDA, s -> s.kind().isFunctional());
  }

  @Override
  String message(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    List<String> captured = s.details() instanceof AllocSite.Capture c ? c.captured() : List.of();
    String head = switch (s.kind()) {
      case LAMBDA -> "lambda";
      case METHOD_REF -> "method reference";
      default -> s.description();
    };
    String why;
    String advice;
    if (!captured.isEmpty()) {
      why = " because it captures " + SiteDescriptions.quotedNames(captured);
      advice = captureAdvice(m, s);
      if (s.kind() == SiteKind.ANONYMOUS_CLASS && RuleSupport.repeatingLoopDepth(m, s) == 0) advice += " (a non-capturing lambda allocates nothing)";
    } else if (s.kind() == SiteKind.ANONYMOUS_CLASS) {
      why = " (an anonymous class is instantiated on every evaluation)";
      advice = RuleSupport.repeatingLoopDepth(m, s) > 0 ? hoist(s) + ", or use a non-capturing lambda"
          : "use a non-capturing lambda or a static final instance";
    } else {
      // The front end says it captures but could not name what: still an allocation per evaluation.
      why = " because it captures";
      advice = RuleSupport.repeatingLoopDepth(m, s) > 0 ? hoist(s) : "create it once and reuse it";
    }
    return head + " allocates " + RuleSupport.where(m, s, context) + why + ": " + advice;
  }

  /**
   * For a capturing site: outside loops, create it once; in a loop, hoist it unless it captures a
   * variable the loop assigns (declared in the loop, or reassigned there): then one object per
   * iteration is what the code means, and the message says so instead of advising a change that
   * does not compile.
   */
  private static String captureAdvice(MethodIR m, AllocSite s) {
    // a retry loop normally runs once: as outside loops (hoisting out of it saves nothing)
    if (RuleSupport.repeatingLoopDepth(m, s) == 0) return "make it non-capturing, or create it once and reuse it";
    List<String> variant = loopAssigned(m, s);
    if (!variant.isEmpty()) {
      // a site in no loop of its own is in the enclosing one, named as RuleSupport names it
      String loop = RuleSupport.loop(m, s.ctx().loopId()) == null ? RuleSupport.loopPhrase(m, s.ctx().loopId(), false) : "the loop";
      return "it cannot be hoisted out of " + loop + ", which assigns " + SiteDescriptions.quotedNames(variant);
    }
    return hoist(s);
  }

  /**
   * Hoisting out of the loop, when the site runs on every iteration; a site under a condition is
   * created on first use instead, since a hoisted one would allocate on the paths that allocated
   * nothing.
   */
  private static String hoist(AllocSite s) {
    return s.ctx().oncePerIteration() ? "hoist it out of the loop"
        : "create it once, on first use (hoisting it would allocate on iterations that do not need it)";
  }

  /**
   * The captured variables of {@code s} that a statement of its innermost loop assigns. Only
   * reference-typed captures are in the IR; a captured primitive counts as not assigned.
   */
  static List<String> loopAssigned(MethodIR m, AllocSite s) {
    Loop loop = RuleSupport.loop(m, s.ctx().loopId());
    // in no loop of its own, a site repeats only with the loop that runs the body it is in (a lambda
    // or anonymous-class method called per element: m.baseLoopDepth()); each call of that body is
    // one iteration of it, so what the body computes the iteration assigns
    boolean inheritedOnly = loop == null && s.ctx().loopId() < 0 && m.baseLoopDepth() > 0;
    if (loop == null && !inheritedOnly) return List.of();
    Set<Var> objects = new HashSet<>();
    for (Stmt st : m.stmts()) if (st instanceof Stmt.Alloc a && a.site().id() == s.id()) objects.add(a.target());
    List<String> out = new ArrayList<>();
    for (Stmt st : m.stmts()) {
      if (!(st instanceof Stmt.Store store) || !objects.contains(store.base()) || store.value() == null) continue;
      String name = store.field().capturedName();
      if (name == null || "this".equals(name) || out.contains(name)) continue;
      if (inheritedOnly ? computedPerCall(m, store.value()) : assignedIn(m, store.value(), loop)) out.add(name);
    }
    return out;
  }

  /**
   * Whether {@code v} gets its value from one call of the body {@code m}: a parameter of it other
   * than slot 0 (a lambda's own parameters; slot 0 is the lambda or anonymous object, whose captured
   * values come from outside the loop), or a statement that computes it (a call, an allocation), or
   * a copy of such. A load is not counted: a value read from the body's captures (HikariCP's
   * {@code argClasses} in {@code filter(c -> … allMatch(i -> params[i].isAssignableFrom(argClasses[i])))})
   * exists before the loop, and a field read may too, so only what is certainly per call is named.
   */
  private static boolean computedPerCall(MethodIR m, Var v) {
    Origins o = Definitions.of(m).walk(v, Definitions.Walk.COPIES);
    return o.reaches(p -> p.isParam() && p.paramSlot() > 0)
        || o.endsAt(d -> !(d instanceof Stmt.Load) && !(d instanceof Stmt.StaticLoad));
  }

  /**
   * Whether the loop gives {@code v} a value of its own: a statement in it defines {@code v}, other
   * than a read of a static field the loop does not write ({@code System.out} in {@code
   * System.out::println} is read on every iteration, yet the same object: hoisting the reference
   * is right, "the loop assigns 'System.out'" was not), and other than a copy into a temporary of a
   * variable the loop does not assign (bytecode loads a local declared before the loop onto the
   * stack on every iteration: commons-compress's {@code CpBands} was told "the loop assigns
   * 'bigChars'" of a final local set once before it).
   */
  private static boolean assignedIn(MethodIR m, Var v, Loop loop) {
    // only the loop's own definitions; a temporary's copy is looked through, a named variable's is
    // an assignment in the loop
    Definitions.Walk inLoop = Definitions.Walk.COPIES.skipping(d -> !loop.contains(d.ctx().ordinal()))
        .lookingThrough(d -> d instanceof Stmt.Copy c && c.target().isTemporary());
    return Definitions.of(m).walk(v, inLoop).endsAt(d -> !(d instanceof Stmt.StaticLoad load && !storedIn(m, load.field(), loop)));
  }

  /** Whether a statement of {@code loop} stores into static field {@code f}. */
  private static boolean storedIn(MethodIR m, dev.noescape.ir.FieldRef f, Loop loop) {
    for (Stmt st : m.stmts()) {
      if (st instanceof Stmt.StaticStore w && w.field().equals(f) && loop.contains(st.ctx().ordinal())) return true;
    }
    return false;
  }
}
