package dev.noescape.jit;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.ir.Reason;
import dev.noescape.ir.Access;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.Handle;
import dev.noescape.ir.Loop;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Origins;
import dev.noescape.ir.NullAssignment;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.TypeHierarchy;
import dev.noescape.ir.Var;
import dev.noescape.summary.ParamTag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The model of HotSpot C2's scalar replacement: for every allocation site the engine found, whether
 * C2 will still allocate it and why ({@link RuntimePrediction}). The engine says whether an object
 * escapes; C2 removes a non-escaping one only when, in addition, its shape allows it (constant
 * array length ≤ 64, constant indices, not merged at a loop head or, before JDK 23, at any join;
 * an ordinary class) and every call that receives it is inlined (size, depth, recursion, native,
 * dispatch). Each condition is one {@link C2Condition}, with the HotSpot source it models;
 * {@code docs/jit-model.md} explains them and their measured agreement.
 *
 * <p>Deterministic: conditions are checked in a fixed order and the first that holds is the
 * prediction; statements are walked in program order.
 */
public final class C2Model {
  private final JitTarget target;
  private final CodeFacts code;
  /** The engine's results per method key, for the IR of a callee and where it throws ({@link #coldUse}). */
  private final Map<String, MethodResult> methods;
  /** The analyzed methods' results, for the callers of a method ({@link #callers}). */
  private final List<MethodResult> results;
  /** Per method key, the analyzed calls of it that use its result; built on first use. */
  private Map<String, List<Caller>> callers;
  /** The program's class hierarchy, as the front end knows it ({@link #onlyImplementation}). */
  private final TypeHierarchy hierarchy;
  /** The functional interfaces the program's lambdas and method references implement ({@link #onlyImplementation}); built on first use. */
  private Set<String> spun;

  /** The copies the program's calls make ({@link #copy}). */
  private final ArrayCopies copies;

  private C2Model(JitTarget target, CodeFacts code, Map<String, MethodResult> methods, List<MethodResult> results,
      TypeHierarchy hierarchy) {
    this.target = target;
    this.code = code;
    this.methods = methods;
    this.results = results;
    this.hierarchy = hierarchy;
    this.copies = new ArrayCopies(code, results);
  }

  /** Predictions for every site of every analyzed method of {@code result}. */
  public static SitePredictions predict(AnalysisResult result, JitTarget target, CodeFacts code) {
    return predict(result, target, code, false);
  }

  /**
   * Predictions for every site of every analyzed method of {@code result}, and with
   * {@code callees} also for the allocations inside the callees those methods call that are not
   * analyzed code (the JDK's, a library's without its code in the run): {@link InlinedAllocations}.
   */
  public static SitePredictions predict(AnalysisResult result, JitTarget target, CodeFacts code, boolean callees) {
    List<MethodResult> analyzed = analyzed(result);
    C2Model model = model(result, target, code, analyzed);
    SitePredictions out = new SitePredictions(null, null);
    InlinedAllocations inlined = callees ? new InlinedAllocations(model, code) : null;
    if (inlined != null) inlined.instantiate(analyzed);
    for (MethodResult mr : analyzed) {
      for (AllocSite s : mr.method().sites()) {
        SiteResult sr = mr.site(s);
        if (sr == null || s.neverAllocates()) continue;
        out.put(mr.method().ref(), s.id(), model.predict(mr, s, sr.state()));
      }
      List<Stmt> stmts = mr.method().stmts();
      for (int k = 0; k < stmts.size(); k++) {
        RuntimePrediction p = model.copy(mr, k);
        if (p != null) out.putCopy(mr.method().ref(), k, p);
      }
      if (inlined != null) inlined.predict(mr, out::add, out::add);
    }
    return out;
  }

  /** The methods of {@code result} the engine analyzed (not skipped), in its order. */
  private static List<MethodResult> analyzed(AnalysisResult result) {
    Set<String> skipped = result.notAnalyzed();
    List<MethodResult> out = new ArrayList<>();
    for (MethodResult mr : result.methods()) if (!skipped.contains(mr.method().ref().key())) out.add(mr);
    return out;
  }

  /** The model of {@code result}'s program, whose analyzed methods are {@code analyzed}. */
  private static C2Model model(AnalysisResult result, JitTarget target, CodeFacts code, List<MethodResult> analyzed) {
    Map<String, MethodResult> byKey = new HashMap<>();
    for (MethodResult mr : result.methods()) byKey.put(mr.method().ref().key(), mr);
    return new C2Model(target, code, byKey, analyzed, result.hierarchy());
  }

  /**
   * Predictions for every site of every analyzed method of {@code result}, each made when first
   * asked for (without the allocations inside callees: {@link SitePredictions}). A fault of the
   * model on one site goes to {@code faults}, which may rethrow it; the site then has no
   * prediction. Null {@code faults}: the fault propagates.
   */
  public static SitePredictions lazily(AnalysisResult result, JitTarget target, CodeFacts code,
      java.util.function.Consumer<Throwable> faults) {
    List<MethodResult> analyzed = analyzed(result);
    C2Model model = model(result, target, code, analyzed);
    Map<String, MethodResult> results = new HashMap<>();
    for (MethodResult mr : analyzed) results.put(mr.method().ref().key(), mr);
    return new SitePredictions((method, id) -> {
      MethodResult mr = results.get(method.key());
      AllocSite s = mr == null ? null : mr.method().site(id);
      SiteResult sr = s == null ? null : mr.site(s);
      if (sr == null || s.neverAllocates()) return null;
      return guarded(() -> model.predict(mr, s, sr.state()), faults);
    }, (method, index) -> {
      MethodResult mr = results.get(method.key());
      return mr == null ? null : guarded(() -> model.copy(mr, index), faults);
    });
  }

  /** {@code p}'s prediction; a fault goes to {@code faults} (then none), or propagates when it is null. */
  private static RuntimePrediction guarded(java.util.function.Supplier<RuntimePrediction> p, java.util.function.Consumer<Throwable> faults) {
    if (faults == null) return p.get();
    try {
      return p.get();
    } catch (RuntimeException | StackOverflowError e) {
      faults.accept(e);
      return null;
    }
  }

  JitTarget target() {
    return target;
  }

  /** Whether {@code key} is a method the engine analyzed (its allocations are sites of its own). */
  boolean analyzed(String key) {
    return methods.containsKey(key);
  }

  RuntimePrediction heap(C2Condition c, String detail) {
    return new RuntimePrediction(true, c, detail, target.jdk());
  }

  RuntimePrediction predict(MethodResult mr, AllocSite s, EscapeState state) {
    if (state == EscapeState.GLOBAL_ESCAPE) {
      RuntimePrediction inCallers = returnedIntoCallers(mr, s);
      if (inCallers != null) return inCallers;
      RuntimePrediction bound = boundByHierarchy(mr, s);
      return bound != null ? bound : heap(C2Condition.ESCAPES, null);
    }
    RuntimePrediction p = shape(mr, s);
    Set<Var> vars = varsOf(mr, s);
    boolean array = s.kind() == SiteKind.NEW_ARRAY || s.kind() == SiteKind.VARARGS_ARRAY;
    if (p != null) return p;
    return uses(mr, vars, array, s.loopDepth(), st -> st instanceof Stmt.Alloc a && a.site().id() == s.id(),
        () -> firstCallee(mr, s));
  }

