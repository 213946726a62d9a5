package dev.noescape.showcase.engine;

/** Receives every trade the engine produces, on the matching thread. */
@FunctionalInterface
public interface TradeListener {
  void onTrade(Trade trade);
}
