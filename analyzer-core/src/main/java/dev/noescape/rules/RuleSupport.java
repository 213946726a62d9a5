package dev.noescape.rules;

import dev.noescape.engine.MethodResult;
import dev.noescape.engine.Construction;
import dev.noescape.engine.OneTime;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.TemplateKey;
import dev.noescape.finding.Fix;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.CacheMisses;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What several rules share: gating, loop phrases, the boxing cache, finding construction. */
final class RuleSupport {
  private RuleSupport() {}

  /** Annotations that make a method hot whatever the configuration says. */

  /**
   * Whether allocation rules treat {@code m}'s body as hot: {@link MethodIR#hot()} (set by the
   * front ends), or one of the hot annotations (also the configured ones) present on the method.
   */
  static boolean isHot(MethodIR m, RuleContext c) {
    if (m.markedHot()) return true;
    for (String a : m.annotations()) if (c.hotAnnotations().contains(a)) return true;
    return false;
  }

  /** The gate of the boxing, varargs and capture rules: in a loop, in a hot method, or configured to report everywhere. */
  static boolean gated(MethodIR m, AllocSite s, RuleContext c) {
    return s.loopDepth() > 0 || isHot(m, c) || c.reportOutsideLoops();
  }

  /** The innermost loop with this id, or null. */
  static Loop loop(MethodIR m, int loopId) {
    if (loopId < 0) return null;
    if (loopId >= m.loops().size()) return findLoop(m, loopId);
    Loop l = m.loop(loopId);
    return l != null && l.id() == loopId ? l : findLoop(m, loopId);
  }

  private static Loop findLoop(MethodIR m, int loopId) {
    for (Loop l : m.loops()) if (l.id() == loopId) return l;
    return null;
  }

  /**
   * How the gated rules say where the allocation repeats:
   * {@code on every iteration of the loop (line 14)}, {@code ... in hot method OrderBook.add},
   * {@code in hot method OrderBook.add}, or {@code on every evaluation}.
   */
  static String where(MethodIR m, AllocSite s, RuleContext c) {
    boolean hot = isHot(m, c);
    if (repeatingLoopDepth(m, s) > 0) {
      Loop l = loop(m, s.ctx().loopId());
      // a retry loop inside another loop: the site repeats with the outer loop
      int named = l != null && l.retry() ? l.parentId() : s.ctx().loopId();
      String w = "on every iteration of " + loopPhrase(m, named, true);
      return hot ? w + " in " + hotName(m) : w;
    }
    return hot ? "in " + hotName(m) : "on every evaluation";
  }

  /**
   * The site's loop depth counting only loops that go round in normal operation: its innermost loop
   * is left out when it is a retry loop ({@link Loop#retry()}), which normally runs its body once.
   */
  static int repeatingLoopDepth(MethodIR m, AllocSite s) {
    Loop l = loop(m, s.ctx().loopId());
    return l != null && l.retry() ? s.loopDepth() - 1 : s.loopDepth();
  }

  /**
   * The retry loop that is the only loop around {@code s}, when the site is reported only because
   * of it (not in a hot method, not reporting outside loops): such a site allocates once per call
   * in normal operation. Else null.
   */
  static Loop onlyRetryLoop(MethodIR m, AllocSite s, RuleContext c) {
    Loop l = loop(m, s.ctx().loopId());
    if (l == null || !l.retry() || repeatingLoopDepth(m, s) > 0 || isHot(m, c) || c.reportOutsideLoops()) return null;
    return l;
  }

  /** {@code hot method OrderBook.add}, or {@code hot lambda in OrderBook.add} for a lambda body. */
  static String hotName(MethodIR m) {
    return m.synthetic() ? "hot " + m.displayName() : "hot method " + m.displayName();
  }

  /**
   * Why site {@code s} runs rarely or once, set-up code and {@code toString} excepted when they run per operation here
   * ({@link MethodResult#cold(AllocSite, boolean)}, {@link #perOperation}).
   */
  static ColdPath cold(MethodResult result, AllocSite s, RuleContext c) {
    return result.cold(s, perOperation(result.method(), c));
  }

