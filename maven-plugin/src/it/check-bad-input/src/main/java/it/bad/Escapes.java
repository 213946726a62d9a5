package it.bad;

import java.util.List;

/**
 * javac reads this file (a Unicode escape may repeat its 'u': JLS 3.3), JavaParser cannot, so source
 * mapping skips it with one warning and its finding keeps a line-only position.
 */
public class Escapes {
  public static String label() {
    return \uuuu0022total\uuu0022;
  }

  @HotPath public static void fill(List<Integer> out, int n) {
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
  }
}
