package dev.noescape.jitbench.report;

import java.util.List;
import java.util.Locale;

/** Markdown tables and numbers, the way every report of this bench writes them. */
public final class Markdown {
  private Markdown() {}

  /** A table: header row, separator, rows; '|' in cells escaped. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    row(sb, header);
    sb.append('|');
    for (int k = 0; k < header.size(); k++) sb.append("---|");
    sb.append('\n');
    for (List<String> r : rows) row(sb, r);
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) sb.append(' ').append(c == null ? "" : c.replace("|", "\\|")).append(" |");
    sb.append('\n');
  }

  /** Bytes per call: one decimal, "–" for none. */
  public static String bytes(double b) {
    return Double.isNaN(b) ? "–" : String.format(Locale.ROOT, "%.1f", b);
  }

  /** {@code k/n (p %)}. */
  public static String ratio(int k, int n) {
    return n == 0 ? "0/0" : String.format(Locale.ROOT, "%d/%d (%.0f %%)", k, n, 100.0 * k / n);
  }
}
