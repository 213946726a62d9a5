package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code HeapEscape} findings that would print the same line twice. Two causes, both of the
 * compiler's making rather than the user's:
 *
 * <ul>
 *   <li>javac copies an instance field's initializer into every constructor that does not start
 *       with {@code this(…)}: one expression in the source, one allocation site per constructor,
 *       the same verdict. It is reported once, in the first of those constructors (by method key).
 *   <li>several allocations on one line that read alike, such as the rows of a constant table
 *       ({@code {"&nbsp;", "&#160;"}, …}, 152 of them on one line) or both arms of
 *       {@code c ? Integer.valueOf(a) : Integer.valueOf(b)}: one finding for the line, saying how
 *       many allocations it stands for.
 * </ul>
 *
 * Other rules keep one finding per site: the corpus counts them per line ({@code expect: A, A}).
 */
final class SameLineSites {
  private SameLineSites() {}

  /** {@code findings} (sorted with {@link Finding#ORDER}) with those duplicates merged, order kept. */
  static List<Finding> merge(List<Finding> findings) {
    // Each finding, or the key of its group; a group's findings replace its first occurrence.
    Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
    List<Object> order = new ArrayList<>();
    boolean any = false;
    for (Finding f : findings) {
      if (f.rule() != RuleId.HEAP_ESCAPE || f.siteId() < 0 || f.method() == null) {
        order.add(f);
        continue;
      }
      // The line and column as printed: two sites of one line differ in their bytecode offsets.
      List<Object> key = List.of(f.file(), f.pos().line(), f.pos().column(), f.message(), f.identity(), f.method().owner());
      List<Finding> g = groups.get(key);
      if (g == null) {
        groups.put(key, g = new ArrayList<>());
        order.add(key);
      } else {
        any = true;
      }
      g.add(f);
    }
    if (!any) return findings;
    List<Finding> out = new ArrayList<>(order.size());
    for (Object o : order) {
      if (o instanceof Finding f) {
        out.add(f);
        continue;
      }
      out.addAll(mergeGroup(groups.get(o)));
    }
    return out;
  }

  /** One group: the same message about the same line of one class. */
  private static List<Finding> mergeGroup(List<Finding> g) {
    if (g.size() == 1) return g;
    // Copies in other constructors of the class: the first constructor's stand for them all.
    String first = null;
    for (Finding f : g) {
      String k = f.method().key();
      if (first == null || k.compareTo(first) < 0) first = k;
    }
    List<Finding> kept = new ArrayList<>();
    boolean constructors = true;
    for (Finding f : g) constructors &= f.method().isConstructor();
    for (Finding f : g) if (!constructors || f.method().key().equals(first)) kept.add(f);
    // Sites in different methods that are not constructor copies are different code: keep them apart.
    Map<String, List<Finding>> byMethod = new LinkedHashMap<>();
    for (Finding f : kept) byMethod.computeIfAbsent(f.method().key(), k -> new ArrayList<>()).add(f);
    List<Finding> out = new ArrayList<>();
    for (List<Finding> same : byMethod.values()) {
      Finding f = same.get(0);
      if (same.size() == 1) {
        out.add(f);
        continue;
      }
      out.add(new Finding(f.rule(), f.severity(), f.file(), f.pos(), f.message() + " (" + same.size()
          + " allocations on this line)", f.reasons(), f.hotness(), f.fix(), f.method(), f.subject(),
          f.expected(), f.runtime()));
    }
    return out;
  }
}