  /**
   * The copy call {@code index} of {@code mr}'s method makes ({@link ArrayCopies}), or null when the
   * statement is no copy call or drops what it returns: heap when the copy's length fails
   * {@link #arrayLength}, else as any object a call returns ({@link #callResult}).
   */
  RuntimePrediction copy(MethodResult mr, int index) {
    if (!(mr.method().stmts().get(index) instanceof Stmt.Call c) || c.result() == null) return null;
    ArrayCopies.Copy copy = copies.of(mr.method(), c);
    if (copy == null) return null;
    RuntimePrediction p = arrayLength(copy.length(), copy.lengthText());
    return p != null ? p : callResult(mr, index, c, true, () -> null);
  }

  /** The copy call {@code c} of {@code mr}'s method makes ({@link ArrayCopies}), or null. */
  ArrayCopies.Copy copyOf(MethodResult mr, Stmt.Call c) {
    return copies.of(mr.method(), c);
  }

  /**
   * An object call {@code c} (statement {@code index} of {@code mr}'s method) returns, made in the
   * callee and fit for scalar replacement there: what the calling method does with the result
   * decides. Returned on by the method, its callers do ({@link #returnedOn}); escaping otherwise,
   * heap; else {@link #uses}, with {@code detail} for a scalar-replaced prediction.
   */
  RuntimePrediction callResult(MethodResult mr, int index, Stmt.Call c, boolean array, java.util.function.Supplier<String> detail) {
    EscapeState state = c.result() == null ? null : mr.callResult(index);
    MethodIR m = mr.method();
    if (state == EscapeState.GLOBAL_ESCAPE) {
      RuntimePrediction p = returnedOn(mr, copiesOf(m, Set.of(c.result())), array);
      if (p != null) return p;
    }
    if (state == null || state == EscapeState.GLOBAL_ESCAPE) {
      return heap(C2Condition.ESCAPES, "the result of " + c.callee().displayName());
    }
    return uses(mr, copiesOf(m, Set.of(c.result())), array, c.ctx().loopDepth(), st -> st == c, detail);
  }

  /**
   * What {@code mr}'s method does with the object ({@link #flow}, then the calls that receive it,
   * {@link #calls}): heap and why, else scalar-replaced — with {@code detail}, or, when a use C2
   * does not compile would otherwise have kept it on the heap, saying that use
   * ({@link RuntimePrediction#coldUse}).
   */
  RuntimePrediction uses(MethodResult mr, Set<Var> vars, boolean array, int loopDepth, Predicate<Stmt> createdBy,
      java.util.function.Supplier<String> detail) {
    List<RuntimePrediction.ColdUse> cold = new ArrayList<>();
    // made on the way to a throw itself, the object exists only when that path runs, and C2 has then
    // compiled it with the uses beside it (jackson's throw new X(String.format(fmt, a, b)): the array
    // is compiled only after the throw happened): only a callee's own throw paths are skipped
    boolean createdCold = createdOnColdPath(mr, createdBy);
    RuntimePrediction p = flow(mr, vars, array, loopDepth, createdBy, cold, createdCold);
    if (p == null) p = calls(mr, vars, cold, createdCold);
    if (p != null) return p;
    return cold.isEmpty() ? new RuntimePrediction(false, C2Condition.NONE, detail.get(), target.jdk())
        : new RuntimePrediction(false, C2Condition.NONE, cold.get(0).detail(), target.jdk(), cold.get(0));
  }

  /** Whether the statement that makes the object ({@code createdBy}) is itself one C2 does not compile ({@link #coldUse}). */
  private static boolean createdOnColdPath(MethodResult mr, Predicate<Stmt> createdBy) {
    List<Stmt> stmts = mr.method().stmts();
    for (int k = 0; k < stmts.size(); k++) {
      if (createdBy.test(stmts.get(k))) return coldUse(mr, k, stmts.get(k).ctx()) != null;
    }
    return false;
  }

  /**
   * Why C2 does not compile a use of the object while the program runs as profiled, or null when it
   * does: the statement ({@code index} into {@code mr}'s statements, -1 for a field or element
   * access, which has only its context) is on the way to a throw ({@link MethodResult#towardThrow};
   * an access: in a throw's operand), or in an {@code assert} statement. The one place the model
   * decides it, for the allocating method and for every program callee it follows the object into.
   * Other cold paths (a logging level check, a cache miss, set-up code) are compiled whenever they
   * ran often enough before the compilation: their branch profile, not their code, decides, and a
   * static tool does not have it.
   */
  private static RuntimePrediction.ColdUse coldUse(MethodResult mr, int index, StmtContext ctx) {
    String method = mr.method().ref().displayName();
    if (ctx.cold() == ColdPath.ASSERTION) return new RuntimePrediction.ColdUse(RuntimePrediction.ColdUse.Kind.ASSERTION, method);
    boolean throwing = index >= 0 ? mr.towardThrow(index) : ctx.inThrow();
    return throwing ? new RuntimePrediction.ColdUse(RuntimePrediction.ColdUse.Kind.THROW, method) : null;
  }

  /**
   * Where C2 compiles an object the engine judges escaping only because it is handed to virtual or
   * interface calls whose code the engine cannot bound (open dispatch: a class outside the analyzed
   * code may implement the method), when each of them has one implementation in the program
   * ({@link #onlyImplementation}): C2 binds such a call to it through class hierarchy analysis,
   * without a profile, and inlines it by the usual rules (bench/jit {@code call.single-implementation},
   * scalar-replaced on JDK 17 and 25). Then predicted as a site that does not escape, the calls bound
   * to their one implementation ({@link #notInlined}), and when scalar-replaced it says so
   * ({@link RuntimePrediction.ColdUse.Kind#CLASS_HIERARCHY}: the prediction holds while no other
   * implementation is loaded). Null — the engine's {@code escapes} — unless the engine's reason is
   * one such call ({@link Reason.Kind#PASSED_TO_UNKNOWN}) and every use of the object in the method
   * is one the engine judges harmless by itself: copied, its fields read or written, locked, or
   * handed to calls whose every implementation keeps it neither (the engine's summaries of the
   * program's methods: not escaping, not returned, not stored into another argument). Not stored
   * anywhere, returned or thrown; a call into the JDK or a library, whose summary the model does not
   * have, keeps the engine's verdict. The engine's verdicts do not change: the soundness of
   * {@code HeapEscape} and {@code LeakingParameter} cannot rest on the classes loaded at run time.
   */
  private RuntimePrediction boundByHierarchy(MethodResult mr, AllocSite s) {
    SiteResult sr = mr.site(s);
    if (sr == null || sr.chain().size() != 1 || sr.chain().get(0).kind() != Reason.Kind.PASSED_TO_UNKNOWN) return null;
    Set<Var> vars = varsOf(mr, s);
    MethodRef bound = null;
    for (Stmt st : mr.method().stmts()) {
      if (!uses(st, vars) || st instanceof Stmt.Copy || st instanceof Stmt.Load || st instanceof Stmt.Monitor) continue;
      if (st instanceof Stmt.Store w && !vars.contains(w.value())) continue;
      if (!(st instanceof Stmt.Call c)) return null;
      MethodRef only = onlyImplementation(c);
      if (only == null && c.dispatchOpen()) return null;
      List<MethodRef> bodies = new ArrayList<>();
      if (only != null) bodies.add(only);
      else {
        if (!hierarchy.declaresAbstract(c.callee().owner(), c.callee().name(), c.callee().paramTypes())) bodies.add(c.callee());
        bodies.addAll(c.overrides());
      }
      for (int j = 0; j < c.args().size(); j++) {
        if (c.args().get(j) == null || !vars.contains(c.args().get(j))) continue;
        for (MethodRef b : bodies) {
          MethodResult r = methods.get(b.key());
          if (r == null || r.summary() == null || j >= r.summary().params().size() || keeps(r.summary().param(j))) return null;
        }
      }
      if (bound == null) bound = only;
    }
    if (bound == null) return null;
    RuntimePrediction p = predict(mr, s, EscapeState.NO_ESCAPE);
    if (p.heap()) return p;
    RuntimePrediction.ColdUse cha = new RuntimePrediction.ColdUse(RuntimePrediction.ColdUse.Kind.CLASS_HIERARCHY, bound.displayName());
    return new RuntimePrediction(false, C2Condition.NONE, cha.detail(), target.jdk(), cha);
  }

