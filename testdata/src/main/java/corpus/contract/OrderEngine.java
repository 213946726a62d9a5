// corpus-rules: AllocationContract
package corpus.contract;

import dev.noescape.annotations.NoAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongUnaryOperator;

/**
 * The {@code @NoAllocation} contract of a matching engine's hot path: each method under contract
 * either allocates (itself, or through a callee of this file, of another file, or of the JDK) or
 * keeps to arithmetic, arrays it was given, non-allocating JDK calls and the failure path of a
 * {@code throw}.
 */
final class OrderEngine {
  private final long[] prices = new long[1024];
  private final List<Long> history = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final Book book = new Book();
  private Object last;
  private Runnable task;
  private String label;
  private int count;
  private long total;

  // ---- direct allocations ----------------------------------------------------------------------

  @NoAllocation
  long[] snapshot(int n) {
    return new long[n]; // expect: AllocationContract
  }

  @NoAllocation
  void remember(long price) {
    last = price; // expect: AllocationContract(boxes long to Long)
  }

  @NoAllocation
  Fill fill(long price, int qty) {
    return new Fill(price, qty); // expect: AllocationContract
  }

  @NoAllocation
  int sumOfTwo(int a, int b) {
    return Numbers.sum(a, b); // expect: AllocationContract(varargs)
  }

  @NoAllocation
  void schedule(long delta) {
    task = () -> total += delta; // expect: AllocationContract(capturing lambda)
  }

  @NoAllocation
  void scheduleAnonymous() {
    task = new Runnable() { // expect: AllocationContract(anonymous class)
      @Override
      public void run() {
        count++;
      }
    };
  }

  @NoAllocation
  void relabel(int id) {
    label = "order " + id; // expect: AllocationContract(concatenates)
  }

  @NoAllocation
  long historyTotal() {
    long sum = 0;
    for (Long p : history) { // expect: AllocationContract(Iterator)
      sum += p;
    }
    return sum;
  }

  @NoAllocation
  long scratch(int a, int b) {
    // It does not escape, but the contract counts it unless ContractAllowsNoEscape is set.
    int[] tmp = new int[2]; // expect: AllocationContract
    tmp[0] = a;
    tmp[1] = b;
    return tmp[0] + tmp[1];
  }

  // ---- calls -----------------------------------------------------------------------------------

  @NoAllocation
  void record(long price) {
    append(price); // expect: AllocationContract(calls OrderEngine.append)
  }

  private void append(long price) {
    history.add(price);
  }

  @NoAllocation
  void onTick(int qty) {
    book.add(qty); // expect: AllocationContract(calls Book.add)
  }

  @NoAllocation
  void onTrade(int qty) {
    book.trade(qty); // expect: AllocationContract(calls Book.trade)
  }

  @NoAllocation
  void addName(String name) {
    names.add(name); // expect: AllocationContract(may allocate)
  }

  @NoAllocation
  void deep(long price) {
    level1(price); // expect: AllocationContract(level3)
  }

  private void level1(long price) {
    total += price;
    level2(price);
  }

  private void level2(long price) {
    level3(price);
  }

  private void level3(long price) {
    prices[0] = price;
    last = new long[] {price};
  }

  @NoAllocation
  long viaOtherFile(long a, long b) {
    return Pricing.spread(a, b); // expect: AllocationContract
  }

  @NoAllocation
  int countDown(int n) {
    return recurse(n); // expect: AllocationContract(calls OrderEngine.recurse)
  }

  private int recurse(int n) {
    if (n <= 0) {
      return (Integer) last;
    }
    last = n;
    return recurse(n - 1);
  }

  // ---- what the contract allows ----------------------------------------------------------------

  @NoAllocation
  long mid(long bid, long ask) {
    return (bid + ask) >>> 1; // ok: AllocationContract -- arithmetic
  }

  @NoAllocation
  long clamp(long price, long floor) {
    return Math.max(price, floor); // ok: AllocationContract -- Math.max does not allocate (JDK model)
  }

  @NoAllocation
  long weighted(long price, int qty) {
    return scale(price, qty) + scale(qty, 2); // ok: AllocationContract -- a same-file helper doing arithmetic
  }

  private static long scale(long v, long factor) {
    return v * factor;
  }

  @NoAllocation
  long priceAt(int i) {
    if (i < 0 || i >= prices.length) {
      throw new IllegalArgumentException("bad index " + i); // ok: AllocationContract -- the failure path
    }
    return prices[i]; // ok: AllocationContract -- reading an array allocates nothing
  }

  @NoAllocation
  long checked(long price) {
    if (price < 0) {
      throw failure(price); // ok: AllocationContract -- the whole thrown expression is the failure path
    }
    return price;
  }

  private static IllegalStateException failure(long price) {
    return new IllegalStateException("negative price " + price);
  }

  @NoAllocation
  IntSupplier zero() {
    return () -> 0; // ok: AllocationContract -- a non-capturing lambda is a constant
  }

  @NoAllocation
  LongUnaryOperator negate() {
    return Math::negateExact; // ok: AllocationContract -- an unbound method reference is a constant
  }

  @NoAllocation
  void flag(boolean on) {
    last = on; // ok: AllocationContract -- Boolean boxing is always cached
  }

  @NoAllocation
  void small() {
    last = 7; // ok: AllocationContract -- a constant inside Integer's cache
  }

  @NoAllocation
  long sumArray(long[] values) {
    long s = 0;
    for (long v : values) { // ok: AllocationContract -- an enhanced for over an array has no iterator
      s += v;
    }
    return s;
  }

  @NoAllocation
  int factorial(int n) {
    return n <= 1 ? 1 : n * Numbers.fact(n - 1); // ok: AllocationContract -- recursion that only computes
  }

  /** Not under contract: allocations here are nobody's business. */
  List<Long> copyHistory() {
    return new ArrayList<>(history); // ok: AllocationContract -- no contract on this method
  }

  record Fill(long price, int qty) {}
}

/** A price level book; final, so calls from the engine resolve to these bodies. */
final class Book {
  private final List<Integer> levels = new ArrayList<>();
  private int volume;

  void add(int qty) {
    levels.add(qty);
  }

  void trade(int qty) {
    volume += qty;
    Numbers.check(qty);
    levels.add(-qty);
  }
}

/** Arithmetic helpers, with one variable-arity method. */
final class Numbers {
  private Numbers() {}

  static int sum(int... xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  static int fact(int n) {
    return n <= 1 ? 1 : n * fact(n - 1);
  }

  static void check(int qty) {
    if (qty < 0) {
      throw new IllegalArgumentException("negative quantity " + qty);
    }
  }
}
