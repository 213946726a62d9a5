package dev.noescape.models;

/**
 * A malformed line in a models file. The message starts with {@code source:line:} so a reviewer
 * editing {@code jdk.models} can jump straight to the offending entry.
 */
public final class ModelFormatException extends RuntimeException {
  private final String source;
  private final int line;

  public ModelFormatException(String source, int line, String message) {
    super(source + ":" + line + ": " + message);
    this.source = source;
    this.line = line;
  }

  /** The name of the models file (a resource name or a test's label). */
  public String source() {
    return source;
  }

  /** The 1-based line number of the offending line. */
  public int line() {
    return line;
  }
}
