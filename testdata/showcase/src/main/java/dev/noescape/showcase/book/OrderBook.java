package dev.noescape.showcase.book;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The limit order book of one symbol: price levels keyed by price, best price first.
 *
 * <p>Keying a {@code TreeMap} by {@code Long} boxes the price on every lookup. noescape points
 * that out in the hot methods; a production book would index levels by tick offset in a
 * {@code PriceLevel[]}.
 */
public final class OrderBook {
  private final String symbol;
  private final NavigableMap<Long, PriceLevel> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Long, PriceLevel> asks = new TreeMap<>();
  private int orderCount;

  public OrderBook(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public int orderCount() {
    return orderCount;
  }

  private NavigableMap<Long, PriceLevel> levels(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  /** Rests an order. Boxes {@code order.price()} for the map key: reported, this method is hot. */
  @HotPath
  public void add(Order order) {
    // PriceLevel::new does not capture anything: no allocation for the method reference itself.
    levels(order.side()).computeIfAbsent(order.price(), PriceLevel::new).add(order);
    orderCount++;
  }

  /** The order at the front of the best level on {@code side}, or null. */
  public Order best(Side side) {
    Map.Entry<Long, PriceLevel> e = levels(side).firstEntry();
    return e == null ? null : e.getValue().first();
  }

  /** Records a partial or full fill of the best order on {@code side}. */
  @HotPath
  public void filled(Side side, long price, long lots, boolean orderDone) {
    NavigableMap<Long, PriceLevel> book = levels(side);
    PriceLevel level = book.get(price);
    if (level == null) {
      return;
    }
    if (orderDone) {
      level.removeFirst();
      orderCount--;
    } else {
      level.filled(lots);
    }
    if (level.isEmpty()) {
      book.remove(price);
    }
  }

  public long bestPrice(Side side) {
    NavigableMap<Long, PriceLevel> book = levels(side);
    return book.isEmpty() ? 0L : book.firstKey();
  }

  /**
   * Quantity at each of the best {@code depth} levels. Writes into a primitive array the caller
   * owns: no boxing, no collection, nothing for noescape to report.
   */
  public int depth(Side side, long[] pricesOut, long[] quantitiesOut) {
    int n = 0;
    for (PriceLevel level : levels(side).values()) {
      if (n == pricesOut.length) {
        break;
      }
      pricesOut[n] = level.price();
      quantitiesOut[n] = level.totalQuantity();
      n++;
    }
    return n;
  }

  /** A printable ladder; presized, so UnpresizedCollection stays quiet. */
  public List<String> ladder(int depth) {
    long[] prices = new long[depth];
    long[] quantities = new long[depth];
    List<String> lines = new ArrayList<>(2 * depth);
    int asksShown = depth(Side.SELL, prices, quantities);
    for (int i = asksShown - 1; i >= 0; i--) {
      lines.add("        " + quantities[i] + " @ " + Ticks.format(prices[i]));
    }
    int bidsShown = depth(Side.BUY, prices, quantities);
    for (int i = 0; i < bidsShown; i++) {
      lines.add(quantities[i] + " @ " + Ticks.format(prices[i]));
    }
    return lines;
  }

  /** Cancels every resting order of {@code trader}; returns how many were removed. */
  public int cancelAll(String trader) {
    int removed = 0;
    for (NavigableMap<Long, PriceLevel> book : List.of(bids, asks)) {
      for (PriceLevel level : book.values()) {
        // A new Predicate per level, because the lambda captures 'trader': CapturingLambda.
        removed += level.removeIf(o -> o.trader().equals(trader));
      }
      // An unbound method reference captures nothing: allocated once, not reported.
      book.values().removeIf(PriceLevel::isEmpty);
    }
    orderCount -= removed;
    return removed;
  }
}
