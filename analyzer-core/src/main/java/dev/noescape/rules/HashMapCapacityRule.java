package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Fix;
import dev.noescape.finding.FixText;
import dev.noescape.finding.Hotness;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.SymbolicExpr;
import java.util.List;
import java.util.Set;

/**
 * {@code HashMapCapacity} (warning): {@code new HashMap<>(n)} (or a {@code HashSet},
 * {@code LinkedHashMap}, {@code LinkedHashSet}, {@code WeakHashMap}) that then receives n entries:
 * the argument is a table capacity, not a size, and the table resizes at 0.75 × capacity, so it
 * rehashes before it holds them all.
 *
 * <p><b>Reports</b> a site built with the one-{@code int} constructor whose argument {@code n}
 * is, by {@link SymbolicExpr#key()}, the number of entries it receives:
 *
 * <ul>
 *   <li>a filling loop with the same evidence as {@code UnpresizedCollection}
 *       ({@link CollectionFill#loopFill}) whose trip count has n's key — including fills whose keys
 *       may repeat ({@code computeIfAbsent}, {@code merge}, a counting {@code get}): n is then the
 *       most entries the author expects, as a set's capacity is, and the message adds "when the
 *       keys are distinct" — or
 *   <li>an {@code addAll(c)} on a set where {@code c.size()} has n's key, or a {@code putAll(m)} on
 *       a map where {@code m.size()} has n's key <em>after</em> other puts: a {@code putAll} into a
 *       {@code HashMap}/{@code LinkedHashMap} that has no table yet sizes the table for
 *       {@code m.size()} itself (and {@code WeakHashMap.putAll} resizes its still empty table up
 *       front), so {@code new HashMap<>(m.size())} followed by {@code putAll(m)} does not rehash
 *       and is not reported.
 * </ul>
 *
 * <pre>
 *   new HashMap&lt;&gt;(orders.size()) rehashes before it holds the orders.size() entries put in the loop at line 14 (the table resizes at 0.75 × capacity): use HashMap.newHashMap(orders.size())
 *   new HashSet&lt;&gt;(ids.size()) rehashes before it holds the ids.size() elements added by addAll at line 20 (the table resizes at 0.75 × capacity): pass (int) Math.ceil(ids.size() / 0.75) as the capacity
 * </pre>
 *
 * <p><b>Fix</b>, by target: Java 19+ {@link Fix.UseFactory} with
 * {@code HashMap.newHashMap(n)} ({@code HashSet.newHashSet}, {@code LinkedHashMap.newLinkedHashMap},
 * {@code LinkedHashSet.newLinkedHashSet}, {@code WeakHashMap.newWeakHashMap}); else Guava's
 * {@code Maps.newHashMapWithExpectedSize(n)} (and the {@code Sets}/{@code LinkedHash} variants)
 * when Guava is on the classpath ({@code WeakHashMap} has none); else {@link Fix.ReplaceCapacity}
 * with {@code (int) Math.ceil(n / 0.75)}.
 *
 * <p><b>Stays quiet</b> when n is a constant whose power-of-two table already holds n entries:
 * {@code tableSizeFor(n) * 0.75 >= n} ({@code 17} → 32 slots, threshold 24: quiet; {@code 16} → 16
 * slots, threshold 12: reported). The same test is used for {@code WeakHashMap}, although up to
 * JDK 17 it resized when its size <em>reached</em> the threshold (so 24 entries in 32 slots resize
 * there, but not on JDK 25): the run-time JDK is not known, and at the boundary the rule stays
 * quiet. Also quiet for {@code ConcurrentHashMap} (its
 * constructor already treats n as a size), {@code Hashtable} (not a power-of-two table), any other
 * constructor, and whenever the filling evidence is missing (conditional puts,
 * unknown trip counts, a size expression that does not match n).
 *
 * <p>What users are told about this rule (why it matters, what to write instead, the example) is
 * its declaration, {@link dev.noescape.catalog.HashMapCapacityDoc}.
 */
public final class HashMapCapacityRule extends SiteRule {
  static final Set<String> TYPES = Set.of("java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
      "java.util.LinkedHashSet", "java.util.WeakHashMap");

  public HashMapCapacityRule() {
    super(RuleId.HASH_MAP_CAPACITY);
  }

  @Override
  final boolean reportsRepetition() {
    return true;
  }

  @Override
  Finding checkSite(MethodResult result, MethodIR m, AllocSite s, RuleContext context) {
    SymbolicExpr n = capacityArgument(s);
    if (n == null || (n.isConstant() && holdsWithoutResize(n.constant()))) return null;
    return evidence(result, s, n, context);
  }

