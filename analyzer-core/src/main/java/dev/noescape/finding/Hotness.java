package dev.noescape.finding;

import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.Loop;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;

/**
 * The rank reports use to lead with the "top N" findings: higher is hotter. A static estimate of
 * how often the allocation runs on the program's main path, from the IR alone (deterministic
 * across runs and front ends); a JFR recording, when one is given, ranks by measured bytes instead.
 *
 * <p>The formula, a weighted sum of "heat" (roughly, orders of magnitude of executions), then the
 * kind as a tie-breaker:
 *
 * <pre>
 *   heat = 10 * min(loopDepth, 9)          // each enclosing loop: about ten times as often
 *        + (tripCountKnown    ?  2 : 0)     // the loop runs over data (a collection, an array, a range)
 *        + (oncePerIteration  ?  2 : 0)     // on every iteration, not under a condition
 *        + (hotMethod         ? 30 : 0)     // @HotPath, @NoAllocation, a configured annotation
 *        - cold                            // 0..40, below
 *   rank = max(heat + 40, 0) * 100 + weight(kind)
 * </pre>
 *
 * <p><b>Cold</b>: code that runs off the main path or once, where an allocation costs nothing that
 * matters: the operand of a {@code throw} (40); a static initializer and a method that only class
 * initialization calls (a one-time method: {@link #inOneTimeMethod}) (30); {@code toString},
 * serialization hooks, {@code main} and debugging helpers ({@code dump*}, {@code debug*},
 * {@code print*}), and {@code @Deprecated} members (20); constructors, builders ({@code *Builder}
 * classes) and set-up methods ({@code build*}, {@code init*}, {@code configure*},
 * {@code register*}, {@code create*}, {@code compile*}), and static factories and the helpers only
 * set-up code calls ({@link #inSetUpCode}) (10); and, for a site rather than its method, code that
 * runs only on a cache miss ({@code ir.CacheMisses}: once per key or per object) (20). A lambda body is judged by the
 * method it is written in ({@code lambda$toMap$0} by {@code toMap}). Only the largest cold term
 * counts.
 *
 * <p>Why these terms: on ten hand-judged libraries ({@code testdata/real-code}), ranking by loop
 * depth alone put one-time set-up code (a trie built in a constructor, a builder's validation,
 * lookup tables of a static initializer) on top, and the findings worth a change had a lower
 * median rank than the others. Set-up and error paths are most of what is not worth a change.
 *
 * <p><b>Allocation weight by kind</b>, a rough size order: arrays (payload of unknown length) 60,
 * string concatenation (builder, its buffer and the result) 50, objects 40, anonymous classes 35,
 * lambdas and method references 30, varargs arrays 25, boxes (16 bytes) 20, no allocation (a
 * parameter) 0.
 *
 * <p><b>Boxes that may hit their cache</b> rank below boxes that always allocate: a {@code Character}
 * box of a {@code char} (allocates only for non-ASCII characters) and a box with a proven range
 * partly inside the cache lose 5 heat ({@link #boxCacheHits}); among equal heat, a box that may hit
 * its cache weighs 15 instead of 20 ({@link #boxWeightCut}), so {@code Float}, {@code Double} and
 * constants outside the cache come first.
 */
public final class Hotness {
  private Hotness() {}

  /** The rank of something at {@code loopDepth} with no other facts ({@code kind} may be null: weight 0). */
  public static int rank(int loopDepth, boolean tripCountKnown, boolean hotMethod, SiteKind kind) {
    return rank(heat(loopDepth, tripCountKnown, false, hotMethod, 0), kind);
  }

  private static int heat(int loopDepth, boolean tripCountKnown, boolean oncePerIteration, boolean hotMethod, int cold) {
    return 10 * Math.min(Math.max(loopDepth, 0), 9)
        + (tripCountKnown ? 2 : 0)
        + (oncePerIteration ? 2 : 0)
        + (hotMethod ? 30 : 0)
        - cold;
  }

  private static int rank(int heat, SiteKind kind) {
    return Math.max(heat + 40, 0) * 100 + weight(kind);
  }

  /**
   * The rank of an allocation site: its own loop depth, whether its innermost loop has a known trip
   * count, whether it runs on every iteration, whether its method is hot, and how cold its method
   * or statement is.
   */
  public static int of(MethodIR method, AllocSite site) {
    Loop loop = loopOf(method, site.ctx().loopId());
    return rank(heat(site.loopDepth(), loop != null && loop.hasTripCount(), site.ctx().oncePerIteration(), method.hot(),
        cold(method, site) + boxCacheHits(site)), site.kind()) - boxWeightCut(site);
  }

  /**
   * How much less often a box allocates than it runs, as heat: 5 (half a loop level) for a
   * {@code Character} box of a {@code char}, which allocates only for non-ASCII characters, and for
   * a box whose proven range is partly inside the cache; 0 for every other box (an {@code Integer}
   * of unknown range may be anything) and for other sites. Characters read from text are mostly
   * ASCII in the inputs most code is written for (the hand-judged real-code set found it so), so a
   * box that always allocates ({@code Float}, {@code Double}) ranks above one of a character at
   * the same depth, and a character box in a loop still ranks above any box outside loops.
   */
  static int boxCacheHits(AllocSite site) {
    if (site.kind() != SiteKind.BOXING || !(site.details() instanceof AllocSite.Boxing b) || b.constant() != null) return 0;
    if (b.range() != null) return 5;
    return "java.lang.Character".equals(site.type()) && "char".equals(b.primitive()) ? 5 : 0;
  }

