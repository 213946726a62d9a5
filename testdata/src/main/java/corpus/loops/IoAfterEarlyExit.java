package corpus.loops;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * I/O that runs whenever an allocation runs, in straight-line code after an early exit: the
 * allocation is noise beside it. The I/O follows the site on every path through the iteration (or
 * through a lambda body a stream repeats), or precedes it on every path to it; neither an if/else
 * arm nor "once per iteration" says so, because a {@code return} or {@code continue} under an
 * {@code if} comes first. The twins keep the I/O where the site's path may miss it.
 */
final class IoAfterEarlyExit {
  /** commons-compress's split-archive segments: each name is formatted, then probed on disk. */
  static List<Path> segments(Path parent, String basename, Path last, int disks) {
    return IntStream.range(0, disks).mapToObj(i -> {
      if (i == disks - 1) {
        return last;
      }
      final Path lowercase = parent.resolve(String.format("%s.z%02d", basename, i + 1)); // ok: VarargsAllocation, BoxingAllocation -- the body's Files.exists (next line) runs whenever the format does
      if (Files.exists(lowercase)) {
        return lowercase;
      }
      final Path uppercase = parent.resolve(String.format("%s.Z%02d", basename, i + 1)); // ok: VarargsAllocation, BoxingAllocation -- Files.exists (three lines up) ran on every path here
      if (Files.exists(uppercase)) {
        return uppercase;
      }
      return lowercase;
    }).collect(Collectors.toList());
  }

  /** The probe only when asked: a run that formats may skip the I/O. */
  static List<Path> segmentsMaybeProbed(Path parent, String basename, Path last, int disks, boolean probe) {
    return IntStream.range(0, disks).mapToObj(i -> {
      if (i == disks - 1) {
        return last;
      }
      final Path lowercase = parent.resolve(String.format("%s.z%02d", basename, i + 1)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      if (probe) {
        if (Files.exists(lowercase)) {
          return lowercase;
        }
      }
      return lowercase;
    }).collect(Collectors.toList());
  }

  /** An early continue, then a box and a write that always follows it. */
  static long printPositive(PrintStream out, int[] keys) {
    long total = 0;
    for (int k : keys) {
      if (k < 0) continue;
      Integer twice = k * 2; // ok: BoxingAllocation -- println (two lines down) runs whenever the box does
      total += twice.hashCode();
      out.println(k);
    }
    return total;
  }

  /** An early continue, then a varargs call and a write that always follows it. */
  static int sumPrinted(PrintStream out, int[] keys) {
    int total = 0;
    for (int k : keys) {
      if (k < 0) continue;
      total += sum(k, total); // ok: VarargsAllocation -- println (next line) runs whenever the array is allocated
      out.println(total);
    }
    return total;
  }

  /** The write first, then an early continue: the write ran on every path to the array. */
  static int printThenSum(PrintStream out, int[] keys) {
    int total = 0;
    for (int k : keys) {
      out.println(k);
      if (k < 0) continue;
      total += sum(k, total); // ok: VarargsAllocation -- println (two lines up) ran on every path here
    }
    return total;
  }

  /** An array on one arm after the early continue, the write after the arms join. */
  static int sumEvenPrinted(PrintStream out, int[] keys) {
    int total = 0;
    for (int k : keys) {
      if (k < 0) continue;
      if (k % 2 == 0) total += sum(k, total); // ok: VarargsAllocation -- println (next line) follows the arm on every path
      out.println(total);
    }
    return total;
  }

  /** The write sits before a continue that takes it away from the path of the array and the box. */
  static long printNegative(PrintStream out, int[] keys) {
    long total = 0;
    for (int k : keys) {
      if (k < 0) {
        out.println(k);
        continue;
      }
      total += sum(k, k + 1); // expect: VarargsAllocation
      Integer twice = k * 2; // expect: BoxingAllocation
      total += twice.hashCode();
    }
    return total;
  }

  /** The array before an early continue that may skip the write. */
  static int sumThenPrint(PrintStream out, int[] keys) {
    int total = 0;
    for (int k : keys) {
      total += sum(k, total); // expect: VarargsAllocation
      if (k < 0) continue;
      out.println(total);
    }
    return total;
  }

  private static int sum(int... xs) {
    int t = 0;
    for (int x : xs) t += x;
    return t;
  }
}
