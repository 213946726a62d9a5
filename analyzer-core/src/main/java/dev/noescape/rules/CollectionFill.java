package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Fix;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How a collection allocated at a site gets filled, when the IR proves it: the evidence behind
 * {@code UnpresizedCollection} and {@code HashMapCapacity}. What each call does to the size (adds
 * one, adds one for an absent key, adds a collection, reads, or anything else) is library
 * knowledge, read from {@link CollectionMethods} (data) and nowhere else.
 *
 * <p>A site is "filled by a loop" when all of this holds:
 *
 * <ol>
 *   <li>the calls that add one element or entry ({@link CollectionMethods.Kind#addsOne()}) whose
 *       receiver may point to the site (the {@code <init>} call is ignored) are all in one loop
 *       {@code L}, so nothing is added before or after;
 *   <li>{@code L} has a trip count known before the loop;
 *   <li>together they run exactly once per iteration of {@code L} on every path
 *       ({@link dev.noescape.ir.Arms#onceTogether}): one call not under an {@code if} and not after a
 *       {@code continue}/{@code break}, or one call on every arm of an {@code if}/{@code else}, a
 *       {@code ?:} or a {@code switch} that itself runs once per iteration; directly in {@code L}
 *       (not in a nested loop);
 *   <li>the site is allocated before {@code L} and directly in {@code L}'s parent (so one
 *       collection per run of {@code L});
 *   <li>no bulk call ({@code addAll}, {@code putAll}) on it before the end of {@code L}; and in
 *       {@code L} no call on it but the adds, lookups and queries: a {@code remove}/{@code poll}
 *       there means a bounded window or a top-k queue, not a collection of trip-count size;
 *   <li>it is not handed as an argument (not as receiver) to any call before the end of {@code L}:
 *       the callee could add to it;
 *   <li>each adding call's receiver points to this site only.
 * </ol>
 *
 * The trip count is then the number of adds. It is the final size when every add is a plain add
 * ({@code add}, {@code put}, ...); it only bounds the size from above ({@link Fill#repeats()}) when
 * an add is one for absent keys ({@code computeIfAbsent}, {@code merge}, ...) or a lookup on the map
 * in the loop shows a counting or dedup pattern ({@code put(k, get(k) + 1)}): the keys repeat there.
 * Anything else is "no evidence", with the reason in {@link Outcome#quietReason()} for debug
 * output.
 */
final class CollectionFill {
  private CollectionFill() {}

  static final Set<String> MAP_TYPES =
      Set.of("java.util.HashMap", "java.util.LinkedHashMap", "java.util.Hashtable", "java.util.WeakHashMap");

  /** Hash-based collections: their capacity is a table size, resized at 0.75 × capacity. */
  static final Set<String> HASH_TYPES = Set.of("java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
      "java.util.LinkedHashSet", "java.util.Hashtable", "java.util.WeakHashMap");

  /**
   * The loop that fills the site and its adding calls (one, or one per arm of a branch).
   *
   * @param repeats null when each add is a new element or entry (the trip count is the size); else
   *     why the keys may repeat, so that the trip count only bounds the size
   *     ({@code "computeIfAbsent"}, {@code "counting pattern (get)"})
   */
  record Fill(Loop loop, List<Stmt.Call> adds, String repeats) {
    SymbolicExpr tripCount() {
      return loop.tripCount();
    }
  }

  /** Either a fill, or why there is no evidence. */
  record Outcome(Fill fill, String quietReason) {
    static Outcome quiet(String why) {
      return new Outcome(null, why);
    }
  }

  /** What a call does to the size of the collection it is called on. */
  static CollectionMethods.Kind kind(Stmt.Call c) {
    return CollectionMethods.kind(c.callee().name());
  }

  /** The calls (not {@code <init>}) whose receiver may point to {@code site}, in program order. */
  static List<Stmt.Call> callsOn(MethodResult r, AllocSite site) {
    List<Stmt.Call> out = new ArrayList<>();
    for (Stmt st : r.method().stmts()) {
      if (st instanceof Stmt.Call c && !c.callee().isConstructor() && !c.callee().isStatic()
          && r.mayPointTo(c.receiver(), site)) {
        out.add(c);
      }
    }
    return out;
  }

  static Outcome loopFill(MethodResult r, AllocSite site) {
    MethodIR m = r.method();
    boolean isMap = MAP_TYPES.contains(site.type());
    List<Stmt.Call> on = callsOn(r, site);
    List<Stmt.Call> adds = new ArrayList<>();
    for (Stmt.Call c : on) if (kind(c).addsOne()) adds.add(c);
    if (adds.isEmpty()) return Outcome.quiet("no add or put call on it");
    Loop loop = RuleSupport.loop(m, adds.get(0).ctx().loopId());
    for (Stmt.Call add : adds) {
      if (add.ctx().loopId() != adds.get(0).ctx().loopId()) return Outcome.quiet(adds.size() + " adding calls on it");
    }
    if (loop == null) return Outcome.quiet("not filled in a loop");
    if (!loop.hasTripCount()) {
      return Outcome.quiet("the loop's trip count is not known before it"
          + (loop.noTripCountReason() != null ? " (" + loop.noTripCountReason() + ")" : ""));
    }
    List<StmtContext> at = new ArrayList<>();
    for (Stmt.Call add : adds) at.add(add.ctx());
    if (!m.control().arms().onceTogether(at, loop.id())) {
      return Outcome.quiet(adds.size() == 1 ? "the add does not run once on every iteration"
          : adds.size() + " adding calls on it, not one on every path through an iteration");
    }
    int siteOrdinal = site.ctx().ordinal();
    if (siteOrdinal >= loop.firstOrdinal()) return Outcome.quiet("allocated inside the loop");
    // An add in an inner loop fills one collection per run of the outer loop only if the site is
    // allocated in that outer loop; allocated further out, it holds the sum over all runs.
    if (site.ctx().loopId() != loop.parentId()) return Outcome.quiet("not allocated directly around the filling loop (nested loops)");
    String repeats = null;
    for (Stmt.Call add : adds) {
      if (kind(add) == CollectionMethods.Kind.ADD_ABSENT) repeats = add.callee().name();
    }
    for (Stmt.Call c : on) {
      if (adds.contains(c)) continue;
      int o = c.ctx().ordinal();
      String name = c.callee().name();
      CollectionMethods.Kind kind = kind(c);
      if (o <= loop.lastOrdinal() && kind == CollectionMethods.Kind.BULK) return Outcome.quiet("also grown by " + name);
      if (!loop.contains(o)) continue;
      if (kind == CollectionMethods.Kind.LOOKUP) {
        if (isMap && repeats == null) repeats = "counting pattern (" + name + ")";
      } else if (kind != CollectionMethods.Kind.QUERY) {
        return Outcome.quiet("also " + name + " on it in the loop");
      }
    }
    for (Stmt st : m.stmts()) {
      if (!(st instanceof Stmt.Call c) || c.ctx().ordinal() > loop.lastOrdinal()) continue;
      int first = c.callee().isStatic() ? 0 : 1;
      for (int i = first; i < c.args().size(); i++) {
        Var a = c.args().get(i);
        if (r.mayPointTo(a, site)) return Outcome.quiet("handed to " + c.callee().displayName());
      }
    }
    for (Stmt.Call add : adds) {
      if (r.sitesOf(add.receiver()).size() != 1) return Outcome.quiet("the receiver may be another collection too");
    }
    return new Outcome(new Fill(loop, List.copyOf(adds), repeats), null);
  }

  /** Sets: a set holds the distinct elements added, so the number of adds only bounds its size. */
  static final Set<String> SET_TYPES = Set.of("java.util.HashSet", "java.util.LinkedHashSet");

  /**
   * How many elements (entries for maps) a collection created with the default capacity holds
   * before it first grows: {@code ArrayList}/{@code Vector} 10, {@code PriorityQueue} 11,
   * {@code ArrayDeque} 16, the hash tables 12 (16 slots × 0.75), {@code Hashtable} 8 (11 × 0.75).
   */
  static int defaultHolds(String type) {
    return switch (type) {
      case "java.util.ArrayList", "java.util.Vector" -> 10;
      case "java.util.PriorityQueue" -> 11;
      case "java.util.ArrayDeque" -> 16;
      case "java.util.Hashtable" -> 8;
      default -> 12;
    };
  }

  /**
   * Why presizing the default-capacity {@code site} that {@code fill} fills would not help, or
   * null when it would ({@code UnpresizedCollection}'s evidence beyond the fill itself):
   *
   * <ul>
   *   <li>a {@code HashSet}/{@code LinkedHashSet}: the adds may repeat elements (the distinct
   *       characters of a text, a handful of zone name keys among hundreds of transitions), and
   *       presizing to the number of adds then over-allocates; the IR cannot show that they are
   *       distinct, so the rule says nothing about sets;
   *   <li>a map whose keys may repeat ({@link Fill#repeats()}: filled by {@code computeIfAbsent},
   *       {@code merge}, ..., or counted with {@code get}): the same over-allocation, by the same
   *       rule as sets;
   *   <li>a constant number of adds the default capacity already holds ({@link #defaultHolds}):
   *       it never grows;
   *   <li>a loop counted up to an integral field whose values are proven
   *       ({@link dev.noescape.ir.FieldRanges}: {@code for (n = 0; n < b; n++)} with every write of
   *       {@code b} checked to be at most 5) that runs at most as often as the default capacity
   *       holds: it never grows either. The reason names the range assumed ({@code b in 0..5}).
   * </ul>
   */
  static String presizeQuietReason(AllocSite site, Fill fill) {
    if (SET_TYPES.contains(site.type())) return "a set: the adds may repeat elements, its final size is not known";
    if (fill.repeats() != null) {
      return fill.repeats().startsWith("counting") ? fill.repeats()
          : "filled by " + fill.repeats() + ": the keys may repeat, its final size is not known";
    }
    SymbolicExpr n = fill.tripCount();
    if (n.isConstant() && n.constant() <= defaultHolds(site.type())) {
      return "the default capacity holds the " + n.constant() + " elements";
    }
    Long most = fill.loop().maxTrips();
    if (!n.isConstant() && most != null && most <= defaultHolds(site.type())) {
      return "the default capacity holds the at most " + most + " elements (" + fill.loop().indexBound().assumed() + ")";
    }
    return null;
  }

  /**
   * The presize fix for {@code size} expected entries of hash-based {@code type}: a factory that
   * sizes for entries ({@code HashMap.newHashMap}, Java 19+; else Guava's
   * {@code ...WithExpectedSize}), else {@code null} — the caller then writes a capacity
   * {@code (int) Math.ceil(size / 0.75)}.
   */
  static Fix.UseFactory sizingFactory(String type, SymbolicExpr size, int sizeLine, RuleContext c) {
    if (c.targetRelease() >= 19) {
      switch (type) {
        case "java.util.HashMap": return new Fix.UseFactory(type, "newHashMap", size, sizeLine);
        case "java.util.HashSet": return new Fix.UseFactory(type, "newHashSet", size, sizeLine);
        case "java.util.LinkedHashMap": return new Fix.UseFactory(type, "newLinkedHashMap", size, sizeLine);
        case "java.util.LinkedHashSet": return new Fix.UseFactory(type, "newLinkedHashSet", size, sizeLine);
        case "java.util.WeakHashMap": return new Fix.UseFactory(type, "newWeakHashMap", size, sizeLine);
        default: break;
      }
    }
    if (c.guavaOnClasspath()) {
      switch (type) {
        case "java.util.HashMap":
          return new Fix.UseFactory("com.google.common.collect.Maps", "newHashMapWithExpectedSize", size, sizeLine);
        case "java.util.HashSet":
          return new Fix.UseFactory("com.google.common.collect.Sets", "newHashSetWithExpectedSize", size, sizeLine);
        case "java.util.LinkedHashMap":
          return new Fix.UseFactory("com.google.common.collect.Maps", "newLinkedHashMapWithExpectedSize", size, sizeLine);
        case "java.util.LinkedHashSet":
          return new Fix.UseFactory("com.google.common.collect.Sets", "newLinkedHashSetWithExpectedSize", size, sizeLine);
        default: break;
      }
    }
    return null;
  }
}
