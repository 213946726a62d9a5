package dev.noescape.backend;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.Budget;
import dev.noescape.engine.BudgetHit;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.Program;
import dev.noescape.ir.RuntimePrediction;
import dev.noescape.ir.Visibility;
import dev.noescape.jit.C2Model;
import dev.noescape.jit.CodeFacts;
import dev.noescape.jit.SitePredictions;
import dev.noescape.rules.AccumulatorResets;
import dev.noescape.rules.CallAllocations;
import dev.noescape.rules.ProgramFacts;
import dev.noescape.rules.RuleContext;
import dev.noescape.rules.RuleRunner;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The back end both front ends call with the program they lowered: the escape engine
 * ({@link EscapeAnalysis}: summaries bottom-up over the call graph, a verdict and reason chain per
 * site), then the enabled rules over its results (the method-local ones and the whole-program
 * {@code AllocationContract}, through {@link RuleRunner}). Nothing else wires the engine to the
 * rules, so the bytecode front end, the javac plugin and whatever comes next (a language server)
 * analyze a program the same way.
 *
 * <p>Faults. By default a fault in the engine or a rule propagates: the command line reports that the
 * run failed. An {@linkplain Input#isolated() isolated} run, the javac plugin's (a compilation must
 * never fail because of the plugin), contains it instead and returns it as a {@link Failure}:
 *
 * <ul>
 *   <li>the engine failing on the program: each method is analyzed alone to find those it fails
 *       on, which are left out, and the others are analyzed together (calls to the left-out
 *       methods are then unknown, as for methods a front end could not lower);
 *   <li>the rules failing: each rule runs on each method alone, so a failure costs only that
 *       rule's findings in that method.
 * </ul>
 *
 * <p>Only {@link VirtualMachineError}s other than {@link StackOverflowError} escape an isolated run
 * ({@link #rethrowIfFatal}): a deep recursion is an ordinary failure of the method it happened in.
 */
public final class BackEnd {
  private BackEnd() {}

  /** The stages a {@link Checkpoint} sees and a {@link Failure} names. */
  public enum Stage {
    ENGINE,
    RULES
  }

  /**
   * Called before each run of a stage with what it runs on (the rules, for {@link Stage#RULES};
   * the methods, all of the program's or one): the command line shows its progress with it, the
   * javac plugin's tests induce faults (throwing makes that run fail as a fault inside it would).
   */
  @FunctionalInterface
  public interface Checkpoint {
    Checkpoint NONE = (stage, rules, methods) -> {};

    void before(Stage stage, Set<RuleId> rules, List<MethodIR> methods) throws Exception;
  }

  /**
   * What to analyze.
   *
   * @param program the lowered methods, calls resolved by the front end
   * @param library summaries that hold for every implementation (hand-checked JDK models, then the
   *     JDK summaries); they win over computed ones
   * @param implementations summaries of single method bodies outside the program (shipped in
   *     dependency jars): used where dispatch is closed
   * @param budget the engine's work budgets and deadline
   * @param context what the rules need to know of the build and the options
   * @param rules the rules to run (none: the engine only)
   * @param isolated contain faults and return them as {@link Failure}s instead of throwing
   * @param checkpoint called before each stage runs
   * @param code what the model of C2 reads beyond the IR (callee sizes, class shapes)
   * @param calleeAllocations whether the model of C2 also predicts the allocations inside the
   *     callees it inlines ({@link SitePredictions#calleeAllocations()}): a walk of every inlined
   *     call tree, which only a report that lists them should pay for (the command line's JSON at
   *     verbosity 2); off by default
   */
  public record Input(Program program, SummaryProvider library, SummaryProvider implementations, Budget budget,
      RuleContext context, Set<RuleId> rules, boolean isolated, Checkpoint checkpoint, CodeFacts code,
      boolean calleeAllocations) {
    public Input {
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(implementations, "implementations");
      Objects.requireNonNull(budget, "budget");
      Objects.requireNonNull(context, "context");
      // An EnumSet: the rules run, and a checkpoint sees them, in RuleId order.
      rules = Collections.unmodifiableSet(rules.isEmpty() ? EnumSet.noneOf(RuleId.class) : EnumSet.copyOf(rules));
      Objects.requireNonNull(checkpoint, "checkpoint");
      Objects.requireNonNull(code, "code");
    }

    public Input(Program program, SummaryProvider library, SummaryProvider implementations, Budget budget,
        RuleContext context, Set<RuleId> rules, boolean isolated, Checkpoint checkpoint) {
      this(program, library, implementations, budget, context, rules, isolated, checkpoint, CodeFacts.NONE, false);
    }

    /** With the facts the model of C2 reads. */
    public Input withCode(CodeFacts c) {
      return new Input(program, library, implementations, budget, context, rules, isolated, checkpoint, c, calleeAllocations);
    }

    /** With the default budget, faults propagating, no checkpoint. */
    public Input(Program program, SummaryProvider library, SummaryProvider implementations, RuleContext context,
        Set<RuleId> rules) {
      this(program, library, implementations, Budget.DEFAULT, context, rules, false, Checkpoint.NONE);
    }

    public Input withBudget(Budget b) {
      return new Input(program, library, implementations, b, context, rules, isolated, checkpoint, code, calleeAllocations);
    }

    public Input withProgram(Program p) {
      return new Input(p, library, implementations, budget, context, rules, isolated, checkpoint, code, calleeAllocations);
    }

    public Input withRules(Set<RuleId> r) {
      return new Input(program, library, implementations, budget, context, r, isolated, checkpoint, code, calleeAllocations);
    }

    /** Faults contained and returned as {@link Failure}s (see {@link BackEnd}). */
    public Input isolatingFaults() {
      return new Input(program, library, implementations, budget, context, rules, true, checkpoint, code, calleeAllocations);
    }

    /** With the allocations inside inlined callees predicted or not ({@link #calleeAllocations()}). */
    public Input withCalleeAllocations(boolean predict) {
      return new Input(program, library, implementations, budget, context, rules, isolated, checkpoint, code, predict);
    }

    public Input withCheckpoint(Checkpoint c) {
      return new Input(program, library, implementations, budget, context, rules, isolated, c, code, calleeAllocations);
    }
  }

  /**
   * A fault an {@linkplain Input#isolated() isolated} run contained.
   *
   * @param stage where it happened
   * @param rule the failing rule ({@link Stage#RULES}), else null
   * @param methods the methods it happened in, in program order: one for the engine failing on a
   *     method alone; those the rule failed in; empty when the engine failed on the program as a
   *     whole (every method analyzed alone, or the rest without the failing ones)
   * @param cause the first fault (a rule failing in several methods names the first)
   */
  public record Failure(Stage stage, RuleId rule, List<MethodIR> methods, Throwable cause) {
    public Failure {
      methods = List.copyOf(methods);
    }
  }

  /**
   * What the run found.
   *
   * @param result the engine's results and summaries; of the methods analyzed, when an isolated run
   *     left some out, and empty when it could analyze none
   * @param findings the enabled rules' findings, sorted with {@link Finding#ORDER}
   * @param failures the faults an isolated run contained, engine first, in the order met
   * @param predictions the model of C2's prediction per site ({@link SitePredictions#NONE} when it
   *     could not run)
   */
  public record Output(AnalysisResult result, List<Finding> findings, List<Failure> failures, SitePredictions predictions) {
    public Output {
      findings = List.copyOf(findings);
      failures = List.copyOf(failures);
      if (predictions == null) predictions = SitePredictions.NONE;
    }

    /** The budgets the engine ran into (a method or component it did not analyze, or the deadline). */
    public List<BudgetHit> budgetHits() {
      return result.budgetHits();
    }
  }

  /**
   * {@code -Dnoescape.jitmodel=off}: no predictions, for measuring what the model costs (the same
   * build with and without it, runs interleaved: docs/jit-model.md "What the model costs"); not an
   * option, as {@code noescape.jdksummaries=off} is not.
   */
  static final boolean MODEL_OFF = "off".equals(System.getProperty("noescape.jitmodel"));

  /**
   * The C2 model's predictions for {@code result}; the allocations inside callees only when the
   * input asks for them ({@link Input#calleeAllocations()}).
   */
  private static SitePredictions predict(Input in, AnalysisResult result, List<Failure> failures) {
    if (MODEL_OFF) return SitePredictions.NONE;
    if (in.calleeAllocations()) return C2Model.predict(result, in.context().jitTarget(), in.code(), true);
    // each site's prediction when a finding asks for it; in isolation a fault costs that site its
    // prediction and is reported once, and the rules go on (NotScalarReplaced is silent there)
    java.util.function.Consumer<Throwable> faults = failures == null ? null : t -> {
      rethrowIfFatal(t);
      if (failures.stream().noneMatch(f -> f.rule() == RuleId.NOT_SCALAR_REPLACED && f.stage() == Stage.RULES)) {
        failures.add(new Failure(Stage.RULES, RuleId.NOT_SCALAR_REPLACED, List.of(), t));
      }
    };
    return C2Model.lazily(result, in.context().jitTarget(), in.code(), faults);
  }

  /** Runs the engine, then the rules. Throws on a fault unless the input is isolated. */
  public static Output run(Input in) {
    List<Failure> failures = new ArrayList<>();
    AnalysisResult result;
    List<Finding> findings;
    SitePredictions predictions = SitePredictions.NONE;
    if (!in.isolated()) {
      result = engine(in, in.program());
      predictions = predict(in, result, null);
      findings = rules(in, result, in.rules(), predictions);
    } else {
      result = isolatedEngine(in, failures);
      if (result != null) {
        try {
          predictions = predict(in, result, failures);
        } catch (Throwable t) {
          // the rules still run, without predictions (NotScalarReplaced then reports nothing)
          rethrowIfFatal(t);
          failures.add(new Failure(Stage.RULES, RuleId.NOT_SCALAR_REPLACED, List.of(), t));
        }
      }
      findings = result == null ? List.of() : isolatedRules(in, result, predictions, failures);
      if (result == null) result = new AnalysisResult(List.of(), Map.of());
    }
    return new Output(result, findings, failures, predictions);
  }

  /** Rethrows {@code t} when no isolation may swallow it: a VM error other than a stack overflow. */
  public static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError vme && !(t instanceof StackOverflowError)) throw vme;
  }

  private static AnalysisResult engine(Input in, Program program) {
    checkpoint(in, Stage.ENGINE, Set.of(), program.methods());
    return new EscapeAnalysis(in.library(), in.implementations(), in.budget()).analyze(program);
  }

  /**
   * The rules, after the model of C2's scalar replacement (between engine and rules): its
   * predictions go to the rules (the context) and onto every finding about a site
   * ({@link Finding#runtime()}).
   */
  private static List<Finding> rules(Input in, AnalysisResult result, Set<RuleId> rules, SitePredictions predictions) {
    return rules(in, result, rules, predictions, programFacts(in, result));
  }

  /** What the rules learn from the whole program but the engine's result, computed once per run (isolation's reruns see one method). */
  private static ProgramFacts programFacts(Input in, AnalysisResult result) {
    // only VarargsAllocation asks what a call allocates (AllocationContract's rerun with other units does not)
    CallAllocations calls = in.rules().contains(RuleId.VARARGS_ALLOCATION)
        ? CallAllocations.of(result, in.library(), in.implementations()) : CallAllocations.NONE;
    // only StringConcatInLoop asks which fields a private method starts afresh
    AccumulatorResets resets = in.rules().contains(RuleId.STRING_CONCAT_IN_LOOP) ? AccumulatorResets.of(result) : AccumulatorResets.NONE;
    return new ProgramFacts(null, null, privateMethods(result), calls, resets);
  }

  /**
   * {@link #rules(Input, AnalysisResult, Set, SitePredictions)} with the program's facts already
   * known: a run of some of the methods (isolation's reruns) still gives the advice the whole
   * program gives.
   */
  private static List<Finding> rules(Input in, AnalysisResult result, Set<RuleId> rules, SitePredictions predictions,
      ProgramFacts facts) {
    checkpoint(in, Stage.RULES, rules, result.methods().stream().map(MethodResult::method).toList());
    List<Finding> found = RuleRunner.run(result, in.library(), in.implementations(),
        in.context().withProgramFacts(facts.withEngineResult(predictions, result.hierarchy())),
        rules);
    if (found == null) return List.of();
    List<Finding> out = new ArrayList<>(found.size());
    for (Finding f : found) {
      RuntimePrediction p = f.siteId() < 0 || f.method() == null ? null : predictions.get(f.method(), f.siteId());
      out.add(p == null ? f : f.withRuntime(p));
    }
    return out;
  }

  /** The keys of the program's private methods and constructors, lambda bodies left out ({@link RuleContext#privateMethods()}). */
  private static Set<String> privateMethods(AnalysisResult result) {
    Set<String> out = new HashSet<>();
    for (MethodResult r : result.methods()) {
      MethodIR m = r.method();
      if (m.visibility() == Visibility.PRIVATE && !m.synthetic()) out.add(m.ref().key());
    }
    return out;
  }

  private static void checkpoint(Input in, Stage stage, Set<RuleId> rules, List<MethodIR> methods) {
    try {
      in.checkpoint().before(stage, rules, methods);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The engine's results; null when it could analyze nothing. */
  private static AnalysisResult isolatedEngine(Input in, List<Failure> failures) {
    Program program = in.program();
    try {
      return engine(in, program);
    } catch (Throwable whole) {
      rethrowIfFatal(whole);
      List<MethodIR> ok = new ArrayList<>();
      for (MethodIR m : program.methods()) {
        try {
          engine(in, program.withMethods(List.of(m)));
          ok.add(m);
        } catch (Throwable t) {
          rethrowIfFatal(t);
          failures.add(new Failure(Stage.ENGINE, null, List.of(m), t));
        }
      }
      if (ok.size() == program.methods().size() || ok.isEmpty()) {
        // Every method alone is fine (the fault needs them together), or none is: nothing to keep.
        if (!ok.isEmpty()) failures.add(new Failure(Stage.ENGINE, null, List.of(), whole));
        return null;
      }
      try {
        return engine(in, program.withMethods(ok));
      } catch (Throwable t) {
        rethrowIfFatal(t);
        failures.add(new Failure(Stage.ENGINE, null, List.of(), t));
        return null;
      }
    }
  }

  private static List<Finding> isolatedRules(Input in, AnalysisResult result, SitePredictions predictions,
      List<Failure> failures) {
    ProgramFacts facts;
    try {
      facts = programFacts(in, result);
    } catch (Throwable t) {
      // the rules still run; a varargs call then is not weighed against what its callee allocates
      rethrowIfFatal(t);
      failures.add(new Failure(Stage.RULES, RuleId.VARARGS_ALLOCATION, List.of(), t));
      facts = new ProgramFacts(null, null, privateMethods(result), null, null);
    }
    try {
      return rules(in, result, in.rules(), predictions, facts);
    } catch (Throwable whole) {
      rethrowIfFatal(whole);
    }
    List<Finding> all = new ArrayList<>();
    for (RuleId rule : in.rules()) {
      List<MethodIR> failedIn = new ArrayList<>();
      Throwable cause = null;
      for (MethodResult mr : result.methods()) {
        try {
          all.addAll(rules(in, result.withMethods(List.of(mr)), EnumSet.of(rule), predictions, facts));
        } catch (Throwable t) {
          rethrowIfFatal(t);
          failedIn.add(mr.method());
          if (cause == null) cause = t;
        }
      }
      if (!failedIn.isEmpty()) failures.add(new Failure(Stage.RULES, rule, failedIn, cause));
    }
    all.sort(Finding.ORDER);
    return all;
  }
}
