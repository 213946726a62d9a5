package dev.noescape.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the library-knowledge tables the rules read ({@code dev/noescape/models/*}, next to
 * the JDK models): one row a line, words split on white space, {@code #} comments and blank lines
 * skipped. Each table's reader says what its words mean.
 */
final class ModelFiles {
  private ModelFiles() {}

  /** The rows of resource {@code resource} (an absolute resource path); a missing one is a broken build. */
  static List<String[]> rows(String resource) {
    try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return rows(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The constant of {@code kinds} that {@code word} names, in the data files' spelling ({@code
   * add-absent} for {@code ADD_ABSENT}); an unknown word is a broken table, named with its row.
   */
  static <E extends Enum<E>> E kind(Class<E> kinds, String word, String resource, String[] row) {
    try {
      return Enum.valueOf(kinds, word.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + ": unknown kind '" + word + "': " + String.join(" ", row), e);
    }
  }

  /** The rows of {@code lines}. */
  static List<String[]> rows(List<String> lines) {
    List<String[]> out = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) out.add(line.split("\\s+"));
    }
    return out;
  }
}
