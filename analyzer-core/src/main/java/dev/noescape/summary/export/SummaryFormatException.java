package dev.noescape.summary.export;

/** A summaries resource that does not follow the format: the message names the resource and line. */
public final class SummaryFormatException extends RuntimeException {
  public SummaryFormatException(String source, int line, String message) {
    super(source + (line > 0 ? ":" + line : "") + ": " + message);
  }
}
