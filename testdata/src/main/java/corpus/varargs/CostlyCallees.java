package corpus.varargs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Variable-arity calls whose callee's own work on every call dwarfs the array
 * (models/costly-calls): printing through a Formatter, file-system I/O, reflection. Their arrays
 * are information, not warnings; the same loops calling pure computation (String.format, Path.of)
 * or a callee of the program still warn.
 */
final class CostlyCallees {
  /** A report printed line by line: the Formatter and the write are the cost of each line. */
  static void report(PrintStream out, long[] counts, String[] names) {
    for (int i = 0; i < counts.length; i++) {
      out.printf("%-20s %12d%n", names[i], counts[i]); // ok: VarargsAllocation, BoxingAllocation -- PrintStream.printf formats and writes: the array and its box are noise beside it
    }
  }

  /** The same line built in memory: String.format is the allocation problem of this loop. */
  static List<String> reportLines(long[] counts, String[] names) {
    List<String> lines = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      lines.add(String.format("%-20s %12d", names[i], counts[i])); // expect: VarargsAllocation(and 1 box (long)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
    }
    return lines;
  }

  static void reportTo(PrintWriter out, String[] names) {
    for (String name : names) {
      out.format("%s%n", name); // ok: VarargsAllocation -- PrintWriter.format formats and writes
    }
  }

  /** One file per name: each Files.write opens, writes and closes a file. */
  static void writeAll(Path dir, String[] names, List<String> body) throws IOException {
    for (String name : names) {
      Files.write(dir.resolve(name), body); // ok: VarargsAllocation -- an empty OpenOption[] beside a whole file write
    }
  }

  /** Path.of only parses: no I/O, so its array stays a finding. */
  static List<Path> paths(String root, String[] names) {
    List<Path> out = new ArrayList<>(names.length);
    for (String name : names) {
      out.add(Path.of(root, name)); // expect: VarargsAllocation
    }
    return out;
  }

  /** Setters called reflectively: the reflective call costs far more than its Object[1]. */
  static void applyAll(Object target, Method[] setters, Object value)
      throws IllegalAccessException, InvocationTargetException {
    for (Method m : setters) {
      m.invoke(target, value); // ok: VarargsAllocation -- Method.invoke is a reflective call
    }
  }

  /** One file per name: the write is what each iteration costs, beside it a lambda is noise. */
  static void writeEach(Path dir, List<String> names, List<String> lines) throws IOException {
    for (String name : names) {
      List<String> body = lines.stream().map(l -> name + l).toList(); // ok: CapturingLambda -- every iteration of the loop writes a file (Files.write, next line)
      Files.write(dir.resolve(name), body); // ok: VarargsAllocation -- Files.write does file-system I/O
    }
  }

  /** The write only for some names: on the others the lambda is the iteration's cost. */
  static void writeSome(Path dir, List<String> names, List<String> lines) throws IOException {
    for (String name : names) {
      List<String> body = lines.stream().map(l -> name + l).toList(); // expect: CapturingLambda
      if (body.isEmpty()) {
        continue;
      }
      Files.write(dir.resolve(name), body); // ok: VarargsAllocation -- Files.write does file-system I/O
    }
  }

  /** A box per printed line: println writes the line out on every iteration. */
  static long printEach(PrintStream out, int[] keys) {
    List<Integer> printed = new ArrayList<>(keys.length);
    for (int k : keys) {
      printed.add(k); // ok: BoxingAllocation -- every iteration of the loop writes output (PrintStream.println, next line)
      out.println(k);
    }
    return printed.stream().distinct().count();
  }

  /** Output once per row; the inner loop calls a varargs method once per value, with no output of its own. */
  static int printRows(PrintStream out, int[][] rows) {
    int total = 0;
    for (int[] row : rows) {
      for (int v : row) {
        total += sum(v, total); // expect: VarargsAllocation
      }
      out.println(total);
    }
    return total;
  }

  /** A PrintWriter often writes to memory: its println is not output that dwarfs a box. */
  static long printEach(PrintWriter out, int[] keys) {
    List<Integer> printed = new ArrayList<>(keys.length);
    for (int k : keys) {
      printed.add(k); // expect: BoxingAllocation
      out.println(k);
    }
    return printed.stream().distinct().count();
  }

  static int sum(int... values) {
    int s = 0;
    for (int v : values) s += v;
    return s;
  }

  /** A cheap callee of the program: the array is the cost of the call. */
  static int sums(int[] xs) {
    int total = 0;
    for (int i = 0; i + 1 < xs.length; i++) {
      total += sum(xs[i], xs[i + 1]); // expect: VarargsAllocation
    }
    return total;
  }

  /** A write on the lambda's own arm runs whenever the lambda is made; one on the other arm does not. */
  static void sendEach(PrintStream out, List<String> frames, List<Runnable> later, int window) {
    for (String f : frames) {
      if (f.length() > window) {
        out.println(f);
        later.add(() -> out.println(f.length())); // ok: CapturingLambda -- the same arm writes output (PrintStream.println, line above)
      } else {
        later.add(() -> out.println(f)); // expect: CapturingLambda
      }
    }
  }

  /** The same for a varargs array: the write on its own arm dwarfs it, the other arm has none. */
  static void logEach(PrintStream out, List<String> lines, int[] codes) {
    for (int c : codes) {
      if (c < 0) {
        out.println(String.format("negative %d", c)); // ok: VarargsAllocation, BoxingAllocation -- the same arm writes output (PrintStream.println, same line)
      } else {
        lines.add(String.format("code %d", c)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      }
    }
  }
}
