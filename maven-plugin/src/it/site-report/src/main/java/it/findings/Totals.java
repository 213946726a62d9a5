package it.findings;

import java.util.ArrayList;
import java.util.List;

public class Totals {
  /** Boxing in a loop of a hot method (reported: elsewhere a box List.add requires is information), and a list filled once per element without presizing. */
  @HotPath public static List<Integer> squares(int[] xs) {
    List<Integer> out = new ArrayList<>();
    for (int x : xs) {
      out.add(x * x);
    }
    return out;
  }

  /** Quadratic string building. */
  public static String join(String[] parts) {
    String s = "";
    for (String p : parts) {
      s += p;
    }
    return s;
  }

  @SuppressWarnings("BoxingAllocation")
  public static List<Long> suppressed(long[] xs) {
    List<Long> out = new ArrayList<>(xs.length);
    for (long x : xs) {
      out.add(x);
    }
    return out;
  }
}
