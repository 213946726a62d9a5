package corpus.text;

import java.util.List;

/**
 * One accumulator concatenated at several places of one loop is one StringConcatInLoop finding, at
 * the first of them in the source, naming every line: one StringBuilder removes them all (HdrHistogram's
 * packed-array dump gave one warning per {@code output +=}). Another accumulator, or the same one in
 * another loop, is a finding of its own.
 */
public class AccumulatorOnce {
  static String joined(List<String> words) {
    String out = "";
    for (String w : words) {
      out += w; // expect: StringConcatInLoop
      out += ","; // ok: StringConcatInLoop -- the previous line's finding names this line
    }
    return out;
  }

  static String twoAccumulators(List<String> words) {
    String keys = "";
    String values = "";
    for (String w : words) {
      keys += w.charAt(0); // expect: StringConcatInLoop
      values += w; // expect: StringConcatInLoop
    }
    return keys + values;
  }

  static String twoLoops(List<String> words) {
    String out = "";
    for (String w : words) {
      out += w; // expect: StringConcatInLoop
    }
    for (String w : words) {
      out += w.length(); // expect: StringConcatInLoop
    }
    return out;
  }
}
