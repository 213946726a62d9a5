package dev.noescape.bytecode.loop;

import dev.noescape.ir.Arms;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The arms of branches inside loops, found in the control flow ({@link Arms} for the bytecode front
 * end, where the branches of an {@code if}/{@code else}, a {@code ?:} or a {@code switch} join
 * again). A branch is an {@code if} or {@code switch} statement of a loop's own body (not of a
 * nested loop); its arms are its distinct successors. Statement {@code i} runs exactly once in arm
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
 * source has no such case, and the javac front end, which reads the source, sees none either. A
 * condition with {@code &&} or
 * {@code ||} compiles to several branches whose arms share the code of the common outcome, so no
 * arm is found for that code: the gap {@link Arms} documents.
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
   * @param oncePerIteration whether a statement runs once on every path through an iteration of its innermost loop
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
    LoopForest.NLoop l = f.innermost[i];
    if (l == null || !f.reachable[i] || l.body.cardinality() > MAX_BODY) return null;
    for (int d = f.idom[i], guard = 0; d >= 0 && guard < f.n; d = f.idom[d], guard++) {
      if (!f.in(l, d)) break; // left the loop
      if (d != l.header && f.innermost[d] == l && isBranch.test(d)) { // a nested loop's branches are not ours
        int k = armContaining(l, d, i);
        if (k >= 0) return new Arms.Arm(id(l, d), k);
      }
      if (d == l.header || d == 0 || f.idom[d] == d) break;
    }
    return null;
  }

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

  /** The distinct successors of branch {@code d}, in order, but javac's exhaustiveness failures: its arms. */
  private int[] arms(int d) {
    return armsOf.computeIfAbsent(d, x -> java.util.Arrays.stream(f.succ[x]).distinct()
        .filter(t -> !onlyExhaustivenessFailure(t)).toArray());
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