  /**
   * Whether set-up code in {@code m} is taken to run per operation ({@link MethodResult#cold(AllocSite,
   * boolean)}): the method is hot ({@link #isHot}), or the configuration asks for allocations
   * outside loops ({@link RuleContext#reportOutsideLoops()}).
   */
  static boolean perOperation(MethodIR m, RuleContext c) {
    return isHot(m, c) || c.reportOutsideLoops();
  }

  /**
   * Why site {@code s} is cold ({@link #cold}), as a message says it: the cold path's phrase ({@code
   * on an error path}); for a one-time method which static initializer makes it so: {@code runs
   * once: Foo.put is called only from the static initializer of Foo}, or, further down the chain,
   * {@code runs once: Foo.b is called only from code that runs once (Foo.a, from the static
   * initializer of Foo)}; for set-up code what builds the object ({@link #constructionPhrase}).
   */
  static String coldPhrase(MethodResult result, AllocSite s, RuleContext c) {
    ColdPath why = cold(result, s, c);
    if (why.overridable()) return constructionPhrase(result.method(), result.construction());
    if (why == ColdPath.CACHE_MISS) return cacheMissPhrase(result.method().cacheMiss(s));
    OneTime once = result.oneTime();
    if (why != ColdPath.ONE_TIME || once == null) return why.phrase();
    String initializers = (once.roots().size() == 1 ? "the static initializer of " : "the static initializers of ")
        + String.join(" and ", once.roots());
    String method = result.method().displayName();
    return once.through() == null
        ? why.phrase() + ": " + method + " is called only from " + initializers
        : why.phrase() + ": " + method + " is called only from code that runs once (" + once.through() + ", from "
            + initializers + ")";
  }

  /**
   * {@code in set-up code: the constructor of Foo runs once per object it builds (@HotPath on it says
   * its objects are built per operation)}; for a helper: {@code in set-up code: Foo.fill is called
   * only from the constructor of Foo (…)}, or further down the chain {@code … is called only from
   * set-up code (Foo.a, from the constructor of Foo) (…)}.
   */
  static String constructionPhrase(MethodIR m, Construction c) {
    if (c.kind() == Construction.Kind.DESCRIPTION) return descriptionPhrase(m, c);
    String root = switch (c.kind()) {
      case CONSTRUCTOR -> "the constructor of " + withoutSuffix(c.root(), "." + MethodRef.CONSTRUCTOR);
      case FACTORY -> "factory " + c.root();
      case BUILDER -> "builder method " + c.root();
      case DESCRIPTION -> throw new AssertionError(c);
    };
    String phrase = ColdPath.CONSTRUCTION.phrase() + ": ";
    if (c.depth() == 0) {
      return phrase + root + (c.kind() == Construction.Kind.BUILDER ? " configures an object before it is built"
          : " runs once per object it builds") + " (@HotPath on it says its objects are built per operation)";
    }
    String caller = c.through() == null ? root : "set-up code (" + c.through() + ", from " + root + ")";
    return phrase + m.displayName() + " is called only from " + caller + " (@HotPath on "
        + (c.kind() == Construction.Kind.CONSTRUCTOR ? "the constructor" : c.root())
        + " says its objects are built per operation)";
  }

  /**
   * {@code in toString: it describes the object for people (a log line, a message), not once per
   * operation (@HotPath on it says it runs per operation)}; for a helper: {@code in toString: Foo.pad
   * is called only from Foo.toString (…)}, or further down {@code … only from code toString runs
   * (Foo.row, from Foo.toString) (…)}.
   */
  private static String descriptionPhrase(MethodIR m, Construction c) {
    String phrase = ColdPath.DESCRIPTION.phrase() + ": ";
    String override = " (@HotPath on " + (c.depth() == 0 ? "it" : c.root()) + " says it runs per operation)";
    if (c.depth() == 0) return phrase + "it describes the object for people (a log line, a message), not once per operation" + override;
    String caller = c.through() == null ? c.root() : "code toString runs (" + c.through() + ", from " + c.root() + ")";
    return phrase + m.displayName() + " is called only from " + caller + override;
  }

