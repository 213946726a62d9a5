package dev.noescape.lsp;

import com.google.gson.JsonElement;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/*}: settings, the commands, and changes of the builds' POMs. */
final class Workspace implements WorkspaceService {
  /** Shows or hides the escape verdicts (the information rules); answers the new state. */
  static final String TOGGLE_VERDICTS = "noescape.toggleVerdicts";
  /** Asks Maven again for the class path and configuration of every build. */
  static final String RELOAD_PROJECTS = "noescape.reloadProjects";
  static final List<String> COMMANDS = List.of(TOGGLE_VERDICTS, RELOAD_PROJECTS);

  private final Session session;

  Workspace(Session session) {
    this.session = session;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    if (params.getSettings() instanceof JsonElement json) session.settings(session.settings().with(json));
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    for (FileEvent e : params.getChanges()) {
      URI uri = URI.create(e.getUri());
      if ("file".equals(uri.getScheme()) && uri.getPath().endsWith("/pom.xml")) session.projects().pomChanged(Path.of(uri));
    }
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    switch (params.getCommand()) {
      case TOGGLE_VERDICTS -> {
        boolean show = !session.settings().showVerdicts();
        session.settings(session.settings().withShowVerdicts(show));
        session.log(MessageType.Info, "noescape: escape verdicts " + (show ? "shown" : "hidden"));
        return CompletableFuture.completedFuture(show);
      }
      case RELOAD_PROJECTS -> {
        session.forEachPom(session.projects()::pomChanged);
        return CompletableFuture.completedFuture(null);
      }
      default -> {
        session.log(MessageType.Warning, "noescape: unknown command " + params.getCommand());
        return CompletableFuture.completedFuture(null);
      }
    }
  }
}