  /** Whether a call whose code does this with an argument keeps the object: it escapes, is returned, or is stored into an argument. */
  private static boolean keeps(ParamTag tag) {
    return tag.escapes() || tag.toReturn() || !tag.intoContentOf().isEmpty();
  }

  /**
   * The one method virtual or interface call {@code c} can run in the program, to which C2's class
   * hierarchy analysis binds it without a profile (doCall.cpp {@code Compile::optimize_inlining},
   * ciMethod.cpp {@code ciMethod::find_monomorphic_target}, dependencies.cpp
   * {@code Dependencies::find_unique_concrete_method}), or null. Defined for a call whose dispatch is
   * open ({@link Stmt.Call#dispatchOpen}: the engine cannot bound it) to a method the program
   * declares (a type of the program has no subtype in the JDK or a library), counting the program's
   * bodies of the method a receiver of the call's static type can run: the callee's own when it has
   * one (a default method included), and each override ({@link Stmt.Call#overrides}) declared in a
   * subtype or supertype of that type; declarations without a body do not count, and a default
   * method that a class overrides still does (another class may inherit it). Exactly one body, of
   * an analyzed method (the model follows the object into its IR), and no lambda or method
   * reference of the program implementing the receiver's type ({@link Handle#type}: the class the
   * JVM spins for it would be a second implementation). What counts as the program is the front
   * end's: the bytecode front end's run, the javac front end's compilation unit.
   */
  MethodRef onlyImplementation(Stmt.Call c) {
    MethodRef callee = c.callee();
    if (!c.dispatchOpen() || callee.isStatic() || callee.isConstructor()) return null;
    boolean bodiless = hierarchy.declaresAbstract(callee.owner(), callee.name(), callee.paramTypes());
    if (!bodiless && !methods.containsKey(callee.key())) return null;
    String type = c.receiverType() != null ? c.receiverType() : callee.owner();
    MethodRef only = bodiless ? null : callee;
    for (MethodRef o : c.overrides()) {
      if (hierarchy.declaresAbstract(o.owner(), o.name(), o.paramTypes())) continue;
      if (!hierarchy.mayBeSubtype(o.owner(), type) && !hierarchy.mayBeSubtype(type, o.owner())) continue;
      if (only != null) return null;
      only = o;
    }
    if (only == null || !methods.containsKey(only.key())) return null;
    for (String f : spun()) if (f == null || hierarchy.mayBeSubtype(f, type)) return null;
    return only;
  }

  /** The interfaces of the program's lambdas and method references (null: one the front end did not name). */
  private Set<String> spun() {
    if (spun != null) return spun;
    Set<String> out = new HashSet<>();
    for (MethodResult mr : methods.values()) for (Handle h : mr.method().handles()) out.add(h.type());
    spun = out;
    return out;
  }

  /** A call statement of an analyzed method that uses what its callee returns. */
  private record Caller(MethodResult mr, int index, Stmt.Call call) {}

  /**
   * Where C2 compiles an object its method returns. The engine judges the method alone, where a
   * returned object escapes; but C2 compiles a small method's allocation into the callers that
   * inline it (a method whose calls all come from compiled code that inlines it is never compiled
   * on its own), and there the object is the call's result, as local as the caller keeps it
   * (issue 13: {@code new Splitter} in {@code Splitter.on}, removed where the harness calls it).
   * So a site that escapes only by being returned ({@link Reason.Kind#RETURNED}, the method's
   * result fresh) and passes the model's conditions in its own method is predicted from its
   * callers when the analysis sees them ({@link #intoCallers}). Null — the engine's
   * {@code escapes} — when the method has no analyzed caller (a library's public method: callers
   * the analysis does not see decide) or the site fails a condition inside its own method.
   */
  private RuntimePrediction returnedIntoCallers(MethodResult mr, AllocSite s) {
    SiteResult sr = mr.site(s);
    if (sr == null || sr.chain().size() != 1 || sr.chain().get(0).kind() != Reason.Kind.RETURNED) return null;
    if (mr.summary() == null || !mr.summary().freshReturn()) return null;
    if (compiledCallers(mr.method().ref().key()).isEmpty()) return null;
    if (predict(mr, s, EscapeState.NO_ESCAPE).heap()) return null;
    boolean array = s.kind() == SiteKind.NEW_ARRAY || s.kind() == SiteKind.VARARGS_ARRAY;
    List<String> kept = new ArrayList<>();
    List<RuntimePrediction.ColdUse> cold = new ArrayList<>();
    RuntimePrediction p = intoCallers(mr, array, 1, new HashSet<>(), kept, cold);
    return p != null ? p : keptBy(kept, cold);
  }

  /**
   * An object a call of {@code mr}'s method returns, which the method only returns on in turn
   * ({@code vars}: the call's result and its copies; {@link InlinedAllocations}: {@code return
   * appendTo(new StringBuilder(), parts).toString();}): predicted from the method's callers as
   * {@link #returnedIntoCallers} predicts a site; null when it is not only returned or no analyzed
   * code C2 compiles calls the method.
   */
  RuntimePrediction returnedOn(MethodResult mr, Set<Var> vars, boolean array) {
    if (!onlyReturned(mr.method(), vars) || compiledCallers(mr.method().ref().key()).isEmpty()) return null;
    List<String> kept = new ArrayList<>();
    List<RuntimePrediction.ColdUse> cold = new ArrayList<>();
    RuntimePrediction p = intoCallers(mr, array, 1, new HashSet<>(), kept, cold);
    return p != null ? p : keptBy(kept, cold);
  }

  private RuntimePrediction keptBy(List<String> kept, List<RuntimePrediction.ColdUse> cold) {
    String shown = String.join(", ", kept.subList(0, Math.min(3, kept.size())))
        + (kept.size() > 3 ? " and " + (kept.size() - 3) + " more" : "");
    return new RuntimePrediction(false, C2Condition.NONE, "returned to callers that keep it: " + shown, target.jdk(),
        cold.isEmpty() ? null : cold.get(0));
  }

