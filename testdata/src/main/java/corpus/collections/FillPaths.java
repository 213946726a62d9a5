package corpus.collections;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills that add one entry per iteration other than by one unconditional {@code put}: through the
 * map methods for absent keys ({@code computeIfAbsent}, {@code merge}, {@code compute},
 * {@code putIfAbsent}: at most one entry per call), and through a {@code put} on every arm of an
 * {@code if}/{@code else}, a {@code ?:} or a {@code switch} -- and their twins that do not.
 *
 * <p>Keys that may repeat follow the rule sets follow: with the default capacity the number of
 * calls only bounds the size, so {@code UnpresizedCollection} stays quiet; {@code new HashMap<>(n)}
 * already says n entries are expected, and {@code HashMapCapacity} holds it to that.
 */
final class FillPaths {
  enum Kind { BID, ASK, TRADE }

  record Quote(String symbol, Kind kind, long price, boolean indicative) {}

  record Key(String name) {}

  sealed interface Shape permits Circle, Square {}

  static final class Circle implements Shape {}

  static final class Square implements Shape {}

  // ---- map methods for absent keys, explicit capacity: HashMapCapacity ----------------------------

  Map<String, List<Quote>> bySymbol(Quote[] quotes) {
    Map<String, List<Quote>> groups = new HashMap<>(quotes.length); // expect: HashMapCapacity(quotes.length)
    for (Quote q : quotes) {
      groups.computeIfAbsent(q.symbol(), s -> new ArrayList<>()).add(q); // ok: UnpresizedCollection -- one list per new key, filled once
    }
    return groups;
  }

  Map<String, Integer> counts(String[] words) {
    Map<String, Integer> counts = new HashMap<>(words.length); // expect: HashMapCapacity(when the keys are distinct)
    for (String w : words) {
      counts.merge(w, 1, Integer::sum); // ok: BoxingAllocation -- the constant 1 is cached
    }
    return counts;
  }

  Map<String, Key> interned(List<String> names) {
    Map<String, Key> keys = new LinkedHashMap<>(names.size()); // expect: HashMapCapacity
    for (String n : names) {
      keys.putIfAbsent(n, new Key(n));
    }
    return keys;
  }

  Map<String, Key> computed(String[] names) {
    Map<String, Key> keys = new HashMap<>(names.length); // expect: HashMapCapacity
    for (String n : names) {
      keys.compute(n, FillPaths::keyOf);
    }
    return keys;
  }

  static Key keyOf(String name, Key old) {
    return old != null ? old : new Key(name);
  }

  Map<String, Integer> tallied(String[] words) {
    Map<String, Integer> tally = new HashMap<>(words.length); // expect: HashMapCapacity(when the keys are distinct)
    for (String w : words) {
      tally.put(w, tally.getOrDefault(w, 0) + 1); // ok: BoxingAllocation -- the count is a forced box (Map.put requires it, it changes with the key: information at -m=2); the constant 0 is cached
    }
    return tally;
  }

  // ---- both arms: HashMapCapacity ------------------------------------------------------------------

  Map<String, String> indexed(int[] indexes, String[] names, String[] fallback) {
    Map<String, String> byName = new LinkedHashMap<>(indexes.length); // expect: HashMapCapacity(indexes.length)
    for (int i = 0; i < indexes.length; i++) {
      if (indexes[i] >= 0) {
        byName.put(names[indexes[i]], names[i]);
      } else {
        byName.put(names[i], fallback[i]);
      }
    }
    return byName;
  }

  Map<String, Kind> elseIf(Quote[] quotes) {
    Map<String, Kind> kinds = new HashMap<>(quotes.length); // expect: HashMapCapacity
    for (Quote q : quotes) {
      if (q.indicative()) {
        kinds.put(q.symbol(), Kind.TRADE);
      } else if (q.price() > 0) {
        kinds.put(q.symbol(), Kind.BID);
      } else {
        kinds.put(q.symbol(), Kind.ASK);
      }
    }
    return kinds;
  }

  // ---- both arms, default capacity: UnpresizedCollection ------------------------------------------

  List<String> labels(List<Quote> quotes) {
    List<String> labels = new ArrayList<>(); // expect: UnpresizedCollection(quotes.size())
    for (Quote q : quotes) {
      if (q.indicative()) {
        labels.add(q.symbol().toLowerCase());
      } else {
        labels.add(q.symbol());
      }
    }
    return labels;
  }

  List<String> sides(Quote[] quotes) {
    List<String> sides = new ArrayList<>(); // expect: UnpresizedCollection(quotes.length)
    for (Quote q : quotes) {
      switch (q.kind()) {
        case BID -> sides.add("buy");
        case ASK -> sides.add("sell");
        default -> sides.add("none");
      }
    }
    return sides;
  }

  List<String> sidesClassic(Quote[] quotes) {
    List<String> sides = new ArrayList<>(); // expect: UnpresizedCollection(quotes.length)
    for (Quote q : quotes) {
      switch (q.kind()) {
        case BID:
          sides.add("buy");
          break;
        case ASK:
          sides.add("sell");
          break;
        default:
          sides.add("none");
          break;
      }
    }
    return sides;
  }

