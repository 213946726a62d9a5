package dev.noescape.showcase.importer;

import dev.noescape.showcase.book.Order;
import dev.noescape.showcase.book.Side;
import dev.noescape.showcase.book.Ticks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads orders from CSV: {@code id,symbol,trader,side,price,quantity}, one header line.
 *
 * <p>A start-of-day batch job rather than a hot path, but it runs over every line of the file,
 * and that is what noescape's loop rules look at.
 */
public final class CsvTradeImporter {

  /** The orders that parsed, and one message per line that did not. */
  public record Result(List<Order> orders, String errors, Set<String> traders) {}

  private static final int COLUMNS = 6;
  private static final String HEADER = "id,symbol,trader,side,price,quantity";

  private final Set<String> symbols;

  /** An importer that accepts orders for {@code symbols} only. */
  public CsvTradeImporter(Collection<String> symbols) {
    // Capacity n for n entries: the set rehashes while addAll runs (HashMapCapacity), but once per
    // importer: set-up code, information only. HashSet.newHashSet(n) sizes it right.
    this.symbols = new HashSet<>(symbols.size());
    this.symbols.addAll(symbols);
  }

  /** Reads all lines. Unknown trip count (a reader), so the list is rightly not reported. */
  public static List<String> readLines(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  public Result parse(List<String> lines) {
    // One split row per data line: filled once per iteration of a counted loop, but created
    // with the default capacity (UnpresizedCollection; the fix is lines.size()).
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      rows.add(split(lines.get(i)));
    }

    // Presized, and the add is conditional anyway: not reported.
    List<Order> orders = new ArrayList<>(rows.size());
    String errors = "";
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      String problem = validate(row);
      if (problem != null) {
        // Copies everything accumulated so far on every bad line (StringConcatInLoop).
        errors += "line " + (i + 2) + ": " + problem + "\n";
        continue;
      }
      orders.add(toOrder(row));
    }

    // Distinct traders: orders share traders, so presizing to orders.size() over-allocates (quiet).
    Set<String> traders = new HashSet<>();
    for (Order order : orders) {
      traders.add(order.trader());
    }
    return new Result(orders, errors, traders);
  }

  /** Position of each symbol in {@code symbols}, e.g. for column-oriented storage. */
  public static Map<String, Integer> symbolIds(String[] symbols) {
    // n buckets for n entries: resizes at 0.75 n (HashMapCapacity). Boxes i (a forced box: information).
    Map<String, Integer> ids = new HashMap<>(symbols.length);
    for (int i = 0; i < symbols.length; i++) {
      ids.put(symbols[i], i);
    }
    return ids;
  }

  /** Net position per trader. Boxing a long per order (a forced box, a key per order: information). */
  public static Map<String, Long> netPositions(List<Order> orders) {
    Map<String, Long> net = new HashMap<>();
    for (Order o : orders) {
      long signed = o.side() == Side.BUY ? o.quantity() : -o.quantity();
      net.merge(o.trader(), signed, Long::sum);
    }
    return net;
  }

  /** Notional per order, in a primitive array: nothing to report. */
  public static long[] notionals(List<Order> orders) {
    long[] out = new long[orders.size()];
    for (int i = 0; i < out.length; i++) {
      Order o = orders.get(i);
      out[i] = o.price() * o.quantity();
    }
    return out;
  }

  private static String[] split(String line) {
    String[] fields = new String[COLUMNS];
    int start = 0;
    int n = 0;
    while (n < COLUMNS - 1) {
      int comma = line.indexOf(',', start);
      if (comma < 0) {
        break;
      }
      fields[n++] = line.substring(start, comma).trim();
      start = comma + 1;
    }
    fields[n] = line.substring(start).trim();
    return fields;
  }

  /** Writes orders back as CSV. Copies all the text so far once per order (StringConcatInLoop). */
  public static String toCsv(List<Order> orders) {
    String out = HEADER + "\n";
    for (Order o : orders) {
      String side = o.side() == Side.BUY ? "B" : "S";
      out = out + o.id() + "," + o.symbol() + "," + o.trader() + "," + side + ","
          + Ticks.format(o.price()) + "," + o.quantity() + "\n";
    }
    return out;
  }

  private String validate(String[] row) {
    for (int c = 0; c < COLUMNS; c++) {
      if (row[c] == null || row[c].isEmpty()) {
        return "missing column " + (c + 1);
      }
    }
    if (!symbols.contains(row[1])) {
      return "unknown symbol " + row[1];
    }
    if (!row[3].equals("B") && !row[3].equals("S")) {
      return "side must be B or S, not " + row[3];
    }
    if (!isNumber(row[0]) || !isNumber(row[5])) {
      return "id and quantity must be whole numbers";
    }
    return null;
  }

  private static boolean isNumber(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  private static Order toOrder(String[] row) {
    return new Order(
        Long.parseLong(row[0]),
        row[1],
        row[2],
        row[3].equals("B") ? Side.BUY : Side.SELL,
        Ticks.parse(row[4], 0, row[4].length()),
        Long.parseLong(row[5]));
  }
}