  /**
   * What the compiled callers of {@code callee} do with the fresh object it returns: null when
   * every one inlines the call and keeps the result (its caller's name and line go to
   * {@code kept}), else heap and why — the call not inlined ({@link #refused}), the result
   * escaping, or failing a condition of the model there (merges, loops, calls, as for
   * {@link InlinedAllocations}' callee results). A caller that returns the object on and does
   * nothing else with it but read its fields ({@link #onlyReturned}: the engine's summary calls a
   * result fresh only when the method allocates it itself, so it cannot say this of
   * {@code return on(CharMatcher.is(c));}) passes it to its own callers in turn, as deep as
   * C2 inlines; one with no compiled caller (an entry point, whose own compilation returns it)
   * keeps it on the heap. Class initializers and other one-time code are not callers: C2 never
   * compiles what runs once.
   */
  private RuntimePrediction intoCallers(MethodResult callee, boolean array, int depth, Set<String> walking, List<String> kept,
      List<RuntimePrediction.ColdUse> cold) {
    String key = callee.method().ref().key();
    String memo = key + (array ? "[]" : "");
    Outcome done = intoCallers.get(memo);
    if (done != null) {
      kept.addAll(done.kept());
      cold.addAll(done.cold());
      return done.heap();
    }
    List<String> mine = new ArrayList<>();
    List<RuntimePrediction.ColdUse> mineCold = new ArrayList<>();
    RuntimePrediction p = intoCallersOnce(callee, array, depth, walking, mine, mineCold);
    // memoised even when a caller still being walked was met (recursion: heap, whichever way the
    // walk came); the walks run in the analysis's deterministic method order
    intoCallers.put(memo, new Outcome(p, List.copyOf(mine), List.copyOf(mineCold)));
    kept.addAll(mine);
    cold.addAll(mineCold);
    return p;
  }

  /**
   * What {@link #intoCallers} found for a method: heap and why, or null, the callers that keep it
   * and the uses there C2 does not compile that would otherwise keep it on the heap.
   */
  private record Outcome(RuntimePrediction heap, List<String> kept, List<RuntimePrediction.ColdUse> cold) {}

  /** Per method key (and {@code []} for an array), {@link #intoCallers}' outcome: every site the method returns shares it. */
  private final Map<String, Outcome> intoCallers = new HashMap<>();

  private RuntimePrediction intoCallersOnce(MethodResult callee, boolean array, int depth, Set<String> walking, List<String> kept,
      List<RuntimePrediction.ColdUse> cold) {
    String key = callee.method().ref().key();
    String shown = callee.method().ref().displayName();
    List<Caller> in = compiledCallers(key);
    if (in.isEmpty()) return heap(C2Condition.ESCAPES, "returned by " + shown + ", which no analyzed code C2 compiles calls");
    if (depth > JitTarget.MAX_INLINE_DEPTH || !walking.add(key)) return heap(C2Condition.NOT_INLINED, shown + ": recursive");
    try {
      for (Caller c : in) {
        MethodIR m = c.mr().method();
        String at = m.ref().displayName() + " line " + c.call().ctx().pos().line();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(m.ref().key());
        String why = refused(c.call().callee(), m.ref().owner(), -1, depth, c.call().ctx().conditional(),
            c.call().overrides().size() + 1, stack);
        if (why != null) return heap(conditionOf(why), "returned to " + at + ": " + detailOf(why));
        EscapeState state = c.mr().callResult(c.index());
        if (state == null) return heap(C2Condition.ESCAPES, "returned to " + at + ", where it escapes");
        Set<Var> vars = copiesOf(m, Set.of(c.call().result()));
        RuntimePrediction p = uses(c.mr(), vars, array, c.call().ctx().loopDepth(), st -> st == c.call(), () -> null);
        if (p.heap()) return heap(p.condition(), "returned to " + at + (p.detail() == null ? "" : ": " + p.detail()));
        if (p.coldUse() != null) cold.add(p.coldUse());
        if (state == EscapeState.GLOBAL_ESCAPE) {
          if (!onlyReturned(m, vars)) return heap(C2Condition.ESCAPES, "returned to " + at + ", where it escapes");
          p = intoCallers(c.mr(), array, depth + 1, walking, kept, cold);
          if (p != null) return p;
          continue;
        }
        kept.add(at);
      }
      return null;
    } finally {
      walking.remove(key);
    }
  }

  /** Whether {@code vars} are only copied, read from and returned in {@code m}: nothing else can make their object escape there. */
  private static boolean onlyReturned(MethodIR m, Set<Var> vars) {
    boolean returned = false;
    for (Stmt st : m.stmts()) {
      if (!uses(st, vars)) continue;
      if (st instanceof Stmt.Return) returned = true;
      else if (!(st instanceof Stmt.Copy) && !(st instanceof Stmt.Load)) return false;
    }
    return returned;
  }

  /**
   * The analyzed calls of method {@code key} that C2 may compile: not in a class initializer nor in
   * a method that runs only from one ({@link MethodResult#oneTime}).
   */
  private List<Caller> compiledCallers(String key) {
    List<Caller> out = new ArrayList<>();
    for (Caller c : callers().getOrDefault(key, List.of())) {
      if (c.mr().oneTime() == null && !c.mr().method().ref().name().equals("<clinit>")) out.add(c);
    }
    return out;
  }

  /** Per method key, the analyzed calls that may run it and use its result (static or exact: the callee named, or one of its overrides). */
  private Map<String, List<Caller>> callers() {
    if (callers != null) return callers;
    Map<String, List<Caller>> out = new HashMap<>();
    for (MethodResult mr : results) {
      List<Stmt> stmts = mr.method().stmts();
      for (int k = 0; k < stmts.size(); k++) {
        if (!(stmts.get(k) instanceof Stmt.Call c) || c.result() == null) continue;
        Caller caller = new Caller(mr, k, c);
        out.computeIfAbsent(c.callee().key(), x -> new ArrayList<>()).add(caller);
        for (MethodRef o : c.overrides()) out.computeIfAbsent(o.key(), x -> new ArrayList<>()).add(caller);
      }
    }
    callers = out;
    return out;
  }

  /** The first call that receives the object (all of them inline when it is scalar-replaced), for messages; null when none does. */
  private static String firstCallee(MethodResult mr, AllocSite s) {
    Set<Var> vars = varsOf(mr, s);
    for (Stmt st : mr.method().stmts()) {
      if (st instanceof Stmt.Call c && c.args().stream().anyMatch(a -> a != null && vars.contains(a))) {
        return c.callee().displayName();
      }
    }
    return null;
  }

  // ---- the object itself ----

