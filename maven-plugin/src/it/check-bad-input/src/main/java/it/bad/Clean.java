package it.bad;

public class Clean {
  public static long sum(int[] xs) {
    long total = 0;
    for (int x : xs) {
      total += x;
    }
    return total;
  }

  public static String greet(String name) {
    return "hello " + name;
  }
}
