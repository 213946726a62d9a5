package dev.noescape.jit;

import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.C2Condition;
import dev.noescape.ir.CalleeAllocation;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import dev.noescape.jit.CodeFacts.Allocation;
import dev.noescape.jit.CodeFacts.Body;
import dev.noescape.jit.CodeFacts.Invoke;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Callees are followed as C2 would inline them when it can: statically bound calls and virtual
 * calls resolved in the named class or its superclasses (interface calls, which need a type
 * profile, are not followed), not native, not recursive, at most {@code FreqInlineSize} bytes.
 * Which of these C2 really inlines depends on frequencies the model does not know; the
 * predictions are for the allocations that end up in the caller's compiled code.
 */
final class InlinedAllocations {
  /** At most this many allocations per callee, the ones of its own code first (a bound on huge inline trees). */
  private static final int MAX_PER_METHOD = 24;
  /**
   * Callees followed below the called method: C2 inlines deeper (MaxInlineLevel 15), but rarely
   * all of a large tree, and each level multiplies what the report lists.
   */
  private static final int MAX_DEPTH = 5;

  private final C2Model model;
  private final CodeFacts code;
  /** Per method key and depth left, what its inlined code allocates (null while being computed: recursion). */
  private final Map<String, List<Reached>> reached = new HashMap<>();

  InlinedAllocations(C2Model model, CodeFacts code) {
    this.model = model;
    this.code = code;
  }

  /** An allocation a method's inlined code makes; {@code returned}: the method returns the object. */
  private record Reached(String allocator, String shown, Allocation allocation, boolean returned) {}

  /** A resolved callee with code. */
  private record Target(String key, String shown, Body body) {}

  /** Predicts the allocations inside the not-analyzed callees of {@code mr}'s method. */
  void predict(MethodResult mr, Consumer<CalleeAllocation> out) {
    MethodIR m = mr.method();
    List<Stmt> stmts = m.stmts();
    for (int k = 0; k < stmts.size(); k++) {
      if (!(stmts.get(k) instanceof Stmt.Call c)) continue;
      MethodRef callee = c.callee();
      if (model.analyzed(callee.key())) continue; // its allocations are sites of its own
      if (callee.isConstructor() && throwable(callee.owner())) continue; // not inlined: the program's `new` is the site
      Target t = resolve(callee.owner(), callee.name(), callee.paramTypes(), !callee.isStatic());
      if (t == null) continue;
      Set<String> seen = new HashSet<>(); // one allocation reached along two paths is one allocation
      for (Reached r : reach(t, MAX_DEPTH)) {
        if (!seen.add(r.allocator() + "@" + r.allocation().bci())) continue;
        out.accept(new CalleeAllocation(m.ref(), c.ctx().pos(), callee.displayName(), r.allocator(),
            r.allocation().bci(), r.allocation().what(), predict(mr, k, c, r)));
      }
    }
  }

  private RuntimePrediction predict(MethodResult mr, int k, Stmt.Call c, Reached r) {
    Allocation a = r.allocation();
    String in = "in " + r.shown();
    if (a.opcode().equals("multianewarray")) return model.heap(C2Condition.MULTI_ARRAY, in);
    if (a.isArray()) {
      RuntimePrediction p = model.arrayLength(a.constantLength(), in);
      if (p != null) return p;
    } else {
      RuntimePrediction p = model.classShape(a.type());
      if (p != null) return p;
    }
    if (!r.returned()) return model.heap(C2Condition.KEPT_BY_CALLEE, "stored or passed on " + in);
    // the call's result: decided where the calling method uses it
    EscapeState state = c.result() == null ? null : mr.callResult(k);
    if (state == null || state == EscapeState.GLOBAL_ESCAPE) {
      return model.heap(C2Condition.ESCAPES, "the result of " + c.callee().displayName());
    }
    MethodIR m = mr.method();
    Set<Var> vars = C2Model.copiesOf(m, Set.of(c.result()));
    RuntimePrediction p = model.flow(m, vars, a.isArray(), c.ctx().loopDepth(), st -> st == c);
    if (p == null) p = model.calls(m, vars);
    return p != null ? p : new RuntimePrediction(false, C2Condition.NONE, r.shown(), model.target().jdk());
  }

  /** What {@code t}'s code and the callees it inlines allocate, its own first (memoized). */
  private List<Reached> reach(Target t, int depthLeft) {
    String memo = t.key() + "@" + depthLeft;
    if (reached.containsKey(memo)) {
      List<Reached> known = reached.get(memo);
      return known != null ? known : List.of(); // recursive: C2 does not inline it again
    }
    reached.put(memo, null);
    List<Reached> out = new ArrayList<>();
    for (Allocation a : t.body().allocations()) {
      if (out.size() < MAX_PER_METHOD) out.add(new Reached(t.key(), t.shown(), a, a.returned()));
    }
    for (Invoke i : t.body().invokes()) {
      if (depthLeft == 0 || out.size() >= MAX_PER_METHOD) break;
      if (i.kind().equals("interface")) continue; // a type profile decides; not known statically
      if (i.name().equals("<init>") && throwable(i.owner())) continue; // never inlined outside Throwable code
      Target inner = resolve(i.owner(), i.name(), i.paramTypes(), i.kind().equals("virtual"));
      if (inner == null) continue;
      for (Reached r : reach(inner, depthLeft - 1)) {
        if (out.size() >= MAX_PER_METHOD) break;
        out.add(new Reached(r.allocator(), r.shown(), r.allocation(), r.returned() && i.returned()));
      }
    }
    List<Reached> done = List.copyOf(out);
    reached.put(memo, done);
    return done;
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
