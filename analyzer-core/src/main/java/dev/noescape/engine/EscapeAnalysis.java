package dev.noescape.engine;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Program;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The escape engine: per-method connection graphs, summaries computed bottom-up over the call
 * graph. See the package documentation for the algorithm.
 */
public final class EscapeAnalysis {
  /** Rounds of re-analysis an SCC gets (times its size) before its members fall back to unknown. */
  static final int MAX_ROUNDS = 30;

  private final SummaryProvider library;
  private final SummaryProvider implementations;
  private final int maxRounds;

  /** @param library summaries of methods outside the program (hand-checked JDK models etc.); they win over computed ones */
  public EscapeAnalysis(SummaryProvider library) {
    this(library, SummaryProvider.NONE, MAX_ROUNDS);
  }

  /**
   * @param library hand-checked summaries that hold for every implementation (JDK models); they win
   * @param implementations summaries of single method bodies outside the program (shipped in
   *     dependency jars, {@code META-INF/noescape}): used like the program's computed summaries,
   *     only where dispatch is closed
   */
  public EscapeAnalysis(SummaryProvider library, SummaryProvider implementations) {
    this(library, implementations, MAX_ROUNDS);
  }

  /** With a different iteration budget per component (tests exercise the fallback with 0). */
  EscapeAnalysis(SummaryProvider library, int maxRounds) {
    this(library, SummaryProvider.NONE, maxRounds);
  }

  private EscapeAnalysis(SummaryProvider library, SummaryProvider implementations, int maxRounds) {
    this.library = Objects.requireNonNull(library, "library");
    this.implementations = Objects.requireNonNull(implementations, "implementations");
    this.maxRounds = maxRounds;
  }

  /** Analyzes every method of the program; one {@link MethodResult} per method, in program order. */
  public AnalysisResult analyze(Program program) {
    List<MethodIR> methods = program.methods();
    int n = methods.size();
    Map<String, Integer> index = new HashMap<>();
    for (int m = 0; m < n; m++) index.put(methods.get(m).ref().key(), m); // last wins, as Program.byKey
    Calls.Computed[] current = new Calls.Computed[n];
    Calls.Resolver resolver = new Calls.Resolver(library, implementations, index, current, methods);
    CallGraph cg = CallGraph.build(methods, resolver);
    MethodResult[] results = new MethodResult[n];

    for (int[] scc : cg.components()) {
      if (scc.length == 1 && !cg.selfLoop(scc[0])) {
        int m = scc[0];
        Solver.Outcome out = Solver.analyze(methods.get(m), resolver, true);
        current[m] = new Calls.Computed(out.derived().summary(), out.derived().extra());
        results[m] = out.result();
        continue;
      }
      boolean converged = iterate(scc, methods, cg, resolver, current, maxRounds);
      if (!converged) {
        for (int m : scc) current[m] = new Calls.Computed(MethodSummary.unknown(methods.get(m).params().size()), new BitSet());
      }
      for (int m : scc) {
        MethodResult r = Solver.analyze(methods.get(m), resolver, true).result();
        results[m] = converged ? r : new MethodResult(r.method(), r.sites(), current[m].summary(), r.paramChains(), r.pointsTo());
      }
    }

    Map<String, MethodSummary> summaries = new LinkedHashMap<>();
    Map<String, MethodSummary> exported = new LinkedHashMap<>();
    for (int m = 0; m < n; m++) {
      String key = methods.get(m).ref().key();
      summaries.put(key, current[m].summary());
      if (!current[m].summary().isUnknown()) exported.put(key, Calls.Extra.fold(current[m].summary(), current[m].extra()));
    }
    return new AnalysisResult(Arrays.asList(results), summaries, exported);
  }

  /**
   * Fixpoint of one strongly connected component. Members start optimistic (nothing escapes, fresh
   * result, no allocation) and are re-analyzed while their summaries grow; a member whose summary
   * changed puts its callers in the component back on the worklist. The lattice is finite and the
   * transfer monotone, so this ends; the budget ({@code maxRounds} × size analyses) guards against a
   * pathological ascent, after which the caller makes every member unknown.
   */
  private static boolean iterate(int[] scc, List<MethodIR> methods, CallGraph cg, Calls.Resolver resolver,
      Calls.Computed[] current, int maxRounds) {
    Map<Integer, Integer> pos = new HashMap<>();
    for (int i = 0; i < scc.length; i++) pos.put(scc[i], i);
    List<List<Integer>> callers = new ArrayList<>(scc.length);
    for (int i = 0; i < scc.length; i++) callers.add(new ArrayList<>());
    for (int i = 0; i < scc.length; i++) {
      for (int t : cg.succ[scc[i]]) {
        Integer j = pos.get(t);
        if (j != null) callers.get(j).add(i);
      }
    }
    for (int m : scc) current[m] = new Calls.Computed(optimistic(methods.get(m).params().size()), new BitSet());
    // Tarjan pops callees before their callers (reverse discovery order): start there.
    int[] queue = new int[scc.length];
    boolean[] queued = new boolean[scc.length];
    int head = 0, size = 0;
    for (int i = 0; i < scc.length; i++) {
      queue[size++] = i;
      queued[i] = true;
    }
    long budget = (long) maxRounds * scc.length;
    while (size > 0) {
      if (budget-- <= 0) return false;
      int i = queue[head];
      head = (head + 1) % scc.length;
      size--;
      queued[i] = false;
      int m = scc[i];
      Leaks.Derived d = Solver.analyze(methods.get(m), resolver, false).derived();
      Calls.Computed next = new Calls.Computed(d.summary(), d.extra());
      if (next.summary().equals(current[m].summary()) && next.extra().equals(current[m].extra())) continue;
      current[m] = next;
      for (int c : callers.get(i)) {
        if (!queued[c]) {
          queued[c] = true;
          queue[(head + size) % scc.length] = c;
          size++;
        }
      }
    }
    return true;
  }

  private static MethodSummary optimistic(int slots) {
    return new MethodSummary(Collections.nCopies(slots, ParamTag.NONE), true, Allocates.NO, "computed");
  }
}
