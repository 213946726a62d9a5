package dev.noescape.engine;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one method whose run-time class is known exactly: every definition of the
 * variable is an allocation of that one class ({@code new T(...)}, an anonymous class) or a copy of
 * a variable that is. A virtual call on such a receiver can run one implementation only
 * ({@link CallTargets}), whatever the receiver's static type says.
 *
 * <p>Flow-insensitive, like the IR: a variable assigned {@code new A()} on one path and
 * {@code new B()} or a call's result on another has no exact class. Parameters, loads and call
 * results never do; neither do lambdas and method references (their classes are spun at run time).
 */
public final class ExactReceivers {
  private ExactReceivers() {}

  /** Marks a variable defined by something other than an allocation of one class. */
  private static final String MANY = "";

  /**
   * Exact class by variable id, for the variables that have one. Also what the C2 model reads to
   * follow a call on such a receiver into the one method C2 inlines ({@code dev.noescape.jit}).
   */
  public static Map<Integer, String> of(MethodIR m) {
    Map<Integer, String> state = new HashMap<>();
    Map<Integer, List<Integer>> copiesFrom = new HashMap<>();
    for (Var p : m.params()) if (p != null) state.put(p.id(), MANY);
    for (Stmt s : m.stmts()) {
      if (s instanceof Stmt.Alloc a && a.target() != null) {
        SiteKind k = a.site().kind();
        boolean exact = k != SiteKind.LAMBDA && k != SiteKind.METHOD_REF;
        meet(state, a.target().id(), exact ? a.site().type() : MANY);
      } else if (s instanceof Stmt.Copy c && c.target() != null) {
        if (c.source() == null) meet(state, c.target().id(), MANY);
        else copiesFrom.computeIfAbsent(c.source().id(), k -> new ArrayList<>()).add(c.target().id());
      } else if (s instanceof Stmt.Load l && l.target() != null) {
        meet(state, l.target().id(), MANY);
      } else if (s instanceof Stmt.StaticLoad l && l.target() != null) {
        meet(state, l.target().id(), MANY);
      } else if (s instanceof Stmt.Call c && c.result() != null) {
        meet(state, c.result().id(), MANY);
      }
    }
    // Copies carry a source's class to its target; a target copied from a variable with no
    // definition at all (unreachable code) learns nothing from it. Each variable's value only
    // moves down (unset, one class, MANY), so the worklist ends.
    List<Integer> work = new ArrayList<>(copiesFrom.keySet());
    work.sort(null);
    while (!work.isEmpty()) {
      int src = work.remove(work.size() - 1);
      String v = state.get(src);
      if (v == null) continue;
      for (int t : copiesFrom.getOrDefault(src, List.of())) {
        if (meet(state, t, v) && copiesFrom.containsKey(t)) work.add(t);
      }
    }
    state.values().removeIf(MANY::equals);
    return state;
  }

  /** Lowers {@code var}'s value by {@code cls}; whether it changed. */
  private static boolean meet(Map<Integer, String> state, int var, String cls) {
    String old = state.get(var);
    String now = old == null ? cls : old.equals(cls) ? old : MANY;
    if (now.equals(old)) return false;
    state.put(var, now);
    return true;
  }
}
