package corpus.varargs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Variable-arity calls in loops. A call that javac resolves to the variable-arity form allocates
 * its array on every evaluation, even with no variable arguments; a fixed-arity overload or an
 * existing array does not.
 */
final class VarargsCalls {
  enum Side { BID, ASK, CROSS, AUCTION, HALT, CLOSE }

  record Quote(String symbol, String venue, int size, double price, List<String> tags) {}

  /** An SLF4J-style logger: fixed overloads for one and two arguments, varargs beyond. */
  static final class Log {
    final List<String> lines = new ArrayList<>();

    void debug(String fmt, Object a) { lines.add(fmt + a); }

    void debug(String fmt, Object a, Object b) { lines.add(fmt + a + b); }

    void debug(String fmt, Object... args) { lines.add(fmt + Arrays.toString(args)); }
  }

  static int count(int... values) {
    return values.length;
  }

  static String describe(String fmt, Object... args) {
    return String.format(fmt, args); // ok: VarargsAllocation -- forwards the existing array
  }

  private final List<String> out = new ArrayList<>();
  private final Log log = new Log();

  void format(List<Quote> quotes) {
    for (Quote q : quotes) {
      out.add(String.format("%s %d", q.symbol(), q.size())); // expect: VarargsAllocation(and 1 box (int)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      out.add(String.format("%s@%s", q.symbol(), q.venue())); // expect: VarargsAllocation
      out.add(String.format("%.4f", q.price())); // expect: VarargsAllocation(and 1 box (double)); ok: BoxingAllocation -- the boxed argument is part of the varargs call's one finding
      out.add("%s".formatted(q.symbol())); // expect: VarargsAllocation
      out.add(String.join("/", q.symbol(), q.venue())); // expect: VarargsAllocation
      out.add(String.join("/", q.tags())); // ok: VarargsAllocation -- the Iterable overload
      out.add(String.valueOf(Objects.hash(q.symbol(), q.venue()))); // expect: VarargsAllocation
    }
  }

  void collectionFactories(List<Quote> quotes, String a, String b, String c, String d, String e,
      String f, String g, String h, String i, String j, String k) {
    for (Quote q : quotes) {
      List<String> two = List.of(q.symbol(), q.venue()); // ok: VarargsAllocation -- List.of(E, E) overload
      List<String> ten = List.of(a, b, c, d, e, f, g, h, i, j); // ok: VarargsAllocation -- ten is the last fixed overload
      List<String> eleven = List.of(a, b, c, d, e, f, g, h, i, j, k); // expect: VarargsAllocation
      Set<String> three = Set.of(a, b, c); // ok: VarargsAllocation -- Set.of(E, E, E)
      Map<String, String> pairs = Map.of(a, b, c, d); // ok: VarargsAllocation -- Map.of has no varargs form
      List<String> none = List.of(); // ok: VarargsAllocation -- List.of() is a fixed-arity overload
      List<String> asList = Arrays.asList(a, b); // expect: VarargsAllocation
      List<String> empty = Arrays.asList(); // expect: VarargsAllocation
      out.add(two.size() + ten.size() + eleven.size() + three.size() + pairs.size() + none.size()
          + asList.size() + empty.size() + q.symbol());
    }
  }

  long streams(String[] words, int x, int y) {
    long n = 0;
    for (String w : words) {
      n += Stream.of(w).count(); // ok: VarargsAllocation -- Stream.of(T) single-element overload
      n += Stream.of(w, w.toUpperCase()).count(); // expect: VarargsAllocation
      n += IntStream.of(x).sum(); // ok: VarargsAllocation -- IntStream.of(int)
      n += IntStream.of(x, y).sum(); // expect: VarargsAllocation
      n += Arrays.stream(words).count(); // ok: VarargsAllocation -- Arrays.stream takes the array
    }
    return n;
  }

  int enums(int rounds) {
    int total = 0;
    for (int r = 0; r < rounds; r++) {
      total += EnumSet.of(Side.BID, Side.ASK, Side.CROSS, Side.AUCTION, Side.HALT).size(); // ok: VarargsAllocation -- EnumSet.of has five fixed overloads
      total += EnumSet.of(Side.BID, Side.ASK, Side.CROSS, Side.AUCTION, Side.HALT, Side.CLOSE).size(); // expect: VarargsAllocation
    }
    return total;
  }

  int ownVarargs(int[] existing, int rounds) {
    int total = 0;
    for (int r = 0; r < rounds; r++) {
      total += count(); // expect: VarargsAllocation
      total += count(r, rounds); // expect: VarargsAllocation
      total += count(existing); // ok: VarargsAllocation -- passes an existing array
      total += count(new int[] {r, r + 1}); // ok: VarargsAllocation -- an explicit array, not the implicit one // bytecode-gap: VarargsAllocation -- bytecode cannot tell an explicit new int[]{..} argument from the implicit varargs array
      total += describe("round").length(); // expect: VarargsAllocation
      total += describe("round", (Object[]) null).length(); // ok: VarargsAllocation -- passes an array (null)
    }
    return total;
  }

  void logging(List<Quote> quotes) {
    for (Quote q : quotes) {
      log.debug("quote {}", q); // ok: VarargsAllocation -- resolves to debug(String, Object)
      log.debug("quote {} {}", q.symbol(), q.venue()); // ok: VarargsAllocation -- debug(String, Object, Object)
      log.debug("quote {} {} {}", q.symbol(), q.venue(), q.tags()); // expect: VarargsAllocation
    }
  }

  List<Path> resolve(Path dir, List<String> names, String root) {
    List<Path> paths = new ArrayList<>(names.size()); // ok: UnpresizedCollection -- already presized
    for (String name : names) {
      paths.add(Path.of(root, name)); // expect: VarargsAllocation
      paths.add(Path.of(name)); // expect: VarargsAllocation
      paths.add(dir.resolve(name)); // ok: VarargsAllocation -- not a varargs method
    }
    return paths;
  }

  void addAll(List<String> target, String[] more, String a, String b) {
    for (int i = 0; i < 3; i++) {
      Collections.addAll(target, a, b); // expect: VarargsAllocation
      Collections.addAll(target, more); // ok: VarargsAllocation -- existing array
    }
  }

  void outsideLoops(String a, String b) {
    out.add(String.format("%s-%s", a, b)); // ok: VarargsAllocation -- not in a loop or hot method
    for (String s : Arrays.asList(a, b)) { // ok: VarargsAllocation -- the iterable expression runs once
      out.add(s);
    }
  }
}
