package dev.noescape.cli;

/** A usage or input error: the command prints {@code noescape: <message>} and exits with 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message, null, false, false);
  }
}