  /**
   * Among boxes of equal heat, those that always allocate first: a box that may hit its cache
   * ({@code Integer}, {@code Short}, {@code Long}, {@code Character} of a value not known to be
   * outside it) weighs 5 less than a {@code Float} or {@code Double} box or a constant outside the cache.
   */
  static int boxWeightCut(AllocSite site) {
    if (site.kind() != SiteKind.BOXING || !Boxes.hasCache(site.type())) return 0;
    return site.details() instanceof AllocSite.Boxing b && b.constant() != null ? 0 : 5;
  }

  /**
   * The rank of an allocation whose cost is paid in another loop than its own (a collection that
   * grows while a later loop fills it): that loop's depth and trip count.
   */
  public static int of(MethodIR method, AllocSite site, Loop costLoop) {
    if (costLoop == null) return of(method, site);
    return rank(heat(costLoop.depth(), costLoop.hasTripCount(), true, method.hot(), cold(method, site)),
        site.kind());
  }

  /**
   * The rank {@code rank} of site {@code site} of {@code method} becomes when the method runs only
   * once (every caller is class initialization: a one-time method, {@code engine.OneTimeMethods}):
   * its cold term becomes that of a static initializer (30) unless a larger one already counted.
   * Exact for every rank {@link #of} gives, since the cold term only moves the heat.
   */
  public static int inOneTimeMethod(int rank, MethodIR method, AllocSite site) {
    return withColdTerm(rank, method, site, STATIC_INITIALIZER);
  }

  /**
   * The rank {@code rank} of site {@code site} of {@code method} becomes when the method is set-up
   * code (a constructor, a static factory, a builder's method or a helper only those call: {@code
   * engine.ConstructionMethods}): its cold term becomes that of a constructor (10) unless a larger
   * one already counted, as {@link #inOneTimeMethod} does.
   */
  public static int inSetUpCode(int rank, MethodIR method, AllocSite site) {
    return withColdTerm(rank, method, site, SET_UP);
  }

  /**
   * The rank {@code rank} of site {@code site} becomes in a method that is rare as a whole, by why
   * ({@code engine.MethodResult.methodCold}): {@link #inOneTimeMethod} for {@link
   * ColdPath#ONE_TIME}, {@link #inSetUpCode} for {@link ColdPath#CONSTRUCTION}, else unchanged.
   */
  public static int inColdMethod(int rank, MethodIR method, AllocSite site, ColdPath why) {
    return switch (why) {
      case ONE_TIME -> inOneTimeMethod(rank, method, site);
      case CONSTRUCTION, DESCRIPTION -> inSetUpCode(rank, method, site);
      default -> rank;
    };
  }

  private static int withColdTerm(int rank, MethodIR method, AllocSite site, int term) {
    int before = cold(method, site);
    int cut = Math.max(before, term) - before;
    int heatPlus40 = rank / 100;
    if (cut == 0 || heatPlus40 == 0) return rank;
    return Math.max(heatPlus40 - cut, 0) * 100 + rank % 100;
  }

  /** The cold term of a static initializer and of a method only class initialization calls. */
  private static final int STATIC_INITIALIZER = 30;

  /** The cold term of a constructor, a builder's or set-up method, and other set-up code. */
  private static final int SET_UP = 10;
  /** The cold term of code that runs only on a cache miss ({@code MethodIR.cacheMiss}): once per key or per object, as rare as {@code toString}. */
  private static final int CACHE_MISS = 20;

  /** How far off the main path {@code site} of {@code method} is: the larger of its method's term and a cache miss's. */
  static int cold(MethodIR method, AllocSite site) {
    int c = cold(method, site.ctx().inThrow());
    return method.cacheMiss(site) != null ? Math.max(c, CACHE_MISS) : c;
  }

  /** How far off the main path code of {@code method} is, 0..40 (the class comment lists the terms). */
  static int cold(MethodIR method, boolean inThrow) {
    if (inThrow) return 40;
    String name = writtenIn(method.ref().name());
    if ("<clinit>".equals(name)) return STATIC_INITIALIZER;
    if (DEBUG_NAMES.contains(name) || name.startsWith("dump") || name.startsWith("debug") || name.startsWith("print")
        || method.annotations().contains("Deprecated")) {
      return 20;
    }
    String owner = method.ref().owner();
    String cls = BinaryNames.innermost(owner);
    if ("<init>".equals(name) || cls.endsWith("Builder")) return SET_UP;
    for (String prefix : SETUP_PREFIXES) if (name.startsWith(prefix)) return SET_UP;
    return 0;
  }

  /** The method a lambda body is written in ({@code lambda$toMap$0} → {@code toMap}); other names as they are. */
  private static String writtenIn(String name) {
    if (!name.startsWith("lambda$")) return name;
    int end = name.indexOf('$', "lambda$".length());
    return end < 0 ? name : name.substring("lambda$".length(), end);
  }

  private static final java.util.Set<String> DEBUG_NAMES = java.util.Set.of("toString", "main", "readObject",
      "writeObject", "readResolve", "writeReplace", "readExternal", "writeExternal", "readObjectNoData");

  private static final java.util.List<String> SETUP_PREFIXES = java.util.List.of("build", "init", "configure", "register",
      "create", "compile");

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
