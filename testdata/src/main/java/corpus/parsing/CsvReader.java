package corpus.parsing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;

/** A small RFC 4180-ish CSV reader with a header row and typed column access. */
final class CsvReader {
  record Row(int number, Map<String, String> values) {}

  private final char separator;
  private String errors = "";

  CsvReader(char separator) {
    this.separator = separator;
  }

  List<Row> read(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    String headerLine = reader.readLine();
    if (headerLine == null) {
      return List.of();
    }
    String[] header = split(headerLine).toArray(new String[0]);
    List<Row> rows = new ArrayList<>(); // ok: UnpresizedCollection -- readLine loop: no trip count
    String line;
    int number = 1;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      if (cells.size() != header.length) {
        errors += "line " + number + ": expected " + header.length + " cells\n"; // expect: StringConcatInLoop
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>(); // expect: UnpresizedCollection(header.length)
      for (int i = 0; i < header.length; i++) {
        values.put(header[i], cells.get(i));
      }
      rows.add(new Row(number, values));
    }
    return rows;
  }

  /** Splits one line, honouring double quotes. */
  List<String> split(String line) {
    List<String> cells = new ArrayList<>(); // ok: UnpresizedCollection -- one add per separator, not per character
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  Map<String, Integer> columnIndex(String[] header) {
    Map<String, Integer> index = new HashMap<>(header.length); // expect: HashMapCapacity
    for (int i = 0; i < header.length; i++) {
      index.put(header[i], i); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return index;
  }

  List<Double> numericColumn(List<Row> rows, String column) {
    List<Double> out = new ArrayList<>(); // expect: UnpresizedCollection(rows.size())
    for (Row r : rows) {
      out.add(Double.parseDouble(r.values().get(column))); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return out;
  }

  List<Integer> parseInts(String csvLine) {
    String[] parts = csvLine.split(",");
    List<Integer> ints = new ArrayList<>(); // expect: UnpresizedCollection(parts.length)
    for (String p : parts) {
      ints.add(Integer.valueOf(p.trim())); // ok: BoxingAllocation -- valueOf(String) parses, it is not a boxing conversion
    }
    return ints;
  }

  List<String> tokens(String text) {
    List<String> words = new ArrayList<>(); // ok: UnpresizedCollection -- Scanner loop
    try (Scanner sc = new Scanner(text)) {
      while (sc.hasNext()) {
        words.add(sc.next());
      }
    }
    return words;
  }

  String describe(List<Row> rows) {
    StringBuilder sb = new StringBuilder();
    for (Row r : rows) {
      sb.append(String.format("%5d %s%n", r.number(), r.values())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
    }
    return sb.toString();
  }

  String errors() {
    return errors;
  }
}
