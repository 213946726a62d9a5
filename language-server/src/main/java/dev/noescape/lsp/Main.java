package dev.noescape.lsp;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * {@code java -jar noescape-lsp.jar}: the language server over stdin/stdout. Standard output carries
 * the protocol only: whatever else writes to {@code System.out} is sent to standard error instead.
 * The jar's manifest opens javac's internals to it ({@code Add-Exports}, {@code Add-Opens}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
      System.out.println("noescape-lsp " + NoEscapeLanguageServer.version());
      return;
    }
    if (args.length > 0) {
      System.err.println("usage: java -jar noescape-lsp.jar   (LSP over stdin/stdout; settings come from the client)");
      System.exit(2);
    }
    HeapBudget.configure();
    PrintStream protocol = System.out;
    InputStream in = System.in;
    System.setOut(System.err);
    NoEscapeLanguageServer server = new NoEscapeLanguageServer(System::exit);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, protocol);
    server.connect(launcher.getRemoteProxy());
    try {
      launcher.startListening().get(); // returns when the client closes the stream or sends exit
    } catch (ExecutionException e) {
      System.err.println("noescape-lsp: connection failed: " + e.getCause());
    }
    System.exit(server.wasShutDown() ? 0 : 1); // the client closed the stream without exit
  }
}
