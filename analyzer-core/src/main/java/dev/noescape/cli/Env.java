package dev.noescape.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What the command takes from the process around it; tests pass their own.
 *
 * @param workingDir the project root: relative arguments are resolved against it, and mapped
 *     findings are named relative to it ({@code Path.of("")} in production: the current directory)
 * @param stderrIsTerminal whether the progress line may be drawn in place
 * @param nanoClock {@link System#nanoTime} in production
 * @param tickMillis how often a background thread redraws the progress line while the analysis
 *     reports nothing (the elapsed time keeps moving); 0: never
 */
record Env(Path workingDir, boolean stderrIsTerminal, LongSupplier nanoClock, long tickMillis) {

  static Env system() {
    return new Env(Path.of(""), detectTerminal(), System::nanoTime, 250);
  }

  /**
   * {@code System.console() != null}, and on JDK 22+ {@code Console.isTerminal()} (from 22 on
   * there is a console even when the streams are redirected). Called reflectively: the command line
   * is compiled for release 17.
   */
  static boolean detectTerminal() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // JDK 17-21: a console means a terminal
    }
  }
}
