package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.FixText;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import java.util.Set;

/**
 * {@code UnpresizedCollection} (warning): a collection created with the default capacity and then
 * filled once per iteration of a loop whose trip count is known before the loop — Go's "presize
 * the slice: {@code make([]T, 0, n)}".
 *
 * <p><b>Reports</b> {@code ArrayList}, {@code HashMap}, {@code HashSet}, {@code LinkedHashMap},
 * {@code LinkedHashSet}, {@code ArrayDeque}, {@code PriorityQueue}, {@code Vector} and
 * {@code Hashtable} ({@code java.util}) created with the default capacity (the no-argument
 * constructor, or {@code new PriorityQueue<>(comparator)}: advice only, no suggested fix) and filled by
 * the evidence {@link CollectionFill#loopFill} demands (one add/put per iteration on every path of
 * a counted or collection/array loop — a single add, or one on each arm of an {@code if}/{@code else},
 * {@code ?:} or {@code switch} — nothing else adding, nobody else holding it):
 *
 * <pre>
 *   new ArrayList&lt;&gt;() grows while it is filled with orders.size() elements in the loop at line 14: presize it: new ArrayList&lt;&gt;(orders.size())
 *   new HashMap&lt;&gt;() rehashes while it is filled with orders.size() entries in the loop at line 14: presize it for the load factor 0.75: HashMap.newHashMap(orders.size())
 * </pre>
 *
 * <p><b>Fix.</b> For list-like types ({@code ArrayList}, {@code ArrayDeque},
 * {@code PriorityQueue}, {@code Vector}) pass the trip count as the capacity:
 * {@link Fix.AddCapacity} with the size expression. Hash-based types need the load factor: a
 * {@code HashMap} of capacity n resizes once it holds 0.75·n entries, so {@code new
 * HashMap<>(n)} is the trap {@code HashMapCapacity} reports. The fix is therefore, in order of
 * preference: {@link Fix.UseFactory} with the JDK factory that takes an expected size
 * ({@code HashMap.newHashMap}, {@code HashSet.newHashSet}, {@code LinkedHashMap.newLinkedHashMap},
 * {@code LinkedHashSet.newLinkedHashSet}) when {@link RuleContext#targetRelease()} is 19 or later;
 * Guava's {@code Maps.newHashMapWithExpectedSize}, {@code Sets.newHashSetWithExpectedSize},
 * {@code Maps.newLinkedHashMapWithExpectedSize}, {@code Sets.newLinkedHashSetWithExpectedSize}
 * when Guava is on the classpath; otherwise {@link Fix.AddCapacity} with
 * {@code (int) Math.ceil(size / 0.75)}, which always holds {@code size} entries without a resize
 * (also the only fix for {@code Hashtable}, which has no factory). The factories are preferred
 * because they state the intent and cannot be got wrong again by a later edit.
 *
 * <p><b>Stays quiet without evidence</b>: unsized sources ({@code Iterator}, {@code Enumeration},
 * {@code Matcher.find}, readers, {@code while (cond)}), conditional adds (under an {@code if} whose
 * other arm does not add, after a {@code continue}/{@code break}), an add in a nested loop of the
 * one that sizes it, adds before the loop or a second adding call on the same path,
 * {@code addAll}/{@code putAll}, maps whose keys may repeat (filled by {@code computeIfAbsent},
 * {@code merge}, {@code compute}, {@code putIfAbsent}, or counted with {@code get}/
 * {@code getOrDefault}/{@code containsKey} in the loop: {@link CollectionFill#presizeQuietReason},
 * the rule sets follow), a collection handed to another call before or in
 * the loop (the callee could add to it), a receiver that may be another collection too, and any
 * explicit constructor argument, a constant number of adds the default capacity holds (10 for
 * {@code ArrayList}, 12 entries for {@code HashMap}: {@link CollectionFill#defaultHolds}) or a loop
 * counted up to a field whose proven range fits it ({@link dev.noescape.ir.FieldRanges}), and sets
 * ({@code HashSet}, {@code LinkedHashSet}): their adds may repeat elements, so presizing to the
 * number of adds can over-allocate ({@link CollectionFill#presizeQuietReason}). {@code StringBuilder}
 * is left out until a size in chars can be computed.
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.UnpresizedCollectionDoc}.
 */
public final class UnpresizedCollectionRule extends SiteRule {
  static final Set<String> TYPES = Set.of("java.util.ArrayList", "java.util.HashMap", "java.util.HashSet",
      "java.util.LinkedHashMap", "java.util.LinkedHashSet", "java.util.ArrayDeque", "java.util.PriorityQueue",
      "java.util.Vector", "java.util.Hashtable");

  public UnpresizedCollectionRule() {
    super(RuleId.UNPRESIZED_COLLECTION);
  }

  @Override
  final boolean reportsRepetition() {
    return true;
  }

