package it.b;

import it.a.Registry;

/** Module B: whether its allocations escape depends on module A's summaries. */
public class Client {
  public static void kept() {
    Registry.keep(new StringBuilder("kept"));
  }

  public static int notKept() {
    return Registry.size(new StringBuilder("local"));
  }
}
