package dev.noescape.engine;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Program;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.ThrowFlow;
import dev.noescape.ir.TypeHierarchy;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.ParamTag;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

/**
 * The escape engine: per-method connection graphs, summaries computed bottom-up over the call
 * graph. See the package documentation for the algorithm.
 */
public final class EscapeAnalysis {
  /** Rounds of re-analysis an SCC gets (times its size) before its members fall back to unknown. */
  static final int MAX_ROUNDS = 30;

  /** The {@link BudgetHit#reason()} of the methods skipped because the deadline passed. */
  public static final String DEADLINE = "the run's time budget was spent";

  private final SummaryProvider library;
  private final SummaryProvider implementations;
  private final int maxRounds;
  private final Budget budget;

  /** @param library summaries of methods outside the program (hand-checked JDK models etc.); they win over computed ones */
  public EscapeAnalysis(SummaryProvider library) {
    this(library, SummaryProvider.NONE, MAX_ROUNDS, Budget.DEFAULT);
  }

  /**
   * @param library hand-checked summaries that hold for every implementation (JDK models); they win
   * @param implementations summaries of single method bodies outside the program (shipped in
   *     dependency jars, {@code META-INF/noescape}): used like the program's computed summaries,
   *     only where dispatch is closed
   */
  public EscapeAnalysis(SummaryProvider library, SummaryProvider implementations) {
    this(library, implementations, MAX_ROUNDS, Budget.DEFAULT);
  }

  /** With a different work budget (or a deadline): see {@link Budget}. */
  public EscapeAnalysis(SummaryProvider library, Budget budget) {
    this(library, SummaryProvider.NONE, MAX_ROUNDS, budget);
  }

  /** Shipped implementations and a work budget. */
  public EscapeAnalysis(SummaryProvider library, SummaryProvider implementations, Budget budget) {
    this(library, implementations, MAX_ROUNDS, budget);
  }

  /** With a different iteration budget per component (tests exercise the fallback with 0). */
  EscapeAnalysis(SummaryProvider library, int maxRounds) {
    this(library, SummaryProvider.NONE, maxRounds, Budget.DEFAULT);
  }

  EscapeAnalysis(SummaryProvider library, int maxRounds, Budget budget) {
    this(library, SummaryProvider.NONE, maxRounds, budget);
  }

