package dev.noescape.rules;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Origins;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.BitSet;
import java.util.Set;

/**
 * Forced boxes: a box in a loop that is true, repeats, and that no local change removes. It is not a
 * {@code BoxingAllocation} warning, only information at verbosity 2 (like a finding on a cold path,
 * {@link SiteRule}), because a maintainer cannot act on it: the value has to be an object where it
 * goes, it can change on every iteration, and only a different structure (a primitive collection,
 * an array, another signature) would remove the allocation. On the hand-judged real-code set
 * (testdata/real-code) such boxes were the largest group of warnings judged not worth a change.
 *
 * <p>A box is forced when all of these hold; the decision is here, over IR facts both front ends
 * fill ({@link AllocSite.Boxing}, {@link BoxTarget}), and nowhere else:
 *
 * <ul>
 *   <li>it repeats with a loop ({@link RuleSupport#repeatingLoopDepth}) in a method that is not hot
 *       ({@code @HotPath}, {@code @NoAllocation}, a configured annotation: there the user asked to see
 *       every allocation);
 *   <li>its value is not a constant (a constant is boxed once into a static final), nor a local
 *       unboxed from a call's box ({@link AllocSite.Boxing#unboxedFrom}: the local can keep that box);
 *   <li>its target requires a box ({@link BoxTarget#requiresBox()}) and offers no primitive way in:
 *       not a {@code java.util.function} interface with a primitive specialization
 *       ({@link BoxTarget#primitiveFunctionalInterface}), not a generic parameter of a functional
 *       interface the project declares ({@link #projectFunctionalInterface}: a primitive sibling of
 *       it is the project's to write);
 *   <li>the same value is not boxed again in the same loop where both can run in one iteration
 *       ({@link RepeatedBoxes#sameValueInLoop}: one box kept in a local would serve both; a box on an
 *       exclusive arm is no second box);
 *   <li>the value is not proven the same on every iteration ({@link #loopInvariant}: then "box it
 *       once before the loop" is the fix, and it is a warning), and it is not added by
 *       {@code Map.merge} into a key the loop does not change ({@link #mergedIntoOneKey}: then the
 *       fix is to sum in a local and merge once after the loop);
 *   <li>it is not added to a list the method owns whose length is known before the loop
 *       ({@link #localArray}: then a primitive array of that length is the method's own change);
 *   <li>and, for a box a {@code java.util} collection requires, the project depends on no
 *       primitive-collection library ({@link RuleContext#primitiveCollections()}: with one, the fix
 *       is to use it, or, for the caller's collection ({@link BoxTarget#callersCollection}), a fast
 *       path for the library's collections, and the warning says so). A primitive collection does not help a box that a
 *       signature, a field or an array requires, so a library does not make those warnings.
 * </ul>
 *
 * <p>The {@code @NoAllocation} contract is not affected: it counts every allocation.
 */
final class ForcedBoxes {
  private ForcedBoxes() {}

  /**
   * Why the box at {@code s} is not a warning, as a sentence that follows {@code "not a warning: "},
   * or null when it is a warning.
   */
  static String why(MethodResult r, AllocSite s, RuleContext c) {
    MethodIR m = r.method();
    if (!(s.details() instanceof AllocSite.Boxing b) || constant(b) || b.unboxedFrom() != null) return null;
    if (RuleSupport.repeatingLoopDepth(m, s) <= 0 || RuleSupport.isHot(m, c)) return null;
    BoxTarget target = BoxTarget.of(m, s);
    if (!target.requiresBox() || target.primitiveFunctionalInterface(BoxingAllocationRule.primitive(s)) != null
        || projectFunctionalInterface(target, c) || !RepeatedBoxes.sameValueInLoop(m, s).isEmpty() || loopInvariant(m, s)
        || mergedIntoOneKey(m, s, target) || localArray(r, s, target) != null || privateBoxParameter(target, s, c)) {
      return null;
    }
    if (target.isCollection() && c.primitiveCollections() != null) return null;
    return BoxingAllocationRule.valueName(s) + " can change on every iteration, so no local change removes the box; only "
        + remedy(m, target) + " would";
  }

  /**
   * Whether the box is passed to a parameter declared with the box's own type ({@code Double}, not
   * {@code Object}, {@code Number} or a type variable) of a private method or constructor of the
   * program ({@link RuleContext#privateMethods()}): only its file calls it, so declaring the
   * parameter primitive removes the box.
   */
  static boolean privateBoxParameter(BoxTarget t, AllocSite s, RuleContext c) {
    if (t.kind() != BoxTarget.Kind.ARGUMENT || t.param() < 0 || t.param() >= t.callee().paramTypes().size()) return false;
    return t.callee().paramTypes().get(t.param()).equals(s.type()) && c.privateMethods().contains(t.callee().key());
  }

  /** Whether the value boxed at {@code s} is a compile-time constant. */
  static boolean constant(AllocSite.Boxing b) {
    return b.constant() != null || b.value() != null && b.value().kind() == Boxes.Value.Kind.CONSTANT;
  }

