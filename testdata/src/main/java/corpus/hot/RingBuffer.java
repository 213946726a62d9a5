package corpus.hot;

import dev.noescape.annotations.HotPath;
import dev.noescape.annotations.NoAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/** A fixed-size ring of samples read on the hot path; most of its methods do not allocate at all. */
final class RingBuffer {
  private final long[] values;
  private final List<LongConsumer> observers = new ArrayList<>();
  private int head;
  private int size;

  RingBuffer(int capacity) {
    values = new long[capacity];
  }

  @NoAllocation
  void push(long v) {
    values[(head + size) % values.length] = v;
    if (size < values.length) {
      size++;
    } else {
      head = (head + 1) % values.length;
    }
  }

  @NoAllocation
  long sum() {
    long s = 0;
    for (int i = 0; i < size; i++) {
      s += values[(head + i) % values.length];
    }
    return s;
  }

  @NoAllocation
  double mean() {
    return size == 0 ? 0.0 : (double) sum() / size; // ok: BoxingAllocation -- primitive arithmetic only
  }

  @HotPath
  Long maxBoxed() {
    long m = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      m = Math.max(m, values[(head + i) % values.length]);
    }
    return m; // expect: BoxingAllocation
  }

  @HotPath
  Long zeroBoxed() {
    return 0L; // ok: BoxingAllocation -- cached constant
  }

  @HotPath
  void publish() {
    observers.forEach(o -> o.accept(sum())); // expect: CapturingLambda
  }

  @HotPath
  void publishLatest() {
    long latest = values[(head + size - 1 + values.length) % values.length];
    for (LongConsumer o : observers) {
      o.accept(latest); // ok: BoxingAllocation -- LongConsumer takes a primitive
    }
  }

  @HotPath
  String describe() {
    return "ring[" + size + "]"; // ok: StringConcatInLoop -- a concatenation, but not accumulated in a loop
  }

  @HotPath
  Object[] snapshot() {
    return new Object[] {head, size}; // expect: BoxingAllocation, BoxingAllocation
  }

  @HotPath
  List<Long> asList() {
    List<Long> out = new ArrayList<>(size); // ok: UnpresizedCollection -- already presized
    for (int i = 0; i < size; i++) {
      out.add(values[(head + i) % values.length]); // expect: BoxingAllocation
    }
    return out;
  }

  void subscribe(LongConsumer observer) {
    observers.add(observer);
  }
}
