package corpus.text;

import java.util.List;
import java.util.Set;

/**
 * StringConcatInLoop when every iteration reads the accumulator as a String (docs/design.md,
 * "Concatenation"): a StringBuilder would need toString() on every iteration, the same copy the
 * concatenation makes, so the finding is information, not a warning. Each case has a twin that
 * stays a warning: the read only after the loop, only under a condition, only in an enclosing
 * loop, or through a method a StringBuilder answers itself.
 */
public class ConcatReadEveryIteration {
  private static final Set<String> KEYWORDS = Set.of("class", "int", "new");
  private String[] recent = new String[4];

  /** javapoet 1.13.0 NameAllocator.newName: the loop condition reads the name on every iteration. */
  static String newName(String suggestion, Set<String> allocated) {
    while (isKeyword(suggestion) || !allocated.add(suggestion)) {
      suggestion = suggestion + "_"; // ok: StringConcatInLoop -- isKeyword reads suggestion as a String on every iteration
    }
    return suggestion;
  }

  /** The same growth, but the name is looked at only after the loop: a StringBuilder saves the copies. */
  static String padded(String suggestion, int n) {
    for (int i = 0; i < n; i++) {
      suggestion = suggestion + "_"; // expect: StringConcatInLoop
    }
    return isKeyword(suggestion) ? suggestion + "$" : suggestion;
  }

  /** Every prefix is recorded: the body passes the accumulated path to a call on every iteration. */
  static void prefixes(List<String> parts, List<String> out) {
    String path = "";
    for (String p : parts) {
      path += "/" + p; // ok: StringConcatInLoop -- out.add keeps every prefix as a String
      out.add(path);
    }
  }

  /** The prefix is recorded only for some parts: the other iterations would append to a builder for free. */
  static void somePrefixes(List<String> parts, List<String> out) {
    String path = "";
    for (String p : parts) {
      path += "/" + p; // expect: StringConcatInLoop
      if (p.startsWith("_")) {
        out.add(path);
      }
    }
  }

  /** A comparison on every iteration: equals needs the String. */
  static int untilMatch(List<String> parts, String wanted) {
    String acc = "";
    int i = 0;
    for (String p : parts) {
      acc += p; // ok: StringConcatInLoop -- acc.equals reads it as a String on every iteration
      if (acc.equals(wanted)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Only the length is read, which a StringBuilder answers itself. */
  static String untilLong(List<String> parts, int width) {
    String acc = "";
    for (String p : parts) {
      acc += p; // expect: StringConcatInLoop
      if (acc.length() > width) {
        break;
      }
    }
    return acc;
  }

  /** Stored into an array element on every iteration: each element needs its own String. */
  void remember(List<String> parts) {
    String acc = "";
    int i = 0;
    for (String p : parts) {
      acc += p; // ok: StringConcatInLoop -- the store into recent[] keeps it as a String on every iteration
      recent[i++ & 3] = acc;
    }
  }

  /** The inner loop accumulates; only the outer loop reads the line: the inner concatenations still copy. */
  static void rows(List<List<String>> rows, List<String> out) {
    for (List<String> row : rows) {
      String line = "";
      for (String cell : row) {
        line += cell + "|"; // expect: StringConcatInLoop
      }
      out.add(line);
    }
  }

  private static boolean isKeyword(String s) {
    return KEYWORDS.contains(s);
  }
}
