package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.Loop;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code BoxingAllocation} (warning): a boxing conversion that allocates, inside a loop or a hot
 * method — Go's "interface conversion" allocation.
 *
 * <p><b>Reports</b> every boxing site, implicit ({@code list.add(i)}) or an explicit
 * {@code valueOf} (bytecode cannot tell them apart, and they allocate the same):
 *
 * <pre>
 *   boxing int to Integer allocates on every iteration of the loop (line 14) when tag is outside -128..127: Map.put takes an object, so the box is required, and tag is the same on every iteration: box it once before the loop
 *   boxing long to Long allocates in hot method OrderBook.add when the value is outside -128..127: keep the value primitive (long)
 *   boxing int to Integer allocates on every iteration of the loop (line 9) when v is outside -128..127: Predicate.test takes an object: a primitive IntPredicate takes the int without a box
 * </pre>
 *
 * <p><b>Advice</b> depends on where the box goes ({@link BoxTarget}, decided in {@link #advice}):
 * only a box kept in a local is told to stay primitive; one that a parameter, return type, field or
 * array of objects requires is said to be required, with the change that removes it when there is
 * one, also when it reaches that use through a local in the same iteration (the use's line is
 * named: {@code List.add takes an object (line 12), so the box is required}).
 *
 * <p><b>Not a warning</b>: a forced box ({@link ForcedBoxes}), which its target requires, whose value
 * can change on every iteration and which no local change removes, is information at verbosity 2
 * outside hot methods, like a box on a cold path ({@link SiteRule}).
 *
 * <p><b>Stays quiet</b> about conversions that never allocate: {@code Boolean} and {@code Byte}
 * (every value is cached), and a compile-time constant inside the default caches (Integer, Short,
 * Long −128..127; Character 0..127), and a value whose range a front end proved inside the cache
 * (the index of {@code for (int i = 0; i < 13; i++)}: {@link dev.noescape.ir.Boxes.Range}; a field
 * whose every write is proven, or an index counted up to one: {@link dev.noescape.ir.FieldRanges}; a
 * {@code byte} widened to an {@code int} or {@code long}: {@link Boxes.Range#ofType}); a
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
    String head = s.description() + range + " allocates " + RuleSupport.where(m, s, context) + " " + allocatesWhen(s);
    List<AllocSite> again = RepeatedBoxes.of(m).getOrDefault(s.id(), List.of());
    if (again.isEmpty()) {
      List<AllocSite> call = CallBoxes.sameFinding(result, s, context);
      return call.isEmpty() ? head + ": " + advice(result, s, context) : head + sameCall(result, s, call, context);
    }
    String keep = keepTheBox(s);
    return head + ", and " + valueName(s) + " is boxed again on " + RuleSupport.lines(again) + ": "
        + (keep != null ? keep : boxOnce(m, s, again));
  }

  /**
   * The advice for a value unboxed from a call's box and boxed again ({@link
   * AllocSite.Boxing#unboxedFrom}: {@code final int id = entry.getKey(); … map.get(id)}): the
   * local can hold the box the call returned, and then no box is made for any use; else null.
   */
  static String keepTheBox(AllocSite s) {
    if (!(s.details() instanceof AllocSite.Boxing b) || b.unboxedFrom() == null || b.value() == null) return null;
    return b.value().text() + " is unboxed from " + b.unboxedFrom() + ": keep the " + s.simpleType() + " it returns (declare "
        + b.value().text() + " as " + s.simpleType() + ") and no box is made";
  }

  /**
   * When the box allocates, from what is known of the value ({@link Boxes#cache}): for every value
   * of a {@code Float} or {@code Double}; for a constant, because it is outside the cache; for a
   * {@code char}, only above 127 (the reader knows whether the text is ASCII, the analysis does not);
   * else outside the cache's range, naming the value when the front end named it.
   */
  static String allocatesWhen(AllocSite s) {
    String box = s.type();
    if (!Boxes.hasCache(box)) return "for every value (" + s.simpleType() + " has no cache)";
    Boxes.Range cache = Boxes.cache(box);
    AllocSite.Boxing b = s.details() instanceof AllocSite.Boxing x ? x : null;
    if (b != null && b.constant() != null) return "(the constant " + b.constant() + " is outside " + cache + ")";
    if (b != null && b.range() != null) return "for its values outside " + cache;
    if ("java.lang.Character".equals(box)) return "for characters above 127 (non-ASCII)";
    return "when " + valueName(s) + " is outside " + cache;
  }

  /** How messages name the boxed value: the variable or field as written ({@code i}, {@code op.index}), else "the value". */
  static String valueName(AllocSite s) {
    if (s.details() instanceof AllocSite.Boxing b && b.value() != null && b.value().kind() != Boxes.Value.Kind.CONSTANT) {
      return b.value().text();
    }
    return "the value";
  }

  /**
   * The rest of the message for the first of a call's boxes that share its finding ({@link
   * CallBoxes}): each other box and when it allocates, then the advice once when every box has the
   * same ({@code IOTriFunction.apply takes an object: …}), else each box's advice under its value.
   */
  private static String sameCall(MethodResult result, AllocSite first, List<AllocSite> others, RuleContext context) {
    StringBuilder sb = new StringBuilder("; in the same call, ");
    for (int i = 0; i < others.size(); i++) {
      AllocSite o = others.get(i);
      String range = o.details() instanceof AllocSite.Boxing b && b.range() != null ? " (values " + b.range() + ")" : "";
      sb.append(i > 0 ? ", " : "").append(o.description()).append(range).append(' ').append(allocatesWhen(o));
    }
    String advice = advice(result, first, context);
    boolean same = true;
    for (AllocSite o : others) same &= advice.equals(advice(result, o, context));
    sb.append(same ? ": " : ": for " + valueName(first) + ": ").append(advice);
    if (!same) {
      for (AllocSite o : others) sb.append("; for ").append(valueName(o)).append(": ").append(advice(result, o, context));
    }
    return sb.toString();
  }

  /**
   * The advice for a value boxed more than once in one iteration ({@link RepeatedBoxes}): one box,
   * kept in a local, serves every use, whatever requires the box; the uses are named when each is a
   * call ({@code Map.get and Map.remove}).
   */
  private static String boxOnce(MethodIR m, AllocSite first, List<AllocSite> again) {
    String value = first.details() instanceof AllocSite.Boxing b && b.value() != null ? b.value().text() : "the value";
    Set<String> uses = new LinkedHashSet<>();
    boolean calls = true;
    List<AllocSite> all = new ArrayList<>(List.of(first));
    all.addAll(again);
    for (AllocSite s : all) {
      BoxTarget t = BoxTarget.of(m, s);
      calls &= t.kind() == BoxTarget.Kind.ARGUMENT;
      uses.add(t.describe());
    }
    String reuse = calls ? "for " + String.join(" and ", uses) : "for each use";
    return "box it once (" + first.simpleType() + " " + freshName(m) + " = " + value + ";) and reuse the box " + reuse;
  }

  /**
   * A name for that one box's local that no parameter or local of {@code m} has, so the declaration
   * the advice shows compiles where the loop is ({@code Character key = key;} would not, in
   * commons-lang3's {@code ArrayUtils.removeElements}): {@code key}, else {@code boxed}, else
   * {@code boxed2}, …. What the IR does not name is not seen: a primitive parameter or local that no
   * box reads may still be called {@code key}.
   */
  private static String freshName(MethodIR m) {
    // the IR's variables (parameters, reference locals) and the primitive locals a box reads, which
    // the IR has no variable for
    Set<String> taken = new HashSet<>();
    for (Var p : m.params()) if (p != null) taken.add(p.name()); // null: a primitive parameter
    for (Stmt st : m.stmts()) {
      Var d = st.definedVar();
      if (d != null) taken.add(d.name());
    }
    for (AllocSite s : m.sites()) {
      if (s.details() instanceof AllocSite.Boxing b && b.value() != null && b.value().kind() == Boxes.Value.Kind.LOCAL) {
        taken.add(b.value().text());
      }
    }
    if (!taken.contains("key")) return "key";
    String name = "boxed";
    for (int n = 2; taken.contains(name); n++) name = "boxed" + n;
    return name;
  }

  @Override
  String notAWarningHere(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    return ForcedBoxes.why(result, s, context);
  }

  /**
   * The fix, decided by where the box goes ({@link BoxTarget}): a constant is boxed once into a
   * constant; a required box of a local unboxed from a call's box is that box, kept ({@link
   * #keepTheBox}); a box handed to a {@code java.util.function} interface goes away with its primitive
   * specialization, one handed to a generic parameter of the project's own functional interface
   * with a primitive sibling of it; one a private method's parameter declared with the box's type
   * requires with a primitive parameter ({@link ForcedBoxes#privateBoxParameter}); a box that something requires (an object parameter, return
   * type, field or array) is said to be required, with the one change that removes it when there is
   * one: box it once before the loop (a value proven the same on every iteration,
   * {@link ForcedBoxes#loopInvariant}), sum in a local and merge once (a {@code Map.merge} into a key
   * the loop does not change), box it once and reuse it (a value boxed again in the loop), a
   * primitive array for a list the method owns and fills a known number of times
   * ({@link ForcedBoxes#localArray}), use the project's primitive collection; else what would remove it, which for a box in a loop
   * outside hot methods makes the finding information ({@link ForcedBoxes}); a box kept in a local
   * that nothing in its iteration requires can stay primitive.
   */
  static String advice(MethodResult result, AllocSite s, RuleContext context) {
    MethodIR m = result.method();
    String primitive = primitive(s);
    String box = s.simpleType();
    if (s.details() instanceof AllocSite.Boxing b && ForcedBoxes.constant(b)) {
      // the same value on every evaluation: one box serves them all
      return "box the constant once, into a static final " + box;
    }
    BoxTarget target = BoxTarget.of(m, s);
    if (!target.requiresBox()) return "keep the value primitive (" + primitive + ")";
    String functional = target.primitiveFunctionalInterface(primitive);
    if (functional != null) {
      return target.describe() + " takes an object" + target.at() + ": a primitive " + functional + " takes the " + primitive + " without a box";
    }
    if (ForcedBoxes.privateBoxParameter(target, s, context)) {
      // the parameter is the project's own: `private void f(Double d)` becomes `f(double d)`
      return target.describe() + target.at() + " is private and declares the parameter " + box + ": declare it " + primitive
          + " (its callers are all in this file; unless one passes null) and the box goes away";
    }
    if (ForcedBoxes.projectFunctionalInterface(target, context)) {
      return target.describe() + " takes an object" + target.at() + ": a primitive version of the project's functional interface, taking the "
          + primitive + ", removes the box";
    }
    String required = switch (target.kind()) {
      case ARGUMENT -> target.describe() + " takes an object";
      case RETURNED -> "the method returns an object";
      case FIELD, VARIABLE -> target.describe() + " holds an object";
      default -> "an array of objects holds it";
    } + target.at() + ", so the box is required";
    String keep = keepTheBox(s);
    if (keep != null) return required + ", but " + keep;
    String library = null;
    if (target.isCollection() && context.primitiveCollections() != null) {
      Var callers = target.callersCollection(m);
      // the caller's collection (a parameter) is not the project's to replace; a fast path for the
      // library's own collections, when the caller passes one, is (Agrona's maps in their equals)
      library = callers == null ? "use a primitive collection (" + context.primitiveCollections() + ")"
          : "the collection is the caller's (" + (callers.name() == null ? "a parameter" : callers.name())
              + "): when it is one of " + context.primitiveCollections()
              + "'s primitive collections, an instanceof fast path reaches it without the box";
    }
    if (RuleSupport.repeatingLoopDepth(m, s) <= 0) {
      return required + ": reuse one box if the value repeats" + (library != null ? ", or " + library : "");
    }
    if (ForcedBoxes.loopInvariant(m, s)) {
      return required + ", and " + valueName(s) + " is the same on every iteration: " + boxOnceFor(m, s);
    }
    if (ForcedBoxes.mergedIntoOneKey(m, s, target)) {
      return required + ", and the key is the same on every iteration: sum in a primitive local and merge once after the loop";
    }
    List<AllocSite> again = RepeatedBoxes.sameValueInLoop(m, s);
    if (!again.isEmpty()) {
      return required + ", and " + valueName(s) + " is boxed again in the loop (" + RuleSupport.lines(again)
          + "): where both run in one iteration, box it once and reuse the box";
    }
    String array = ForcedBoxes.localArray(result, s, target);
    if (array != null) return required + ", but " + array;
    if (library != null) return required + ": " + library;
    // outside hot methods this is information, whose note says what would remove the box (ForcedBoxes)
    if (ForcedBoxes.why(result, s, context) != null) return required;
    return required + " and " + valueName(s) + " can change on every iteration: only " + ForcedBoxes.remedy(m, target)
        + " removes it";
  }

  /**
   * Where to make the one box of a value the same on every iteration of the site's loop: before the
   * loop, unless the loop is nested in another and tests its condition before its first iteration
   * (any kind but {@code do}/{@code while}): then boxing before it boxes on every iteration of the
   * enclosing loop, also those that run it zero times (commons-math3's {@code SmallPrimes}: {@code
   * while (n % p == 0) factors.add(p)} inside {@code for (int p : PRIMES)}), and the box is made on
   * first use instead, as {@code VarargsAllocation} and {@code CapturingLambda} advise for a site
   * that not every iteration reaches. A {@code do}/{@code while} is the front end's {@link
   * LoopKind#DO_WHILE}: the bytecode front end says it only for a loop with no exit test it
   * recognizes, so a nested {@code do}/{@code while} may be advised "on first use" there, which
   * boxes no more often than before the loop.
   */
  private static String boxOnceFor(MethodIR m, AllocSite s) {
    Loop l = RuleSupport.loop(m, s.ctx().loopId());
    if (l != null && l.parentId() >= 0 && l.kind() != LoopKind.DO_WHILE) {
      return "box it once, on first use (boxing it before the loop would box on iterations of the enclosing loop that"
          + " do not enter it)";
    }
    return "box it once before the loop";
  }

  /** The primitive type boxed at {@code s}: from its details, else from the box type. */
  static String primitive(AllocSite s) {
    if (s.details() instanceof AllocSite.Boxing b && b.primitive() != null) return b.primitive();
    String p = Boxes.primitiveOf(s.type());
    return p != null ? p : "the primitive";
  }
}
