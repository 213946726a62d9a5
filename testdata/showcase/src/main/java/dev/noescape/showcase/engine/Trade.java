package dev.noescape.showcase.engine;

/** One execution: {@code quantity} lots at the resting order's price. */
public record Trade(
    long id, String symbol, long price, long quantity, String buyer, String seller) {}
