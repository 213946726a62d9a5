package corpus.collections;

import java.util.ArrayList;
import java.util.List;

/**
 * Loops after earlier loops of the same method: javac gives the later variables (the collection,
 * the hidden iterator or array copy of an enhanced for, its element) the slots of the earlier loops'
 * variables, and class files then hold several variables per slot.
 */
final class ReusedSlots {
  record Row(String trader, String symbol) {}

  List<String> traders(List<String> lines) {
    List<String[]> cells = new ArrayList<>(); // expect: UnpresizedCollection(lines.size() - 1)
    for (int i = 1; i < lines.size(); i++) {
      cells.add(lines.get(i).split(","));
    }
    List<Row> rows = new ArrayList<>(cells.size()); // ok: UnpresizedCollection -- presized, and the add is conditional
    for (int i = 0; i < cells.size(); i++) {
      String[] c = cells.get(i);
      String problem = c.length < 2 ? "short" : null;
      if (problem != null) {
        continue;
      }
      rows.add(new Row(c[0], c[1]));
    }
    // rows takes the slot of the first loop's i, the iterator the one of c, row the one of problem
    List<String> traders = new ArrayList<>(); // expect: UnpresizedCollection(rows.size())
    for (Row row : rows) {
      traders.add(row.trader());
    }
    return traders;
  }

  List<String> symbols(List<String> lines) {
    int blank = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        blank++;
      }
    }
    // parts takes the slot of i; the enhanced for's array copy, length and index follow it
    String[] parts = lines.get(blank).split(",");
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(parts.length)
    for (String p : parts) {
      out.add(p.strip());
    }
    return out;
  }
}
