package corpus.cold;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-up code (docs/design.md, "Cold paths"): constructors, static factories (static methods that
 * return their own class), the methods of a builder (a *Builder class that declares build) and the
 * private helpers only those call run once per object they build, not once per operation, so their
 * loops are no warning. Each case has a twin that is reported: the same loop in an ordinary method,
 * in a constructor marked @HotPath (its objects are built per operation), in a static method that
 * returns another type, in a *Builder class without build, in a helper other code calls too. The
 * boxes box values the loop does not change (a warning anywhere: "box it once before the loop"), so
 * that only the set-up fact can silence them.
 */
public class SetUpCode {
  private final List<Integer> weights = new ArrayList<>(); // ok: UnpresizedCollection -- filled in the constructor: once per SetUpCode
  private final Map<String, Integer> index;

  SetUpCode(String[] names, int weight) {
    for (String n : names) {
      weights.add(weight * 1000); // ok: BoxingAllocation -- the constructor runs once per object it builds
    }
    index = new HashMap<>(); // ok: UnpresizedCollection -- the constructor runs once per object it builds
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], weight * 1000); // ok: BoxingAllocation -- set-up code
    }
    fill(names.length, weight);
    fillAgain(names.length, weight);
  }

  /** Only the constructor calls it: set-up code too. */
  private void fill(int n, int weight) {
    for (int i = 0; i < n; i++) {
      weights.add(weight * 2000); // ok: BoxingAllocation -- fill is called only from the constructor
    }
  }

  /** A static factory: returns its own class. */
  static SetUpCode of(List<String> names, int weight) {
    List<String> copy = new ArrayList<>(); // ok: UnpresizedCollection -- a factory runs once per object it builds
    for (String n : names) {
      copy.add(n);
    }
    return new SetUpCode(copy.toArray(new String[0]), weight);
  }

  /** The same loop in an ordinary method: runs on every call. */
  void reweigh(String[] names, int weight) {
    for (String n : names) {
      index.put(n, weight * 1000); // expect: BoxingAllocation
    }
    fillAgain(names.length, weight);
  }

  /** Called from the constructor and from reweigh: not only set-up code runs it. */
  private void fillAgain(int n, int weight) {
    for (int i = 0; i < n; i++) {
      weights.add(weight * 3000); // expect: BoxingAllocation
    }
  }

  /** A static method that returns another type: not a factory of its class. */
  static List<String> copyOf(List<String> names) {
    List<String> copy = new ArrayList<>(); // expect: UnpresizedCollection
    for (String n : names) {
      copy.add(n);
    }
    return copy;
  }

  /** Objects built per operation: the constructor says so. */
  static final class Message {
    private final List<Integer> fields;

    @HotPath
    Message(int[] raw, int scale) {
      fields = new ArrayList<>(); // expect: UnpresizedCollection
      for (int r : raw) {
        fields.add(scale * 1000); // expect: BoxingAllocation
      }
    }
  }

  /** A builder: a *Builder class that declares build. */
  static final class TableBuilder {
    private final List<Integer> columns = new ArrayList<>();

    TableBuilder widths(int[] widths, int unit) {
      for (int w : widths) {
        columns.add(unit * 1000); // ok: BoxingAllocation -- a builder's method configures an object before it is built
      }
      return this;
    }

    List<Integer> build() {
      return List.copyOf(columns);
    }
  }

  /** Named like a builder, but it builds nothing: an ordinary class. */
  static final class QueryBuilder {
    private final List<Integer> terms = new ArrayList<>();

    void terms(int[] ids, int boost) {
      for (int id : ids) {
        terms.add(boost * 1000); // expect: BoxingAllocation
      }
    }
  }

  static int use(SetUpCode s, Message m, TableBuilder t, QueryBuilder q) {
    s.reweigh(new String[] {"a"}, 2);
    return s.weights.size() + m.fields.size() + t.build().size() + q.terms.size() + copyOf(List.of("x")).size();
  }
}
