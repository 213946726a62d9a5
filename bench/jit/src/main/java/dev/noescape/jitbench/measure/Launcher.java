package dev.noescape.jitbench.measure;

import dev.noescape.jitbench.probe.ProbeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts one measuring JVM ({@code harness.ProbeMain}) for one probe, variant and JDK, and reads
 * its result line. Flags every run shares: {@code -XX:CompileCommand=dontinline} for
 * {@code Opaque} and for the probe itself (a C2 compile root with opaque arguments),
 * {@code -XX:-UseOnStackReplacement} (the harness's code list cannot tell an OSR compilation from
 * a normal one; without OSR only the normal compile of the probe exists), a fixed heap, and the
 * compilation log.
 */
public final class Launcher {
  private static final Pattern RESULT = Pattern.compile(
      "^jitprobe status=(\\S+) compile=(-?\\d+) calls=(\\d+) bytes=(\\S*) attempts=(\\d+) warm=\\d+ warmMs=(\\d+)",
      Pattern.MULTILINE);
  private static final long TIMEOUT_SECONDS = 120;

  private final Path classes;
  private final int n;
  private final int calls;
  private final int rounds;

  public Launcher(Path classes, int n, int calls, int rounds) {
    this.classes = classes;
    this.n = n;
    this.calls = calls;
    this.rounds = rounds;
  }

  /** The command line of one run (also printed in the report, so anyone can rerun a probe by hand). */
  public List<String> command(Jdk jdk, ProbeSpec probe, Variant variant, Path log) {
    List<String> cmd = new ArrayList<>();
    cmd.add(jdk.java().toString());
    cmd.add("-Xms128m");
    cmd.add("-Xmx256m");
    cmd.add("-XX:-UseOnStackReplacement");
    cmd.add("-XX:+UnlockDiagnosticVMOptions");
    cmd.add("-XX:+LogCompilation");
    cmd.add("-XX:LogFile=" + log);
    cmd.add("-XX:CompileCommand=quiet");
    cmd.add("-XX:CompileCommand=dontinline,dev.noescape.jitbench.probe.Opaque::*");
    cmd.add("-XX:CompileCommand=dontinline," + probe.compileCommandPattern());
    cmd.addAll(variant.flags(probe));
    cmd.add("-cp");
    cmd.add(classes.toString());
    cmd.add("dev.noescape.jitbench.harness.ProbeMain");
    cmd.add(probe.className());
    cmd.add(probe.methodName());
    cmd.add(Integer.toString(n));
    cmd.add(Integer.toString(calls));
    cmd.add(Integer.toString(rounds));
    cmd.add("60000");
    return cmd;
  }

  /** Runs the probe; the result says what went wrong when something did (never throws for a bad run). */
  public Launch run(Jdk jdk, ProbeSpec probe, Variant variant, Path log) {
    List<String> cmd = command(jdk, probe, variant, log);
    long start = System.nanoTime();
    Path out = null;
    try {
      out = Files.createTempFile("jitprobe", ".out");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor();
        return Launch.failed("timeout", "no result within " + TIMEOUT_SECONDS + " s", millis(start));
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Matcher m = RESULT.matcher(text);
      if (!m.find()) {
        return Launch.failed("failed", "exit " + p.exitValue() + ": " + tail(text), millis(start));
      }
      String[] parts = m.group(4).isEmpty() ? new String[0] : m.group(4).split(",");
      long[] bytes = new long[parts.length];
      for (int k = 0; k < parts.length; k++) bytes[k] = Long.parseLong(parts[k]);
      return new Launch(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), bytes,
          Integer.parseInt(m.group(5)), Long.parseLong(m.group(6)), millis(start), "");
    } catch (IOException e) {
      return Launch.failed("failed", "cannot run " + cmd.get(0) + ": " + e.getMessage(), millis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Launch.failed("failed", "interrupted", millis(start));
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000L;
  }

  private static String tail(String text) {
    String t = text.strip();
    int nl = t.lastIndexOf('\n');
    String last = nl < 0 ? t : t.substring(nl + 1);
    return last.length() > 200 ? last.substring(0, 200) : last;
  }

  /** What one JVM printed. */
  public record Launch(String status, int compileId, int calls, long[] bytes, int attempts, long warmMs,
      long wallMs, String detail) {
    static Launch failed(String status, String detail, long wallMs) {
      return new Launch(status, -1, 0, new long[0], 0, 0, wallMs, detail);
    }
  }
}