  /** {@code line 17} or {@code lines 17, 19}: where {@code sites} are. */
  static String lines(List<AllocSite> sites) {
    StringBuilder sb = new StringBuilder(sites.size() == 1 ? "line " : "lines ");
    for (int i = 0; i < sites.size(); i++) sb.append(i > 0 ? ", " : "").append(sites.get(i).pos().line());
    return sb.toString();
  }

  private static String withoutSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  /**
   * Why code on a cache miss runs rarely, naming what keeps the value and where the code stores it:
   * {@code on a cache miss: runs once per key of tokenTypeMapCache, which keeps the result (line
   * 86)}, {@code on a cache miss: runs once per object, until cache is set (line 42)}.
   */
  private static String cacheMissPhrase(CacheMisses.Miss miss) {
    String line = miss.store() != null && miss.store().line() > 0 ? " (line " + miss.store().line() + ")" : "";
    String how = switch (miss.kind()) {
      case KEY -> "runs once per key of " + miss.cache() + ", which keeps the result" + line;
      case ELEMENT -> "runs once per element of " + miss.cache() + ", which keeps the result" + line;
      case FIELD -> "runs once per object, until " + miss.cache() + " is set" + line;
      case STATIC_FIELD -> "runs once, until " + miss.cache() + " is set" + line;
    };
    return ColdPath.CACHE_MISS.phrase() + ": " + how;
  }

  /**
   * {@code the loop (line 14)} (parenthesized) or {@code the loop at line 14}; {@code the enclosing
   * loop} for a lambda body whose loop belongs to the method that creates it; {@code the loop} when
   * the line is unknown. A loop whose statement's line is not known, only its body's first line
   * ({@link Loop#headerLine()} false), is named by that: {@code the loop whose body starts at line
   * 15}, never as if it were the loop's own line.
   */
  static String loopPhrase(MethodIR m, int loopId, boolean parenthesized) {
    return loopPhrase(m, loopId, parenthesized, "the loop");
  }

  /** {@link #loopPhrase} with another noun phrase for the loop ({@code a retry loop (line 14)}). */
  static String loopPhrase(MethodIR m, int loopId, boolean parenthesized, String noun) {
    Loop l = loop(m, loopId);
    if (l == null) return "the enclosing loop";
    if (l.pos() == null || l.pos().line() <= 0) return noun;
    if (!l.headerLine()) return noun + " whose body starts at line " + l.pos().line();
    return parenthesized ? noun + " (line " + l.pos().line() + ")" : noun + " at line " + l.pos().line();
  }

  /** The line of {@code l}'s header, or 0 when unknown. */
  static int line(Loop l) {
    return l != null && l.pos() != null && l.pos().line() > 0 ? l.pos().line() : 0;
  }

  /**
   * The constructor of {@code s} when it is a {@code new} of one of {@code types} whose front end
   * recorded which constructor it calls; otherwise null.
   */
  static AllocSite.Constructor constructorOf(AllocSite s, Set<String> types) {
    if (s.kind() != SiteKind.NEW_OBJECT || !types.contains(s.type())) return null;
    return s.details() instanceof AllocSite.Constructor ctor ? ctor : null;
  }

  /** The engine's verdict on {@code s}, or null when the result has none. */
  static SiteResult siteResult(MethodResult r, AllocSite s) {
    if (s.id() < 0 || s.id() >= r.sites().size()) return null;
    SiteResult sr = r.sites().get(s.id());
    return sr != null && sr.site().id() == s.id() ? sr : null;
  }

