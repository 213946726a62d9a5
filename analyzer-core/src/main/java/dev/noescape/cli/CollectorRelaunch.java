package dev.noescape.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the command in a child JVM with the serial collector when {@code java -jar noescape-cli.jar}
 * was started with the JVM's defaults.
 *
 * <p>Why: an analysis run is a batch job that allocates fast and keeps little (SootUp builds each
 * method body, the IR keeps a fraction of it). With no heap options the JVM picks G1 and a maximum
 * heap of a quarter of the machine's memory, and G1 grows the heap to keep its pause-time goal:
 * on guava 33.4.8 that is about 800 MB of peak RSS for a live set under 300 MB. The serial
 * collector keeps the heap near the live set (about 350 MB on guava) in the same wall time on a
 * two-core machine, and no maximum heap is imposed, so big inputs need nothing more than before.
 *
 * <p>A child is started only when all of these hold: the JVM was started with {@code -jar} on
 * this jar, no garbage collector and no heap limit was chosen on the command line (a user's choice
 * is never overridden), {@code NOESCAPE_NO_RELAUNCH} is not set, and the command is not just
 * {@code --help}/{@code --version}. The child inherits stdin, stdout and stderr (so terminal
 * detection and the progress line behave the same), the JVM options and the arguments; its exit
 * status is the command's. If the child cannot be started, the command runs in this JVM.
 */
final class CollectorRelaunch {
  private CollectorRelaunch() {}

  static final String MARKER = "noescape.relaunched";
  private static final Set<String> QUICK = Set.of("-h", "--help", "-V", "--version");

  /** The child's command line, or empty when this JVM should run the command itself. */
  static Optional<List<String>> command(String[] args, List<String> jvmArgs, Map<String, String> env, String classPath,
      Optional<String> javaCommand) {
    if (System.getProperty(MARKER) != null || env.containsKey("NOESCAPE_NO_RELAUNCH")) return Optional.empty();
    for (String a : args) if (QUICK.contains(a)) return Optional.empty();
    for (String a : jvmArgs) if (choosesCollectorOrHeap(a)) return Optional.empty();
    if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")
        || !new File(classPath).isFile() || javaCommand.isEmpty()) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(javaCommand.get());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-D" + MARKER + "=true");
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(classPath);
    cmd.addAll(List.of(args));
    return Optional.of(cmd);
  }

  static boolean choosesCollectorOrHeap(String jvmArg) {
    return (jvmArg.startsWith("-XX:+Use") && jvmArg.endsWith("GC"))
        || jvmArg.startsWith("-Xmx")
        || jvmArg.startsWith("-XX:MaxHeapSize")
        || jvmArg.startsWith("-XX:MaxRAM")
        || jvmArg.startsWith("-XX:SoftMaxHeapSize");
  }

  /**
   * Runs the command in a child JVM when {@link #command} says so and returns its exit status, or
   * empty when the caller should run the command itself.
   */
  static Optional<Integer> runInChild(String[] args) {
    Optional<List<String>> cmd;
    try {
      cmd = command(args, ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(),
          System.getProperty("java.class.path"), ProcessHandle.current().info().command());
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty();
    }
    if (cmd.isEmpty()) return Optional.empty();
    try {
      Process child = new ProcessBuilder(cmd.get()).inheritIO().start();
      while (true) {
        try {
          return Optional.of(child.waitFor());
        } catch (InterruptedException e) {
          child.destroy();
          Thread.currentThread().interrupt();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