  private EscapeAnalysis(SummaryProvider library, SummaryProvider implementations, int maxRounds, Budget budget) {
    this.library = Objects.requireNonNull(library, "library");
    this.implementations = Objects.requireNonNull(implementations, "implementations");
    this.maxRounds = maxRounds;
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** Analyzes every method of the program; one {@link MethodResult} per method, in program order. */
  public AnalysisResult analyze(Program program) {
    return new Run(program).analyze();
  }

  /** The state of one {@link #analyze} call. */
  private final class Run {
    final List<MethodIR> methods;
    final Calls.Computed[] current;
    final Calls.Resolver resolver;
    final CallGraph cg;
    final MethodResult[] results;
    final List<BudgetHit> hits = new ArrayList<>();
    /** Set once the deadline has passed: every method not analyzed yet is skipped. */
    boolean outOfTime;
    long analyses;

    final TypeHierarchy hierarchy;

    final Program program;
    /** Each method's position by key (the last of equal keys, as {@link Program#byKey}). */
    final Map<String, Integer> index = new HashMap<>();

    Run(Program program) {
      this.program = program;
      methods = program.methods();
      hierarchy = program.hierarchy();
      int n = methods.size();
      for (int m = 0; m < n; m++) index.put(methods.get(m).ref().key(), m); // last wins, as Program.byKey
      current = new Calls.Computed[n];
      resolver = new Calls.Resolver(library, implementations, index, current, methods, new CallTargets(hierarchy));
      cg = CallGraph.build(methods, resolver);
      results = new MethodResult[n];
    }

    AnalysisResult analyze() {
      int n = methods.size();
      List<MethodRef> late = new ArrayList<>();
      for (int[] scc : cg.components()) {
        if (!outOfTime && budget.hasDeadline() && System.nanoTime() - budget.deadlineNanos() > 0) outOfTime = true;
        if (outOfTime) {
          for (int m : scc) late.add(skip(m));
          continue;
        }
        if (scc.length == 1 && !cg.selfLoop(scc[0])) {
          int m = scc[0];
          Solver.Outcome out = solve(m, true, budget.methodWork());
          if (out == null) {
            if (!outOfTime) hits.add(new BudgetHit(overReason(m), List.of(skip(m)), false));
            else late.add(skip(m));
            continue;
          }
          current[m] = new Calls.Computed(out.derived().summary(), out.derived().extra());
          results[m] = out.result();
          failurePaths(scc);
          continue;
        }
        String cut = iterate(scc);
        if (cut != null) {
          for (int m : scc) current[m] = new Calls.Computed(MethodSummary.unknown(methods.get(m).params().size()), new BitSet());
          if (outOfTime) {
            for (int m : scc) late.add(skip(m));
            continue;
          }
          List<MethodRef> members = new ArrayList<>();
          for (int m : scc) members.add(methods.get(m).ref());
          members.sort(Comparator.comparing(MethodRef::key));
          hits.add(new BudgetHit(cut, members, true));
        }
        for (int m : scc) {
          Solver.Outcome out = outOfTime ? null : solve(m, true, budget.methodWork());
          if (out == null) {
            if (!outOfTime) hits.add(new BudgetHit(overReason(m), List.of(skip(m)), false));
            else late.add(skip(m));
            continue;
          }
          MethodResult r = out.result();
          results[m] = cut == null ? r : new MethodResult(r.method(), r.sites(), current[m].summary(), r.paramChains(), r.pointsTo(),
              r.failureSites(), r.failureStmts(), r.callResults());
        }
        if (cut == null) neverReturnsFixpoint(scc);
        failurePaths(scc);
      }
      overridableFailures();
      boolean[] closed = CallerClosure.closed(program);
      OneTime[] oneTime = OneTimeMethods.of(program, index, results, closed);
      Construction[] construction = ConstructionMethods.of(program, index, results, oneTime, closed);
      for (int m = 0; m < n; m++) {
        if (results[m] == null) continue;
        if (oneTime[m] != null) results[m] = results[m].withOneTime(oneTime[m]);
        if (construction[m] != null) results[m] = results[m].withConstruction(construction[m]);
      }
      if (!late.isEmpty()) {
        late.sort(Comparator.comparing(MethodRef::key));
        hits.add(new BudgetHit(DEADLINE, late, false));
      }

      Map<String, MethodSummary> summaries = new LinkedHashMap<>();
      Map<String, MethodSummary> exported = new LinkedHashMap<>();
      for (int m = 0; m < n; m++) {
        String key = methods.get(m).ref().key();
        summaries.put(key, current[m].summary());
        if (!current[m].summary().isUnknown()) exported.put(key, Calls.Extra.fold(current[m].summary(), current[m].extra()));
      }
      return new AnalysisResult(Arrays.asList(results), summaries, exported, hits, analyses,
          new WorkPeaks(peakMethodWork, peakMethod < 0 ? "" : methods.get(peakMethod).ref().key(), peakComponentWork,
              peakComponentSize), hierarchy);
    }

    /**
     * One analysis of method {@code m} within {@code limit} work units (and the deadline); null
     * when it does not fit (then {@link #outOfTime} tells whether the deadline was the cause).
     */
    Solver.Outcome solve(int m, boolean full, long limit) {
      MethodIR ir = methods.get(m);
      lastWork = 0;
      if ((long) ir.stmts().size() + ir.sites().size() > budget.methodStatements()) return null;
      Meter meter = new Meter(limit, budget.deadlineNanos());
      analyses++;
      try {
        Solver.Outcome out = Solver.analyze(ir, resolver, full, meter);
        lastWork = meter.used();
        notePeak(m, lastWork);
        return out;
      } catch (Meter.Exceeded e) {
        lastWork = meter.used();
        notePeak(m, lastWork);
        if (e.deadline) outOfTime = true;
        return null;
      }
    }

    /** Work units of the last {@link #solve}. */
    long lastWork;

    // The peaks, for WorkPeaks (a method's first such analysis wins a tie: deterministic).
    long peakMethodWork;
    int peakMethod = -1;
    long peakComponentWork;
    int peakComponentSize;

    private void notePeak(int m, long work) {
      if (work > peakMethodWork) {
        peakMethodWork = work;
        peakMethod = m;
      }
    }

    private void noteComponent(int size, long work) {
      if (work > peakComponentWork) {
        peakComponentWork = work;
        peakComponentSize = size;
      }
    }

    private String overReason(int m) {
      MethodIR ir = methods.get(m);
      long size = (long) ir.stmts().size() + ir.sites().size();
      return size > budget.methodStatements()
          ? "method too large (" + size + " statements and allocation sites, the limit is " + budget.methodStatements() + ")"
          : "method over the work budget (" + budget.methodWork() + " units)";
    }

    /** Marks {@code m} not analyzed: summary unknown, a placeholder result. */
    private MethodRef skip(int m) {
      MethodIR ir = methods.get(m);
      MethodSummary unknown = MethodSummary.unknown(ir.params().size());
      current[m] = new Calls.Computed(unknown, new BitSet());
      List<SiteResult> sites = new ArrayList<>(ir.sites().size());
      for (AllocSite site : ir.sites()) sites.add(new SiteResult(site, EscapeState.GLOBAL_ESCAPE, List.of()));
      results[m] = new MethodResult(ir, sites, unknown, Collections.nCopies(ir.params().size(), List.of()), Map.of());
      return ir.ref();
    }

    /**
     * Fixpoint of one strongly connected component. Members start optimistic (nothing escapes, fresh
     * result, no allocation) and are re-analyzed while their summaries grow; a member whose summary
     * changed puts its callers in the component back on the worklist. The lattice is finite and the
     * transfer monotone, so this ends; two budgets guard against a pathological ascent or a huge
     * component of big methods: {@code maxRounds} × size analyses, and the component's work units
     * ({@link Budget#componentWork()}). Returns null at the fixpoint, else why it stopped (the
     * caller then makes every member unknown).
     */
    private String iterate(int[] scc) {
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
      long rounds = (long) maxRounds * scc.length;
      long work = budget.componentWork();
      String what = "recursive component of " + scc.length + " methods";
      try {
        while (size > 0) {
          if (rounds-- <= 0) return what + " did not converge within " + maxRounds + " rounds: summaries unknown";
          int i = queue[head];
          head = (head + 1) % scc.length;
          size--;
          queued[i] = false;
          int m = scc[i];
          Solver.Outcome out = solve(m, false, Math.min(budget.methodWork(), work));
          work -= lastWork;
          if (out == null) {
            if (outOfTime) return "deadline";
            if (work <= 0) return what + " over its work budget (" + budget.componentWork() + " units): summaries unknown";
            return what + ": " + methods.get(m).ref().key() + " " + overReason(m) + ": summaries unknown";
          }
          Leaks.Derived d = out.derived();
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
        return null;
      } finally {
        noteComponent(scc.length, budget.componentWork() - work);
      }
    }

    /**
     * The never-returns facts of a recursive component: the least fixpoint. Members start as "may
     * return" and become "never returns" only when their flow proves it from callees already known
     * to never return; a member is never assumed to fail in order to prove itself failing (the
     * greatest fixpoint would call {@code void f() { f(); }} and every mutual recursion without a
     * base case throwing, which nothing proves).
     */
    private void neverReturnsFixpoint(int[] scc) {
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int m : scc) {
          MethodIR ir = methods.get(m);
          if (results[m] == null || ir.flow().entry() < 0 || current[m].summary().isUnknown()
              || current[m].summary().neverReturns()) {
            continue;
          }
          if (ThrowFlow.neverReturns(ir.flow(), ir.flow().throwing(neverReturningCalls(ir)))) {
            current[m] = new Calls.Computed(current[m].summary().withNeverReturns(true), current[m].extra());
            changed = true;
          }
        }
      }
    }

    /**
     * Each member's never-returns fact (for a component, already at its fixpoint) and the sites that
     * only run on the way to a failure, once every callee's fact is known.
     */
    private void failurePaths(int[] scc) {
      for (int m : scc) {
        MethodIR ir = methods.get(m);
        if (results[m] == null || !ir.flow().decidable()) continue;
        BitSet throwing = ir.flow().throwing(neverReturningCalls(ir));
        if (ThrowFlow.neverReturns(ir.flow(), throwing) && !current[m].summary().isUnknown()) {
          current[m] = new Calls.Computed(current[m].summary().withNeverReturns(true), current[m].extra());
        }
        BitSet stmts = ir.flow().statements(throwing);
        BitSet sites = new BitSet();
        for (int i = stmts.nextSetBit(0); i >= 0 && i < ir.stmts().size(); i = stmts.nextSetBit(i + 1)) {
          if (ir.stmts().get(i) instanceof Stmt.Alloc a) sites.set(a.site().id());
        }
        MethodResult r = results[m];
        MethodSummary s = r.summary().isUnknown() ? r.summary() : current[m].summary();
        results[m] = new MethodResult(r.method(), r.sites(), s, r.paramChains(), r.pointsTo(), sites, stmts, r.callResults());
      }
    }

    /**
     * Whether call statement {@code i} of {@code ir} never returns normally: every target the
     * engine's dispatch leaves ({@link CallTargets}) never does. Unlike escape, an overridable target
     * counts by the body the program has: code outside the program that overrides a failing method
     * ({@code DeserializationContext.reportBadDefinition}) to return would break its contract, and
     * being wrong here only costs a missed warning (code before the call is taken for cold), never
     * a false one. Unknown and megamorphic targets may return.
     */
    private java.util.function.IntPredicate neverReturningCalls(MethodIR ir) {
      return i -> {
        if (!(ir.stmts().get(i) instanceof Stmt.Call c)) return false;
        List<CallTargets.Target> targets = resolver.targets(ir, c);
        if (targets.isEmpty()) return false;
        for (CallTargets.Target t : targets) {
          if (!neverReturns(t)) return false;
        }
        return true;
      };
    }

    private boolean neverReturns(CallTargets.Target t) {
      if (t.program() >= 0) return current[t.program()] != null && current[t.program()].summary().neverReturns();
      return t.summary() != null && t.summary().neverReturns();
    }

    /**
     * Never-returns facts that reach a caller through an overridable call. The call graph has edges
     * only to targets dispatch leaves for certain, so an overridable callee is not summarized before
     * its callers, and {@link #neverReturningCalls} took it for "may return" then. Once every
     * component is done, the methods calling a never-returning method by name are evaluated again
     * until nothing changes (each round can only add facts: a least fixpoint again), and the failure
     * sites of every method evaluated are derived again. Only calls whose name and parameters match a
     * never-returning method are looked at, so a program with none pays one scan.
     */
    private void overridableFailures() {
      int n = methods.size();
      BitSet evaluated = new BitSet();
      boolean changed = true;
      while (changed) {
        changed = false;
        Set<String> names = new HashSet<>();
        Set<String> failing = new HashSet<>();
        for (int m = 0; m < n; m++) {
          if (current[m] != null && current[m].summary().neverReturns()) {
            names.add(methods.get(m).ref().name());
            failing.add(subsignature(methods.get(m).ref()));
          }
        }
        if (failing.isEmpty()) return;
        for (int m = 0; m < n; m++) {
          MethodIR ir = methods.get(m);
          if (results[m] == null || !ir.flow().decidable() || !callsAny(ir, names, failing)) continue;
          evaluated.set(m);
          if (current[m].summary().isUnknown() || current[m].summary().neverReturns()) continue;
          if (ThrowFlow.neverReturns(ir.flow(), ir.flow().throwing(neverReturningCalls(ir)))) {
            current[m] = new Calls.Computed(current[m].summary().withNeverReturns(true), current[m].extra());
            changed = true;
          }
        }
      }
      for (int m = evaluated.nextSetBit(0); m >= 0; m = evaluated.nextSetBit(m + 1)) failurePaths(new int[] {m});
    }

    private static boolean callsAny(MethodIR ir, Set<String> names, Set<String> subsignatures) {
      for (Stmt st : ir.stmts()) {
        if (st instanceof Stmt.Call c && names.contains(c.callee().name())
            && subsignatures.contains(subsignature(c.callee()))) {
          return true;
        }
      }
      return false;
    }

    /** What an override shares with the method it overrides: name and parameter types. */
    private static String subsignature(MethodRef r) {
      return r.name() + r.paramTypes();
    }
  }

  private static MethodSummary optimistic(int slots) {
    return new MethodSummary(Collections.nCopies(slots, ParamTag.NONE), true, Allocates.NO, "computed");
  }
}
