package dev.noescape.showcase.engine;

import dev.noescape.annotations.HotPath;
import dev.noescape.showcase.book.Order;
import dev.noescape.showcase.book.OrderBook;
import dev.noescape.showcase.book.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Price-time priority matching over one {@link OrderBook} per symbol. */
public final class MatchingEngine {
  private final Map<String, OrderBook> books = new HashMap<>();
  private final List<TradeListener> listeners = new ArrayList<>();
  private final Map<String, Long> volumeBySymbol = new HashMap<>();
  private long nextTradeId = 1;

  public void addListener(TradeListener listener) {
    listeners.add(listener);
  }

  public OrderBook book(String symbol) {
    // Runs once per new symbol; OrderBook::new captures nothing.
    return books.computeIfAbsent(symbol, OrderBook::new);
  }

  /**
   * Matches {@code incoming} against the opposite side, rests what is left, and returns the
   * number of fills. Everything in here runs for every order, so it is marked hot.
   */
  @HotPath
  public int submit(Order incoming) {
    OrderBook book = book(incoming.symbol());
    Side opposite = incoming.side().opposite();
    int fills = 0;
    while (incoming.remaining() > 0) {
      Order resting = book.best(opposite);
      if (resting == null || !crosses(incoming, resting)) {
        break;
      }
      long lots = Math.min(incoming.remaining(), resting.remaining());
      incoming.fill(lots);
      resting.fill(lots);
      book.filled(opposite, resting.price(), lots, resting.remaining() == 0);

      long id = nextTradeId;
      nextTradeId++;
      Trade trade =
          incoming.side() == Side.BUY
              ? new Trade(id, incoming.symbol(), resting.price(), lots, incoming.trader(), resting.trader())
              : new Trade(id, incoming.symbol(), resting.price(), lots, resting.trader(), incoming.trader());
      // Captures 'trade': one new Consumer per fill (CapturingLambda). publish(trade) below
      // is the allocation-free way to do the same.
      listeners.forEach(l -> l.onTrade(trade));
      // Boxes 'lots' on every fill (BoxingAllocation).
      volumeBySymbol.merge(incoming.symbol(), lots, Long::sum);
      fills++;
    }
    if (incoming.remaining() > 0) {
      book.add(incoming);
    }
    return fills;
  }

  /** Same fan-out as above without a lambda: an indexed loop over the listener list. */
  @HotPath
  public void publish(Trade trade) {
    for (int i = 0; i < listeners.size(); i++) {
      listeners.get(i).onTrade(trade);
    }
  }

  private static boolean crosses(Order incoming, Order resting) {
    return incoming.side() == Side.BUY
        ? incoming.price() >= resting.price()
        : incoming.price() <= resting.price();
  }

  public long volume(String symbol) {
    return volumeBySymbol.getOrDefault(symbol, 0L);
  }

  /** Cancels a trader's orders in every book. */
  public int cancelAll(String trader) {
    int removed = 0;
    for (OrderBook book : books.values()) {
      removed += book.cancelAll(trader);
    }
    return removed;
  }

  /** End-of-day summary, one line per symbol. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    for (OrderBook book : books.values()) {
      String symbol = book.symbol();
      // Varargs array plus boxing of three longs and an int per symbol
      // (VarargsAllocation, BoxingAllocation). Fine at end of day; not on the matching path.
      out.append(
          String.format(
              "%-6s bid %8d  ask %8d  volume %10d  resting %5d%n",
              symbol,
              book.bestPrice(Side.BUY),
              book.bestPrice(Side.SELL),
              volume(symbol),
              book.orderCount()));
    }
    return out.toString();
  }
}
