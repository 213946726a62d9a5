package dev.noescape.bench;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.EscapeAnalysis;
import dev.noescape.finding.Finding;
import dev.noescape.ir.Program;
import dev.noescape.models.JdkModels;
import dev.noescape.pipeline.Pipeline;
import dev.noescape.rules.RuleContext;
import dev.noescape.rules.RuleRunner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine alone, on a fixed IR workload ({@link SyntheticProgram}): the escape analysis
 * (connection graphs, call graph, SCC fixpoint, reason chains) and then the default rules over
 * its result. No front end, no I/O: a slowdown here is the engine's or the rules'.
 *
 * <p>{@code analyze} times {@link EscapeAnalysis#analyze}; {@code analyzeAndRules} adds
 * {@link RuleRunner#run} with the command line's default rules. The program is built once per
 * trial; the JDK models are loaded once per JVM, as in a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class EngineBenchmark {
  /** Classes of the synthetic program (10 methods each). */
  @Param({"50", "200"})
  public int classes;

  private Program program;
  private JdkModels models;

  @Setup(Level.Trial)
  public void setUp() {
    program = SyntheticProgram.generate(classes, 10, 42L);
    models = JdkModels.instance();
  }

  @Benchmark
  public AnalysisResult analyze() {
    return new EscapeAnalysis(models).analyze(program);
  }

  @Benchmark
  public List<Finding> analyzeAndRules() {
    AnalysisResult result = new EscapeAnalysis(models).analyze(program);
    return RuleRunner.run(result, RuleContext.defaults(), Pipeline.defaultRules(false));
  }
}
