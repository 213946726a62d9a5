package dev.noescape.bytecode;

import dev.noescape.finding.Finding;
import dev.noescape.finding.RuleId;
import dev.noescape.rules.RuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The whole-program pipeline over class files: class files (SootUp) → method IR → escape engine
 * (summaries bottom-up over the call graph) → rules → findings. The entry point of the command
 * line and the Maven goals.
 */
public final class BytecodeAnalysis {
  private BytecodeAnalysis() {}

  // PLACEHOLDER-UNTIL-MERGE: the command line (wip-cli) compiles against this signature; the
  // bytecode front end's real run(Options, Progress) replaces this method at merge.
  /** Runs the whole pipeline over {@code options.inputs()}, telling {@code progress} how far it is. */
  public static Result run(Options options, Progress progress) {
    throw new UnsupportedOperationException("the bytecode analysis is not merged into this build yet");
  }

  /**
   * What to analyze.
   *
   * @param inputs jars or class directories whose classes are analyzed and reported
   * @param classpath dependency jars and directories: their method bodies are analyzed for
   *     summaries, never reported
   * @param rules the rules to run
   * @param ruleContext verbosity, reportOutsideLoops and hot annotations; the target release and
   *     Guava presence are replaced by what the input shows (class file version, Guava on the class
   *     path)
   */
  public record Options(List<Path> inputs, List<Path> classpath, Set<RuleId> rules, RuleContext ruleContext) {
    public Options {
      inputs = List.copyOf(inputs);
      classpath = List.copyOf(classpath);
      rules = Set.copyOf(rules);
    }
  }

  /**
   * Something the run could not read or analyze, and went on without.
   *
   * @param input the jar, directory, class or method concerned ({@code guava.jar!com/google/X.class})
   * @param message what was skipped and why, one line
   */
  public record Problem(String input, String message) {
    @Override
    public String toString() {
      return input + ": " + message;
    }
  }

  /**
   * What a run found.
   *
   * @param findings sorted with {@link Finding#ORDER}; {@link Finding#file()} is the package path
   *     plus the class file's SourceFile attribute ({@code com/acme/Book.java}), positions carry
   *     lines only (column 0) until source mapping refines them
   * @param classesTotal classes in the inputs
   * @param classesAnalyzed classes of the inputs whose methods were all lowered and analyzed
   * @param problems what was skipped, in input order
   */
  public record Result(List<Finding> findings, int classesTotal, int classesAnalyzed, List<Problem> problems) {
    public Result {
      findings = List.copyOf(findings);
      problems = List.copyOf(problems);
    }
  }

  /** Told how far the run is; called from the analyzing thread. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = (phase, done, total) -> {};

    /** {@code phase} is a word ({@code loading}, {@code lowering}, {@code solving}, {@code rules}). */
    void update(String phase, int done, int total);
  }
}
