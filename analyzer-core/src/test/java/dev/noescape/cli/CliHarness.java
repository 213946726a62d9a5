package dev.noescape.cli;

import dev.noescape.bytecode.BytecodeAnalysis;
import dev.noescape.finding.Finding;
import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Subjects;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SourcePos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the command in-process with a fake analysis (the {@link Analyzer} seam), a fake clock and
 * captured stdout/stderr. Not a test class itself.
 */
final class CliHarness {
  private CliHarness() {}

  static final MethodRef METHOD = new MethodRef("com.acme.OrderBook", "add", List.of("long"), "void", false);

  static Finding finding(RuleId rule, String file, int line, String message) {
    return new Finding(rule, rule.defaultSeverity(), file, SourcePos.line(line), message, List.of(), 10_000, null,
        METHOD, Subjects.newObject(0, "com.acme.X", "X"));
  }

  static Finding boxing(int line) {
    return finding(RuleId.BOXING_ALLOCATION, "com/acme/OrderBook.java", line,
        "boxing long to Long allocates on every iteration of the loop (line " + line + ")");
  }

  static BytecodeAnalysis.Result result(int classes, Finding... findings) {
    return new BytecodeAnalysis.Result(Arrays.stream(findings).sorted(Finding.ORDER).toList(), classes, classes, List.of());
  }

  /** A fake analysis: answers {@code result}, or throws {@code failure}; remembers what it was asked. */
  static final class FakeAnalysis implements Analyzer {
    BytecodeAnalysis.Result result;
    Throwable failure;
    BytecodeAnalysis.Options options;
    int calls;
    /** Runs inside the analysis, with its progress callback (to script updates and clock moves). */
    java.util.function.Consumer<BytecodeAnalysis.Progress> during = p -> {};

    FakeAnalysis(BytecodeAnalysis.Result result) {
      this.result = result;
    }

    @Override
    public BytecodeAnalysis.Result run(BytecodeAnalysis.Options options, BytecodeAnalysis.Progress progress) {
      this.options = options;
      calls++;
      during.accept(progress);
      if (failure instanceof RuntimeException r) throw r;
      if (failure instanceof Error e) throw e;
      return result;
    }
  }

  /** What a run printed and returned. */
  record Outcome(int status, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : out.lines().toList();
    }

    List<String> errLines() {
      return err.isEmpty() ? List.of() : err.lines().toList();
    }

    String lastErrLine() {
      List<String> l = errLines();
      return l.isEmpty() ? "" : l.get(l.size() - 1);
    }
  }

  /** The environment of a run: working directory, terminal or not, and a clock tests move. */
  static final class World {
    final Path workingDir;
    boolean terminal;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    World(Path workingDir) {
      this.workingDir = workingDir;
    }

    Env env() {
      return new Env(workingDir, terminal, nanos::get, 0);
    }

    void advanceMillis(long ms) {
      nanos.addAndGet(ms * 1_000_000L);
    }

    Outcome run(Analyzer analyzer, String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status;
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        status = Main.run(analyzer, env(), o, e, args);
      }
      return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An empty classes directory under the working directory. */
    Path classesDir(String name) throws IOException {
      return Files.createDirectories(workingDir.resolve(name));
    }

    /** A file whose bytes start like a jar. */
    Path jar(String name) throws IOException {
      Path p = workingDir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.write(p, new byte[] {'P', 'K', 3, 4});
      return p;
    }
  }
}
