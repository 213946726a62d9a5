package dev.noescape.showcase.book;

import java.util.ArrayDeque;
import java.util.function.Predicate;

/** All resting orders at one price, in time priority. */
final class PriceLevel {
  private final long price;
  private final ArrayDeque<Order> queue = new ArrayDeque<>();
  private long totalQuantity;

  PriceLevel(long price) {
    this.price = price;
  }

  long price() {
    return price;
  }

  long totalQuantity() {
    return totalQuantity;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  Order first() {
    return queue.peekFirst();
  }

  void add(Order order) {
    queue.addLast(order);
    totalQuantity += order.remaining();
  }

  void filled(long lots) {
    totalQuantity -= lots;
  }

  void removeFirst() {
    Order gone = queue.pollFirst();
    if (gone != null) {
      totalQuantity -= gone.remaining();
    }
  }

  /** Removes the orders {@code doomed} matches; returns how many. */
  int removeIf(Predicate<Order> doomed) {
    int before = queue.size();
    queue.removeIf(doomed);
    totalQuantity = 0;
    for (Order o : queue) {
      totalQuantity += o.remaining();
    }
    return before - queue.size();
  }
}