  /**
   * Whether the front end proved the boxed value the same on every iteration of the loop the
   * finding names: the site's innermost loop, unless that is a retry loop (the finding then names
   * the loop around it, for which the front end proved nothing).
   */
  static boolean loopInvariant(MethodIR m, AllocSite s) {
    if (!(s.details() instanceof AllocSite.Boxing b) || !b.loopInvariant()) return false;
    Loop l = RuleSupport.loop(m, s.ctx().loopId());
    return l != null && !l.retry();
  }

  /**
   * Whether the box is passed to a parameter of erased type {@code Object} (a type variable) of a
   * functional interface the project declares ({@code IOTriFunction<byte[], Integer, Integer, Integer>.apply}).
   */
  static boolean projectFunctionalInterface(BoxTarget t, RuleContext c) {
    return t.kind() == BoxTarget.Kind.ARGUMENT && t.param() >= 0 && t.param() < t.callee().paramTypes().size()
        && "java.lang.Object".equals(t.callee().paramTypes().get(t.param()))
        && c.hierarchy().declaresFunctionalInterface(t.callee().owner());
  }

  /**
   * Whether the box is the value {@code Map.merge} adds into a key the loop does not change
   * ({@code counters.merge(name, delta, Long::sum)} over a batch of deltas): summing in a primitive
   * local and merging once after the loop leaves one box. The key's variable is unchanged when no
   * statement inside the loop defines it, or only a copy of such a variable does.
   */
  static boolean mergedIntoOneKey(MethodIR m, AllocSite s, BoxTarget t) {
    if (t.kind() != BoxTarget.Kind.ARGUMENT || t.call() == null || t.param() != 1 || !t.callee().name().equals("merge")
        || !t.isCollection() || !t.callee().owner().endsWith("Map") || t.callee().isStatic()) {
      return false;
    }
    Loop l = RuleSupport.loop(m, s.ctx().loopId());
    return l != null && !l.retry() && t.call().args().size() > 1 && unchangedIn(m, t.call().args().get(1), l);
  }

  /** The lists whose {@code add(E)} appends in order, as writing the next slot of an array does. */
  private static final Set<String> LISTS = Set.of("java.util.ArrayList", "java.util.LinkedList", "java.util.Vector");

  /**
   * The advice when the box is appended to a list the method owns and that holds as many values as a
   * loop with a known trip count runs ({@code List<Long> latencies = new ArrayList<>(); for (i < count)
   * latencies.add(elapsed);}): the list's structure is the method's own, so {@code long[count]} holds
   * the values without boxes; else null. All of this must hold, so that the array is a local change
   * that holds the same values:
   *
   * <ul>
   *   <li>the box is the element of {@code add(E)} on an {@code ArrayList}, {@code LinkedList} or
   *       {@code Vector} allocated in this method;
   *   <li>the receiver is a variable that only that allocation assigns (through copies): not a
   *       parameter, a field or a call's result on some path;
   *   <li>the list does not escape the method: the engine does not say {@link EscapeState#GLOBAL_ESCAPE},
   *       and it is only ever the receiver of its own methods ({@link #onlyReceiver}); a list
   *       returned, stored or passed to a callee is what a signature wants;
   *   <li>{@link CollectionFill#loopFill} proves it is filled by this add, once per iteration of the
   *       box's loop, whose trip count is known before the loop (the size that presize advice names):
   *       a reader loop or a conditional add has no length to give the array.
   * </ul>
   *
   * Maps and sets stay forced: their values are looked up by key or deduplicated, and a primitive
   * array indexed by the key is only right for small dense keys, which the IR cannot show.
   */
  static String localArray(MethodResult r, AllocSite s, BoxTarget t) {
    if (t.kind() != BoxTarget.Kind.ARGUMENT || t.call() == null || t.param() != 0 || !t.callee().name().equals("add")
        || t.callee().isStatic() || t.callee().paramTypes().size() != 1) {
      return null;
    }
    Var receiver = t.call().receiver();
    if (r.sitesOf(receiver).size() != 1) return null;
    AllocSite list = r.method().sites().get(r.sitesOf(receiver).iterator().next());
    if (RuleSupport.constructorOf(list, LISTS) == null || !onlyAllocated(r.method(), receiver, list)) return null;
    SiteResult verdict = RuleSupport.siteResult(r, list);
    if (verdict == null || verdict.state() == EscapeState.GLOBAL_ESCAPE || !onlyReceiver(r, list)) return null;
    CollectionFill.Fill fill = CollectionFill.loopFill(r, list).fill();
    if (fill == null || fill.adds().size() != 1 || fill.adds().get(0) != t.call() || fill.repeats() != null
        || fill.loop().id() != s.ctx().loopId()) {
      return null; // one add per iteration, of a new element: the array's index is the iteration's
    }
    String n = fill.tripCount().text();
    return name(r.method(), list) + " is local to " + r.method().displayName() + " and holds " + n + " values: a "
        + BoxingAllocationRule.primitive(s) + "[" + n + "] holds them without boxes";
  }

