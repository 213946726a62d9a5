package dev.noescape.profile.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small program with allocation sites of known weight, run in a child JVM under JDK Flight
 * Recorder by {@code ProfileWorkloadTest}. The markers at the end of lines ({@code // mark: name})
 * are how the test finds the lines; keep one site per marked line.
 *
 * <ul>
 *   <li>{@code hottest}: a varargs array of 16 elements (80 bytes) per call, many calls: by far the
 *       most bytes, and a {@code VarargsAllocation} finding;
 *   <li>{@code list}/{@code add}: a list filled without presizing ({@code UnpresizedCollection}):
 *       the arrays {@code ArrayList.grow} allocates inside the JDK are credited to the {@code add}
 *       line, and through it to the list;
 *   <li>{@code format}: {@code String.format}, whose own allocations stay with the call.
 * </ul>
 */
public final class Workload {
  private Workload() {}

  /** Keeps every allocation alive past the JIT's escape analysis. */
  static volatile Object sink;

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    long checksum = 0;
    for (int r = 0; r < rounds; r++) {
      checksum += hottest(200_000);
      checksum += lists(2_000);
      checksum += format(2_000);
    }
    System.out.println("workload: " + checksum);
  }

  static long hottest(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      List<Integer> l = Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16); // mark: hottest
      sink = l;
      sum += l.size();
    }
    return sum;
  }

  static long lists(int n) {
    List<List<Integer>> all = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      List<Integer> list = new ArrayList<>(); // mark: list
      for (int i = 0; i < 40; i++) {
        list.add(i + 1000); // mark: add
      }
      all.add(list);
    }
    sink = all;
    return all.size();
  }

  static long format(int n) {
    StringBuilder last = new StringBuilder();
    for (int i = 0; i < n; i++) {
      last.setLength(0);
      last.append(String.format("%08x", i)); // mark: format
    }
    sink = last.toString();
    return last.length();
  }
}
