package corpus.collections;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.Vector;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collections created with the default capacity and then filled once per iteration of a loop
 * whose trip count is known before it starts -- and the many look-alikes that must stay quiet.
 */
final class Presizing {
  record User(long id, String name, boolean active) {}

  record Edge(String from, String to) {}

  // ---- positives -------------------------------------------------------------------------------

  List<String> names(List<User> users) {
    List<String> names = new ArrayList<>(); // expect: UnpresizedCollection(users.size())
    for (User u : users) {
      names.add(u.name());
    }
    return names;
  }

  Map<String, User> byName(Collection<User> users) {
    Map<String, User> index = new HashMap<>(); // expect: UnpresizedCollection(users.size())
    for (User u : users) {
      index.put(u.name(), u);
    }
    return index;
  }

  Set<String> distinct(String[] words) {
    Set<String> seen = new HashSet<>(); // ok: UnpresizedCollection -- a set: the lower-cased words may repeat, so words.length only bounds its size
    for (String w : words) {
      seen.add(w.toLowerCase());
    }
    return seen;
  }

  List<String> firstN(String[] parts, int n) {
    List<String> head = new ArrayList<>(); // expect: UnpresizedCollection
    for (int i = 0; i < n; i++) {
      head.add(parts[i]);
    }
    return head;
  }

  List<String> inclusive(String[] parts, int last) {
    List<String> head = new ArrayList<>(); // expect: UnpresizedCollection
    for (int i = 0; i <= last; i++) {
      head.add(parts[i]);
    }
    return head;
  }

  Deque<String> reversed(String[] parts) {
    Deque<String> stack = new ArrayDeque<>(); // expect: UnpresizedCollection
    for (int i = parts.length - 1; i >= 0; i--) {
      stack.addLast(parts[i]);
    }
    return stack;
  }

  List<String> everyOther(String[] parts) {
    List<String> evens = new ArrayList<>(); // expect: UnpresizedCollection
    for (int i = 0; i < parts.length; i += 2) {
      evens.add(parts[i]);
    }
    return evens;
  }

  Map<String, String> ordered(List<Edge> edges) {
    Map<String, String> next = new LinkedHashMap<>(); // expect: UnpresizedCollection(edges.size())
    for (Edge e : edges) {
      next.put(e.from(), e.to());
    }
    return next;
  }

  Set<String> orderedSet(List<Edge> edges) {
    Set<String> targets = new LinkedHashSet<>(); // ok: UnpresizedCollection -- a set: edges often share a target
    for (Edge e : edges) {
      targets.add(e.to());
    }
    return targets;
  }

  Queue<User> byId(List<User> users) {
    Queue<User> queue = new PriorityQueue<>((a, b) -> Long.compare(a.id(), b.id())); // expect: UnpresizedCollection(users.size())
    for (User u : users) {
      queue.offer(u);
    }
    return queue;
  }

  Vector<String> legacyVector(String[] rows) {
    Vector<String> v = new Vector<>(); // expect: UnpresizedCollection(rows.length)
    for (String r : rows) {
      v.add(r.trim());
    }
    return v;
  }

  Hashtable<String, Integer> legacyTable(String[] keys) {
    Hashtable<String, Integer> t = new Hashtable<>(); // expect: UnpresizedCollection(keys.length)
    for (String k : keys) {
      t.put(k, k.length()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return t;
  }

  List<String> valuesOf(Map<String, String> env) {
    List<String> values = new ArrayList<>(); // expect: UnpresizedCollection
    for (Map.Entry<String, String> e : env.entrySet()) {
      values.add(e.getKey() + "=" + e.getValue());
    }
    return values;
  }

  List<List<String>> rows(List<String[]> table) {
    List<List<String>> rows = new ArrayList<>(); // expect: UnpresizedCollection(table.size())
    for (String[] cells : table) {
      List<String> row = new ArrayList<>(); // expect: UnpresizedCollection(cells.length)
      for (String c : cells) {
        row.add(c.strip());
      }
      rows.add(row);
    }
    return rows;
  }

  List<String> slice(String[] parts, int from, int to) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection
    for (int i = from; i < to; i++) {
      out.add(parts[i]);
    }
    return out;
  }

  List<String> signs(int[] values) {
    List<String> out = new ArrayList<>(); // expect: UnpresizedCollection(values.length)
    for (int v : values) {
      out.add(v >= 0 ? "+" : "-"); // the add itself is unconditional; only its argument is
    }
    return out;
  }

  // ---- negatives: no trip count known before the loop ------------------------------------------

  List<String> fromIterator(Iterator<String> it) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- Iterator has no size
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  List<String> fromEnumeration(Enumeration<String> en) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- Enumeration has no size
    while (en.hasMoreElements()) {
      out.add(en.nextElement());
    }
    return out;
  }

  List<String> matches(Pattern p, CharSequence text) {
    List<String> found = new ArrayList<>(); // ok: UnpresizedCollection -- Matcher.find loop
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  List<String> lines(BufferedReader reader) throws IOException {
    List<String> lines = new ArrayList<>(); // ok: UnpresizedCollection -- reader loop
    String line;
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  List<Integer> collatz(int start) {
    List<Integer> steps = new ArrayList<>(); // ok: UnpresizedCollection -- do-while with a data-dependent end
    int n = start;
    do {
      steps.add(n); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
      n = n % 2 == 0 ? n / 2 : 3 * n + 1;
    } while (n != 1);
    return steps;
  }

  List<String> fromIterable(Iterable<String> source) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- an Iterable that is not a Collection has no size
    for (String s : source) {
      out.add(s);
    }
    return out;
  }

  List<String> growingBound(String[] parts) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the bound changes inside the loop
    int limit = parts.length / 2;
    for (int i = 0; i < limit; i++) {
      out.add(parts[i]);
      if (parts[i].isEmpty()) {
        limit = Math.min(parts.length, limit + 1);
      }
    }
    return out;
  }

