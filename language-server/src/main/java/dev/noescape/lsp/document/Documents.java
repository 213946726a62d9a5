package dev.noescape.lsp.document;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The open documents, each at its latest version; read from any thread. */
public final class Documents {
  private final Map<URI, Document> open = new ConcurrentHashMap<>();

  public void open(Document d) {
    open.put(d.uri(), d);
  }

  /** Applies a change to an open document; returns the new version, or null when it is not open. */
  public Document change(URI uri, UnaryOperator<Document> change) {
    return open.computeIfPresent(uri, (u, d) -> change.apply(d));
  }

  public void close(URI uri) {
    open.remove(uri);
  }

  /** The document's latest version, or null when it is not open. */
  public Document get(URI uri) {
    return open.get(uri);
  }

  public List<Document> all() {
    return List.copyOf(open.values());
  }
}
