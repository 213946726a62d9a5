package dev.noescape.report;

import dev.noescape.finding.Finding;
import dev.noescape.finding.TemplateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings of one code template repeated for several types, as the text and HTML reports show them:
 * once, with the lines of the other copies ({@code and 2 overloads: lines 264 (asIntList), 273
 * (asLongList)}). Findings are copies of one template when they are of the same rule, severity and
 * file, in different methods, with equal {@link TemplateKey template keys} (the rule made them from
 * the same facts but for the types). JSON and SARIF do not group: each finding is a baseline and
 * suppression key.
 */
public final class TemplateGroups {
  private TemplateGroups() {}

  /**
   * A finding shown for its group, and the other copies of its template.
   *
   * @param lead the first of the group in the order given: the one shown
   * @param others the other copies, by line
   */
  public record Group(ReportedFinding lead, List<ReportedFinding> others) {
    public Group {
      others = List.copyOf(others);
    }

    /** {@code and 2 overloads: lines 264 (asIntList), 273 (asLongList)}; empty for a group of one. */
    public String othersPhrase() {
      if (others.isEmpty()) return "";
      StringBuilder sb = new StringBuilder("and ").append(others.size())
          .append(others.size() == 1 ? " overload: line " : " overloads: lines ");
      for (int i = 0; i < others.size(); i++) {
        Finding f = others.get(i).finding();
        if (i > 0) sb.append(", ");
        sb.append(f.pos().line());
        if (f.method() != null && !f.method().name().equals(lead.finding().method().name())) {
          sb.append(" (").append(f.method().name()).append(')');
        }
      }
      return sb.toString();
    }
  }

  private record Key(String rule, Object severity, String file, String template) {}

  /** {@code ordered} grouped, each group where its first finding is, the others in line order. */
  public static List<Group> of(List<ReportedFinding> ordered) {
    Map<Object, List<ReportedFinding>> groups = new LinkedHashMap<>();
    for (ReportedFinding rf : ordered) {
      Finding f = rf.finding();
      List<ReportedFinding> g = f.template() == null || f.method() == null ? null
          : groups.computeIfAbsent(new Key(f.rule().id(), f.severity(), f.file(), f.template()), k -> new ArrayList<>());
      // copies are in different methods: a second finding of one method is its own (a repeated line)
      if (g == null || g.stream().anyMatch(o -> Objects.equals(o.finding().method(), f.method()))) {
        g = new ArrayList<>();
        groups.put(new Object(), g); // alone, under a key nothing else equals
      }
      g.add(rf);
    }
    List<Group> out = new ArrayList<>(groups.size());
    for (List<ReportedFinding> g : groups.values()) {
      List<ReportedFinding> others = new ArrayList<>(g.subList(1, g.size()));
      others.sort(Comparator.comparingInt((ReportedFinding o) -> o.finding().pos().line())
          .thenComparingInt(o -> o.finding().pos().column()));
      out.add(new Group(g.get(0), others));
    }
    return out;
  }
}
