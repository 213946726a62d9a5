package corpus.varargs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Variable-arity calls to the program's own methods whose allocations on every call dwarf the
 * array (rules.CallAllocations): a code emitter whose emit(String, Object...) builds a block per
 * call (a builder, its two lists, the block and its copy). Such an array is information, not a
 * warning. The twins warn: a callee whose allocations are conditional, behind an early return or
 * on its failure path, a callee that allocates too little beside the array and its boxes, and an
 * overridable callee one of whose implementations allocates nothing.
 */
final class AllocatingCallees {
  /** What an emitter writes: parts and arguments, copied when built. */
  static final class Block {
    final List<String> parts;
    final List<Object> args;

    private Block(Builder b) {
      this.parts = Collections.unmodifiableList(new ArrayList<>(b.parts));
      this.args = Collections.unmodifiableList(new ArrayList<>(b.args));
    }

    static Block of(String format, Object... args) {
      return new Builder().add(format, args).build();
    }
  }

  static final class Builder {
    final List<String> parts = new ArrayList<>();
    final List<Object> args = new ArrayList<>();

    Builder add(String format, Object... values) {
      parts.add(format);
      Collections.addAll(args, values);
      return this;
    }

    Block build() {
      return new Block(this);
    }
  }

  private final StringBuilder out = new StringBuilder();

  /** A block per call: six objects on every call (builder, its two lists, block, two copies), beside which the Object[1] is small. */
  AllocatingCallees emit(String format, Object... args) {
    return emit(Block.of(format, args));
  }

  AllocatingCallees emit(Block b) {
    out.append(b.parts).append(b.args);
    return this;
  }

  void emitNames(List<String> names) {
    for (String name : names) {
      emit("$L", name); // ok: VarargsAllocation -- emit allocates at least 6 objects on every call, far more than the array
    }
  }

  /** The same emitter with a boxed argument: six objects are three times the array and its box. */
  void emitIndexes(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      emit("$L $L", names.get(i), i); // ok: VarargsAllocation, BoxingAllocation -- emit allocates at least 6 objects on every call, three times the array and its box
    }
  }

  /** Allocates only when there are values: an early return skips the rest. */
  static List<Object> listOf(Object... values) {
    if (values.length == 0) {
      return List.of();
    }
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    List<Object> c = new ArrayList<>();
    a.add(b);
    b.add(c);
    return a;
  }

  static int lists(List<String> names) {
    int n = 0;
    for (String name : names) {
      n += listOf(name).size(); // expect: VarargsAllocation
    }
    return n;
  }

  /** Allocates only on its failure path: the array is the call's whole cost when the check holds. */
  static void check(boolean ok, String format, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(format, args) + new ArrayList<>(List.of(args)));
    }
  }

  static void checkAll(List<String> names) {
    for (String name : names) {
      check(!name.isEmpty(), "empty name in %s", names); // expect: VarargsAllocation
    }
  }

  /** Three objects per call: as much as the array and its two boxes, not three times more. */
  static String pair(Object... values) {
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    return String.valueOf(a.add(values) && b.add(a)) + new StringBuilder();
  }

  static int pairs(int[] xs) {
    int n = 0;
    for (int i = 0; i + 1 < xs.length; i++) {
      n += pair(xs[i], xs[i + 1]).length(); // expect: VarargsAllocation(and 2 boxes)
    }
    return n;
  }

  /** An overridable emitter: the override allocates nothing, so nothing is known to dwarf the array. */
  static class Sink {
    Sink write(String format, Object... args) {
      List<Object> a = new ArrayList<>();
      List<Object> b = new ArrayList<>();
      List<Object> c = new ArrayList<>();
      a.add(b);
      b.add(c);
      c.add(args);
      return this;
    }
  }

  static final class CountingSink extends Sink {
    int count;

    @Override
    CountingSink write(String format, Object... args) {
      count += args.length;
      return this;
    }
  }

  static void writeAll(Sink sink, List<String> names) {
    for (String name : names) {
      sink.write("$L", name); // expect: VarargsAllocation
    }
  }
}
