package dev.noescape.models;

import dev.noescape.ir.BinaryNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logging level checks ({@code log.isDebugEnabled()}, {@code logger.isLoggable(Level.FINE)}), the
 * library knowledge behind {@link dev.noescape.ir.ColdPath#LOGGING}: a branch taken only when such a
 * call returns true is cold. The list is data ({@code logging-guards} next to the JDK models), as
 * NullAway keeps its library knowledge; both front ends ask here.
 */
public final class LoggingGuards {
  private LoggingGuards() {}

  private static final String RESOURCE = "logging-guards";

  private static final String ERRORS_RESOURCE = "logging-errors";

  private static final Map<String, Set<String>> GUARDS = load(RESOURCE);

  private static final Map<String, Set<String>> ERRORS = load(ERRORS_RESOURCE);

  /**
   * Whether a call of method {@code name} on {@code owner} (a binary name, nested classes with
   * {@code $}) tests a logging level.
   */
  public static boolean isGuard(String owner, String name) {
    return isGuard(GUARDS, owner, name);
  }

  /**
   * Whether a call of method {@code name} on {@code owner} logs at error level or above
   * ({@code log.error(...)}, {@code logger.severe(...)}; data: {@code logging-errors}): the arm that
   * makes it handles a failure ({@link dev.noescape.ir.Arms#errorLogging}).
   */
  public static boolean isErrorLogging(String owner, String name) {
    return isGuard(ERRORS, owner, name);
  }

  /** {@link #isGuard} in {@code table}: the owner's own entry, else an entry {@code *Suffix} its simple name ends with. */
  static boolean isGuard(Map<String, Set<String>> table, String owner, String name) {
    Set<String> names = table.get(owner);
    if (names != null) return names.contains(name);
    for (Map.Entry<String, Set<String>> e : table.entrySet()) {
      if (e.getKey().startsWith("*") && BinaryNames.matches(e.getKey(), owner) && e.getValue().contains(name)) return true;
    }
    return false;
  }

  private static Map<String, Set<String>> load(String resource) {
    try (InputStream in = LoggingGuards.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table of {@code lines} in the resource's format: {@code owner method...}, {@code #} comments. */
  static Map<String, Set<String>> parse(List<String> lines) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] words = line.split("\\s+");
      if (words.length < 2) throw new IllegalStateException(RESOURCE + ": a class without methods: " + line);
      out.put(words[0], Set.of(java.util.Arrays.copyOfRange(words, 1, words.length)));
    }
    return Map.copyOf(out);
  }
}
