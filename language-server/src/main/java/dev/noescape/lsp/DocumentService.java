package dev.noescape.lsp;

import dev.noescape.lsp.document.Document;
import dev.noescape.lsp.protocol.Hovers;
import dev.noescape.lsp.protocol.QuickFixes;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** {@code textDocument/*}: keeps the open documents, and answers hovers and code actions from their latest analysis. */
final class DocumentService implements TextDocumentService {
  private final Session session;

  DocumentService(Session session) {
    this.session = session;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    var d = params.getTextDocument();
    session.opened(new Document(URI.create(d.getUri()), d.getVersion(), d.getText()));
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    URI uri = URI.create(params.getTextDocument().getUri());
    int version = params.getTextDocument().getVersion();
    Document changed = session.documents.change(uri, d -> {
      Document out = d;
      for (TextDocumentContentChangeEvent e : params.getContentChanges()) {
        var r = e.getRange();
        out = r == null ? new Document(uri, version, e.getText())
            : out.edit(version, r.getStart().getLine(), r.getStart().getCharacter(), r.getEnd().getLine(),
                r.getEnd().getCharacter(), e.getText());
      }
      return new Document(uri, version, out.text());
    });
    if (changed != null) session.changed(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    session.saved(URI.create(params.getTextDocument().getUri()));
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    session.closed(URI.create(params.getTextDocument().getUri()));
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return session.current(URI.create(params.getTextDocument().getUri()))
        .thenApply(r -> r == null ? null : Hovers.at(r, params.getPosition()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return session.current(URI.create(params.getTextDocument().getUri())).thenApply(r -> r == null ? List.of()
        : QuickFixes.in(r, params.getRange(), session.settings().docsBaseUrl()).stream()
            .map(Either::<Command, CodeAction>forRight).toList());
  }
}