  /**
   * Whether the list only ever is the receiver of its own {@code java.util} methods: never an argument
   * of a call, never stored, never returned. The engine calls a collection {@code ARG_ESCAPE} as
   * soon as its constructor or any method runs on it (their receiver may be captured, as far as it
   * knows), so its state alone cannot tell a list the method owns from one handed to a callee,
   * whose signature then wants the list; this tells them apart.
   */
  private static boolean onlyReceiver(MethodResult r, AllocSite list) {
    return !HANDED_ON.of(r).get(list.id());
  }

  /** Asked for each box appended to a local list: one walk over the method's statements serves them all. */
  private static final LastMethod<MethodResult, BitSet> HANDED_ON = new LastMethod<>(ForcedBoxes::handedOn);

  /**
   * The sites of {@code r}'s method that a statement may hand on: an argument of a call other than
   * the receiver of a {@code java.util} method, a value stored into a field, a static or an array
   * element, or a returned value. Read only.
   */
  private static BitSet handedOn(MethodResult r) {
    BitSet out = new BitSet();
    for (Stmt st : r.method().stmts()) {
      if (st instanceof Stmt.Call c) {
        boolean javaUtilReceiver = !c.callee().isStatic() && c.callee().owner().startsWith("java.util.");
        for (int i = javaUtilReceiver ? 1 : 0; i < c.args().size(); i++) addSites(r, c.args().get(i), out);
      } else if (st instanceof Stmt.Store x) {
        addSites(r, x.value(), out);
      } else if (st instanceof Stmt.StaticStore x) {
        addSites(r, x.value(), out);
      } else if (st instanceof Stmt.Return x) {
        addSites(r, x.value(), out);
      }
    }
    return out;
  }

  private static void addSites(MethodResult r, Var v, BitSet out) {
    for (int site : r.sitesOf(v)) out.set(site);
  }

  /**
   * Whether every definition of {@code v} is the allocation of {@code site} or a copy of such a
   * variable; a parameter, or a local with no definition, may hold anything, and so may a variable
   * {@link #COPY_STEPS} copies away (not looked at).
   */
  private static boolean onlyAllocated(MethodIR m, Var v, AllocSite site) {
    if (v == null) return false;
    Origins o = Definitions.of(m).walk(v, Definitions.Walk.COPIES.bounded(COPY_STEPS));
    return o.complete() && !o.cut() && o.params().isEmpty() && !o.definitions().isEmpty()
        && !o.endsAt(d -> !(d instanceof Stmt.Alloc a && a.site().id() == site.id()));
  }

  /** How far {@link #onlyAllocated} and {@link #unchangedIn} look back ({@link Definitions.Walk#bound}). */
  private static final int COPY_STEPS = 5;

  /** How the advice names the list: the source variable its allocation is assigned to, else "the list". */
  private static String name(MethodIR m, AllocSite list) {
    for (Stmt st : m.stmts()) {
      if (st instanceof Stmt.Copy c && !c.target().isTemporary() && !c.target().isParam() && allocates(m, c.source(), list)) {
        return c.target().name();
      }
      if (st instanceof Stmt.Alloc a && a.site().id() == list.id() && !a.target().isTemporary()) {
        return a.target().name();
      }
    }
    return "the list";
  }

  private static boolean allocates(MethodIR m, Var v, AllocSite list) {
    for (Stmt st : m.stmts()) if (st instanceof Stmt.Alloc a && a.site().id() == list.id() && a.target().equals(v)) return true;
    return false;
  }

  /**
   * Whether loop {@code l} leaves {@code v} as it was: no statement of the loop assigns it, or the
   * one assignment of it in the whole method is a copy in the loop of a variable the loop leaves
   * (a parameter's assignments included); a variable {@link #COPY_STEPS} copies away that the loop
   * assigns is not looked at: changed.
   */
  private static boolean unchangedIn(MethodIR m, Var v, Loop l) {
    if (v == null) return false;
    Origins o = Definitions.of(m).walk(v, Definitions.Walk.COPIES.bounded(COPY_STEPS).definedOnce().intoParameters()
        .skipping(d -> !l.contains(d.ctx().ordinal())));
    return !o.cut() && o.definitions().isEmpty();
  }

  /** What would remove a box the target requires: what the message names after "only". */
  static String remedy(MethodIR m, BoxTarget t) {
    return switch (t.kind()) {
      case ARGUMENT -> t.isCollection() ? (t.callersCollection(m) != null
          ? "a different signature, taking a primitive collection," : "a primitive collection or an array")
          : "a different signature of " + t.describe();
      case RETURNED -> "a different return type";
      case FIELD -> "a primitive field";
      case ARRAY -> "a primitive array";
      default -> "a different structure";
    };
  }
}
