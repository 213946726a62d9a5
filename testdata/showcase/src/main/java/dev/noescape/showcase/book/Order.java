package dev.noescape.showcase.book;

/**
 * A limit order. Prices are in integer ticks (1 tick = 0.01), quantities in lots, so the matching
 * path never touches floating point.
 */
public final class Order {
  private final long id;
  private final String symbol;
  private final String trader;
  private final Side side;
  private final long price;
  private final long quantity;
  private long remaining;

  public Order(long id, String symbol, String trader, Side side, long price, long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    this.id = id;
    this.symbol = symbol;
    this.trader = trader;
    this.side = side;
    this.price = price;
    this.quantity = quantity;
    this.remaining = quantity;
  }

  public long id() {
    return id;
  }

  public String symbol() {
    return symbol;
  }

  public String trader() {
    return trader;
  }

  public Side side() {
    return side;
  }

  public long price() {
    return price;
  }

  public long quantity() {
    return quantity;
  }

  public long remaining() {
    return remaining;
  }

  public void fill(long lots) {
    if (lots > remaining) {
      throw new IllegalStateException("overfill of order " + id);
    }
    remaining -= lots;
  }

  @Override
  public String toString() {
    return side + " " + remaining + "/" + quantity + " " + symbol + " @" + price + " #" + id;
  }
}
