package corpus.text;

import java.util.List;
import java.util.Map;

/**
 * Building text in loops: an assignment to a String that lives across iterations and whose new
 * value concatenates its old value copies the whole string each time (quadratic).
 */
final class ReportBuilder {
  record Line(String sku, int quantity, long cents) {}

  private String log = "";
  private String trace = "";

  String csv(List<Line> lines) {
    String out = "sku,qty,cents\n";
    for (Line l : lines) {
      out += l.sku() + "," + l.quantity() + "," + l.cents() + "\n"; // expect: StringConcatInLoop
    }
    return out;
  }

  String joinExplicit(String[] parts) {
    String s = "";
    for (String p : parts) {
      s = s + p + ";"; // expect: StringConcatInLoop
    }
    return s;
  }

  String prepend(String[] parts) {
    String s = "";
    for (String p : parts) {
      s = p + s; // expect: StringConcatInLoop
    }
    return s;
  }

  String wrap(String[] layers, String core) {
    String s = core;
    for (String layer : layers) {
      s = "<" + layer + ">" + s + "</" + layer + ">"; // expect: StringConcatInLoop
    }
    return s;
  }

  void audit(List<String> events) {
    for (String e : events) {
      log += e + "\n"; // expect: StringConcatInLoop
      this.trace = this.trace + e.length(); // expect: StringConcatInLoop
    }
  }

  void auditLambda(List<String> events) {
    events.forEach(e -> log += e); // expect: StringConcatInLoop // ok: CapturingLambda -- created once, outside loops
  }

  String chars(char[] cs) {
    String s = "";
    int i = 0;
    while (i < cs.length) {
      s += cs[i]; // expect: StringConcatInLoop
      i++;
    }
    return s;
  }

  String pad(String text, int width) {
    String padded = text;
    do {
      padded = " " + padded; // expect: StringConcatInLoop
    } while (padded.length() < width);
    return padded;
  }

  String bar(int n) {
    String bar = "";
    for (int i = 0; i < n; i++, bar += "#") { // expect: StringConcatInLoop
      if (i % 10 == 0) {
        bar += "|"; // ok: StringConcatInLoop -- line 79's finding names this line: one StringBuilder removes both
      }
    }
    return bar;
  }

  String table(List<List<String>> rows) {
    StringBuilder all = new StringBuilder();
    for (List<String> row : rows) {
      String line = ""; // declared in the outer body, accumulated across the inner loop's iterations
      for (String cell : row) {
        line += cell + "|"; // expect: StringConcatInLoop
      }
      all.append(line).append('\n');
    }
    return all.toString();
  }

  // ---- negatives -------------------------------------------------------------------------------

  String header(Map<String, String> meta) {
    String h = "report";
    h += " v1"; // ok: StringConcatInLoop -- not in a loop
    for (Map.Entry<String, String> e : meta.entrySet()) {
      String kv = e.getKey() + "=" + e.getValue(); // ok: StringConcatInLoop -- a fresh value, not accumulated
      kv += ";"; // ok: StringConcatInLoop -- kv is declared inside this iteration
      System.out.println(h + kv); // ok: StringConcatInLoop -- not assigned back
    }
    return h;
  }

  String builder(List<Line> lines) {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(l.sku()).append(',').append(l.quantity()).append('\n'); // ok: StringConcatInLoop -- StringBuilder
    }
    return sb.toString();
  }

  String last(List<Line> lines) {
    String label = "none";
    for (Line l : lines) {
      label = l.sku() + "#" + l.quantity(); // ok: StringConcatInLoop -- the new value does not contain the old one
    }
    return label;
  }

  String initOnly(String base, int n) {
    String acc = base;
    int i;
    for (acc = acc + "/start", i = 0; i < n; i++) { // ok: StringConcatInLoop -- for-init runs once
      System.out.println(acc);
    }
    return acc;
  }

  int totalLength(List<String> parts) {
    int total = 0;
    for (String p : parts) {
      String decorated = "[" + p + "]"; // ok: StringConcatInLoop -- declared in the body
      total += decorated.length();
    }
    return total;
  }

  String numbers(int[] values) {
    String s = "";
    for (int v : values) {
      s += v; // expect: StringConcatInLoop
    }
    return s;
  }

  String counters(List<String> names) {
    int n = 0;
    String result = "";
    for (String name : names) {
      n += name.length(); // ok: StringConcatInLoop -- int arithmetic
      result = name; // ok: StringConcatInLoop -- plain assignment
    }
    return result + n;
  }

  String trimmedAll(String[] parts) {
    String s = "";
    for (String p : parts) {
      s = s.trim(); // ok: StringConcatInLoop -- no concatenation
      System.out.println(s + p); // ok: StringConcatInLoop -- not assigned back
    }
    return s;
  }

  void appendOnce(String x) {
    log += x; // ok: StringConcatInLoop -- not in a loop
  }

  Runnable deferredAppend(String x) {
    return () -> log += x; // ok: StringConcatInLoop -- the lambda is neither in a loop nor iterated; ok: CapturingLambda -- created once
  }
}
