package dev.noescape.lsp;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client side the tests and the bench share: it records the diagnostics and log messages a server sends, and waits for them. */
public class RecordingClient implements LanguageClient {
  private final Map<URI, PublishDiagnosticsParams> diagnostics = new HashMap<>();
  /** The version of each publication, in the order they came (null for a close's, which has none). */
  private final Map<URI, List<Integer>> versions = new HashMap<>();
  private final List<String> log = new ArrayList<>();

  /** The latest diagnostics of {@code uri} once they satisfy {@code ready}. */
  public synchronized PublishDiagnosticsParams await(URI uri, Predicate<PublishDiagnosticsParams> ready, Duration timeout)
      throws InterruptedException, TimeoutException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      PublishDiagnosticsParams p = diagnostics.get(uri);
      if (p != null && ready.test(p)) return p;
      waitUntil(end, "no diagnostics for " + uri + " in " + timeout);
    }
  }

  /** Waits for a log message that contains {@code text}. */
  public synchronized String awaitLog(String text, Duration timeout) throws InterruptedException, TimeoutException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (String l : log) if (l.contains(text)) return l;
      waitUntil(end, "no log message with '" + text + "' in " + timeout);
    }
  }

  private void waitUntil(long end, String failure) throws InterruptedException, TimeoutException {
    long left = end - System.nanoTime();
    if (left <= 0) throw new TimeoutException(failure + "; log: " + log);
    wait(Math.max(1, left / 1_000_000));
  }

  public synchronized List<String> log() {
    return List.copyOf(log);
  }

  /**
   * The versions of every publication for {@code uri} so far, oldest first (null: one without a
   * version): unlike the latest diagnostics {@link #await} reads, a version superseded before the
   * caller looked is still here.
   */
  public synchronized List<Integer> publishedVersions(URI uri) {
    return new ArrayList<>(versions.getOrDefault(uri, List.of()));
  }

  @Override
  public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
    URI uri = URI.create(p.getUri());
    diagnostics.put(uri, p);
    versions.computeIfAbsent(uri, u -> new ArrayList<>()).add(p.getVersion());
    notifyAll();
  }

  @Override
  public synchronized void logMessage(MessageParams message) {
    log.add(message.getType() + ": " + message.getMessage());
    notifyAll();
  }

  @Override
  public void showMessage(MessageParams message) {
    logMessage(message);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }
}
