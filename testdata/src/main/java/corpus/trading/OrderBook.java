package corpus.trading;

import dev.noescape.annotations.HotPath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A price-time priority order book for one instrument. */
final class OrderBook {
  enum Side { BUY, SELL }

  record Order(long id, Side side, long priceTicks, int quantity, String trader) {}

  record Fill(long buyId, long sellId, long priceTicks, int quantity) {}

  private final NavigableMap<Long, List<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<Long, List<Order>> asks = new TreeMap<>();
  private final Map<Long, Order> byId = new HashMap<>();
  private final List<Consumer<Fill>> fillListeners = new ArrayList<>();
  private String journal = "";

  void addAll(Collection<Order> orders) {
    for (Order o : orders) {
      NavigableMap<Long, List<Order>> book = o.side() == Side.BUY ? bids : asks;
      book.computeIfAbsent(o.priceTicks(), p -> new ArrayList<>()).add(o); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: CapturingLambda -- captures nothing
      byId.put(o.id(), o); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2)
    }
  }

  boolean cancel(long orderId) {
    Order o = byId.remove(orderId); // ok: BoxingAllocation -- outside loops, cold method
    if (o == null) {
      return false;
    }
    List<Order> level = (o.side() == Side.BUY ? bids : asks).get(o.priceTicks()); // ok: BoxingAllocation -- outside loops
    level.removeIf(x -> x.id() == orderId); // ok: CapturingLambda -- created once, outside loops
    return true;
  }

  @HotPath
  List<Fill> match(Order incoming) {
    List<Fill> fills = new ArrayList<>(); // ok: UnpresizedCollection -- filled in a while loop over an iterator
    NavigableMap<Long, List<Order>> opposite = incoming.side() == Side.BUY ? asks : bids;
    int remaining = incoming.quantity();
    Iterator<Map.Entry<Long, List<Order>>> levels = opposite.entrySet().iterator();
    while (remaining > 0 && levels.hasNext()) {
      Map.Entry<Long, List<Order>> level = levels.next();
      long price = level.getKey();
      if (incoming.side() == Side.BUY ? price > incoming.priceTicks() : price < incoming.priceTicks()) {
        break;
      }
      Iterator<Order> resting = level.getValue().iterator();
      while (remaining > 0 && resting.hasNext()) {
        Order r = resting.next();
        int qty = Math.min(remaining, r.quantity());
        Fill f = incoming.side() == Side.BUY
            ? new Fill(incoming.id(), r.id(), price, qty)
            : new Fill(r.id(), incoming.id(), price, qty);
        fills.add(f);
        fillListeners.forEach(l -> l.accept(f)); // expect: CapturingLambda
        remaining -= qty;
        if (qty == r.quantity()) {
          resting.remove();
          byId.remove(r.id()); // expect: BoxingAllocation
        }
      }
    }
    return fills;
  }

  List<Long> priceLevels(Side side) {
    NavigableMap<Long, List<Order>> book = side == Side.BUY ? bids : asks;
    List<Long> prices = new ArrayList<>(); // expect: UnpresizedCollection
    for (Long p : book.keySet()) {
      prices.add(p); // ok: BoxingAllocation -- already a Long
    }
    return prices;
  }

  Map<String, Integer> volumeByTrader() {
    Map<String, Integer> volume = new HashMap<>(); // ok: UnpresizedCollection -- merge
    for (Order o : byId.values()) {
      volume.merge(o.trader(), o.quantity(), Integer::sum); // ok: BoxingAllocation -- forced: its target requires the box and the value can change on every iteration (information at -m=2) // ok: CapturingLambda -- static method reference
    }
    return volume;
  }

  long depth(Side side, int levels) {
    long total = 0;
    int seen = 0;
    for (List<Order> level : (side == Side.BUY ? bids : asks).values()) {
      if (seen++ == levels) {
        break;
      }
      for (Order o : level) {
        total += o.quantity();
      }
    }
    return total;
  }

  void journal(List<Fill> fills) {
    for (Fill f : fills) {
      journal += f.buyId() + "/" + f.sellId() + "@" + f.priceTicks() + "\n"; // expect: StringConcatInLoop
    }
  }

  String snapshot() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<Long, List<Order>> e : bids.entrySet()) {
      sb.append(e.getKey()).append(' ').append(e.getValue().size()).append('\n');
    }
    return sb.toString();
  }

  void onFill(Consumer<Fill> listener) {
    fillListeners.add(listener);
  }
}
