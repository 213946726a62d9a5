package dev.noescape.lsp.analysis;

import java.util.concurrent.CancellationException;

/** Whether the analysis in flight is stale (a newer edit superseded it); checked between javac's phases. */
@FunctionalInterface
public interface Cancellation {
  Cancellation NEVER = () -> false;

  boolean isCancelled();

  /** Throws {@link CancellationException} when stale. */
  default void check() {
    if (isCancelled()) throw new CancellationException("superseded by a newer edit");
  }

  /** Whether {@code t}, or what it wraps (javac wraps what its task listeners throw), is a cancellation. */
  static boolean causedBy(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof CancellationException) return true;
    }
    return false;
  }
}
