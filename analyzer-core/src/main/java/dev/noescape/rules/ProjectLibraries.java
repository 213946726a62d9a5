package dev.noescape.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which libraries advice may name, found from the classes the project itself has: its sources or
 * inputs and its own dependencies, never a library that is only on the analysis' class path as
 * context. Each library is recognized by one class; every front end asks here (the command line
 * and the Maven goals feed the class names they read, the javac plugin asks its class path).
 */
public final class ProjectLibraries {
  /** Guava's class that holds the {@code ...WithExpectedSize} factories' map half. */
  static final String GUAVA = "com.google.common.collect.Maps";

  /** A class of each primitive-collections library, by the name advice gives it, in the order they are preferred. */
  static final List<Map.Entry<String, String>> PRIMITIVE_COLLECTIONS = List.of(
      Map.entry("it.unimi.dsi.fastutil.ints.IntArrayList", "fastutil"),
      Map.entry("org.eclipse.collections.api.list.primitive.IntList", "Eclipse Collections"),
      Map.entry("com.carrotsearch.hppc.IntArrayList", "HPPC"),
      Map.entry("org.agrona.collections.IntArrayList", "Agrona"),
      Map.entry("gnu.trove.list.array.TIntArrayList", "Trove"));

  private boolean guava;
  private int primitives = Integer.MAX_VALUE;

  /** Notes one class the project has. */
  public void see(String className) {
    if (GUAVA.equals(className)) guava = true;
    for (int i = 0; i < primitives && i < PRIMITIVE_COLLECTIONS.size(); i++) {
      if (PRIMITIVE_COLLECTIONS.get(i).getKey().equals(className)) primitives = i;
    }
  }

  /** The libraries among the classes {@code exists} says the project has. */
  public static ProjectLibraries lookUp(Predicate<String> exists) {
    ProjectLibraries p = new ProjectLibraries();
    if (exists.test(GUAVA)) p.see(GUAVA);
    for (Map.Entry<String, String> e : PRIMITIVE_COLLECTIONS) {
      if (exists.test(e.getKey())) {
        p.see(e.getKey());
        break;
      }
    }
    return p;
  }

  public boolean guava() {
    return guava;
  }

  /** The preferred primitive-collections library the project has, or null. */
  public String primitiveCollections() {
    return primitives < PRIMITIVE_COLLECTIONS.size() ? PRIMITIVE_COLLECTIONS.get(primitives).getValue() : null;
  }
}