  @Override
  Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    AllocSite.Constructor ctor = RuleSupport.constructorOf(s, TYPES);
    if (ctor == null) return null;
    boolean comparatorOnly = isComparatorOnly(s, ctor);
    if (!ctor.isDefault() && !comparatorOnly) return null;
    CollectionFill.Outcome o = CollectionFill.loopFill(result, s);
    if (o.fill() == null || CollectionFill.presizeQuietReason(s, o.fill()) != null) return null;
    return comparatorOnly ? comparatorFinding(m, s, ctor, o.fill(), context) : finding(m, s, o.fill(), context);
  }

  /**
   * For debug output: why this rule says nothing about {@code site} ({@code "the add does not run
   * once on every iteration"}, {@code "counting pattern (getOrDefault)"}), or null when it reports it.
   */
  public static String quietReason(MethodResult result, AllocSite site) {
    if (site.kind() != SiteKind.NEW_OBJECT || !TYPES.contains(site.type())) return "not a presizable collection type";
    AllocSite.Constructor ctor = RuleSupport.constructorOf(site, TYPES);
    if (ctor == null || !(ctor.isDefault() || isComparatorOnly(site, ctor))) {
      return "created with an explicit capacity or contents";
    }
    CollectionFill.Outcome o = CollectionFill.loopFill(result, site);
    return o.fill() == null ? o.quietReason() : CollectionFill.presizeQuietReason(site, o.fill());
  }

  /**
   * The size names a local assigned only after the allocation (a field initializer sized by a
   * constructor local, a collection created before the array it copies is read): the capacity
   * cannot be written at the allocation, so there is no fix to apply, and the advice says where
   * the allocation has to move.
   */
  private Finding laterSizeFinding(MethodIR m, AllocSite s, CollectionFill.Fill fill, String local) {
    SymbolicExpr size = fill.tripCount();
    boolean hash = CollectionFill.HASH_TYPES.contains(s.type());
    String noun = CollectionFill.MAP_TYPES.contains(s.type()) ? "entries" : "elements";
    String message = s.description() + (hash ? " rehashes" : " grows") + " while it is filled with " + size.text() + " "
        + noun + " in " + RuleSupport.loopPhrase(m, fill.loop().id(), false) + ": create it after '" + local
        + "' is assigned, presized for " + size.text() + " " + noun + (hash ? " at the load factor 0.75" : "");
    return siteFinding(m, s, message, List.of(), Hotness.of(m, s, fill.loop()), null);
  }

  /** {@code new PriorityQueue<>(comparator)}: the default capacity too. */
  static boolean isComparatorOnly(AllocSite s, AllocSite.Constructor ctor) {
    return "java.util.PriorityQueue".equals(s.type()) && ctor.paramTypes().equals(List.of("java.util.Comparator"));
  }

  /**
   * {@code new PriorityQueue<>(cmp)}: the advice is {@code new PriorityQueue<>(size, cmp)}. No
   * suggested fix: {@link Fix.AddCapacity} fills an empty argument list, and the capacity goes before
   * the comparator here.
   */
  private Finding comparatorFinding(MethodIR m, AllocSite s, AllocSite.Constructor ctor, CollectionFill.Fill fill,
      RuleContext context) {
    SymbolicExpr size = fill.tripCount();
    SymbolicExpr cmp = ctor.args().isEmpty() ? null : ctor.args().get(0);
    String cmpText = cmp != null && cmp.text().length() <= 30 && cmp.text().indexOf('\n') < 0 ? cmp.text() : "comparator";
    String message = s.description() + " grows while it is filled with " + size.text() + " elements in "
        + RuleSupport.loopPhrase(m, fill.loop().id(), false) + ": presize it: "
        + RuleSupport.withArgument(s, size.text(), cmpText, context);
    return siteFinding(m, s, message, List.of(), Hotness.of(m, s, fill.loop()), null);
  }

  private Finding finding(MethodIR m, AllocSite s, CollectionFill.Fill fill, RuleContext context) {
    SymbolicExpr size = fill.tripCount();
    String later = RuleSupport.assignedAfter(m, s, size);
    if (later != null) return laterSizeFinding(m, s, fill, later);
    String loop = RuleSupport.loopPhrase(m, fill.loop().id(), false);
    boolean hash = CollectionFill.HASH_TYPES.contains(s.type());
    boolean map = CollectionFill.MAP_TYPES.contains(s.type());
    String noun = map ? "entries" : "elements";
    Fix fix;
    String message;
    int sizeLine = RuleSupport.line(fill.loop());
    if (!hash) {
      fix = new Fix.AddCapacity(size, sizeLine);
      message = s.description() + " grows while it is filled with " + size.text() + " " + noun + " in " + loop
          + ": presize it: " + RuleSupport.withArgument(s, size.text(), "", context);
    } else {
      Fix.UseFactory factory = CollectionFill.sizingFactory(s.type(), size, sizeLine, context);
      String advice;
      if (factory != null) {
        fix = factory;
        advice = RuleSupport.factoryCall(factory);
      } else {
        String capacity = FixText.ceilCapacity(size.text());
        fix = new Fix.AddCapacity(SymbolicExpr.of(capacity), sizeLine);
        advice = RuleSupport.withArgument(s, capacity, "", context);
      }
      message = s.description() + " rehashes while it is filled with " + size.text() + " " + noun + " in " + loop
          + ": presize it for the load factor 0.75: " + advice;
    }
    return siteFinding(m, s, message, List.of(), Hotness.of(m, s, fill.loop()), fix);
  }
}