  /** The {@code n} of {@code new HashMap<>(n)}: the argument of the one-{@code int} constructor of a {@link #TYPES} site, or null. */
  private static SymbolicExpr capacityArgument(AllocSite s) {
    AllocSite.Constructor ctor = RuleSupport.constructorOf(s, TYPES);
    if (ctor == null || !ctor.paramTypes().equals(List.of("int")) || ctor.args().size() != 1) return null;
    return ctor.args().get(0);
  }

  private Finding evidence(MethodResult r, AllocSite s, SymbolicExpr n, RuleContext context) {
    MethodIR m = r.method();
    boolean map = CollectionFill.MAP_TYPES.contains(s.type());
    String noun = map ? "entries" : "elements";
    CollectionFill.Outcome o = CollectionFill.loopFill(r, s);
    if (o.fill() != null && o.fill().tripCount().key().equals(n.key())) {
      Loop loop = o.fill().loop();
      String how = (map ? "put in " : "added in ") + RuleSupport.loopPhrase(m, loop.id(), false);
      // keys that may repeat (computeIfAbsent, merge, a counting get): n is what the author
      // expects at most, as for a set's adds, and the table must hold that many
      if (o.fill().repeats() != null) how += " when the keys are distinct";
      return finding(m, s, n, noun, how, RuleSupport.line(loop), Hotness.of(m, s, loop), context);
    }
    List<Stmt.Call> on = CollectionFill.callsOn(r, s);
    for (Stmt.Call c : on) {
      String name = c.callee().name();
      if (CollectionFill.kind(c) != CollectionMethods.Kind.BULK) continue;
      // HashMap/LinkedHashMap.putAll into a map without a table yet (nothing put before) sizes the
      // table for m.size() itself; WeakHashMap.putAll resizes its still empty table up front. Only a
      // putAll after other puts rehashes entries. Set.addAll adds one by one and always counts.
      if (map && !filledBefore(on, c)) continue;
      if (c.args().size() != 2 || r.sitesOf(c.receiver()).size() != 1) continue;
      SymbolicExpr arg = c.argExpr(1);
      if (arg == null || !(arg.key() + ".size()").equals(n.key())) continue;
      int line = c.ctx().pos() == null ? 0 : c.ctx().pos().line();
      String how = "added by " + name + (line > 0 ? " at line " + line : "");
      return finding(m, s, n, noun, how, 0, Hotness.of(m, s), context);
    }
    return null;
  }

  /** Whether some add or bulk call on the site comes before {@code call} in program order. */
  private static boolean filledBefore(List<Stmt.Call> on, Stmt.Call call) {
    for (Stmt.Call c : on) {
      if (c.ctx().ordinal() >= call.ctx().ordinal()) continue;
      CollectionMethods.Kind kind = CollectionFill.kind(c);
      if (kind.addsOne() || kind == CollectionMethods.Kind.BULK) return true;
    }
    return false;
  }

  private Finding finding(MethodIR m, AllocSite s, SymbolicExpr n, String noun, String how, int sizeLine, int hotness,
      RuleContext context) {
    Fix fix = CollectionFill.sizingFactory(s.type(), n, sizeLine, context);
    String advice;
    if (fix != null) {
      advice = "use " + RuleSupport.factoryCall((Fix.UseFactory) fix);
    } else {
      String capacity = FixText.ceilCapacity(n.text());
      fix = new Fix.ReplaceCapacity(capacity);
      advice = "pass " + capacity + " as the capacity";
    }
    String message = s.description() + " rehashes before it holds the " + n.text() + " " + noun + " " + how
        + " (the table resizes at 0.75 × capacity): " + advice;
    return siteFinding(m, s, message, List.of(), hotness, fix);
  }

  /**
   * Whether a table created with capacity {@code n} holds {@code n} entries without resizing: the
   * table has {@code tableSizeFor(n)} slots and resizes when its size exceeds
   * {@code (int) (slots * 0.75)} ({@code HashMap} and the sets and linked variants built on it;
   * {@code WeakHashMap} on JDK 25; JDK 17's resized one entry earlier — see the class comment).
   */
  static boolean holdsWithoutResize(long n) {
    if (n <= 0) return true;
    if (n > (1 << 30)) return true; // maximum capacity: nothing a presize could change
    long table = tableSizeFor(n);
    long threshold = (long) (table * 0.75f);
    return threshold >= n;
  }

  /** The smallest power of two >= n (HashMap's table size for an initial capacity n >= 1). */
  static long tableSizeFor(long n) {
    long t = 1;
    while (t < n) t <<= 1;
    return t;
  }
}
