package dev.noescape.cli;

/**
 * What ends a run with status 2: a usage or input error, or an analysis or report that could not
 * complete. The command prints {@code noescape: <message>}, one line.
 */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
