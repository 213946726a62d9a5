package corpus.hot.custom;

import java.util.ArrayDeque;
import java.util.Deque;

/** A rate limiter whose hot method carries the project's own {@code @HotPath} (matched by simple name). */
final class Throttle {
  private final Deque<Long> window = new ArrayDeque<>();
  private final long periodNanos;
  private final int limit;

  Throttle(long periodNanos, int limit) {
    this.periodNanos = periodNanos;
    this.limit = limit;
  }

  @HotPath
  boolean tryAcquire(long now) {
    while (!window.isEmpty() && now - window.peekFirst() > periodNanos) {
      window.pollFirst();
    }
    if (window.size() >= limit) {
      return false;
    }
    window.addLast(now); // expect: BoxingAllocation
    return true;
  }

  boolean coldAcquire(long now) {
    window.addLast(now); // ok: BoxingAllocation -- not annotated
    return window.size() <= limit;
  }
}
