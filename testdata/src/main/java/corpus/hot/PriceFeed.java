package corpus.hot;

import dev.noescape.annotations.HotPath;
import dev.noescape.annotations.NoAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongPredicate;

/**
 * A market-data handler with hot methods: in a method annotated {@code @HotPath} or
 * {@code @NoAllocation} the boxing, varargs and capture rules report allocations outside loops
 * too. Methods it calls are not hot unless annotated themselves. The loop-based rules
 * (UnpresizedCollection, StringConcatInLoop) and HashMapCapacity do not depend on hotness.
 */
final class PriceFeed {
  /** A project-local annotation with the same simple name counts as well. */
  @interface HotPathLocal {}

  interface Sink {
    void publish(String symbol, Object value);
  }

  record Tick(String symbol, long seq, double bid, double ask) {}

  private final Map<String, Long> lastSeq;
  private final Sink sink;
  private final List<Runnable> deferred = new ArrayList<>();
  private double spreadLimit = 0.05;

  PriceFeed(Map<String, Long> lastSeq, Sink sink) {
    this.lastSeq = lastSeq;
    this.sink = sink;
  }

  @HotPath
  void onTick(Tick t) {
    Long previous = lastSeq.get(t.symbol());
    lastSeq.put(t.symbol(), t.seq()); // expect: BoxingAllocation
    sink.publish(t.symbol(), t.bid()); // expect: BoxingAllocation
    sink.publish(t.symbol(), 1); // ok: BoxingAllocation -- cached constant
    sink.publish(t.symbol(), previous); // ok: BoxingAllocation -- already boxed
    deferred.add(() -> sink.publish(t.symbol(), t.ask())); // expect: CapturingLambda, BoxingAllocation
    deferred.add(PriceFeed::noop); // ok: CapturingLambda -- static reference
    log("tick %s", t.symbol()); // expect: VarargsAllocation
    validate(t); // callee is not hot
  }

  @NoAllocation
  long spreadTicks(Tick t) {
    Double spread = t.ask() - t.bid(); // expect: BoxingAllocation
    LongPredicate isNew = seq -> seq > t.seq(); // expect: CapturingLambda
    DoubleUnaryOperator half = x -> x / 2; // ok: CapturingLambda -- captures nothing
    return isNew.test(7) ? (long) half.applyAsDouble(spread) : 0L;
  }

  @HotPath
  PriceFeed(Sink sink) {
    this.lastSeq = Map.of(); // ok: VarargsAllocation -- Map.of() is fixed-arity
    this.sink = sink;
    Integer initial = sink.hashCode(); // expect: BoxingAllocation
    deferred.add(this::reset); // expect: CapturingLambda
    deferred.add(new Runnable() { // expect: CapturingLambda
      @Override
      public void run() {}
    });
    System.out.println(initial);
  }

  @HotPath
  boolean wide(Tick t) {
    return t.ask() - t.bid() > spreadLimit; // ok: BoxingAllocation -- primitives only
  }

  @HotPath
  int hotButClean(int[] values) {
    int sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }

  /** Not annotated: cold, even though onTick calls it. */
  private void validate(Tick t) {
    Object seq = t.seq(); // ok: BoxingAllocation -- validate is not hot
    if (seq.hashCode() < 0) {
      log("negative %s", seq); // ok: VarargsAllocation -- validate is not hot
    }
  }

  @HotPathLocal
  void localAnnotation(Tick t) {
    sink.publish(t.symbol(), t.seq()); // ok: BoxingAllocation -- @HotPathLocal is not one of the hot annotation names
  }

  @HotPath
  void lambdaBodiesInherit(List<Tick> ticks) {
    ticks.forEach(t -> sink.publish(t.symbol(), t.bid())); // expect: CapturingLambda, BoxingAllocation
  }

  private static void log(String fmt, Object... args) {
    System.out.println(String.format(fmt, args));
  }

  private static void noop() {}

  private void reset() {
    deferred.clear();
  }
}