  private RuntimePrediction shape(MethodResult mr, AllocSite s) {
    if (s.kind() == SiteKind.STRING_CONCAT) {
      return heap(C2Condition.INTRINSIC, "string concatenation builds its byte[] and String in StringConcatFactory code");
    }
    if (s.details() instanceof AllocSite.NewArray a) {
      List<Long> lengths = a.lengths();
      if (lengths.isEmpty()) return null; // unknown to the front end
      if (a.multiDimensional()) {
        long expand = 1;
        for (int i = 0; i < lengths.size() - 1; i++) {
          if (lengths.get(i) == null) return heap(C2Condition.MULTI_ARRAY, "a dimension is not a constant");
          expand *= lengths.get(i);
        }
        if (lengths.get(lengths.size() - 1) == null) return heap(C2Condition.ARRAY_LENGTH_NOT_CONSTANT, a.sizeText());
        if (1 + expand > JitTarget.MULTI_ARRAY_EXPAND_LIMIT) {
          return heap(C2Condition.MULTI_ARRAY, (1 + expand) + " arrays > MultiArrayExpandLimit " + JitTarget.MULTI_ARRAY_EXPAND_LIMIT);
        }
        if (!target.reducesAllocationMerges()) return heap(C2Condition.ARRAY_HOLDER, "the outer array holds the inner ones");
        return null;
      }
      Long n = lengths.get(0);
      if (n == null) n = inlinedConstant(a.lengthCall());
      return arrayLength(n == null ? null : (int) Math.min(n, Integer.MAX_VALUE), a.sizeText());
    }
    if (s.kind() == SiteKind.VARARGS_ARRAY && s.details() instanceof AllocSite.Varargs v
        && v.elementCount() > JitTarget.ARRAY_SIZE_LIMIT) {
      return heap(C2Condition.ARRAY_TOO_LONG, Integer.toString(v.elementCount()));
    }
    if (s.kind() == SiteKind.NEW_OBJECT) {
      RuntimePrediction c = classShape(s.type());
      return c != null ? c : jdkBuffer(mr, s);
    }
    return null;
  }

  /**
   * The constant a statically bound call returns once C2 inlines it: a method whose whole body
   * returns one constant ({@code static int size() { return 8; }}) is at most 4 bytes, below
   * {@code MaxInlineSize} and even {@code MaxTrivialSize}, so it is inlined at any call site and the
   * length folds (parse: the inlined return value is a constant node). Null when unknown.
   */
  private Long inlinedConstant(MethodRef callee) {
    if (callee == null || target.dontInline(callee.owner(), callee.name())) return null;
    CodeFacts.Body body = code.body(callee.owner(), callee.name(), callee.paramTypes());
    return body == null || body.constantReturn() == null ? null : (long) body.constantReturn();
  }

  /** What the class of a {@code new} alone decides: exceptions and the classes C2 never scalar-replaces. */
  RuntimePrediction classShape(String type) {
    CodeFacts.ClassShape c = code.shape(type);
    if (c == null) return null;
    if (c.extendsClass("java.lang.Throwable")) return heap(C2Condition.EXCEPTION, null);
    if (c.extendsClass("java.lang.Thread")) return heap(C2Condition.SPECIAL_CLASS, "a Thread subclass");
    if (c.extendsClass("java.lang.ref.Reference")) return heap(C2Condition.SPECIAL_CLASS, "a Reference subclass");
    if (c.finalizer()) return heap(C2Condition.SPECIAL_CLASS, "its class has a finalizer");
    if (c.instanceFields() > JitTarget.FIELDS_LIMIT) return heap(C2Condition.TOO_MANY_FIELDS, Integer.toString(c.instanceFields()));
    return null;
  }

  /**
   * What an array's length alone decides, for every array the model predicts (the program's
   * {@code new T[n]}, an array inside a callee, a copy a call makes: {@link ArrayCopies}): heap when
   * the length is not a compile-time constant ({@code length} null; {@code text} says what it is) or
   * is above {@code EliminateAllocationArraySizeLimit}; null when neither.
   */
  RuntimePrediction arrayLength(Integer length, String text) {
    if (length == null) return heap(C2Condition.ARRAY_LENGTH_NOT_CONSTANT, text);
    if (length > JitTarget.ARRAY_SIZE_LIMIT) return heap(C2Condition.ARRAY_TOO_LONG, Integer.toString(length));
    return null;
  }

  /** Buffers the JDK allocates inside an inlined constructor or method of the object (JDK summaries' allocations, by class). */
  private RuntimePrediction jdkBuffer(MethodResult mr, AllocSite s) {
    MethodIR m = mr.method();
    String t = s.type();
    boolean builder = t.equals("java.lang.StringBuilder") || t.equals("java.lang.StringBuffer");
    boolean list = t.equals("java.util.ArrayList");
    boolean map = t.equals("java.util.HashMap") || t.equals("java.util.HashSet") || t.equals("java.util.LinkedHashMap")
        || t.equals("java.util.LinkedHashSet");
    if (!builder && !list && !map) return null;
    Set<Var> vars = varsOf(mr, s);
    Set<String> called = new HashSet<>();
    for (Stmt st : m.stmts()) {
      if (st instanceof Stmt.Call c && c.receiver() != null && vars.contains(c.receiver())) called.add(c.callee().name());
    }
    if (builder) {
      if (called.contains("toString")) return heap(C2Condition.INTRINSIC, "toString copies the builder's byte[] into a String");
      if (!target.reducesAllocationMerges()) return heap(C2Condition.JDK_BUFFER, "the builder's byte[] buffer");
      return null;
    }
    if (map) {
      for (String put : List.of("put", "add", "putAll", "addAll", "computeIfAbsent", "merge", "compute", "putIfAbsent")) {
        if (called.contains(put)) return heap(C2Condition.JDK_BUFFER, "resize() allocates the table with a computed length");
      }
      return null;
    }
    boolean presized = s.details() instanceof AllocSite.Constructor c && c.paramTypes().equals(List.of("int"));
    if ((presized || called.contains("add") || called.contains("addAll")) && !target.reducesAllocationMerges()) {
      return heap(C2Condition.JDK_BUFFER, "the list's elementData array");
    }
    return null;
  }

  // ---- how the method uses it ----

