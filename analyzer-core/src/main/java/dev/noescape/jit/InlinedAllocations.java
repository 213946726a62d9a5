package dev.noescape.jit;

import dev.noescape.engine.ExactReceivers;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.UnpredictedCall;
import dev.noescape.jit.CodeFacts.Allocation;
import dev.noescape.jit.CodeFacts.Body;
import dev.noescape.jit.CodeFacts.Invoke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The allocations code the program calls makes on its behalf (issue 13: "what the line allocates,
 * not just the {@code new} on it"): for every call of an analyzed method into code that is not
 * analyzed (the JDK, a library whose classes are only on the class path), the allocation
 * instructions of the callee and of the callees it inlines in turn, each with a prediction:
 *
 * <ul>
 *   <li>an exception is heap: its constructor is never inlined outside {@code Throwable} code and
 *       it is thrown ({@link C2Condition#EXCEPTION});
 *   <li>an array whose length is not a constant in the callee's code, or above 64, and a
 *       {@code multianewarray}, are heap, as in the program's own code;
 *   <li>an object the callee returns to the program ({@code return new Itr();}, also through
 *       callees that return what they call) is the call's result: the engine's verdict on that
 *       result and the model's conditions on how the calling method uses it (merges, loops, calls
 *       that receive it) decide, as for a site of the program;
 *   <li>anything else the callee allocates, it stores, passes on or keeps: heap
 *       ({@link C2Condition#KEPT_BY_CALLEE}), the callee's code not being analyzed.
 * </ul>
 *
 * Callees are followed as C2 would inline them when it can: statically bound calls, virtual
 * calls resolved in the named class or its superclasses, and — for the program's own calls — an
 * interface or virtual call whose receiver's class is known exactly ({@code List l = new
 * ArrayList<>(); l.add(x)}: the engine's {@link ExactReceivers}, the class C2 sees at the
 * allocation), or whose receiver a callee returned fresh on every path ({@code s.codePoints()});
 * inside the callees' code, a virtual or interface call on a receiver C2 knows exactly ({@code this}
 * of a method entered with an exact receiver, an object the method creates or an earlier call of it
 * returned fresh: {@link ArgumentFlow}) runs the method that class selects;
 * not native, not recursive, at most {@code FreqInlineSize} bytes, as deep as
 * {@code MaxInlineLevel}. An interface or abstract method whose receiver's class is not known is
 * inlined by C2 by the type profile, which a static tool does not have: it is followed into each
 * candidate implementation among the classes the analyzed code creates ({@link #dispatch}), and
 * reported as an {@link UnpredictedCall} for the receivers the candidates may not cover. Which of these
 * C2 really inlines depends on frequencies the model does not know; the predictions are for the
 * allocations that end up in the caller's compiled code (a log names only those).
 */
final class InlinedAllocations {
  /**
   * At most this many allocations per callee, the ones of its own code first, then its callees' in
   * turns ({@link #reach}): a bound on huge
   * inline trees (a stream pipeline's), where C2 stops at {@code DesiredMethodLimit} long before.
   * Raised from 24 to 96 on 2026-12-07: the allocations past 24 (exceptions and growth buffers of
   * {@code StringBuilder.append}, {@code String.join}) were sites C2 compiled and kept.
   */
  private static final int MAX_PER_METHOD = 96;
  /**
   * Callees followed below the called method: as deep as C2 inlines (the called method is one
   * level, {@link JitTarget#MAX_INLINE_DEPTH} the deepest); was 5 until 2026-12-07, which missed
   * {@code Arrays.copyOf} under {@code StringBuilder.append} and the stream pipelines' objects.
   */
  private static final int MAX_DEPTH = JitTarget.MAX_INLINE_DEPTH - 1;

  /**
   * At most this many distinct implementations followed at one call whose code the receiver's type
   * profile picks (past it the call is followed nowhere). C2 inlines one or two; the bound is on the
   * report's size. On the workload jars (2026-12-07, JDK 25): 8 gave a 235 MB report and 131/148
   * sites right, 16 a 375 MB one and 134/154; 32 doubled 8's report (472 MB) to also follow
   * {@code Collection.add} in jackson's collection deserializer (one more site).
   */
  static final int MAX_CANDIDATES = 16;

  private final C2Model model;
  private final CodeFacts code;
  /** Per method key and depth left, what its inlined code allocates (null while being computed: recursion). */
  private final Map<String, Tree> reached = new HashMap<>();
  /**
   * The classes whose objects can be the receiver of a call the type profile decides (sorted: the
   * candidates are enumerated in this order): those the analyzed code creates and those the code it
   * reaches creates ({@link #instantiate}); null until then, when open calls are followed nowhere.
   */
  private Set<String> instantiated;
  /** Per class, every supertype (superclasses and all interfaces, itself included). */
  private final Map<String, Set<String>> supertypes = new HashMap<>();
  /** Per open method key, its candidate implementations. */
  private final Map<String, List<Target>> candidates = new HashMap<>();

  InlinedAllocations(C2Model model, CodeFacts code) {
    this.model = model;
    this.code = code;
  }

  /** An allocation a method's inlined code makes; {@code returned}: the method returns the object. */
  private record Reached(String allocator, String shown, Allocation allocation, boolean returned) {}

  /**
   * What a method's inlined code allocates, distinct by allocator and offset, its own first.
   *
   * @param returnedClass the one class of what the method returns when it returns a fresh object
   *     on every path ({@link Body#returnsFresh}, through the callees it returns from), else null
   * @param open the first call in the tree the walk follows nowhere because C2 inlines it by the
   *     receiver's type profile (an interface call, an abstract method), or null
   */
  private record Tree(List<Reached> allocations, String returnedClass, String open) {}

  /** A resolved callee with code. */
  private record Target(String key, String shown, Body body) {}

  /**
   * Collects the classes whose objects can reach a call C2 inlines by the receiver's type profile:
   * the classes the analyzed methods create with {@code new}, and those created by the code their
   * calls reach where the code is known without a profile (a rapid type analysis in one round: a
   * class only a candidate's code creates is not a candidate in turn). Then forgets the walk, whose
   * trees stopped at the open calls, so that {@link #predict} follows those calls into the
   * candidates. Runs once, before the first {@link #predict}.
   */
  void instantiate(Iterable<MethodResult> methods) {
    Set<String> classes = new TreeSet<>();
    for (MethodResult mr : methods) {
      for (AllocSite site : mr.method().sites()) {
        if (site.kind() == SiteKind.NEW_OBJECT) classes.add(site.type());
      }
      predict(mr, a -> {
        if (a.what().startsWith("new ")) classes.add(a.what().substring(4));
      }, c -> {});
    }
    reached.clear();
    instantiated = classes;
  }

  /**
   * Predicts the allocations inside the not-analyzed callees of {@code mr}'s method; a call whose
   * code depends on the receiver's type profile goes to {@code unknown} — after its candidate
   * implementations' allocations, when {@link #instantiate} found any, went to {@code out}: the
   * candidates may not be all the classes the profile sees.
   */
  void predict(MethodResult mr, Consumer<CalleeAllocation> out, Consumer<UnpredictedCall> unknown) {
    MethodIR m = mr.method();
    List<Stmt> stmts = m.stmts();
    Map<Integer, String> exact = null;
    // call results whose class is known because the callee returns a fresh object of one class
    // (s.codePoints() is an IntPipeline.Head): C2 sees the allocation once the callee is inlined
    Map<Integer, String> returned = new HashMap<>();
    Map<Integer, Integer> definitions = new HashMap<>();
    for (Stmt st : stmts) if (st.definedVar() != null) definitions.merge(st.definedVar().id(), 1, Integer::sum);
    for (int k = 0; k < stmts.size(); k++) {
      if (!(stmts.get(k) instanceof Stmt.Call c)) continue;
      MethodRef callee = c.callee();
      if (model.analyzed(callee.key())) continue; // its allocations are sites of its own
      if (callee.isConstructor() && throwable(callee.owner())) continue; // not inlined: the program's `new` is the site
      if (exact == null && c.receiver() != null) exact = ExactReceivers.of(m);
      // the receiver's exact class, which C2 sees at its allocation: a `new` of the method (also the
      // object a constructor call initializes), or what a callee returned fresh
      String receiverClass = null;
      if (c.receiver() != null) {
        receiverClass = exact.get(c.receiver().id());
        if (receiverClass == null && !callee.isConstructor()) receiverClass = returned.get(c.receiver().id());
      }
      // the receiver's class and its superclasses first; a default method of an interface it
      // implements is found where the call names it
      Target t = receiverClass == null || callee.isConstructor() ? null
          : selected(receiverClass, callee.owner(), callee.name(), callee.paramTypes());
      if (t == null) t = resolve(callee.owner(), callee.name(), callee.paramTypes(), !callee.isStatic());
      Tree tree;
      if (t != null) {
        tree = reach(t, MAX_DEPTH, receiverClass);
      } else if (receiverClass == null && needsProfile(callee.owner(), callee.name(), callee.paramTypes())) {
        // the type profile picks the code: each candidate's allocations, predicted as if it were the one inlined
        tree = dispatch(callee.owner(), callee.name(), callee.paramTypes(), MAX_DEPTH);
      } else {
        continue;
      }
      if (tree.open() != null) unknown.accept(new UnpredictedCall(m.ref(), c.ctx().pos(), callee.displayName(), tree.open()));
      if (c.result() != null && tree.returnedClass() != null && definitions.getOrDefault(c.result().id(), 0) == 1) {
        returned.put(c.result().id(), tree.returnedClass());
      }
      for (Reached r : tree.allocations()) {
        out.accept(new CalleeAllocation(m.ref(), c.ctx().pos(), callee.displayName(), r.allocator(),
            r.allocation().bci(), r.allocation().what(), predict(mr, k, c, r)));
      }
    }
  }

  private RuntimePrediction predict(MethodResult mr, int k, Stmt.Call c, Reached r) {
    Allocation a = r.allocation();
    String in = "in " + r.shown();
    if (a.opcode().equals("multianewarray")) return model.heap(C2Condition.MULTI_ARRAY, in);
    // an array under a copy call is the copy (Arrays.copyOf's new int[newLength]): once inlined, its
    // length is the call's, which the callee's own code does not show
    ArrayCopies.Copy copy = a.isArray() ? model.copyOf(mr, c) : null;
    if (copy != null) {
      RuntimePrediction p = model.arrayLength(copy.length(), copy.lengthText());
      return p != null ? p : model.callResult(mr, k, c, true, r::shown);
    }
    if (a.isArray()) {
      RuntimePrediction p = model.arrayLength(a.constantLength(), in);
      if (p != null) return p;
    } else {
      RuntimePrediction p = model.classShape(a.type());
      if (p != null) return p;
    }
    if (!r.returned()) return model.heap(C2Condition.KEPT_BY_CALLEE, "stored or passed on " + in);
    // the call's result: decided where the calling method uses it
    return model.callResult(mr, k, c, a.isArray(), r::shown);
  }

  /**
   * What {@code t}'s code and the callees it inlines allocate, its own first (memoized per method,
   * depth and exact receiver).
   *
   * @param exactThis the exact class of {@code this} when the call that entered {@code t} had a
   *     receiver C2 knows exactly (the program's {@code new}, a callee's fresh result, or this
   *     method's caller's exact {@code this} or own {@code new}), else null; the calls on it are then
   *     bound to the one method that class selects (C2's exact-type devirtualization, doCall.cpp
   *     {@code Compile::call_generator} through {@code ciMethod::resolve_invoke}), not left to a type
   *     profile
   */
  private Tree reach(Target t, int depthLeft, String exactThis) {
    Body body = t.body();
    // a method that calls nothing on `this` walks the same whatever its class: one memo entry
    if (exactThis != null && body.invokes().stream().noneMatch(i -> i.receiver() == 0)) exactThis = null;
    String memo = t.key() + "@" + depthLeft + (exactThis == null ? "" : " " + exactThis);
    if (reached.containsKey(memo)) {
      Tree known = reached.get(memo);
      return known != null ? known : new Tree(List.of(), null, null); // recursive: C2 does not inline it again
    }
    reached.put(memo, null);
    Map<String, Reached> out = new LinkedHashMap<>(); // one allocation reached along two paths is one allocation
    Set<String> classes = new TreeSet<>();
    boolean fresh = body.returnsFresh();
    // per instruction offset, the exact class of the object it made: a `new`, a call returning a fresh object
    Map<Integer, String> made = new HashMap<>();
    for (Allocation a : body.allocations()) {
      if (out.size() < MAX_PER_METHOD) out.putIfAbsent(t.key() + "@" + a.bci(), new Reached(t.key(), t.shown(), a, a.returned()));
      if (a.returned()) classes.add(a.type());
      if (!a.isArray()) made.put(a.bci(), a.type());
    }
    String open = null;
    List<Tree> subs = new ArrayList<>();
    List<Boolean> subsReturned = new ArrayList<>();
    for (Invoke i : body.invokes()) {
      // the method returns what this call returns (a constructor call before areturn returns nothing: the `new` is returned)
      boolean result = i.returned() && !i.name().equals("<init>");
      if (depthLeft == 0) {
        fresh &= !result;
        continue;
      }
      // a call building an exception's message runs only on the throw path; what it allocates
      // ends up in the exception (heap either way), and following it would fill the bound with
      // the StringBuilder.append trees of error messages
      if (i.argumentOf() != null && throwable(i.argumentOf())) continue;
      if (i.name().equals("<init>") && throwable(i.owner())) continue; // never inlined outside Throwable code
      String exact = i.kind().equals("static") ? null : i.receiver() == 0 ? exactThis : made.get(i.receiverMadeAt());
      boolean dispatched = i.kind().equals("virtual") || i.kind().equals("interface");
      Target inner = exact != null && dispatched ? selected(exact, i.owner(), i.name(), i.paramTypes())
          : i.kind().equals("interface") ? null : resolve(i.owner(), i.name(), i.paramTypes(), i.kind().equals("virtual"));
      Tree sub;
      if (inner != null) {
        sub = reach(inner, depthLeft - 1, exact);
      } else if (exact == null && (i.kind().equals("interface") || needsProfile(i.owner(), i.name(), i.paramTypes()))) {
        // an interface or abstract method: a type profile decides; each candidate followed, the class
        // of what it returns not known
        sub = dispatch(i.owner(), i.name(), i.paramTypes(), depthLeft - 1);
        if (open == null) open = sub.open();
        fresh &= !result;
        subs.add(sub);
        subsReturned.add(i.returned());
        continue;
      } else {
        fresh &= !result;
        continue;
      }
      if (open == null) open = sub.open();
      if (result) {
        if (sub.returnedClass() == null) fresh = false;
        else classes.add(sub.returnedClass());
      }
      if (sub.returnedClass() != null) made.put(i.bci(), sub.returnedClass());
      subs.add(sub);
      subsReturned.add(i.returned());
    }
    // the callees' allocations in turns, each callee's own first: the bound does not fall on the calls
    // that come last in the bytecode (IntPipeline.toArray's Nodes.flattenInt after the whole of
    // evaluateToArrayNode, whose parallel paths alone fill it)
    for (int j = 0, more = 1; more > 0 && out.size() < MAX_PER_METHOD; j++) {
      more = 0;
      for (int k = 0; k < subs.size() && out.size() < MAX_PER_METHOD; k++) {
        List<Reached> sub = subs.get(k).allocations();
        if (j >= sub.size()) continue;
        more++;
        Reached r = sub.get(j);
        out.putIfAbsent(r.allocator() + "@" + r.allocation().bci(),
            new Reached(r.allocator(), r.shown(), r.allocation(), r.returned() && subsReturned.get(k)));
      }
    }
    String returnedClass = fresh && classes.size() == 1 && !classes.iterator().next().endsWith("[]")
        ? classes.iterator().next() : null;
    Tree done = new Tree(List.copyOf(out.values()), returnedClass, open);
    reached.put(memo, done);
    return done;
  }

  /**
   * What a call whose code the receiver's type profile picks allocates, over its candidate
   * implementations ({@link #candidates}): C2 inlines the one or two the profile shows, behind a
   * type guard, and each candidate's allocations are its own instructions (a distinct method and
   * bci), so whichever is inlined, its allocations get the prediction made here. An allocation two
   * candidates reach (a shared superclass method) is predicted only when they agree on it (both
   * return it, or both keep it); otherwise it is left out. {@link Tree#open()} is the call itself:
   * the candidates are the classes the analysis saw created, not necessarily every class the
   * profile sees, so the allocations of other receivers stay unpredicted.
   */
  private Tree dispatch(String owner, String name, List<String> params, int depthLeft) {
    String key = owner + "#" + name + "(" + String.join(",", params) + ")";
    String memo = "dispatch " + key + "@" + depthLeft;
    if (reached.containsKey(memo)) {
      Tree known = reached.get(memo);
      return known != null ? known : new Tree(List.of(), null, key);
    }
    reached.put(memo, null);
    Map<String, Reached> out = new LinkedHashMap<>();
    Set<String> disputed = new HashSet<>();
    if (depthLeft >= 0) {
      List<List<Reached>> trees = new ArrayList<>();
      for (Target t : candidates(owner, name, params)) trees.add(reach(t, depthLeft, null).allocations());
      // round robin, each candidate's own allocations first: the bound does not fall on the
      // candidates that sort last
      for (int j = 0, more = 1; more > 0; j++) {
        more = 0;
        for (List<Reached> tree : trees) {
          if (j >= tree.size()) continue;
          more++;
          Reached r = tree.get(j);
          String at = r.allocator() + "@" + r.allocation().bci();
          Reached before = out.get(at);
          if (before == null && out.size() < MAX_PER_METHOD) out.put(at, r);
          else if (before != null && before.returned() != r.returned()) disputed.add(at);
        }
      }
    }
    out.keySet().removeAll(disputed);
    Tree done = new Tree(List.copyOf(out.values()), null, key);
    reached.put(memo, done);
    return done;
  }

  /**
   * The implementations a call of {@code owner.name(params)} can run on a receiver of a class the
   * analysis saw created ({@link #instantiated}), a subtype of {@code owner} an object can have:
   * the method that class selects (declared in it or inherited from a superclass, else the
   * interface's default method the call names), when C2 can inline it and it is not analyzed code
   * (whose allocations are sites of its own). Distinct methods in the classes' sorted order; none
   * when there are more than {@link #MAX_CANDIDATES}, or before {@link #instantiate}.
   */
  private List<Target> candidates(String owner, String name, List<String> params) {
    if (instantiated == null) return List.of();
    String key = owner + "#" + name + "(" + String.join(",", params) + ")";
    List<Target> known = candidates.get(key);
    if (known != null) return known;
    Map<String, Target> out = new LinkedHashMap<>();
    for (String cls : instantiated) {
      if (!supertypesOf(cls).contains(owner)) continue;
      CodeFacts.Supertypes st = code.supertypes(cls);
      if (st == null || !st.concrete()) continue;
      Target t = selected(cls, owner, name, params);
      if (t == null || model.analyzed(t.key())) continue;
      out.putIfAbsent(t.key(), t);
    }
    List<Target> found = out.size() > MAX_CANDIDATES ? List.of() : List.copyOf(out.values());
    candidates.put(key, found);
    return found;
  }

  /**
   * The code a call of {@code owner.name(params)} runs on an object of class {@code cls}: the method
   * declared in the class or inherited from a superclass, else the interface's default method the
   * call names; null when C2 cannot inline it ({@link #resolve}) or it is not known.
   */
  private Target selected(String cls, String owner, String name, List<String> params) {
    String declaring = declaring(cls, name, params);
    if (declaring == null) {
      CodeFacts.MethodCode named = code.method(owner, name, params);
      if (named != null && !named.isAbstract()) declaring = owner; // the default method
    }
    return declaring == null ? null : resolve(declaring, name, params, false);
  }

  /** The class that declares {@code name(params)} for an object of class {@code cls}: it or its nearest superclass; null when none does. */
  private String declaring(String cls, String name, List<String> params) {
    List<String> classes = new ArrayList<>();
    classes.add(cls);
    CodeFacts.ClassShape shape = code.shape(cls);
    if (shape != null) classes.addAll(shape.superclasses());
    for (String c : classes) {
      if (code.method(c, name, params) != null) return c;
    }
    return null;
  }

  /** {@code cls}, its superclasses and every interface they implement, as far as their class files are known. */
  private Set<String> supertypesOf(String cls) {
    Set<String> known = supertypes.get(cls);
    if (known != null) return known;
    Set<String> all = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(cls));
    CodeFacts.ClassShape shape = code.shape(cls);
    if (shape != null) todo.addAll(shape.superclasses());
    while (!todo.isEmpty()) {
      String t = todo.remove(todo.size() - 1);
      if (!all.add(t)) continue;
      CodeFacts.Supertypes st = code.supertypes(t);
      if (st != null) todo.addAll(st.interfaces());
    }
    supertypes.put(cls, all);
    return all;
  }

  /** Whether the method a call names has no code the model can follow because dispatch picks it: an interface or abstract method. */
  private boolean needsProfile(String owner, String name, List<String> params) {
    CodeFacts.MethodCode mc = code.method(owner, name, params);
    return mc != null && mc.isAbstract();
  }

  private boolean throwable(String type) {
    CodeFacts.ClassShape shape = code.shape(type);
    return shape != null && shape.extendsClass("java.lang.Throwable");
  }

  /**
   * The code a call runs as far as the model follows it: declared in {@code owner} or, for a
   * virtual call, inherited from a superclass; null when unknown, native, abstract or too large to
   * inline ({@code FreqInlineSize}).
   */
  private Target resolve(String owner, String name, List<String> params, boolean virtual) {
    List<String> classes = new ArrayList<>();
    classes.add(owner);
    if (virtual) {
      CodeFacts.ClassShape shape = code.shape(owner);
      if (shape != null) classes.addAll(shape.superclasses());
    }
    Set<String> seen = new HashSet<>();
    for (String cls : classes) {
      if (!seen.add(cls)) continue;
      CodeFacts.MethodCode mc = code.method(cls, name, params);
      if (mc == null) continue;
      if (mc.isNative() || mc.isAbstract() || mc.size() > JitTarget.FREQ_INLINE_SIZE) return null;
      Body body = code.body(cls, name, params);
      if (body == null) return null;
      String simple = cls.substring(cls.lastIndexOf('.') + 1);
      return new Target(cls + "#" + name + "(" + String.join(",", params) + ")", simple + "." + name, body);
    }
    return null;
  }
}
