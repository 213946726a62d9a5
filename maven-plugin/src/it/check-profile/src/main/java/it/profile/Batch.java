package it.profile;

import java.util.ArrayList;
import java.util.List;

/** Two loops that allocate: boxing every sample (the heavy one, in a hot method) and an unpresized list of names. */
public final class Batch {
  private Batch() {}

  @HotPath public static long total(long[] samples) {
    List<Long> boxed = new ArrayList<>(samples.length);
    for (long s : samples) {
      boxed.add(s * 1_000_003L);
    }
    long sum = 0;
    for (Long b : boxed) sum += b;
    return sum;
  }

  public static int names(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("n");
    }
    return out.size();
  }
}
