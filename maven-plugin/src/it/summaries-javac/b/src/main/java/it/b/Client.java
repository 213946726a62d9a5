package it.b;

import it.a.Registry;

/** Module B: compiled with the noescape javac plugin, which reads A's summaries from A's jar. */
public class Client {
  public static void kept() {
    Registry.keep(new StringBuilder("kept"));
  }

  public static int notKept() {
    return Registry.size(new StringBuilder("local"));
  }
}
