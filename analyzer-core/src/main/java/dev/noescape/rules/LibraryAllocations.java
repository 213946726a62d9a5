package dev.noescape.rules;

import dev.noescape.ir.MethodRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many objects a library constructor or static method allocates on every call that returns
 * normally, at the least: the library part of {@link CallAllocations}' floor. The table is data,
 * {@code dev/noescape/models/library-allocations}, where each figure's reason in the JDK source and
 * what is left out on purpose are written down; its reader lives here because only the rules ask
 * and the rules may not use the {@code models} package (docs/design.md, the layering).
 */
final class LibraryAllocations {
  private LibraryAllocations() {}

  private static final String RESOURCE = "/dev/noescape/models/library-allocations";

  /** Per method key ({@link MethodRef#key()}), the objects it allocates on every call. */
  private static final Map<String, Integer> TABLE = parse(ModelFiles.rows(RESOURCE));

  /**
   * The objects a call to {@code callee} allocates inside the library on every call that returns
   * normally (for a constructor, beyond the object itself): the table's figure for a listed
   * constructor or static method, else 0. An instance method is never listed: dispatch may run
   * another body than the one the figure was read from.
   */
  static int objects(MethodRef callee) {
    return objects(TABLE, callee);
  }

  static int objects(Map<String, Integer> table, MethodRef callee) {
    if (callee == null || !callee.isStatic() && !callee.isConstructor()) return 0;
    return table.getOrDefault(callee.key(), 0);
  }

  /** The table of {@code rows} in the resource's format: {@code class method(params) objects}. */
  static Map<String, Integer> parse(List<String[]> rows) {
    Map<String, Integer> out = new HashMap<>();
    for (String[] words : rows) {
      String line = String.join(" ", words);
      if (words.length != 3 || !words[1].matches("[^()]+\\([^()]*\\)")) {
        throw new IllegalStateException(RESOURCE + ": expected 'class method(params) objects': " + line);
      }
      int objects;
      try {
        objects = Integer.parseInt(words[2]);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(RESOURCE + ": objects is not a number: " + line, e);
      }
      // A zero would be a row that says nothing: the file lists such methods in its comments.
      if (objects < 1) throw new IllegalStateException(RESOURCE + ": objects must be at least 1: " + line);
      if (out.put(words[0] + "#" + words[1], objects) != null) {
        throw new IllegalStateException(RESOURCE + ": listed twice: " + words[0] + " " + words[1]);
      }
    }
    return Map.copyOf(out);
  }
}
