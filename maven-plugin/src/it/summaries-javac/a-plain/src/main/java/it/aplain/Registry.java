package it.aplain;

import java.util.ArrayList;
import java.util.List;

/** Module A-plain (A without shipped summaries): keep() stores its argument in a static list; size() keeps nothing. */
public class Registry {
  private static final List<Object> KEPT = new ArrayList<>();

  public static void keep(Object o) {
    KEPT.add(o);
  }

  public static int size(Object o) {
    return o.hashCode();
  }
}