  /**
   * The constructor call with {@code argument} as its only argument, its type as the site writes
   * it: {@code new ArrayList<>()} becomes {@code new ArrayList<>(orders.size())}; {@code new
   * HashMap<>(n)} becomes {@code new HashMap<>(m)}; with {@code leading} arguments before it
   * ({@code new PriorityQueue<>(n, comparator)}) when {@code trailing} is not empty. Falls back to
   * {@code new Type<>(argument)}.
   *
   * <p>Below release 7 there is no diamond ({@code <>} is Java 7 syntax, and a Java 5 or 6 library
   * is compiled with {@code -source 1.5}/{@code 1.6}, where it does not parse). A type the front end
   * wrote with its arguments ({@code HashMap<String, Object>}: javac, which has the source, and a
   * source for release 6 cannot contain a diamond) is kept as it is. A type known only as generic
   * ({@code ArrayList<>}: the bytecode front end, which does not know the arguments) is written raw,
   * {@code new ArrayList(n)}, followed by a note to spell its type arguments: the raw constructor
   * compiles at every release (an unchecked conversion where it is assigned, a warning, not an
   * error), while a guessed {@code <E>} would not compile at all.
   */
  static String withArgument(AllocSite s, String argument, String trailing, RuleContext context) {
    String type = s.details() instanceof AllocSite.Constructor c && c.typeText() != null ? c.typeText() : s.simpleType() + "<>";
    String args = argument + (trailing.isEmpty() ? "" : ", " + trailing);
    if (context.targetRelease() >= DIAMOND_RELEASE || !type.endsWith("<>")) return "new " + type + "(" + args + ")";
    return "new " + type.substring(0, type.length() - 2) + "(" + args + ") with its type arguments (the diamond <> needs Java "
        + DIAMOND_RELEASE + ")";
  }

  /** The first Java release whose source accepts the diamond {@code new ArrayList<>()}. */
  static final int DIAMOND_RELEASE = 7;

  /**
   * The local variable {@code expr} starts with ({@code fields} of {@code fields.length}) when no
   * statement before {@code s} assigns it, i.e. when it is not in scope, or not yet set, where
   * {@code s} allocates; else null. Parameters are always in scope.
   */
  static String assignedAfter(MethodIR m, AllocSite s, SymbolicExpr expr) {
    if (expr == null || expr.text() == null) return null;
    Matcher root = ROOT.matcher(expr.text());
    if (!root.lookingAt()) return null;
    String name = root.group(1);
    boolean assigned = false;
    boolean before = false;
    for (Stmt st : m.stmts()) {
      Var v = st.definedVar();
      if (v == null || !name.equals(v.name()) || v.isParam()) continue;
      assigned = true;
      before |= st.ctx().ordinal() < s.ctx().ordinal();
    }
    for (Var p : m.params()) if (p != null && name.equals(p.name())) return null;
    return assigned && !before ? name : null;
  }

  private static final Pattern ROOT = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)(?![A-Za-z0-9_$(])");

  /** {@code Maps.newHashMapWithExpectedSize(n)} for a factory fix. */
  static String factoryCall(Fix.UseFactory f) {
    return f.simpleClass() + "." + f.factoryMethod() + "(" + f.size().text() + ")";
  }

  /** A reason step as {@code stored into X, line 12} (for parenthesized Go-style details). */
  static String renderInline(Reason r) {
    return r.pos() != null && r.pos().line() > 0 ? r.text() + ", line " + r.pos().line() : r.text();
  }

  /**
   * The reason chain for a message: at verbosity 1 the first and the last step (joined with
   * {@code " … "} when steps between are left out), at verbosity 2 every step joined with
   * {@code "; "}.
   */
  static String chainText(List<Reason> chain, int verbosity, boolean inline) {
    if (chain.isEmpty()) return "";
    if (verbosity >= 2) {
      StringBuilder sb = new StringBuilder();
      for (Reason r : chain) {
        if (sb.length() > 0) sb.append("; ");
        sb.append(inline ? renderInline(r) : r.render());
      }
      return sb.toString();
    }
    // The first step says what happened to the object, the last what finally keeps it: both, with
    // the steps between elided.
    Reason first = chain.get(0);
    String head = inline ? renderInline(first) : first.render();
    if (chain.size() == 1) return head;
    Reason last = chain.get(chain.size() - 1);
    return head + (chain.size() == 2 ? "; " : " … ") + (inline ? renderInline(last) : last.render());
  }

  static Finding finding(RuleId rule, MethodIR m, SourcePos pos, String message, List<Reason> reasons,
      int hotness, Fix fix, Subject subject) {
    SourcePos at = pos == null ? SourcePos.UNKNOWN : pos;
    return new Finding(rule, rule.defaultSeverity(), m.sourceFile() == null ? "" : m.sourceFile(),
        at, message, reasons == null ? List.of() : reasons, hotness, fix,
        m.ref(), subject).withTemplate(TemplateKey.of(m.ref(), at.line(), message));
  }
}