  /**
   * What the method does with the object: {@code vars} may reference it, {@code createdBy} says
   * which statements define a variable with it (its allocation, or the call that returns it),
   * {@code loopDepth} is where it is created. An element access C2 does not compile
   * ({@link #coldUse}) does not count; the first that would have counted goes to {@code cold}.
   */
  private RuntimePrediction flow(MethodResult mr, Set<Var> vars, boolean array, int loopDepth, Predicate<Stmt> createdBy,
      List<RuntimePrediction.ColdUse> cold, boolean createdCold) {
    MethodIR m = mr.method();
    for (Access e : m.accesses()) {
      if (!e.isElement() || !vars.contains(e.base())) continue;
      RuntimePrediction p = !e.constantIndex() ? heap(C2Condition.INDEX_NOT_CONSTANT, "line " + e.ctx().pos().line())
          : e.ctx().loopDepth() > loopDepth ? heap(C2Condition.ELEMENT_IN_LOOP, "line " + e.ctx().pos().line()) : null;
      if (p == null) continue;
      RuntimePrediction.ColdUse c = createdCold ? null : coldUse(mr, -1, e.ctx());
      if (c == null) return p;
      cold.add(c);
    }
    // carried across iterations: a variable holding it is assigned in a loop and read there before
    // that assignment (the previous iteration's object), or read after the loop
    for (Stmt st : m.stmts()) {
      Var def = st.definedVar();
      if (def == null || !vars.contains(def) || st.ctx().loopId() < 0) continue;
      Loop loop = m.loop(st.ctx().loopId());
      int d = st.ctx().ordinal();
      for (int use : useOrdinals(m, Set.of(def))) {
        if ((loop.contains(use) && use < d) || use > loop.lastOrdinal()) {
          return heap(C2Condition.LOOP_CARRIED, "line " + loop.pos().line());
        }
      }
    }
    // merged with other objects or null: a variable that holds it on one path and something else
    // on another (results of calls and loads that merely may return it, as a container's get may,
    // are not joins of paths)
    Set<Var> fromSite = new HashSet<>();
    Set<Var> fromElsewhere = new HashSet<>();
    Map<Var, List<Integer>> defs = new HashMap<>();
    int lastDef = -1;
    for (Stmt st : m.stmts()) {
      Var def = st.definedVar();
      if (def == null || !vars.contains(def)) continue;
      defs.computeIfAbsent(def, k -> new ArrayList<>()).add(st.ctx().ordinal());
      if (createdBy.test(st) || (st instanceof Stmt.Copy c && vars.contains(c.source()))) {
        fromSite.add(def);
        lastDef = Math.max(lastDef, st.ctx().ordinal());
      } else if (st instanceof Stmt.Alloc || st instanceof Stmt.Copy || st instanceof Stmt.Call || st instanceof Stmt.StaticLoad) {
        fromElsewhere.add(def);
        lastDef = Math.max(lastDef, st.ctx().ordinal());
      }
    }
    for (NullAssignment n : m.nullAssignments()) {
      if (vars.contains(n.target())) {
        fromElsewhere.add(n.target());
        defs.computeIfAbsent(n.target(), k -> new ArrayList<>()).add(n.ctx().ordinal());
        lastDef = Math.max(lastDef, n.ctx().ordinal());
      }
    }
    Set<Var> merged = new HashSet<>(fromSite);
    merged.retainAll(fromElsewhere);
    // a merge at a loop head: the variable is assigned inside a loop and outside it
    for (Var v : merged) {
      List<Integer> ds = defs.get(v);
      for (Loop loop : m.loops()) {
        if (ds.stream().anyMatch(loop::contains) && ds.stream().anyMatch(o -> !loop.contains(o))) {
          return heap(C2Condition.LOOP_CARRIED, "line " + loop.pos().line());
        }
      }
    }
    if (!merged.isEmpty()) {
      if (!target.reducesAllocationMerges()) {
        return heap(C2Condition.MERGED, null);
      }
      String why = irreducible(m, merged, array, lastDef);
      if (why != null) return heap(C2Condition.MERGED, why);
    }
    if (!target.reducesAllocationMerges()) {
      for (Stmt st : m.stmts()) {
        if (st instanceof Stmt.Store w && w.field().equals(FieldRef.ARRAY_ELEMENT) && vars.contains(w.value())) {
          return heap(C2Condition.ARRAY_HOLDER, "stored into an array element, line " + w.ctx().pos().line());
        }
      }
    }
    return null;
  }

  /** Why JDK 23+'s allocation-merge reduction cannot handle the merge, or null when it can. */
  private static String irreducible(MethodIR m, Set<Var> merged, boolean array, int lastDef) {
    if (array) return "arrays are not reduced";
    for (Access a : m.accesses()) {
      if (a.write() && merged.contains(a.base()) && a.ctx().ordinal() > lastDef) {
        return "written after the merge, line " + a.ctx().pos().line();
      }
    }
    int firstCall = Integer.MAX_VALUE;
    for (Stmt st : m.stmts()) {
      int o = st.ctx().ordinal();
      if (o <= lastDef) continue;
      if (st instanceof Stmt.Monitor mon && merged.contains(mon.value())) return "locked after the merge, line " + st.ctx().pos().line();
      if (st instanceof Stmt.Call c) {
        for (Var a : c.args()) {
          if (a != null && merged.contains(a)) {
            return "passed to " + c.callee().displayName() + " after the merge, line " + st.ctx().pos().line();
          }
        }
        firstCall = Math.min(firstCall, o);
      }
    }
    for (int use : useOrdinals(m, merged)) {
      if (use > firstCall) return "alive across a call after the merge";
    }
    return null;
  }

  /** The ordinals of the statements and field or element accesses that read one of {@code vars}. */
  private static List<Integer> useOrdinals(MethodIR m, Set<Var> vars) {
    List<Integer> out = new ArrayList<>();
    for (Stmt st : m.stmts()) if (uses(st, vars)) out.add(st.ctx().ordinal());
    for (Access a : m.accesses()) if (vars.contains(a.base())) out.add(a.ctx().ordinal());
    return out;
  }

  // ---- the calls that receive it ----

  /**
   * The condition a reason of {@link #notInlined}, {@link #refused} or {@link #passedOn} names by its
   * prefix: {@code intrinsic:} (C2 handles the call itself and does not scalar-replace what it is
   * given), {@code index:} (a callee accesses it as an array at an index that is not a constant),
   * else a call that does not inline.
   */
  private static C2Condition conditionOf(String why) {
    if (why.startsWith(INTRINSIC)) return C2Condition.INTRINSIC;
    if (why.startsWith(INDEX)) return C2Condition.INDEX_NOT_CONSTANT;
    return C2Condition.NOT_INLINED;
  }

  /** {@code why} without its prefix ({@link #conditionOf}), as the prediction's detail says it. */
  private static String detailOf(String why) {
    if (why.startsWith(INTRINSIC)) return why.substring(INTRINSIC.length());
    if (why.startsWith(INDEX)) return why.substring(INDEX.length());
    return why;
  }

  private static final String INTRINSIC = "intrinsic:";
  private static final String INDEX = "index:";

  /**
   * The first call that receives the object ({@code vars} may reference it) and does not inline all
   * the way, or null. A call C2 does not compile ({@link #coldUse}), in {@code mr}'s method or in a
   * program callee the object is followed into, does not count; the first that would have counted
   * goes to {@code cold}.
   */
  private RuntimePrediction calls(MethodResult mr, Set<Var> vars, List<RuntimePrediction.ColdUse> cold, boolean createdCold) {
    Deque<String> stack = new ArrayDeque<>();
    stack.push(mr.method().ref().key());
    String why = receivers(mr, vars, 1, stack, cold, createdCold);
    return why == null ? null : heap(conditionOf(why), detailOf(why));
  }

  /**
   * Why one of the calls of {@code mr}'s method that receive the object ({@code vars}) does not
   * inline all the way down, or null; calls C2 does not compile are skipped, the first whose reason
   * they hide going to {@code cold}.
   */
  private String receivers(MethodResult mr, Set<Var> vars, int depth, Deque<String> stack, List<RuntimePrediction.ColdUse> cold,
      boolean createdCold) {
    List<Stmt> stmts = mr.method().stmts();
    for (int k = 0; k < stmts.size(); k++) {
      if (!(stmts.get(k) instanceof Stmt.Call c)) continue;
      for (int j = 0; j < c.args().size(); j++) {
        if (c.args().get(j) == null || !vars.contains(c.args().get(j))) continue;
        String why = notInlined(mr.method(), c, j, depth, stack, cold);
        if (why == null) break;
        RuntimePrediction.ColdUse skipped = createdCold ? null : coldUse(mr, k, c.ctx());
        if (skipped == null) return why;
        cold.add(skipped);
        break;
      }
    }
    return null;
  }

