package dev.noescape.errorprone;

import java.util.ArrayList;
import java.util.List;

/** Pieces of the test sources several checker tests compile, as source lines. */
final class Sources {
  private Sources() {}

  /** The lines of a source: each part is a line, or an array of lines. */
  static String[] lines(Object... parts) {
    List<String> out = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof String[] several) {
        out.addAll(List.of(several));
      } else {
        out.add((String) part);
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * {@code void name(List<Integer> out, int n)}, which boxes {@code n} on every iteration of a
   * loop ({@code out.add(n)}: a warning, since {@code n} is the same on every iteration; a box of
   * {@code i} would be a forced box, information only), with {@code beforeTheBoxing} (an
   * expectation) just above the boxing.
   */
  static String[] boxingMethod(String name, String... beforeTheBoxing) {
    return lines(
        "  void " + name + "(List<Integer> out, int n) {",
        "    for (int i = 0; i < n; i++) {",
        beforeTheBoxing,
        "      out.add(n);",
        "    }",
        "  }");
  }

  /**
   * {@code List<String> names(List<String> users)}, which fills an unpresized {@code ArrayList} in
   * a loop over {@code users}, with {@code beforeTheAllocation} (an expectation) just above the
   * allocation.
   */
  static String[] namesMethod(String... beforeTheAllocation) {
    return lines(
        "  List<String> names(List<String> users) {",
        beforeTheAllocation,
        "    List<String> names = new ArrayList<>();",
        "    for (String u : users) {",
        "      names.add(u.trim());",
        "    }",
        "    return names;",
        "  }");
  }
}