  List<String> variableStep(String[] parts, int step) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- the step is not a constant
    for (int i = 0; i < parts.length; i += step) {
      out.add(parts[i]);
    }
    return out;
  }

  // ---- negatives: not exactly one add per iteration --------------------------------------------

  List<User> activeOnly(List<User> users) {
    List<User> active = new ArrayList<>(); // ok: UnpresizedCollection -- conditional add
    for (User u : users) {
      if (u.active()) {
        active.add(u);
      }
    }
    return active;
  }

  List<String> skipBlank(List<String> raw) {
    List<String> kept = new ArrayList<>(); // ok: UnpresizedCollection -- the add comes after a continue
    for (String s : raw) {
      if (s.isBlank()) {
        continue;
      }
      kept.add(s);
    }
    return kept;
  }

  List<String> untilEnd(List<String> raw) {
    List<String> kept = new ArrayList<>(); // ok: UnpresizedCollection -- the add comes after a break
    for (String s : raw) {
      if (s.equals("END")) {
        break;
      }
      kept.add(s);
    }
    return kept;
  }

  List<String> pairs(List<String> left, List<String> right) {
    List<String> product = new ArrayList<>(); // ok: UnpresizedCollection -- nested loops: the inner trip count is not the size
    for (String l : left) {
      for (String r : right) {
        product.add(l + r);
      }
    }
    return product;
  }

  List<String> withHeader(List<String> rows) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- an element is added before the loop
    out.add("header");
    for (String r : rows) {
      out.add(r);
    }
    return out;
  }

  List<String> handedOff(List<String> rows) {
    List<String> out = new ArrayList<>(); // ok: UnpresizedCollection -- another method may fill it before the loop
    addDefaults(out);
    for (String r : rows) {
      out.add(r);
    }
    return out;
  }

  List<String> twoPerIteration(List<Edge> edges) {
    List<String> ends = new ArrayList<>(); // ok: UnpresizedCollection -- two adds per iteration
    for (Edge e : edges) {
      ends.add(e.from());
      ends.add(e.to());
    }
    return ends;
  }

  Map<String, List<User>> grouped(List<User> users) {
    Map<String, List<User>> groups = new HashMap<>(); // ok: UnpresizedCollection -- computeIfAbsent: the keys may repeat (a grouping map), its final size is not known
    for (User u : users) {
      groups.computeIfAbsent(u.name(), k -> new ArrayList<>()).add(u); // ok: CapturingLambda -- captures nothing
    }
    return groups;
  }

  Map<String, User> firstWins(List<User> users) {
    Map<String, User> first = new HashMap<>(); // ok: UnpresizedCollection -- putIfAbsent: the keys may repeat
    for (User u : users) {
      first.putIfAbsent(u.name(), u);
    }
    return first;
  }

  Map<Character, Integer> letters(String text) {
    Map<Character, Integer> freq = new HashMap<>(); // ok: UnpresizedCollection -- counting pattern
    for (char c : text.toCharArray()) {
      freq.put(c, freq.getOrDefault(c, 0) + 1); // expect: BoxingAllocation // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: BoxingAllocation -- the constant 0; the second box of c is part of the first's finding
    }
    return freq;
  }

  List<String> perIteration(List<String> raw) {
    List<String> result = new ArrayList<>(raw.size()); // ok: UnpresizedCollection -- already presized
    for (String s : raw) {
      List<String> single = new ArrayList<>(); // ok: UnpresizedCollection -- a fresh list per iteration holds one element
      single.add(s);
      result.add(String.join(",", single)); // ok: VarargsAllocation -- Iterable overload
    }
    return result;
  }

  List<String> notCovered(String[] parts) {
    List<String> linked = new LinkedList<>(); // ok: UnpresizedCollection -- LinkedList has no capacity
    Map<String, String> sorted = new TreeMap<>(); // ok: UnpresizedCollection -- TreeMap has no capacity
    for (String p : parts) {
      linked.add(p);
      sorted.put(p, p);
    }
    linked.addAll(sorted.keySet());
    return linked;
  }

  List<String> copied(List<String> source, List<String> extra) {
    List<String> copy = new ArrayList<>(source); // ok: UnpresizedCollection -- the copy constructor sizes it
    for (String e : extra) {
      copy.add(e);
    }
    return copy;
  }

  private static void addDefaults(List<String> out) {
    out.add("default");
  }

  List<String> fewCodes() {
    List<String> codes = new ArrayList<>(); // ok: UnpresizedCollection -- 8 adds: the default capacity (10) holds them
    for (int i = 0; i < 8; i++) {
      codes.add("c" + i);
    }
    return codes;
  }

  List<String> manyCodes() {
    List<String> codes = new ArrayList<>(); // expect: UnpresizedCollection(64)
    for (int i = 0; i < 64; i++) {
      codes.add("c" + i);
    }
    return codes;
  }

  Map<String, Integer> twelveEntries(String[] names) {
    Map<String, Integer> m = new HashMap<>(); // ok: UnpresizedCollection -- 12 entries: 16 slots hold them without a resize
    for (int i = 0; i < 12; i++) {
      m.put(names[i], names[i].length()); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
    return m;
  }
}
