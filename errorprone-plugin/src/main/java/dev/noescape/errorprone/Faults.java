package dev.noescape.errorprone;

import dev.noescape.backend.BackEnd;
import dev.noescape.catalog.RuleId;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Fault isolation helpers: a fault inside the plugin must never fail or crash the compilation.
 * Everything is caught except {@link VirtualMachineError}s other than {@link StackOverflowError}
 * (an out-of-memory javac cannot continue usefully anyway); a deep recursion in the analysis is
 * treated as an ordinary failure of the method or unit it happened in. The back end contains the
 * faults of the engine and the rules itself ({@link BackEnd}); the plugin those of its own stages.
 */
final class Faults {
  private Faults() {}

  /**
   * Rethrows {@code t} when it must not be swallowed ({@link BackEnd#rethrowIfFatal}), and a
   * processor path that links the plugin against another noescape-core
   * ({@link PluginSetUp#isLinkageFailure}: the checker reports that as one error instead of a
   * note per method); returns normally otherwise.
   */
  static void rethrowIfFatal(Throwable t) {
    if (PluginSetUp.isLinkageFailure(t)) throw (Error) t;
    BackEnd.rethrowIfFatal(t);
  }

  /** {@code NullPointerException: msg (at Foo.bar(Foo.java:12))}: short, but enough for a bug report. */
  static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
    String msg = t.getMessage();
    if (msg != null && !msg.isBlank()) {
      String oneLine = msg.strip().replaceAll("\\s+", " ");
      if (oneLine.length() > 200) oneLine = oneLine.substring(0, 200) + "...";
      sb.append(": ").append(oneLine);
    }
    StackTraceElement[] trace = t.getStackTrace();
    if (trace != null && trace.length > 0) {
      sb.append(" (at ").append(trace[0]).append(')');
    }
    return sb.toString();
  }

  /**
   * A test-only hook: lets tests make a stage of the pipeline fail on purpose, to exercise the
   * isolation paths. {@code null} (the default) in every real compilation.
   */
  @FunctionalInterface
  interface Hook {
    /**
     * Called before each stage runs.
     *
     * @param stage the pipeline stage about to run
     * @param subject what it runs on: method keys for {@link Stage#ENGINE}, rule ids and method
     *     keys for {@link Stage#RULES}, {@code rule method-key} for {@link Stage#FIX}, the
     *     source file for {@link Stage#FRONT_END} and {@link Stage#REPORT}
     */
    void before(Stage stage, String subject) throws Exception;
  }

  /** The stages of the per-unit pipeline. */
  enum Stage {
    FRONT_END,
    ENGINE,
    RULES,
    FIX,
    REPORT
  }

  static volatile Hook hook;

  /** Calls the hook, if one is set; {@code subject} is only computed then. */
  static void hook(Stage stage, Supplier<String> subject) throws Exception {
    Hook h = hook;
    if (h != null) h.before(stage, subject.get());
  }

  /** The hook at the back end's stages: {@link Stage#ENGINE} and {@link Stage#RULES}, subjects as {@link Hook} says. */
  static final BackEnd.Checkpoint AT_BACK_END = (stage, rules, methods) -> {
    if (hook == null) return;
    Supplier<String> keys = () -> methods.stream().map(m -> m.ref().key()).collect(Collectors.joining(" "));
    if (stage == BackEnd.Stage.ENGINE) {
      hook(Stage.ENGINE, keys);
    } else {
      hook(Stage.RULES, () -> rules.stream().map(RuleId::id).collect(Collectors.joining(",")) + " " + keys.get());
    }
  };
}
