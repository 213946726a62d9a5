package dev.noescape.bytecode.lower;

import java.util.Set;

/**
 * Library methods that run a function argument once per element (the javac front end's list): a
 * lambda or anonymous class handed to one of them runs one loop level deeper than the call. The
 * owner is the class the bytecode names, i.e. the receiver's static type.
 */
final class IteratingMethods {
  private IteratingMethods() {}

  private static final Set<String> COLLECTION_METHODS = Set.of("forEach", "removeIf", "replaceAll", "forEachRemaining");

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

  static boolean isIterating(String owner, String name) {
    if (STREAM_OWNERS.contains(owner)) return STREAM_METHODS.contains(name);
    return COLLECTION_OWNERS.contains(owner) && COLLECTION_METHODS.contains(name);
  }
}
