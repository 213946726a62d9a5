package dev.noescape.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a call on a {@code java.util} collection does to its size ({@link Kind}): the library
 * knowledge behind the presize evidence of {@code UnpresizedCollection} and {@code HashMapCapacity}
 * ({@link CollectionFill}). The table is data, {@code dev/noescape/models/collection-fills} next to
 * the JDK models and the logging guards, where each kind's contract is written down (NullAway keeps
 * its library knowledge the same way); its reader lives here because only the rules ask and the
 * rules may not use the {@code models} package (docs/design.md, the layering).
 */
final class CollectionMethods {
  private CollectionMethods() {}

  private static final String RESOURCE = "/dev/noescape/models/collection-fills";

  /** The kinds of the data file, in its words. */
  enum Kind {
    /** One element, or one entry for a new key, on every call ({@code add}, {@code put}, {@code offer}). */
    ADD,
    /** At most one entry, only for an absent key ({@code putIfAbsent}, {@code computeIfAbsent}, {@code merge}, {@code compute}). */
    ADD_ABSENT,
    /** The elements or entries of the argument ({@code addAll}, {@code putAll}). */
    BULK,
    /** A read by key ({@code get}, {@code getOrDefault}, {@code containsKey}): on a map in the filling loop, a counting or dedup pattern. */
    LOOKUP,
    /** Neither adds nor removes nor hands out a view ({@code size}, {@code contains}, {@code peek}). */
    QUERY,
    /** Anything not in the table: may remove, or hand the collection out ({@code remove}, {@code poll}, {@code keySet}). */
    OTHER;

    /** Whether a call of this kind adds at most one element or entry ({@link #ADD}, {@link #ADD_ABSENT}). */
    boolean addsOne() {
      return this == ADD || this == ADD_ABSENT;
    }
  }

  private static final Map<String, Kind> KINDS = parse(ModelFiles.rows(RESOURCE));

  /** The kind of a call of method {@code name} on a {@code java.util} collection; {@link Kind#OTHER} when not listed. */
  static Kind kind(String name) {
    return KINDS.getOrDefault(name, Kind.OTHER);
  }

  /** The table of {@code rows} in the resource's format: {@code method kind}. */
  static Map<String, Kind> parse(List<String[]> rows) {
    Map<String, Kind> out = new HashMap<>();
    for (String[] words : rows) {
      String line = String.join(" ", words);
      if (words.length != 2) throw new IllegalStateException(RESOURCE + ": expected 'method kind': " + line);
      Kind k = ModelFiles.kind(Kind.class, words[1], RESOURCE, words);
      if (k == Kind.OTHER) throw new IllegalStateException(RESOURCE + ": 'other' is what an unlisted method is: " + line);
      if (out.put(words[0], k) != null) throw new IllegalStateException(RESOURCE + ": listed twice: " + words[0]);
    }
    return Map.copyOf(out);
  }
}
