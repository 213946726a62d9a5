package dev.noescape.jitbench.harness;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntBinaryOperator;

/**
 * The measuring JVM: one probe per JVM. Calls the probe until C2 has compiled it (an in-use level 4
 * nmethod in the code list), then measures the bytes the calling thread allocates over
 * {@code rounds} rounds of {@code calls} calls ({@code ThreadMXBean.getCurrentThreadAllocatedBytes},
 * exact to the byte, TLAB included), then checks that the same nmethod is still in use: a probe
 * that was deoptimized while measured is warmed and measured again (up to 3 attempts).
 *
 * <p>Prints one line for the driver: {@code jitprobe status=ok compile=<id> calls=<N>
 * bytes=<b1,b2,...> attempts=<k> warm=<calls>}; status is {@code ok}, {@code not-compiled} (no C2
 * code within the time limit) or {@code unstable} (deoptimized in every attempt).
 *
 * <p>Usage: {@code ProbeMain <class> <method> [n=8] [calls=50000] [rounds=5] [timeoutMs=60000]}.
 */
public final class ProbeMain {
  private static final int WARM_CHUNK = 2_000;
  private static final int ATTEMPTS = 3;
  private static final long CHECK_EVERY_NS = 50_000_000L;

  private ProbeMain() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: ProbeMain <class> <method> [n] [calls] [rounds] [timeoutMs]");
      System.exit(2);
    }
    String className = args[0];
    String method = args[1];
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int calls = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    long timeoutMs = args.length > 5 ? Long.parseLong(args[5]) : 60_000;

    IntBinaryOperator probe = bind(Class.forName(className), method);
    String codeListName = className + "." + method + "(II)I";
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Starting the platform MBean server costs a second or more: do it while the probe warms up.
    CompletableFuture<CodeList> codeLists = CompletableFuture.supplyAsync(() -> {
      CodeList c = new CodeList();
      c.c2CompileId(codeListName);
      return c;
    });
    CodeList codeList = null;
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;

    int next = 0;
    int sink = 0;
    String status = "not-compiled";
    int compileId = -1;
    long[] bytes = new long[rounds];
    int attempt = 0;
    long start = System.nanoTime();
    long warmMs = 0;
    while (attempt < ATTEMPTS) {
      attempt++;
      // Warm until C2 code is in use, then one more chunk so that calls enter it.
      // The code list is a long text: ask for it every CHECK_EVERY_NS, not after every chunk.
      compileId = -1;
      long nextCheck = 0;
      while (compileId < 0) {
        long now = System.nanoTime();
        if (now > deadline) break;
        sink += run(probe, n, next, WARM_CHUNK);
        next += WARM_CHUNK;
        if (codeList == null && codeLists.isDone()) codeList = codeLists.join();
        if (codeList != null && now >= nextCheck) {
          compileId = codeList.c2CompileId(codeListName);
          nextCheck = System.nanoTime() + CHECK_EVERY_NS;
        }
      }
      if (compileId < 0) {
        status = "not-compiled";
        break;
      }
      sink += run(probe, n, next, WARM_CHUNK);
      next += WARM_CHUNK;
      if (codeList.c2CompileId(codeListName) != compileId) {
        status = "unstable";
        continue;
      }
      warmMs = (System.nanoTime() - start) / 1_000_000L;
      for (int r = 0; r < rounds; r++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(probe, n, next, calls);
        bytes[r] = threads.getCurrentThreadAllocatedBytes() - before;
        next += calls;
      }
      if (codeList.c2CompileId(codeListName) == compileId) {
        status = "ok";
        break;
      }
      status = "unstable";
    }
    StringJoiner b = new StringJoiner(",");
    for (long v : bytes) b.add(Long.toString(v));
    System.out.println(String.format(Locale.ROOT,
        "jitprobe status=%s compile=%d calls=%d bytes=%s attempts=%d warm=%d warmMs=%d sink=%d",
        status, compileId, calls, b, attempt, next - (status.equals("ok") ? rounds * calls : 0),
        warmMs, sink & 1));
  }

  /** Calls the probe {@code calls} times with (n, from), (n, from + 1), … . */
  private static int run(IntBinaryOperator probe, int n, int from, int calls) {
    int acc = 0;
    for (int k = 0; k < calls; k++) acc += probe.applyAsInt(n, from + k);
    return acc;
  }

  /** The static method {@code int name(int, int)} of {@code c} as an IntBinaryOperator (no boxing, no reflection per call). */
  static IntBinaryOperator bind(Class<?> c, String name) throws Throwable {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodType type = MethodType.methodType(int.class, int.class, int.class);
    MethodHandle target = lookup.findStatic(c, name, type);
    MethodHandle factory = LambdaMetafactory.metafactory(lookup, "applyAsInt",
        MethodType.methodType(IntBinaryOperator.class), type, target, type).getTarget();
    return (IntBinaryOperator) factory.invokeExact();
  }

}
