package corpus.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer and a document builder over maps and lists. */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  String write(Object value) {
    out.setLength(0);
    append(value);
    return out.toString();
  }

  private void append(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(s);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> m) {
      depth++;
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(String.valueOf(e.getKey()));
        out.append(':');
        append(e.getValue());
      }
      out.append('}');
      depth--;
    } else if (value instanceof List<?> l) {
      out.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        append(l.get(i));
      }
      out.append(']');
    } else {
      quote(value.toString());
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c)); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Builds {@code {"name": ..., "values": [...], "stats": {...}}}. */
  static Map<String, Object> document(String name, int[] values, double[] weights) {
    Map<String, Object> doc = new LinkedHashMap<>(); // ok: UnpresizedCollection -- no loop fills it
    doc.put("name", name);
    doc.put("count", values.length); // ok: BoxingAllocation -- outside loops, cold method
    List<Object> list = new ArrayList<>(); // expect: UnpresizedCollection(values.length)
    for (int v : values) {
      list.add(v); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    doc.put("values", list);
    List<Object> ws = new ArrayList<>(weights.length); // ok: UnpresizedCollection -- already presized
    for (double w : weights) {
      ws.add(w); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    doc.put("weights", ws);
    Map<String, Object> stats = new LinkedHashMap<>(4); // ok: HashMapCapacity -- 4 slots hold 3 entries, and no loop fills it
    stats.put("min", min(values)); // ok: BoxingAllocation -- outside loops, cold method
    stats.put("max", max(values)); // ok: BoxingAllocation -- outside loops, cold method
    stats.put("empty", values.length == 0); // ok: BoxingAllocation -- Boolean
    doc.put("stats", stats);
    return doc;
  }

  static List<Map<String, Object>> rows(String[] names, int[] ages) {
    List<Map<String, Object>> rows = new ArrayList<>(); // expect: UnpresizedCollection(names.length)
    for (int i = 0; i < names.length; i++) {
      Map<String, Object> row = new LinkedHashMap<>(); // ok: UnpresizedCollection -- filled without a loop
      row.put("name", names[i]);
      row.put("age", ages[i]); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      row.put("adult", ages[i] >= 18); // ok: BoxingAllocation -- Boolean never allocates
      row.put("id", i < 100 ? i : -1); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      rows.add(row);
    }
    return rows;
  }

  private static int min(int[] v) {
    int m = Integer.MAX_VALUE;
    for (int x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static int max(int[] v) {
    int m = Integer.MIN_VALUE;
    for (int x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  int depth() {
    return depth;
  }
}