  List<Object> chosen(List<Quote> quotes) {
    List<Object> out = new ArrayList<>(); // expect: UnpresizedCollection(quotes.size())
    for (Quote q : quotes) {
      boolean unused = q.indicative() ? out.add(q.symbol()) : out.add(q);
    }
    return out;
  }

  List<String> yielded(Quote[] quotes) {
    List<String> sides = new ArrayList<>(); // expect: UnpresizedCollection(quotes.length)
    for (Quote q : quotes) {
      boolean added = switch (q.kind()) {
        case BID -> sides.add("buy");
        case ASK -> {
          String s = q.symbol();
          yield sides.add(s);
        }
        case TRADE -> sides.add("trade");
      };
    }
    return sides;
  }

  List<String> shapeNames(Shape[] shapes) {
    List<String> names = new ArrayList<>(); // expect: UnpresizedCollection(shapes.length)
    for (Shape s : shapes) {
      switch (s) {
        case Circle c -> names.add("circle");
        case Square q -> names.add("square");
      }
    }
    return names;
  }

  List<String> shortCircuit(List<Quote> quotes) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection // bytecode-gap: UnpresizedCollection -- a condition with && is two branches sharing the else arm in bytecode: no arm is found for it
    for (Quote q : quotes) {
      if (q.indicative() && q.price() > 0) {
        out.add(q.symbol());
      } else {
        out.add("-");
      }
    }
    return out;
  }

  // ---- negatives -----------------------------------------------------------------------------------

  Map<String, List<Quote>> grouped(List<Quote> quotes) {
    Map<String, List<Quote>> groups = new HashMap<>(); // ok: UnpresizedCollection -- computeIfAbsent: the keys may repeat (a grouping map), as a set's adds
    for (Quote q : quotes) {
      groups.computeIfAbsent(q.symbol(), s -> new ArrayList<>()).add(q); // ok: UnpresizedCollection -- one list per new key, filled once
    }
    return groups;
  }

  Map<String, Integer> merged(List<String> words) {
    Map<String, Integer> counts = new HashMap<>(); // ok: UnpresizedCollection -- merge counts repeated keys
    for (String w : words) {
      counts.merge(w, 1, Integer::sum); // ok: BoxingAllocation -- the constant 1 is cached
    }
    return counts;
  }

  Map<String, Integer> mergedWhenPositive(Quote[] quotes) {
    Map<String, Integer> seen = new HashMap<>(quotes.length); // ok: HashMapCapacity -- merge on one arm only: fewer entries
    for (Quote q : quotes) {
      if (q.price() > 0) {
        seen.merge(q.symbol(), 1, Integer::sum); // ok: BoxingAllocation -- the constant 1 is cached
      }
    }
    return seen;
  }

  List<String> oneArm(List<Quote> quotes) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the else arm adds nothing
    for (Quote q : quotes) {
      if (q.indicative()) {
        out.add(q.symbol());
      } else {
        q.symbol().trim();
      }
    }
    return out;
  }

  List<String> twiceOnOneArm(List<Quote> quotes) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- two adds on the first arm
    for (Quote q : quotes) {
      if (q.indicative()) {
        out.add(q.symbol());
        out.add("*");
      } else {
        out.add(q.symbol());
      }
    }
    return out;
  }

  List<String> armAndAfter(List<Quote> quotes) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the add after the if runs too
    for (Quote q : quotes) {
      if (q.indicative()) {
        out.add("*");
      }
      out.add(q.symbol());
    }
    return out;
  }

  List<String> skipsOnAnArm(List<Quote> quotes) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the continue skips the add on the first arm
    for (Quote q : quotes) {
      if (q.indicative()) {
        if (q.price() < 0) {
          continue;
        }
        out.add(q.symbol());
      } else {
        out.add("-");
      }
    }
    return out;
  }

  List<String> armWithALoop(List<Quote> quotes, String[] tags) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the first arm adds once per tag, not once
    for (Quote q : quotes) {
      if (q.indicative()) {
        for (String t : tags) {
          out.add(t);
        }
      } else {
        out.add(q.symbol());
      }
    }
    return out;
  }

  List<String> noDefault(Quote[] quotes) {
    List<String> sides = new ArrayList<>(); // ok: UnpresizedCollection -- TRADE adds nothing
    for (Quote q : quotes) {
      switch (q.kind()) {
        case BID -> sides.add("buy");
        case ASK -> sides.add("sell");
        case TRADE -> { }
      }
    }
    return sides;
  }

  Map<Kind, String> fallsThrough(Quote[] quotes) {
    Map<Kind, String> last = new HashMap<>(); // ok: UnpresizedCollection -- a BID falls into the ASK case: two puts
    for (Quote q : quotes) {
      switch (q.kind()) {
        case BID:
          last.put(Kind.BID, q.symbol());
        case ASK:
          last.put(Kind.ASK, q.symbol());
          break;
        default:
          last.put(q.kind(), "");
          break;
      }
    }
    return last;
  }
}