  /**
   * Why the call {@code c} of {@code caller}, which receives the object in slot {@code slot}, does
   * not inline all the way down (the callee, or a call in it that receives the object in turn), or
   * null when it does as far as known.
   */
  private String notInlined(MethodIR caller, Stmt.Call c, int slot, int depth, Deque<String> stack,
      List<RuntimePrediction.ColdUse> cold) {
    MethodRef callee = c.callee();
    String name = callee.owner() + "." + callee.name();
    switch (name) {
      case "java.lang.Object.getClass":
        return null; // an intrinsic: a load of the klass
      case "java.lang.System.arraycopy": {
        var len = c.argExpr(4);
        return len != null && len.isConstant() ? null : INTRINSIC + "System.arraycopy with a length that is not a constant";
      }
      default:
        break;
    }
    boolean virtual = !callee.isStatic() && !callee.isConstructor();
    // C2 binds a call with one implementation in the program to it (boundByHierarchy)
    MethodRef only = onlyImplementation(c);
    if (only != null) callee = only;
    CodeFacts.MethodCode own = virtual ? code.method(callee.owner(), callee.name(), callee.paramTypes()) : null;
    int implementations = only != null ? 1 : c.overrides().size() + (own != null && !own.isAbstract() ? 1 : 0);
    String why = refused(callee, caller.ref().owner(), slot, depth, c.ctx().conditional(), implementations, stack);
    if (why != null) return why;
    MethodResult result = methods.get(callee.key());
    if (result == null) {
      // an interface or abstract method of code we do not analyze, with no implementation in the
      // program, on a receiver this method did not create: the code that runs is the JDK's (or a
      // library's) class of the receiver, which only the call's type profile knows (Collection.contains
      // on a parameter, Stream.forEach on a stream a call returned); a receiver allocated here has
      // its class known to C2 (List<T> l = new ArrayList<>(); l.add(x))
      boolean noCode = declaring(callee) == null || (own != null && own.isAbstract());
      if (virtual && c.overrides().isEmpty() && noCode && !allocatedHere(caller, c.args().get(0))) {
        return callee.displayName() + ": an interface or abstract method on a receiver of unknown class; which"
            + " implementation runs, and whether C2 inlines it, only the call's type profile knows";
      }
      return passedOn(callee, slot, depth, stack);
    }
    MethodIR body = result.method();
    if (slot >= body.params().size() || body.params().get(slot) == null) return null;
    Set<Var> inCallee = copiesOf(body, Set.of(body.params().get(slot)));
    stack.push(callee.key());
    try {
      return receivers(result, inCallee, depth + 1, stack, cold, false);
    } finally {
      stack.pop();
    }
  }

  /**
   * The limits one call that receives the object (in {@code slot}) may break, whether the call is
   * in the program's IR or in a callee's bytecode ({@link #passedOn}): intrinsics that read the
   * object's header or update it atomically, hashing keys, {@code dontinline}, exception
   * constructors, recursion, megamorphic dispatch ({@code implementations}), native, size and
   * depth. Null when none applies.
   */
  private String refused(MethodRef callee, String callerOwner, int slot, int depth, boolean conditional,
      int implementations, Deque<String> stack) {
    String shown = callee.displayName();
    String name = callee.owner() + "." + callee.name();
    if (name.equals("java.lang.System.identityHashCode") || name.equals("java.lang.Object.hashCode")) {
      return INTRINSIC + shown + " reads the object header";
    }
    if (callee.owner().startsWith("java.util.concurrent.atomic.Atomic") && !callee.isConstructor()
        && !PLAIN_ATOMIC_ACCESS.contains(callee.name())) {
      return INTRINSIC + shown + " is an atomic read-modify-write (a LoadStore C2 does not scalar-replace)";
    }
    if (slot == 1 && HASHING.contains(callee.owner()) && KEYED.contains(callee.name())) {
      return shown + ": the JDK's shared hashCode/equals call sites it reaches are megamorphic in any real program";
    }
    if (target.dontInline(callee.owner(), callee.name())) return shown + ": CompileCommand dontinline";
    if (callee.isConstructor()) {
      CodeFacts.ClassShape owner = code.shape(callee.owner());
      CodeFacts.ClassShape in = code.shape(callerOwner);
      boolean throwable = owner != null && (owner.extendsClass("java.lang.Throwable") || callee.owner().equals("java.lang.Throwable"));
      boolean fromThrowable = in != null && (in.extendsClass("java.lang.Throwable") || callerOwner.equals("java.lang.Throwable"));
      if (throwable && !fromThrowable) return shown + ": an exception constructor (never inlined outside Throwable code)";
    }
    if (stack.contains(callee.key())) return shown + ": recursive";
    if (!callee.isStatic() && !callee.isConstructor() && implementations > 2) {
      return shown + ": megamorphic (" + implementations + " implementations)";
    }
    CodeFacts.MethodCode mc = code.method(callee.owner(), callee.name(), callee.paramTypes());
    if (mc != null) {
      if (mc.isNative()) return shown + ": native";
      if (mc.size() > JitTarget.FREQ_INLINE_SIZE) {
        return shown + ": too big (" + mc.size() + " bytes > FreqInlineSize " + JitTarget.FREQ_INLINE_SIZE + ")";
      }
      if (depth > JitTarget.MAX_INLINE_DEPTH && mc.size() > JitTarget.MAX_TRIVIAL_SIZE) return shown + ": inlining too deep";
      if (conditional && target.conditionalSitesAreCold() && mc.size() > JitTarget.MAX_INLINE_SIZE) {
        return shown + ": too big for a conditional (cold) call site (" + mc.size() + " bytes > MaxInlineSize "
            + JitTarget.MAX_INLINE_SIZE + ")";
      }
    }
    return null;
  }

  /** Per method key and slot, what {@link #passedOn} found ({@link #WALKING} while it is being walked). */
  private final Map<String, String> passedOn = new HashMap<>();

  private static final String WALKING = "";
  private static final String INLINES = "inlines";

  /**
   * Why a method the program calls without having its IR (the JDK's, a library's on the class
   * path), which receives the object in {@code slot}, does not inline all the way: its bytecode's
   * calls that may pass the object on ({@link CodeFacts.Invoke#passes}, read by
   * {@link ArgumentFlow}) break the same limits ({@link #refused}), or dispatch on a receiver the
   * method loads itself ({@code Method.invoke}'s {@code methodAccessor.invoke(obj, args)}): an
   * interface or abstract method whose receiver's class only the type profile of that call site
   * knows, a profile every caller of the JDK method shares (every reflective call of the program
   * goes through that one site). Where the receiver is the object itself or one of the method's
   * parameters, its class comes from the inlining context, which C2 sees and this walk does not:
   * assumed inlined, as before. Calls on the exception path (an exception's constructor or its
   * message) are not followed: C2 compiles a path that never ran as an uncommon trap. Null when
   * nothing is found or the bytecode is unknown. Memoised per method and slot (the depth is the
   * first walk's: past 15 levels only trivial methods inline, and the walks here are short).
   */
  private String passedOn(MethodRef method, int slot, int depth, Deque<String> stack) {
    String memo = method.key() + "@" + slot;
    String known = passedOn.get(memo);
    if (known != null) return known == WALKING ? method.displayName() + ": recursive" : known == INLINES ? null : known;
    String declaring = declaring(method);
    CodeFacts.Body body = declaring == null ? null : code.body(declaring, method.name(), method.paramTypes());
    if (body == null) return null;
    // JDK code calls only JDK code: a walk from it is the same for every analysis of this process
    // and target (the javac plugin makes a model per compilation unit)
    String shared = code.fromJdkImage(declaring) ? target + "|" + memo : null;
    if (shared != null) {
      String done = JDK_WALKS.get(shared);
      if (done != null) {
        passedOn.put(memo, done);
        return done == INLINES ? null : done;
      }
    }
    passedOn.put(memo, WALKING);
    stack.push(method.key());
    // Formatter.format's args[index], Arrays.hashCode's for-each under Objects.hash: measured heap
    // (bench/jit varargs.jdk-inlined; String.format and Paths.get on the held-out real-code set)
    String why = body.indexes(slot) ? INDEX + method.displayName() + " accesses it at an index that is not a constant" : null;
    try {
      for (CodeFacts.Invoke i : why != null ? List.<CodeFacts.Invoke>of() : body.invokes()) {
        if (i.argumentOf() != null && throwable(i.argumentOf())) continue;
        if (i.name().equals("<init>") && throwable(i.owner())) continue;
        for (int j = 0; j < i.sources().size() && why == null; j++) {
          if (i.passes(slot, j)) why = passedOn(method, declaring, i, j, depth, stack);
        }
        if (why != null) break;
      }
    } finally {
      stack.pop();
    }
    passedOn.put(memo, why == null ? INLINES : why);
    if (shared != null) JDK_WALKS.putIfAbsent(shared, why == null ? INLINES : why);
    return why;
  }

