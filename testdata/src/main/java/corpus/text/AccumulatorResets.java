package corpus.text;

import java.util.List;

/**
 * StringConcatInLoop when the loop starts the accumulator afresh (docs/design.md, "Concatenation"):
 * on another arm of a branch, the string grows only over the consecutive iterations that take the
 * concatenating arm, not over the loop (netty's HttpObjectDecoder folds continuation lines into
 * {@code value}; any other line hands the header off and {@code splitHeader} assigns {@code value}
 * afresh), so the finding is information, not a warning; started afresh in every iteration that
 * concatenates, it never grows across iterations and is not reported. Each case has a twin that
 * stays a warning: the helper assigns the field only on some paths, the "reset" derives from the
 * old value, or the helper is a method a subclass may override.
 */
public class AccumulatorResets {
  private String value = "";

  /** A local folded over continuation lines; any other line starts it afresh on the else arm. */
  static void foldedLocal(List<String> lines, List<String> out) {
    String current = "";
    for (String line : lines) {
      if (line.startsWith(" ")) {
        current = current + line.trim(); // ok: StringConcatInLoop -- line 26 starts it afresh on the other arm (information at -m=2)
      } else {
        out.add(current);
        current = line.strip();
      }
    }
    out.add(current);
  }

  /** netty's shape: the field is started afresh through a private helper on the other arm. */
  void foldedField(List<String> lines, List<String> out) {
    for (String line : lines) {
      if (line.startsWith(" ")) {
        value = value + ' ' + line.trim(); // ok: StringConcatInLoop -- line 39 starts it afresh through start() (information at -m=2)
      } else {
        out.add(value);
        start(line);
      }
    }
  }

  /**
   * netty's readHeaders: a condition with && and ||, and a helper that assigns the field on both arms
   * of its last branch, after a check that throws.
   */
  void foldedSplit(List<String> lines, List<String> out) {
    for (String line : lines) {
      char first = line.isEmpty() ? ':' : line.charAt(0);
      if (value != null && (first == ' ' || first == '\t')) {
        value = value + ' ' + line.trim(); // ok: StringConcatInLoop -- line 55 starts it afresh through split() (information at -m=2)
      } else {
        out.add(value);
        split(line);
      }
    }
  }

  /** The helper assigns the field only when the line has a colon: other lines keep growing it. */
  void foldedSometimes(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].charAt(0) == ' ') {
        value += lines[i]; // expect: StringConcatInLoop
      } else {
        startIfHeader(lines[i]);
      }
    }
  }

  /** The other arm trims the old value: it still holds everything appended so far. */
  String foldedTrimmed(Iterable<String> lines) {
    for (String line : lines) {
      if (!line.startsWith(" ")) {
        value = value.trim();
      } else {
        value = value + line; // expect: StringConcatInLoop
      }
    }
    return value;
  }

  /** The helper is public: a subclass may override it and keep the value. */
  void foldedOverridable(List<String> lines) {
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i++);
      if (line.startsWith(" ")) value = value + ' ' + line; // expect: StringConcatInLoop
      else restart(line);
    }
  }

  /** Started afresh at the top of every iteration: the accumulation never spans iterations. */
  static String perLine(List<String> lines) {
    String s = "";
    for (String line : lines) {
      s = line.strip();
      s = s + ';'; // ok: StringConcatInLoop -- line 97 starts it afresh on every iteration, before it
    }
    return s;
  }

  /** Reset only when the line is long, on the concatenation's own path: it may grow over the whole loop. */
  static String wrapped(List<String> words, List<String> out) {
    String s = "";
    for (String w : words) {
      s = s + w; // expect: StringConcatInLoop
      if (s.length() > 80) {
        out.add(s);
        s = w.strip();
      }
    }
    return s;
  }

  private void start(String line) {
    value = line.strip();
  }

  private void split(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("No colon found");
    }
    if (colon == line.length() - 1) {
      value = "";
    } else {
      value = line.substring(colon + 1).strip();
    }
  }

  private void startIfHeader(String line) {
    if (line.indexOf(':') > 0) {
      value = line.strip();
    }
  }

  public void restart(String line) {
    value = line.strip();
  }
}
