package corpus.cold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Helpers that only class initialization calls (docs/design.md, "Cold paths", one-time methods): a
 * method that no code outside the program can call and whose every call is in a static initializer
 * or in another such method runs once, like the static initializer itself, so its loops are no
 * warning. Each one-time case has a twin that other code also reaches, which is still reported.
 * The boxes box values the loop does not change (a warning anywhere: "box it once before the
 * loop"), so that only the one-time fact can silence them; a box of a changing value that a list
 * requires is a forced box, information in any method (corpus/boxing/ForcedBoxes.java).
 */
public class OneTimeHelpers {
  private static final Map<String, Integer> MONTHS = new HashMap<>();
  private static final Map<String, Integer> DAYS = new HashMap<>();
  private static final List<Long> SQUARES = new ArrayList<>();
  private static final List<Long> CUBES = new ArrayList<>();
  private static final List<Integer> FACTORS = new ArrayList<>();
  private static final List<Integer> LENGTHS = new ArrayList<>();
  private static final List<Integer> WIDTHS = new ArrayList<>();
  private static final List<Integer> SHARED = new ArrayList<>();
  private static final Supplier<List<Integer>> LATER;
  private static final Table TABLE = new Table(64);

  static {
    put(new String[] {"jan", "january"}, 1, MONTHS);
    put(new String[] {"feb", "february"}, 2, MONTHS);
    register(new String[] {"mon", "monday"}, 1, DAYS);
    squares(20);
    expand(6);
    fillShared(new String[] {"a", "bb", "ccc"});
    int base = 1000;
    String[] names = {"alpha", "beta"};
    java.util.Arrays.asList(names).forEach(n -> measure(n, base)); // a capturing lambda only forEach invokes: its body runs now
    java.util.Arrays.asList(names).forEach(OneTimeHelpers::width); // a method reference without a site: a constant anyone may hold
    int size = 5;
    LATER = () -> build(size); // kept in a static field: called whenever someone asks
  }

  /** Called only from the static initializer: runs once. */
  private static void put(String[] names, int value, Map<String, Integer> map) {
    for (String n : names) {
      map.put(n, value); // ok: BoxingAllocation -- put is called only from the static initializer
    }
  }

  /** Called from the static initializer and from an instance method: runs on every alias() too. */
  private static void register(String[] names, int value, Map<String, Integer> map) {
    for (String n : names) {
      map.put(n, value); // expect: BoxingAllocation
    }
  }

  private final Map<String, Integer> aliases = new HashMap<>();

  void alias(String[] names, int value) {
    register(names, value, aliases);
  }

  /** The first of a chain: the static initializer calls squares, squares calls cubes. */
  private static void squares(int n) {
    for (int i = 0; i < n; i++) {
      SQUARES.add((long) n * n); // ok: BoxingAllocation -- squares is called only from the static initializer
    }
    cubes(n);
  }

  /** Only squares calls it, and only the static initializer calls squares: runs once too. */
  private static void cubes(int n) {
    for (int i = 0; i < n; i++) {
      CUBES.add((long) n * n * n); // ok: BoxingAllocation -- cubes is called only from squares, which runs once
    }
  }

  /** Recursive, reached from the static initializer only: all its runs are within that one. */
  private static void expand(int depth) {
    if (depth == 0) {
      return;
    }
    for (int i = 0; i < depth; i++) {
      FACTORS.add(depth * 1000); // ok: BoxingAllocation -- expand and its recursion run from the static initializer only
    }
    expand(depth - 1);
  }

  /** Two methods calling each other that nothing else calls: no static initializer reaches them. */
  private static void ping(int n) {
    for (int i = 0; i < n; i++) {
      FACTORS.add(n * 1000); // expect: BoxingAllocation
    }
    pong(n - 1);
  }

  private static void pong(int n) {
    if (n > 0) {
      ping(n);
    }
  }

  /** The body of the capturing lambda of the static initializer calls it; forEach does not keep the lambda. */
  private static void measure(String name, int base) {
    for (int i = 0; i < name.length(); i++) {
      LENGTHS.add(base * 1000); // ok: BoxingAllocation -- only the lambda calls it, and that lambda runs only during the static initializer
    }
  }

  /**
   * Passed as {@code OneTimeHelpers::width}: a non-capturing method reference has no allocation site
   * and so no escape verdict (the JVM may hand out the same object again), so whoever holds it
   * counts as a caller.
   */
  private static void width(String name) {
    int w = name.length() * 100;
    for (int i = 0; i < name.length(); i++) {
      WIDTHS.add(w); // expect: BoxingAllocation
    }
  }

  /** The supplier stored in LATER calls it: not only during class initialization. */
  private static List<Integer> build(int size) {
    List<Integer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(size * 1000); // expect: BoxingAllocation
    }
    return out;
  }

  /**
   * Package-private: another class of the package could call it. The command line reads whole
   * packages and sees it is called only from the static initializer; the javac plugin sees this
   * file alone and cannot tell.
   */
  static void fillShared(String[] names) {
    int count = names.length * 1000;
    for (String n : names) {
      SHARED.add(count); // ok: BoxingAllocation -- called only from the static initializer, in the whole package // javac-gap: BoxingAllocation -- the plugin sees one file: another file of the package may call a package-private method
    }
  }

  /** Constructed by the static initializer only: a private nested class, so no one else can. */
  private static final class Table {
    private final List<Integer> rows = new ArrayList<>(); // ok: UnpresizedCollection -- filled in a constructor only the static initializer calls

    Table(int n) {
      for (int i = 0; i < n; i++) {
        rows.add(n * 1000); // ok: BoxingAllocation -- only the static initializer constructs a Table
      }
    }
  }

  /**
   * Filled by the static initializer (through grid, which runs once) and by any caller of make():
   * runs any number of times. Not in a constructor, which would be set-up code
   * (corpus/cold/SetUpCode.java): this twin is about the one-time fact alone.
   */
  private static final class Grid {
    private final List<Integer> cells = new ArrayList<>();

    void fill(int n) {
      List<Integer> fresh = new ArrayList<>(); // expect: UnpresizedCollection
      for (int i = 0; i < n; i++) {
        fresh.add(n * 1000); // expect: BoxingAllocation
      }
      cells.addAll(fresh);
    }
  }

  private static final Grid GRID = grid(8);

  /** Only the static initializer calls it: runs once; but fill has another caller, make. */
  private static Grid grid(int n) {
    Grid g = new Grid();
    g.fill(n);
    return g;
  }

  /** An enum's constructors run from its static initializer only, and so does what only they call. */
  enum Scale {
    SMALL(4), LARGE(16) {
      @Override
      int factor() {
        return 2;
      }
    };

    private final List<Integer> steps = new ArrayList<>();

    Scale(int n) {
      fill(steps, n);
    }

    int factor() {
      return 1;
    }

    private static void fill(List<Integer> into, int n) {
      for (int i = 0; i < n; i++) {
        into.add(n * 1000); // ok: BoxingAllocation -- only the enum's constructor calls fill
      }
    }
  }

  static int make(int n) {
    Grid g = new Grid();
    g.fill(n);
    return g.cells.size() + TABLE.rows.size() + GRID.cells.size() + LATER.get().size();
  }
}
