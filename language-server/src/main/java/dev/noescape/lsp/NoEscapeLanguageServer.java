package dev.noescape.lsp;

import com.google.gson.JsonElement;
import dev.noescape.lsp.project.Projects;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The noescape language server: on {@code initialize} it finds the workspace's build and starts
 * resolving it; then it analyzes the open Java documents as they change and publishes noescape's
 * findings, answers hovers with the engine's verdicts and code actions with the fixes.
 */
public final class NoEscapeLanguageServer implements LanguageServer, LanguageClientAware {
  private final Session session = new Session(Settings.defaults());
  private final DocumentService documents = new DocumentService(session);
  private final Workspace workspace = new Workspace(session);
  private final IntConsumer onExit;
  private volatile boolean shutdown;
  private volatile boolean watchPoms;

  /**
   * @param onExit what {@code exit} does after the session is closed, with the exit status (0 after
   *     {@code shutdown}, else 1): the launcher ends the process
   */
  public NoEscapeLanguageServer(IntConsumer onExit) {
    this.onExit = onExit;
  }

  @Override
  public void connect(LanguageClient client) {
    session.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (params.getInitializationOptions() instanceof JsonElement json) session.settings(session.settings().with(json));
    var ws = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
    watchPoms = ws != null && ws.getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
    Path root = root(params);
    if (root != null) {
      Path pom = Projects.pomAbove(root);
      if (pom != null) {
        session.projects().model(pom); // starts Maven now, so the class path is there by the time files open
        session.log(MessageType.Info, "noescape: build " + pom);
      } else {
        session.log(MessageType.Info, "noescape: no pom.xml at or above " + root + "; the open files are compiled alone");
      }
    }
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    caps.setTextDocumentSync(sync);
    caps.setHoverProvider(true);
    caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(Workspace.COMMANDS));
    return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("noescape", version())));
  }

  /** Asks the client to tell when a {@code pom.xml} changes, when it can. */
  @Override
  public void initialized(InitializedParams params) {
    if (!watchPoms || session.client() == null) return;
    var options = new DidChangeWatchedFilesRegistrationOptions(List.of(new FileSystemWatcher(Either.forLeft("**/pom.xml"))));
    session.client().registerCapability(new RegistrationParams(
        List.of(new Registration("noescape-poms", "workspace/didChangeWatchedFiles", options))));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    session.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    if (!shutdown) session.close();
    onExit.accept(shutdown ? 0 : 1);
  }

  /** Whether {@code shutdown} came before {@code exit} (the exit status says so). */
  public boolean wasShutDown() {
    return shutdown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  @SuppressWarnings("deprecation") // rootUri: clients that send no workspace folders still send it
  private static Path root(InitializeParams params) {
    String uri = null;
    if (params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
      uri = params.getWorkspaceFolders().get(0).getUri();
    } else if (params.getRootUri() != null) {
      uri = params.getRootUri();
    }
    if (uri == null) return null;
    try {
      URI u = URI.create(uri);
      return "file".equals(u.getScheme()) ? Path.of(u) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = NoEscapeLanguageServer.class.getResourceAsStream("server.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // no version to tell
    }
    return p.getProperty("version", "unknown");
  }
}
