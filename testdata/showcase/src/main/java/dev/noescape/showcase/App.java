package dev.noescape.showcase;

import dev.noescape.annotations.HotPath;
import dev.noescape.showcase.book.Order;
import dev.noescape.showcase.book.Side;
import dev.noescape.showcase.engine.MatchingEngine;
import dev.noescape.showcase.engine.Trade;
import dev.noescape.showcase.engine.TradeListener;
import dev.noescape.showcase.importer.CsvTradeImporter;
import dev.noescape.showcase.metrics.MetricsRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the start-of-day orders from {@code sample-orders.csv}, replays a synthetic order flow
 * through the matching engine and prints the metrics.
 */
public final class App {
  private static final System.Logger LOG = System.getLogger(App.class.getName());
  private static final String[] SYMBOLS = {"ACME", "GLOBX", "INITECH", "UMBRL"};
  private static final String[] TRADERS = {"alice", "bob", "carol", "dave", "erin"};

  private final MatchingEngine engine = new MatchingEngine();
  private final MetricsRegistry metrics = new MetricsRegistry();
  private long seed = 42;
  private long nextOrderId = 1_000_000;

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    App app = new App();
    app.wireListeners();
    app.loadStartOfDay();
    app.replay(count);
    System.out.print(app.engine.summary());
    System.out.print(app.metrics.render());
  }

  private void wireListeners() {
    // Created once, outside any loop: capturing 'metrics' here costs nothing worth reporting.
    engine.addListener(t -> metrics.increment("trades", 1));
    for (String symbol : SYMBOLS) {
      // An anonymous class allocates on every evaluation: reported inside a loop (CapturingLambda).
      engine.addListener(
          new TradeListener() {
            @Override
            public void onTrade(Trade trade) {
              if (trade.symbol().equals(symbol)) {
                metrics.increment("volume." + symbol, trade.quantity());
              }
            }
          });
    }
  }

  private void loadStartOfDay() {
    List<String> lines;
    try (InputStream in = App.class.getResourceAsStream("/sample-orders.csv");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      lines = CsvTradeImporter.readLines(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CsvTradeImporter.Result result = new CsvTradeImporter(List.of(SYMBOLS)).parse(lines);
    System.out.print(result.errors());
    for (Order order : result.orders()) {
      engine.submit(order);
    }
    metrics.increment("sod.orders", result.orders().size());
    metrics.increment("sod.traders", result.traders().size());
  }

  /** Replays {@code count} random orders and records the latency of each submit. */
  private void replay(int count) {
    // Boxes every sample and grows by copying: UnpresizedCollection on the list, BoxingAllocation on
    // the add (the list is replay's own and holds count values: a long[count] removes both).
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Order order = randomOrder();
      long start = System.nanoTime();
      int fills = engine.submit(order);
      long elapsed = System.nanoTime() - start;
      latencies.add(elapsed);
      metrics.recordLatency("submit", elapsed);
      onFills(order.symbol(), fills);
    }
    long worst = 0;
    for (long l : latencies) {
      worst = Math.max(worst, l);
    }
    metrics.increment("replay.worstNanos", worst);
  }

  /** Per-order bookkeeping. Hot: the logging call builds a varargs array and boxes 'fills'. */
  @HotPath
  private void onFills(String symbol, int fills) {
    if (fills > 0) {
      LOG.log(System.Logger.Level.DEBUG, "{0}: {1} fills", symbol, fills);
    }
  }

  private Order randomOrder() {
    String symbol = SYMBOLS[next(SYMBOLS.length)];
    String trader = TRADERS[next(TRADERS.length)];
    Side side = next(2) == 0 ? Side.BUY : Side.SELL;
    long price = 10_000L + next(41) - 20;
    long quantity = 1L + next(100);
    long id = nextOrderId;
    nextOrderId++;
    return new Order(id, symbol, trader, side, price, quantity);
  }

  /** A small xorshift generator: deterministic runs without java.util.Random. */
  private int next(int bound) {
    seed ^= seed << 13;
    seed ^= seed >>> 7;
    seed ^= seed << 17;
    return (int) Long.remainderUnsigned(seed, bound);
  }
}
