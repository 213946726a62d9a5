package dev.noescape.lsp;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP4J client talking JSON-RPC to a server in the same JVM over pipes, as an editor does over
 * stdio: it records the diagnostics and log messages the server sends and waits for them.
 */
final class InProcessClient extends RecordingClient implements AutoCloseable {
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "lsp-test");
    t.setDaemon(true);
    return t;
  });
  private LanguageServer server;
  private final Map<URI, Integer> versions = new HashMap<>();
  final List<Integer> exitStatus = new ArrayList<>();
  private Socket serverSide;
  private Socket clientSide;
  /** The two ends' message loops ({@code Launcher.startListening}): each ends when its input does. */
  private java.util.concurrent.Future<Void> serverListening;
  private java.util.concurrent.Future<Void> clientListening;

  /** Connects to a new server and initializes it with {@code root} as the workspace and {@code options} as its settings. */
  static InProcessClient start(Path root, JsonObject options) throws Exception {
    InProcessClient c = new InProcessClient();
    // A loopback socket: java.io's piped streams fail once the thread that last wrote has ended (as pool
    // threads do), and NIO pipes close for good when a thread writing to them is interrupted.
    Socket serverSide;
    Socket clientSide;
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      serverSide = listener.accept();
    }
    c.serverSide = serverSide;
    c.clientSide = clientSide;
    InputStream serverIn = serverSide.getInputStream();
    OutputStream serverOut = serverSide.getOutputStream();
    InputStream clientIn = clientSide.getInputStream();
    OutputStream clientOut = clientSide.getOutputStream();
    NoEscapeLanguageServer impl = new NoEscapeLanguageServer(c.exitStatus::add);
    Launcher<LanguageClient> s = LSPLauncher.createServerLauncher(impl, serverIn, serverOut, c.threads, m -> m);
    impl.connect(s.getRemoteProxy());
    c.serverListening = s.startListening();
    Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(c, clientIn, clientOut, c.threads, m -> m);
    c.server = l.getRemoteProxy();
    c.clientListening = l.startListening();
    InitializeParams init = new InitializeParams();
    if (root != null) init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
    init.setCapabilities(new ClientCapabilities());
    init.setInitializationOptions(options);
    c.initializeResult = c.server.initialize(init).get(30, TimeUnit.SECONDS);
    c.server.initialized(new InitializedParams());
    return c;
  }

  InitializeResult initializeResult;

  LanguageServer server() {
    return server;
  }

  /** Settings for tests: Maven on the repository this build uses, answers cached under {@code cache}. */
  static JsonObject settings(Path cache, boolean showVerdicts) {
    JsonObject o = new JsonObject();
    o.addProperty("showVerdicts", showVerdicts);
    o.addProperty("cacheDirectory", cache.toString());
    o.addProperty("debounceMillis", 50);
    JsonObject maven = new JsonObject();
    var args = new com.google.gson.JsonArray();
    String repo = System.getProperty("noescape.test.repo");
    if (repo != null && !repo.isBlank()) args.add("-Dmaven.repo.local=" + repo);
    maven.add("args", args);
    o.add("maven", maven);
    return o;
  }

  URI open(Path file) throws IOException {
    return open(file.toUri(), Files.readString(file));
  }

  URI open(URI uri, String text) {
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri.toString(), "java", 1, text)));
    return uri;
  }

  /** Replaces the whole text; returns the new version. */
  int change(URI uri, String text) {
    int v = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri.toString(), v), List.of(new TextDocumentContentChangeEvent(text))));
    return v;
  }

  /** Sends one incremental change; returns the new version. */
  int change(URI uri, org.eclipse.lsp4j.Range range, String text) {
    int v = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri.toString(), v), List.of(new TextDocumentContentChangeEvent(range, text))));
    return v;
  }

  void close(URI uri) {
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri.toString())));
  }

  /**
   * Returns once the server has handled every message this client sent before: LSP4J hands the
   * messages of a connection to the server one at a time, in the order they came, so the answer to
   * a request sent now comes after the notifications sent before it ({@code didChange} returns
   * nothing, and an editor counts on that order, not on a reply). The request is a hover over a
   * document that is not open, which the server answers at once.
   */
  void sync() throws Exception {
    server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier("untitled:sync"), new Position(0, 0)))
        .get(30, TimeUnit.SECONDS);
  }

  int version(URI uri) {
    return versions.getOrDefault(uri, 0);
  }

  /** The diagnostics published for the document's current version, waiting for them. */
  List<Diagnostic> diagnostics(URI uri, Duration timeout) throws InterruptedException, java.util.concurrent.TimeoutException {
    int v = version(uri);
    return await(uri, p -> p.getVersion() != null && p.getVersion() == v, timeout).getDiagnostics();
  }

  /**
   * Shuts the server down as an editor does, then ends the connection the way a process's streams
   * end: each side closes its output once it has said everything ({@code exit} is the client's
   * last message; the server's output ends with it, as its process would), so each message loop
   * reads the end of its input and stops. Closing the sockets under loops still reading made LSP4J
   * log a {@code SocketException: Socket closed} stack trace per loop into the build's output.
   */
  @Override
  public void close() throws Exception {
    try {
      server.shutdown().get(30, TimeUnit.SECONDS);
      server.exit();
      clientSide.shutdownOutput();
      awaitEnd(serverListening);
      serverSide.shutdownOutput();
      awaitEnd(clientListening);
    } finally {
      serverSide.close();
      clientSide.close();
      threads.shutdownNow();
    }
  }

  /** Waits for a message loop to read the end of its input. */
  private static void awaitEnd(java.util.concurrent.Future<Void> listening) throws Exception {
    try {
      listening.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the message loop failed", e.getCause());
    }
  }
}
