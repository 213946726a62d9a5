package dev.noescape.rules;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.Access;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Arms;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Origins;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.Var;
import dev.noescape.ir.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a loop starts a {@code String} accumulator afresh: what decides whether {@code
 * StringConcatInLoop}'s concatenation really copies a string that grows over the whole loop
 * ({@link #find}). netty's header decoder appends a folded continuation line to {@code value} on
 * one arm and, on the other, hands the header off and lets the private {@code splitHeader} assign
 * {@code value} a new string: the string grows only over a run of continuation lines.
 *
 * <p>The record is the program fact the decision needs from other methods: the fields each private
 * method assigns afresh on every normal path ({@link #of}), by {@code MethodRef.key()}.
 *
 * @param freshFields for each private, non-synthetic method of the program, the fields of its own
 *     instance ({@code this.f}) it assigns a value not derived from their old one on every normal path
 */
public record AccumulatorResets(Map<String, Set<String>> freshFields) {
  /** No method known to start a field afresh. */
  public static final AccumulatorResets NONE = new AccumulatorResets(Map.of());

  public AccumulatorResets {
    Map<String, Set<String>> copy = new HashMap<>();
    freshFields.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    freshFields = Map.copyOf(copy);
  }

  /**
   * Where a loop starts the accumulator afresh, and how that lies to the concatenations.
   *
   * @param at the assignment, the write of the field or the call that starts it afresh
   * @param through the private method that starts it afresh, when {@code at} is a call of it; else null
   * @param spans false when the accumulation never spans iterations (the reset runs in every
   *     iteration that concatenates); true when the reset is on another arm, so that the string
   *     grows over the consecutive iterations that take the concatenating arm
   */
  public record Reset(StmtContext at, String through, boolean spans) {}

  /**
   * The fields each private method of {@code result} assigns afresh on every normal path: writes
   * of a field of {@code this} ({@link #freshWrites}), not on a cold path nor in a loop (which may
   * run no iteration), that run on every path to a normal return, one alone ({@link
   * StmtContext#conditional()} false) or one on each arm of a branch that does ({@link
   * Arms#onceTogether} with loop -1: netty's {@code splitHeader} ends in {@code if (…) value = "";
   * else value = …;}). One level: a call to another method that assigns it does not count.
   */
  public static AccumulatorResets of(AnalysisResult result) {
    Map<String, Set<String>> out = new HashMap<>();
    for (MethodResult r : result.methods()) {
      MethodIR m = r.method();
      if (m.visibility() != Visibility.PRIVATE || m.synthetic()) continue;
      Set<String> fields = new HashSet<>();
      freshWrites(m).forEach((name, writes) -> {
        // one write per arm it runs once in, on the way to a normal return
        Map<Arms.Arm, StmtContext> byArm = new HashMap<>();
        for (StmtContext ctx : writes) {
          if (ctx.isCold() || ctx.loopId() >= 0) continue;
          Arms.Arm arm = m.control().arms().armOf().get(ctx.ordinal());
          if (!ctx.conditional()) fields.add(name);
          else if (arm != null) byArm.putIfAbsent(arm, ctx);
        }
        if (!byArm.isEmpty() && m.control().arms().onceTogether(new ArrayList<>(byArm.values()), -1)) fields.add(name);
      });
      if (!fields.isEmpty()) out.put(m.ref().key(), fields);
    }
    return new AccumulatorResets(out);
  }

  /**
   * The reset of accumulator {@code acc} in loop {@code loopId} of {@code m} that matters to the
   * concatenations {@code concats} (all onto {@code acc} in that loop), or null. A reset runs
   * directly in that loop (not in a nested one, not on a cold path) and assigns the accumulator a
   * value not derived from its old value ({@link #derived}): for a local, an assignment of it (the
   * IR does not show a local assigned a constant: {@code s = ""} is none); for a field of {@code
   * this}, a write of it ({@link #freshWrites}), or a call on {@code this} of a private method of
   * the same class that assigns it afresh on every normal path ({@link #freshFields}; a method a
   * subclass may override is not known to). A static field or another object's is not followed.
   * Of the resets:
   *
   * <ul>
   *   <li>one that runs in every iteration that runs a concatenation (once per iteration, or exactly
   *       once on the concatenation's arm or an arm enclosing it: {@link Arms#runsWhenever}), before
   *       or after it, means the accumulation never spans iterations ({@link Reset#spans()} false),
   *       and is preferred;
   *   <li>else one on another arm of a branch than every concatenation ({@link Arms#exclusive})
   *       means the string grows only over consecutive iterations that take the concatenating arm
   *       ({@link Reset#spans()} true).
   * </ul>
   *
   * A reset under a condition on the concatenation's own path (or where the front end found no
   * arm, {@link Arms}) is neither: the finding stays a warning.
   */
  Reset find(MethodIR m, int loopId, AllocSite.Accumulator acc, List<AllocSite> concats, Set<String> privateMethods) {
    if (loopId < 0) return null;
    Reset across = null;
    for (Reset r : candidates(m, acc, privateMethods)) {
      StmtContext ctx = r.at();
      if (ctx.loopId() != loopId || ctx.isCold()) continue;
      boolean everyTime = true;
      boolean otherArm = true;
      for (AllocSite c : concats) {
        int at = c.ctx().ordinal();
        everyTime &= ctx.oncePerIteration() || m.control().arms().runsWhenever(ctx.ordinal(), at);
        otherArm &= m.control().arms().exclusive(ctx.ordinal(), at);
      }
      if (everyTime) return new Reset(ctx, r.through(), false);
      if (otherArm && across == null) across = new Reset(ctx, r.through(), true);
    }
    return across;
  }

  /** Where {@code m} assigns accumulator {@code acc} a value not derived from its old one, in program order. */
  private List<Reset> candidates(MethodIR m, AllocSite.Accumulator acc, Set<String> privateMethods) {
    List<Reset> out = new ArrayList<>();
    String field = acc.isField() ? fieldName(acc) : null;
    if (acc.isField() && field == null) return out;
    if (field != null) for (StmtContext w : freshWrites(m).getOrDefault(field, List.of())) out.add(new Reset(w, null, true));
    for (Stmt st : m.stmts()) {
      if (field == null) {
        Var v = st.definedVar();
        if (v != null && !v.isTemporary() && v.name().equals(acc.name()) && !derivedBy(m, st, acc.name(), false)) {
          out.add(new Reset(st.ctx(), null, true));
        }
      } else if (st instanceof Stmt.Call c && c.callee().owner().equals(m.ref().owner())
          && privateMethods.contains(c.callee().key()) && isThis(m, c.receiver())
          && freshFields.getOrDefault(c.callee().key(), Set.of()).contains(field)) {
        // through a private method of this class, which no subclass overrides
        out.add(new Reset(st.ctx(), c.callee().name(), true));
      }
    }
    out.sort(java.util.Comparator.comparingInt(r -> r.at().ordinal()));
    return out;
  }

  /**
   * The writes of each field of {@code this} in {@code m} ({@code this.f}: {@link MethodIR#accesses()})
   * that assign it a value not derived from its old value ({@link #derived}): the store that
   * follows the write, or none when the value moves no reference (a constant, {@code null}).
   */
  private static Map<String, List<StmtContext>> freshWrites(MethodIR m) {
    Map<Integer, Stmt> byOrdinal = new HashMap<>();
    for (Stmt st : m.stmts()) byOrdinal.put(st.ctx().ordinal(), st);
    Map<String, List<StmtContext>> out = new TreeMap<>();
    for (Access a : m.accesses()) {
      if (!a.write() || a.isElement() || !isThis(m, a.base())) continue;
      String name = "this." + a.field().name();
      // both front ends record the write, then the store of a reference value
      boolean fresh = !(byOrdinal.get(a.ctx().ordinal() + 1) instanceof Stmt.Store st && st.field().equals(a.field())
          && st.base().equals(a.base()) && derived(m, st.value(), name, true));
      if (fresh) out.computeIfAbsent(name, k -> new ArrayList<>()).add(a.ctx());
    }
    return out;
  }

  /** How a field accumulator is named in {@link #freshFields}: {@code this.f}; null for a static field or another object's. */
  private static String fieldName(AllocSite.Accumulator acc) {
    String n = acc.name();
    return n.startsWith("this.") && n.indexOf('.', 5) < 0 ? n : null;
  }

  private static boolean isThis(MethodIR m, Var v) {
    return v != null && !m.ref().isStatic() && !m.params().isEmpty() && v.equals(m.params().get(0));
  }

  /**
   * Whether value {@code v} may be derived from the old value of accumulator {@code acc} (a local's
   * name, or a field as in {@link #freshFields}): it is the local, a load of the field, a
   * concatenation (whose operands the IR does not show), or a call with an argument that may be
   * derived; for a field, {@code this} too (a call on it may read the field). A parameter, a
   * constant, {@code null}, a new object, a load of another field or a static one, or a call on
   * none of these is not. A variable defined more than once is followed no further (it may be), nor
   * is one {@link #DERIVED_STEPS} steps away.
   */
  private static boolean derived(MethodIR m, Var v, String acc, boolean field) {
    return v != null && derived(m, Definitions.of(m).walk(v, derivation(m)), acc, field);
  }

  /** Whether the value statement {@code def} defines may be derived from the accumulator's old value ({@link #derived}). */
  private static boolean derivedBy(MethodIR m, Stmt def, String acc, boolean field) {
    return derived(m, Definitions.of(m).walk(def, derivation(m)), acc, field);
  }

  private static boolean derived(MethodIR m, Origins o, String acc, boolean field) {
    if (!o.complete() || o.cut()) return true; // what is not known, or not followed, may be
    if (o.reaches(v -> field ? isThis(m, v) : !v.isTemporary() && v.name().equals(acc))) return true;
    return o.endsAt(d -> d instanceof Stmt.Alloc a ? a.site().kind() == SiteKind.STRING_CONCAT
        : d instanceof Stmt.Load l && field && acc.equals("this." + l.field().name())); // l reads a field of this
  }

  /** How far {@link #derived} follows a value back before it says "may be". */
  private static final int DERIVED_STEPS = 9;

  /**
   * The walk of {@link #derived}: through copies, loads (to the object read from) and calls (to
   * their arguments), not into a load of a field of {@code this} (it is the accumulator or another
   * field, not what {@code this} holds), nor into a variable defined more than once.
   */
  private static Definitions.Walk derivation(MethodIR m) {
    return Definitions.Walk.COPIES.definedOnce().bounded(DERIVED_STEPS).lookingThrough(d -> d instanceof Stmt.Copy
        || d instanceof Stmt.Call || d instanceof Stmt.Load l && !isThis(m, l.base()));
  }
}
