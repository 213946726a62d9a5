package dev.noescape.bytecode.loop;

import dev.noescape.ir.Arms;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The arms of branches, found in the control flow ({@link Arms} for the bytecode front end, where
 * the branches of an {@code if}/{@code else}, a {@code ?:} or a {@code switch} join again). A
 * branch is an {@code if} or {@code switch} statement of a loop's own body (not of a nested loop),
 * or of the method's body outside loops, which counts as one iteration ending at a return, a throw
 * or the entry of a loop; its arms are its distinct successors. Statement {@code i} runs exactly once in arm
 * {@code k} of branch {@code d} when
 *
 * <ul>
 *   <li>{@code d} dominates {@code i} (so {@code i} runs only after {@code d} chose), and both are
 *       directly in the same loop (not in a nested one, so neither runs twice in an iteration);
 *   <li>of {@code d}'s arms only arm {@code k} reaches {@code i} within the iteration (without going
 *       round through the loop header or leaving the loop): after the arms join, a statement is in
 *       no arm;
 *   <li>every path from the start of arm {@code k} to the end of the iteration (the header again,
 *       a loop exit, a return or a throw) passes {@code i}.
 * </ul>
 *
 * The nearest such branch on {@code i}'s dominator chain is its arm. A successor from which every
 * path ends in javac's own exhaustiveness failure (the hidden {@code default} of a {@code switch}
 * over every enum constant or sealed subtype, which throws {@code MatchException}) is no arm: the
 * source has no such case, and the javac front end, which reads the source, sees none either.
 *
 * <p>A condition with {@code &&} or {@code ||} compiles to several tests, each falling into or
 * jumping to the next, that end on the code of its two outcomes ({@link #condition}): such a
 * condition is one branch, headed by its first test, whose arms are the two outcomes, as the
 * javac front end sees the {@code if}; its other tests are no branch of their own. Where the tests
 * have other code between them ({@code a != null && a.isEmpty()}: the call) no arm is found for the
 * code of the outcomes: the gap {@link Arms} documents.
 */
public final class BranchArms {
  /** Bodies larger than this (statements) are not searched: the searches are linear in the body per statement. */
  static final int MAX_BODY = 2_000;

  /** Receives each branch found, with where it runs once; returns its IR id. */
  public interface Sink {
    int declare(LoopForest.NLoop loop, int arms, int parentBranch, int parentArm);
  }

  private final LoopForest f;
  private final IntPredicate isBranch;
  private final IntPredicate exhaustivenessFailure;
  private final IntPredicate oncePerIteration;
  private final Sink sink;
  private final Map<Integer, Integer> ids = new HashMap<>();
  private final Map<Integer, BitSet[]> reach = new HashMap<>();

  /**
   * @param isBranch whether a statement is an {@code if} or a {@code switch}
   * @param exhaustivenessFailure whether a statement is the {@code throw} of javac's hidden
   *     {@code default} of an exhaustive {@code switch}
   * @param oncePerIteration whether a statement runs once on every path through an iteration of its
   *     innermost loop or, outside loops, on every path through the method to a normal return
   */
  public BranchArms(LoopForest f, IntPredicate isBranch, IntPredicate exhaustivenessFailure, IntPredicate oncePerIteration,
      Sink sink) {
    this.f = f;
    this.isBranch = isBranch;
    this.exhaustivenessFailure = exhaustivenessFailure;
    this.oncePerIteration = oncePerIteration;
    this.sink = sink;
  }

  /** The arm statement {@code i} runs exactly once in, declaring its branch (and theirs) on first use; null for none. */
  public Arms.Arm armOf(int i) {
    LoopForest.NLoop l = region(i);
    if (!f.reachable[i] || l.body.cardinality() > MAX_BODY) return null;
    for (int d = f.idom[i], guard = 0; d >= 0 && guard < f.n; d = f.idom[d], guard++) {
      if (l != methodBody() && !f.in(l, d)) break; // left the loop
      if (d != l.header && region(d) == l && isBranch.test(d) && !inCondition(l, d)) { // a nested loop's branches are not ours
        int k = armContaining(l, d, i);
        if (k >= 0) return new Arms.Arm(id(l, d), k);
      }
      if (d == l.header || d == 0 || f.idom[d] == d) break;
    }
    return null;
  }

  /**
   * The statement's innermost loop, or for a statement outside loops the method's body: a branch
   * there has arms the same way, with the end of the method (a return or a throw) for the end of
   * the iteration, and the entry of a loop too (code after a loop is found in no arm).
   */
  private LoopForest.NLoop region(int i) {
    return f.innermost[i] != null ? f.innermost[i] : methodBody();
  }

  private LoopForest.NLoop methodBody() {
    if (methodBody == null) {
      methodBody = new LoopForest.NLoop(-1);
      for (int i = 0; i < f.n; i++) if (f.innermost[i] == null && f.reachable[i]) methodBody.body.set(i);
    }
    return methodBody;
  }

  private LoopForest.NLoop methodBody;

  private int id(LoopForest.NLoop l, int d) {
    Integer known = ids.get(d);
    if (known != null) return known;
    int parent = Arms.NOWHERE, parentArm = -1;
    if (oncePerIteration.test(d)) {
      parent = Arms.ROOT;
    } else {
      Arms.Arm in = armOf(d);
      if (in != null) {
        parent = in.branch();
        parentArm = in.arm();
      }
    }
    int id = sink.declare(l, arms(d).length, parent, parentArm);
    ids.put(d, id);
    return id;
  }

  /**
   * The arms of branch {@code d}: the two outcomes of the condition it heads ({@link #condition}),
   * else its distinct successors, in order, but javac's exhaustiveness failures.
   */
  private int[] arms(int d) {
    return armsOf.computeIfAbsent(d, x -> {
      int[] outcomes = outcomes(region(x), x);
      return outcomes.length == 2 && condition(region(x), x).size() > 1 ? outcomes
          : java.util.Arrays.stream(f.succ[x]).distinct().filter(t -> !onlyExhaustivenessFailure(t)).toArray();
    });
  }

  /**
   * The tests of the condition branch {@code d} starts, {@code d} first: {@code d} and every branch
   * statement of its loop (not the header) all of whose predecessors are among them, found from
   * {@code d} through successors. {@code if (a && (b || c))} is three such tests; a test with other
   * code before it (a call, a load) is not one of them. Only {@code d} when there is none.
   */
  private List<Integer> condition(LoopForest.NLoop l, int d) {
    return conditions.computeIfAbsent(d, x -> {
      List<Integer> out = new ArrayList<>(List.of(x));
      for (boolean grew = true; grew && out.size() < MAX_TESTS; ) {
        grew = false;
        for (int k = 0; k < out.size() && !grew; k++) {
          for (int t : f.succ[out.get(k)]) {
            if (out.contains(t) || t == l.header || region(t) != l || !isBranch.test(t)) continue;
            boolean onlyFromTests = true;
            for (int p : f.pred[t]) onlyFromTests &= out.contains(p);
            if (onlyFromTests) {
              out.add(t);
              grew = true;
              break;
            }
          }
        }
      }
      return out;
    });
  }

  /** At most this many tests make one condition: the search is quadratic in them. */
  private static final int MAX_TESTS = 16;

  private final Map<Integer, List<Integer>> conditions = new HashMap<>();

  /** Where the tests of the condition {@code d} starts lead, in order, but javac's exhaustiveness failures. */
  private int[] outcomes(LoopForest.NLoop l, int d) {
    List<Integer> tests = condition(l, d);
    return tests.stream().flatMapToInt(t -> java.util.Arrays.stream(f.succ[t])).filter(t -> !tests.contains(t))
        .distinct().filter(t -> !onlyExhaustivenessFailure(t)).toArray();
  }

  /**
   * Whether branch {@code d} is a further test of a condition with two outcomes that a branch
   * dominating it starts ({@link #arms}): then that branch, not {@code d}, is the branch.
   */
  private boolean inCondition(LoopForest.NLoop l, int d) {
    for (int h = f.idom[d], guard = 0; h >= 0 && guard < MAX_TESTS && region(h) == l && isBranch.test(h)
        && h != l.header && h != f.idom[h]; h = f.idom[h], guard++) {
      if (condition(l, h).contains(d) && condition(l, h).size() > 1 && outcomes(l, h).length == 2) return true;
    }
    return false;
  }

  private final Map<Integer, int[]> armsOf = new HashMap<>();

  /** Whether every path from {@code start} ends in the throw of javac's hidden {@code default} (within {@link #MAX_BODY} statements). */
  private boolean onlyExhaustivenessFailure(int start) {
    BitSet seen = new BitSet(f.n);
    List<Integer> work = new ArrayList<>(List.of(start));
    seen.set(start);
    while (!work.isEmpty()) {
      int x = work.remove(work.size() - 1);
      if (f.succ[x].length == 0) {
        if (!exhaustivenessFailure.test(x)) return false;
        continue;
      }
      for (int s : f.succ[x]) {
        if (seen.get(s)) continue;
        if (seen.cardinality() >= 16) return false; // javac's default is a new, a constructor call and a throw
        seen.set(s);
        work.add(s);
      }
    }
    return true;
  }

  /** The arm of {@code d} that {@code i} runs exactly once in, or -1. */
  private int armContaining(LoopForest.NLoop l, int d, int i) {
    int[] arms = arms(d);
    if (arms.length == 0) return -1;
    BitSet[] r = reach.computeIfAbsent(d, x -> {
      BitSet[] out = new BitSet[arms.length];
      for (int k = 0; k < arms.length; k++) out[k] = reachable(l, arms[k], -1);
      return out;
    });
    int found = -1;
    for (int k = 0; k < arms.length; k++) {
      if (!r[k].get(i)) continue;
      if (found >= 0) return -1; // reached from two arms: after they join
      found = k;
    }
    if (found < 0) return -1;
    BitSet avoiding = reachable(l, arms[found], i);
    return avoiding.get(f.n) ? -1 : found; // bit n: the end of the iteration, reached without passing i
  }

  /**
   * The statements reachable from {@code start} within one iteration of {@code l}, not passing
   * {@code avoid} (-1: none); bit {@code n} set when the end of the iteration is reachable.
   */
  private BitSet reachable(LoopForest.NLoop l, int start, int avoid) {
    BitSet seen = new BitSet(f.n + 1);
    List<Integer> work = new ArrayList<>();
    if (start == l.header || !l.body.get(start)) {
      seen.set(f.n);
      return seen;
    }
    if (start == avoid) return seen;
    seen.set(start);
    work.add(start);
    while (!work.isEmpty()) {
      int x = work.remove(work.size() - 1);
      if (f.succ[x].length == 0) seen.set(f.n); // return or throw
      for (int s : f.succ[x]) {
        if (s == l.header || !l.body.get(s)) {
          seen.set(f.n);
        } else if (s != avoid && !seen.get(s)) {
          seen.set(s);
          work.add(s);
        }
      }
    }
    return seen;
  }
}
