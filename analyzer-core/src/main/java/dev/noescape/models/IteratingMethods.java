package dev.noescape.models;

import java.util.Set;

/**
 * Library methods that run a function argument once per element: a lambda, method reference or
 * anonymous class passed directly to one of them runs one loop level deeper than the call
 * (docs/design.md, "Loop depth": "plus one level when it is passed directly to an iterating method").
 *
 * <p>Both front ends ask with the owner they name in the IR: javac names the class declaring the
 * resolved method, bytecode the receiver's static type. The owner lists therefore hold the
 * interfaces and the common JDK classes alike, so either naming finds the method.
 */
public final class IteratingMethods {
  private IteratingMethods() {}

  /** Iteration over a collection or map: {@code Iterable.forEach}, {@code removeIf}, {@code replaceAll}, ... */
  private static final Set<String> COLLECTION_METHODS = Set.of("forEach", "removeIf", "replaceAll", "forEachRemaining");

  /** Stream and primitive-stream operations that apply their function to every element. */
  private static final Set<String> STREAM_METHODS = Set.of(
      "map", "filter", "forEach", "forEachOrdered", "flatMap", "flatMapToInt", "flatMapToLong", "flatMapToDouble",
      "flatMapToObj", "mapToInt", "mapToLong", "mapToDouble", "mapToObj", "mapMulti", "mapMultiToInt",
      "mapMultiToLong", "mapMultiToDouble", "peek", "takeWhile", "dropWhile", "reduce", "collect", "anyMatch",
      "allMatch", "noneMatch", "sorted", "min", "max", "iterate", "generate", "toArray", "gather");

  private static final Set<String> COLLECTION_OWNERS = Set.of(
      "java.lang.Iterable", "java.util.Collection", "java.util.List", "java.util.Set", "java.util.Queue",
      "java.util.Deque", "java.util.Map", "java.util.Iterator", "java.util.Spliterator", "java.util.ArrayList",
      "java.util.HashMap", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.Vector",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.CopyOnWriteArrayList",
      "java.util.TreeMap", "java.util.LinkedHashMap", "java.util.HashSet", "java.util.TreeSet",
      "java.util.SortedMap", "java.util.NavigableMap", "java.util.SequencedCollection", "java.util.SequencedMap",
      "java.util.Hashtable", "java.util.IdentityHashMap", "java.util.WeakHashMap", "java.util.PriorityQueue");

  private static final Set<String> STREAM_OWNERS = Set.of(
      "java.util.stream.Stream", "java.util.stream.IntStream", "java.util.stream.LongStream",
      "java.util.stream.DoubleStream", "java.util.stream.BaseStream");

  /**
   * Whether method {@code name} of {@code owner} (a fully qualified class name, nested classes
   * with {@code .}) runs a function argument once per element.
   */
  public static boolean isIterating(String owner, String name) {
    if (STREAM_OWNERS.contains(owner)) return STREAM_METHODS.contains(name);
    return COLLECTION_OWNERS.contains(owner) && COLLECTION_METHODS.contains(name);
  }
}