  /** {@link #passedOn}'s results for methods of the JDK's image, per target, method and slot; shared by the process's models. */
  private static final Map<String, String> JDK_WALKS = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@link #passedOn} for one call {@code i} of {@code method}'s bytecode that receives the object in slot {@code j}. */
  private String passedOn(MethodRef method, String declaring, CodeFacts.Invoke i, int j, int depth, Deque<String> stack) {
    MethodRef inner = i.callee();
    boolean isStatic = inner.isStatic();
    String name = i.owner() + "." + i.name();
    if (name.equals("java.lang.Object.getClass") || name.equals("java.lang.System.arraycopy")) return null;
    // the object is the receiver of a virtual or interface call: the object's own class picks the
    // code (String.concat's value.toString() runs String.toString, not Object.toString's
    // hashCode()), a class the walk does not carry; C2 knows it exactly once the allocation is
    // inlined: assumed inlined, as before
    if (j == 0 && !isStatic && !i.kind().equals("special")) return null;
    String why = refused(inner, declaring, j, depth + 1, false, 1, stack);
    if (why != null) return why;
    boolean open = i.kind().equals("interface");
    if (!open && !isStatic && !inner.isConstructor()) {
      String d = declaring(inner);
      CodeFacts.MethodCode mc = d == null ? null : code.method(d, i.name(), i.paramTypes());
      open = mc != null && mc.isAbstract();
    }
    if (open) {
      if (i.sources().get(0) != 0) return null; // the receiver's class comes from the context
      return method.displayName() + " passes it to " + inner.displayName()
          + ", a call on a receiver it loads itself: the type profile of that call site, shared by every caller, decides";
    }
    return passedOn(inner, j, depth + 1, stack);
  }

  /** The class that declares the code a call of {@code m} runs: its owner or, for an instance method, the nearest superclass that declares it. */
  private String declaring(MethodRef m) {
    if (code.method(m.owner(), m.name(), m.paramTypes()) != null) return m.owner();
    if (m.isStatic()) return null;
    CodeFacts.ClassShape shape = code.shape(m.owner());
    if (shape == null) return null;
    for (String s : shape.superclasses()) if (code.method(s, m.name(), m.paramTypes()) != null) return s;
    return null;
  }

  private boolean throwable(String type) {
    CodeFacts.ClassShape shape = code.shape(type);
    return shape != null && shape.extendsClass("java.lang.Throwable");
  }

  /**
   * Whether every definition of {@code v} in {@code m} is an allocation, a copy of one, or the result
   * of a statically bound call whose code returns a fresh object ({@link CodeFacts.Body#returnsFresh}:
   * {@code xs.iterator()} on an {@code ArrayList} returns a new {@code ArrayList$Itr}): its class is
   * exact to C2 once that call is inlined.
   */
  private boolean allocatedHere(MethodIR m, Var v) {
    if (v == null) return false;
    Origins o = Origins.of(m, v);
    if (!o.complete() || !o.params().isEmpty()) return false;
    for (Stmt st : o.definitions()) {
      if (!(st instanceof Stmt.Alloc) && !(st instanceof Stmt.Call call && returnsFresh(call))) return false;
    }
    return true;
  }

  /** Whether call {@code c} runs code of a known class (no override in the program) that returns a fresh object. */
  private boolean returnsFresh(Stmt.Call c) {
    MethodRef callee = c.callee();
    if (!c.overrides().isEmpty()) return false;
    String d = declaring(callee);
    if (d == null) return false;
    CodeFacts.Body body = code.body(d, callee.name(), callee.paramTypes());
    return body != null && body.returnsFresh();
  }

  /** Atomic-class methods that are plain loads and stores, not read-modify-write. */
  private static final Set<String> PLAIN_ATOMIC_ACCESS =
      Set.of("get", "set", "lazySet", "getPlain", "setPlain", "getOpaque", "setOpaque", "getAcquire", "setRelease",
          "intValue", "longValue", "doubleValue", "floatValue", "toString");

  /** Hashing collections: a key handed to them reaches {@code hashCode}/{@code equals} through shared JDK code. */
  private static final Set<String> HASHING = Set.of("java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.ConcurrentMap");

  private static final Set<String> KEYED = Set.of("get", "put", "containsKey", "remove", "getOrDefault", "putIfAbsent",
      "computeIfAbsent", "computeIfPresent", "compute", "merge", "contains", "add", "replace");

  // ---- variables ----

  /** The variables that may reference the site's object (the engine's points-to, which follows copies and loads). */
  private static Set<Var> varsOf(MethodResult mr, AllocSite s) {
    Set<Var> out = new HashSet<>();
    for (Stmt st : mr.method().stmts()) {
      Var d = st.definedVar();
      if (d != null && mr.mayPointTo(d, s)) out.add(d);
    }
    return out;
  }

  /** {@code seeds} and every variable a chain of copies reaches from them. */
  static Set<Var> copiesOf(MethodIR m, Set<Var> seeds) {
    Set<Var> out = new HashSet<>(seeds);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt st : m.stmts()) {
        if (st instanceof Stmt.Copy c && out.contains(c.source()) && out.add(c.target())) changed = true;
      }
    }
    return out;
  }


  private static boolean uses(Stmt st, Set<Var> vars) {
    if (st instanceof Stmt.Copy c) return vars.contains(c.source());
    if (st instanceof Stmt.Load l) return vars.contains(l.base());
    if (st instanceof Stmt.Store w) return vars.contains(w.base()) || vars.contains(w.value());
    if (st instanceof Stmt.StaticStore w) return vars.contains(w.value());
    if (st instanceof Stmt.Call c) return c.args().stream().anyMatch(a -> a != null && vars.contains(a));
    if (st instanceof Stmt.Return r) return vars.contains(r.value());
    if (st instanceof Stmt.Throw t) return vars.contains(t.value());
    if (st instanceof Stmt.Monitor mon) return vars.contains(mon.value());
    return false;
  }
}
