// corpus-rules: HeapEscape
package corpus.escape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembling report rows: what ends up reachable from the result escapes, scratch objects and
 * the lambdas handed to collection and stream operations that do not keep them stay local.
 */
final class ReportAssembler {
  record Row(String label, long value) {}

  static Row[] rows(String[] labels, long[] values) {
    Row[] out = new Row[labels.length]; // expect: HeapEscape(returned)
    for (int i = 0; i < labels.length; i++) {
      out[i] = new Row(labels[i], values[i]); // expect: HeapEscape
    }
    return out;
  }

  static long total(String[] labels, long[] values) {
    long sum = 0;
    for (int i = 0; i < labels.length; i++) {
      long[] pair = {i, values[i]}; // ok: HeapEscape -- a scratch array, only read
      sum += pair[1];
    }
    return sum;
  }

  static List<String> readOnly(List<String> labels, String suffix) {
    List<String> out = new ArrayList<>(labels.size()); // expect: HeapEscape
    for (String l : labels) {
      out.add(l + suffix); // expect: HeapEscape
    }
    return Collections.unmodifiableList(out);
  }

  static Map<String, Long> copyOfIndex(List<Row> rows) {
    Map<String, Long> scratch = new HashMap<>(); // ok: HeapEscape -- only copied from
    for (Row r : rows) {
      scratch.put(r.label(), r.value()); // expect: HeapEscape -- the boxed value is copied into the returned map
    }
    return new HashMap<>(scratch); // expect: HeapEscape(returned)
  }

  static Integer boxedCount(List<Row> rows) {
    return rows.size(); // expect: HeapEscape(returned)
  }

  static Integer noRows() {
    return 0; // ok: HeapEscape -- Integer.valueOf(0) is cached
  }

  static String header(String a, String b) {
    return String.format("%s | %s", a, b); // ok: HeapEscape -- String.format does not keep its argument array
  }

  static int dropShort(List<String> labels, int min) {
    List<String> copy = new ArrayList<>(labels); // ok: HeapEscape -- local copy
    copy.removeIf(s -> s.length() < min); // ok: HeapEscape -- removeIf does not keep its predicate
    return copy.size();
  }

  static long countWithPrefix(List<String> labels, String prefix) {
    return labels.stream().filter(s -> s.startsWith(prefix)).count(); // gap: HeapEscape -- known false positive: the stream and its predicate die with the pipeline, but a Stream stage keeps its predicate until the terminal operation and the summaries cannot yet say "kept by a stage that is itself only invoked, then dropped", so the lambda is treated as escaping
  }
}
