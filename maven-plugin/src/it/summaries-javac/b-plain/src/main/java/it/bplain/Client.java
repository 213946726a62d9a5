package it.bplain;

import it.aplain.Registry;

/** Module B-plain: the same code against A-plain, whose jar ships no summaries. */
public class Client {
  public static void kept() {
    Registry.keep(new StringBuilder("kept"));
  }

  public static int notKept() {
    return Registry.size(new StringBuilder("local"));
  }
}
