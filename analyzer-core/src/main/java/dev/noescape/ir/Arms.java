package dev.noescape.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Branches whose arms exclude each other (the two arms of an {@code if}/{@code else} or a
 * {@code ?:}, the cases of a {@code switch}), and which statements run exactly once whenever one
 * arm is taken: what shows that a statement on every arm runs once per iteration of its loop
 * together with its twins, though none of them does alone ({@link StmtContext#oncePerIteration()}
 * is false for each). The one place that decides it is {@link #onceTogether}; whether two statements
 * exclude each other, {@link #exclusive}.
 *
 * <p>An {@code if} without {@code else} is a branch of two arms whose second arm holds nothing, and
 * a {@code switch} without a default a branch with one empty arm more than it has cases: nothing
 * runs once on every path through them.
 *
 * <p>The javac front end gives the arms of the tree ({@code if}/{@code else}, {@code ?:}, a
 * {@code switch} whose cases cannot fall through). The bytecode front end finds them in the
 * control flow: a branch statement with its distinct successors as arms, and a statement in arm k
 * when the branch dominates it, every path from the arm's first statement through the iteration
 * passes it, and no other arm reaches it (javac's hidden {@code default} of an exhaustive
 * {@code switch}, which only throws {@code MatchException}, is no arm, as in the source). A
 * condition with {@code &&} or {@code ||} compiles to several tests that end on its two outcomes:
 * one branch whose arms are those outcomes, as in the source; where the tests have other code
 * between them ({@code a != null && a.isEmpty()}), its arms are not found (a documented gap).
 *
 * <p>Outside loops the method's body counts as one iteration of no loop ({@link Branch#loopId()}
 * -1), which ends at a normal return (a throw is no normal path).
 *
 * @param branches every branch, by id
 * <p>An arm that logs at error level ({@code log.error(…)}, {@code logger.severe(…)}: a call the
 * data {@code models/logging-errors} names, which runs once whenever the arm is taken) handles a
 * failure: it reports it, then closes, skips or falls back and goes on. It runs once per failure,
 * not once per operation, so the code of that arm (and of the arms nested in it) is an error path
 * ({@link #errorLogged}). The call must be in an arm: an error logged on every iteration, or in
 * straight-line code, marks nothing.
 *
 * @param armOf the arm each statement runs exactly once in, by {@link StmtContext#ordinal()}; a
 *     statement that runs once per iteration, or under no such arm, is absent
 * @param errorLogging the arms an error-level logging call runs exactly once in
 */
public record Arms(List<Branch> branches, Map<Integer, Arm> armOf, Set<Arm> errorLogging) {
  /** No branches known: only single statements run once per iteration. */
  public static final Arms NONE = new Arms(List.of(), Map.of(), Set.of());

  /** Arms without error-level logging calls. */
  public Arms(List<Branch> branches, Map<Integer, Arm> armOf) {
    this(branches, armOf, Set.of());
  }

  /**
   * {@link Branch#parentBranch()} of a branch that runs once on every path through one iteration of
   * its loop or, outside loops, on every path through the method to a normal return (its body is
   * one iteration of no loop, {@code loopId} -1).
   */
  public static final int ROOT = -1;

  /** {@link Branch#parentBranch()} of a branch that runs neither once per iteration nor once in an arm. */
  public static final int NOWHERE = -2;

  /**
   * @param loopId the innermost loop the branch is in, or -1
   * @param arms how many arms it has (empty ones included)
   * @param parentBranch the branch in one of whose arms it runs exactly once, or {@link #ROOT}, or
   *     {@link #NOWHERE}
   * @param parentArm that arm of {@code parentBranch}, else -1
   */
  public record Branch(int loopId, int arms, int parentBranch, int parentArm) {}

  /** Arm {@code arm} of branch {@code branch}. */
  public record Arm(int branch, int arm) {}

  public Arms {
    branches = List.copyOf(branches);
    armOf = Map.copyOf(armOf);
    errorLogging = Set.copyOf(errorLogging);
  }

  /**
   * The arms of {@code armOf} in which one of {@code calls} (ordinals of error-level logging
   * calls, as the front end found them) runs exactly once.
   */
  public static Set<Arm> armsOf(Map<Integer, Arm> armOf, Iterable<Integer> calls) {
    Set<Arm> out = new HashSet<>();
    for (int c : calls) {
      Arm a = armOf.get(c);
      if (a != null) out.add(a);
    }
    return out;
  }

  /**
   * Whether the statement at ordinal {@code stmt} is on an error path because its arm logs at error
   * level: an arm that encloses it ({@link #runsWhenever}: its own arm, its branch's arm, and so on
   * up) is one of {@link #errorLogging}. False for a statement in no known arm.
   */
  public boolean errorLogged(int stmt) {
    if (errorLogging.isEmpty()) return false;
    for (Arm a : enclosing(stmt)) if (errorLogging.contains(a)) return true;
    return false;
  }

  /**
   * Whether the statements at {@code ctxs} together run exactly once on every path through one
   * iteration of loop {@code loopId} (-1: through the method, to a normal return): a single
   * statement that runs once per iteration, or one
   * statement on every arm of a branch that runs once per iteration, where an arm may instead hold
   * a nested branch that covers it the same way. Two statements on one arm, an arm without one, or
   * a statement outside the branch's arms is not.
   */
  public boolean onceTogether(List<StmtContext> ctxs, int loopId) {
    if (ctxs.size() == 1) return ctxs.get(0).oncePerIteration() && ctxs.get(0).loopId() == loopId;
    if (ctxs.isEmpty()) return false;
    List<List<Arm>> chains = new ArrayList<>();
    for (StmtContext c : ctxs) {
      List<Arm> chain = chain(c.ordinal());
      if (chain == null) return false;
      chains.add(chain);
    }
    int root = chains.get(0).get(0).branch();
    if (branches.get(root).loopId() != loopId) return false;
    for (List<Arm> ch : chains) if (ch.get(0).branch() != root) return false;
    return covers(chains, 0, root);
  }

  /**
   * Whether the statement at ordinal {@code stmt} runs exactly once whenever the statement at
   * ordinal {@code other} runs: its arm is {@code other}'s arm or an arm that encloses it. False when
   * either runs in no known arm (then only {@link StmtContext#oncePerIteration()} can tell).
   */
  public boolean runsWhenever(int stmt, int other) {
    Arm target = armOf.get(stmt);
    return target != null && enclosing(other).contains(target);
  }

  /**
   * Whether the statements at ordinals {@code stmt} and {@code other} never run in one pass through
   * their branch: each runs in a known arm, and the arms enclosing one (its own, its branch's arm,
   * and so on up) and those enclosing the other meet at a branch on different arms of it. False
   * when either runs in no known arm.
   */
  public boolean exclusive(int stmt, int other) {
    Map<Integer, Integer> armByBranch = new HashMap<>();
    for (Arm a : enclosing(other)) armByBranch.put(a.branch(), a.arm());
    for (Arm a : enclosing(stmt)) {
      Integer k = armByBranch.get(a.branch());
      if (k != null) return k != a.arm();
    }
    return false;
  }

  /** The arm the statement at {@code ordinal} runs once in, then the arm its branch runs once in, and so on up. */
  private List<Arm> enclosing(int ordinal) {
    List<Arm> out = new ArrayList<>();
    Arm a = armOf.get(ordinal);
    for (int guard = 0; a != null && guard <= branches.size(); guard++) {
      out.add(a);
      Branch b = branches.get(a.branch());
      a = b.parentBranch() >= 0 ? new Arm(b.parentBranch(), b.parentArm()) : null;
    }
    return out;
  }

  /** The arms from a once-per-iteration branch down to the statement's own, or null when there is no such chain. */
  private List<Arm> chain(int ordinal) {
    Arm a = armOf.get(ordinal);
    if (a == null) return null;
    List<Arm> out = new ArrayList<>();
    for (int guard = 0; guard <= branches.size(); guard++) {
      out.add(0, a);
      Branch b = branches.get(a.branch());
      if (b.parentBranch() == ROOT) return out;
      if (b.parentBranch() == NOWHERE) return null;
      a = new Arm(b.parentBranch(), b.parentArm());
    }
    return null;
  }

  /** Whether {@code chains}, which all pass branch {@code branch} at {@code depth}, put exactly one statement on each of its arms. */
  private boolean covers(List<List<Arm>> chains, int depth, int branch) {
    for (int k = 0; k < branches.get(branch).arms(); k++) {
      List<List<Arm>> on = new ArrayList<>();
      for (List<Arm> ch : chains) if (ch.get(depth).arm() == k) on.add(ch);
      if (on.isEmpty()) return false;
      boolean endsHere = false;
      for (List<Arm> ch : on) endsHere |= ch.size() == depth + 1;
      if (endsHere) {
        if (on.size() != 1) return false;
        continue;
      }
      int nested = on.get(0).get(depth + 1).branch();
      for (List<Arm> ch : on) if (ch.get(depth + 1).branch() != nested) return false;
      if (!covers(on, depth + 1, nested)) return false;
    }
    return true;
  }
}
