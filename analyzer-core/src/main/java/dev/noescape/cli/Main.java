package dev.noescape.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code java -jar noescape-cli.jar [OPTIONS] INPUT...}; {@code --help} lists the options.
 *
 * <p>Exit status: 0 when the run completed with nothing at or above {@code --fail-on}, 1 when it
 * found something at or above it, 2 on a usage or input error or when the analysis could not
 * complete, always with one line on stderr ({@code noescape: no such file: foo.jar}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // With the JVM's defaults, run in a child JVM with the serial collector (see CollectorRelaunch).
    int status = CollectorRelaunch.runInChild(args).orElseGet(() -> run(System.out, System.err, args));
    System.out.flush();
    System.err.flush();
    System.exit(status);
  }

  /** Runs the command in this JVM with the real analysis; returns the exit status. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(dev.noescape.bytecode.BytecodeAnalysis::run, Env.system(), out, err, args);
  }

  static int run(Analyzer analyzer, Env env, PrintStream out, PrintStream err, String... args) {
    CommandLine cl = new CommandLine(new NoEscapeCommand(analyzer, env, out, err));
    RuleList.install(cl);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("noescape: " + usageMessage(ex));
      err.flush();
      return NoEscapeCommand.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      err.println("noescape: internal error: " + NoEscapeCommand.describe(ex));
      if (parsed.hasMatchedOption("--debug")) ex.printStackTrace(err);
      err.flush();
      return NoEscapeCommand.USAGE;
    });
    return cl.execute(args);
  }

  /** picocli's complaint as one line in noescape's words. */
  static String usageMessage(ParameterException ex) {
    if (ex instanceof MissingParameterException m) {
      List<ArgSpec> missing = m.getMissing();
      ArgSpec first = missing == null || missing.isEmpty() ? null : missing.get(0);
      if (first instanceof OptionSpec o) return o.longestName() + " needs a value (" + o.paramLabel() + ")";
      if (first != null && first.isPositional()) return "no INPUT: give one or more jars or classes directories (see --help)";
    }
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      List<String> suggestions = u.getSuggestions();
      String hint = suggestions.isEmpty() ? " (see --help)" : " (did you mean " + suggestions.get(0) + "?)";
      return (arg.startsWith("-") ? "unknown option: " : "unexpected argument: ") + arg + hint;
    }
    String msg = ex.getMessage() == null ? "invalid arguments" : ex.getMessage().lines().findFirst().orElse("");
    return msg.isEmpty() ? "invalid arguments" : msg.substring(0, 1).toLowerCase(Locale.ROOT) + msg.substring(1);
  }
}
