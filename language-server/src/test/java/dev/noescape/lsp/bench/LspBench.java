package dev.noescape.lsp.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import dev.noescape.lsp.RecordingClient;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server's speed and memory, measured on whole runs of the packaged server
 * ({@code java -jar noescape-lsp.jar}, a process of its own) driven over stdio by an LSP4J client
 * (bench/lsp.sh runs it; not a test). On a copy of the showcase with a generated 1,000-line file of
 * the same kind:
 *
 * <ol>
 *   <li>first diagnostics after opening the project: process start to the first diagnostics of
 *       {@code App.java}, with an empty cache (Maven runs in the background) and again with Maven's
 *       answer cached;
 *   <li>latency of one edit of the 1,000-line file to its diagnostics, after warm-up (median of 20,
 *       the default debounce included);
 *   <li>the server's resident memory after 10 edits and after 1,000 (each analyzed).
 * </ol>
 *
 * <p>Usage: {@code LspBench JAR SHOWCASE_DIR WORK_DIR [EDITS] [MAVEN_ARG...]}
 */
public final class LspBench {
  private LspBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path showcase = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    int edits = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    List<String> mavenArgs = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();

    Path project = work.resolve("project");
    copy(showcase, project);
    Path big = project.resolve("src/main/java/dev/noescape/showcase/Big.java");
    String bigText = BigFile.text(1000);
    Files.writeString(big, bigText);
    Path cache = work.resolve("cache");
    Path app = project.resolve("src/main/java/dev/noescape/showcase/App.java");

    System.out.printf(Locale.ROOT, "noescape-lsp bench: %s, %d-line file, %d edits%n", jar, bigText.lines().count(), edits);
    // 1. First diagnostics, cold cache then warm.
    for (String run : List.of("empty Maven cache", "Maven answer cached")) {
      long t0 = System.nanoTime();
      try (Server s = Server.start(jar, project, cache, mavenArgs)) {
        s.open(app);
        s.await(app.toUri(), 1, 120);
        System.out.printf(Locale.ROOT, "first diagnostics of App.java (%s): %.2f s after the process started (server CPU %.2f s)%n",
            run, (System.nanoTime() - t0) / 1e9, s.cpuMillis() / 1e3);
        if (run.startsWith("empty")) {
          s.awaitLog("from Maven", Duration.ofSeconds(300));
          System.out.printf(Locale.ROOT, "  Maven's class path arrived %.2f s after the process started%n", (System.nanoTime() - t0) / 1e9);
        }
      }
    }

    // 2 and 3. Edits of the big file.
    try (Server s = Server.start(jar, project, cache, mavenArgs)) {
      URI uri = big.toUri();
      s.open(big);
      s.await(uri, 1, 120);
      int version = 1;
      List<Double> latencies = new ArrayList<>();
      List<Long> cpu = new ArrayList<>();
      long rss10 = 0;
      long heap10 = 0;
      Map<Integer, Long> rss = new HashMap<>();
      for (int i = 1; i <= Math.max(edits, 30); i++) {
        version++;
        String text = BigFile.edited(bigText, i);
        long t = System.nanoTime();
        long c0 = s.cpuMillis();
        s.change(uri, version, text);
        PublishDiagnosticsParams p = s.await(uri, version, 120);
        double ms = (System.nanoTime() - t) / 1e6;
        if (i > 10 && i <= 30) cpu.add(s.cpuMillis() - c0);
        if (i == 1 && p.getDiagnostics().isEmpty()) throw new IllegalStateException("no findings in the big file");
        if (i > 10 && i <= 30) latencies.add(ms);
        if (i == 10) {
          rss10 = s.rssKb();
          heap10 = s.liveHeapKb();
        }
        if (i == 100 || i == 250 || i == 500 || i == edits) rss.put(i, s.rssKb());
        if (i == 30) {
          latencies.sort(Comparator.naturalOrder());
          cpu.sort(Comparator.naturalOrder());
          System.out.printf(Locale.ROOT, "edit -> diagnostics of the %d-line file (%d findings), edits 11-30: median %.0f ms, p90 %.0f ms,"
              + " max %.0f ms (debounce 250 ms included); server CPU per edit: median %d ms%n", bigText.lines().count(),
              p.getDiagnostics().size(), latencies.get(9), latencies.get(17), latencies.get(19), cpu.get(9));
        }
      }
      System.out.printf(Locale.ROOT, "server RSS after 10 edits: %d MiB%n", rss10 / 1024);
      for (int i : List.of(100, 250, 500, edits)) {
        if (rss.containsKey(i)) {
          System.out.printf(Locale.ROOT, "server RSS after %d edits: %d MiB (%.2f x the RSS after 10)%n", i, rss.get(i) / 1024,
              (double) rss.get(i) / rss10);
        }
      }
      long heapEnd = s.liveHeapKb();
      System.out.printf(Locale.ROOT, "live heap after a full GC: %d MiB after 10 edits, %d MiB after %d (%.2f x)%n", heap10 / 1024,
          heapEnd / 1024, Math.max(edits, 30), (double) heapEnd / heap10);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path rel = from.relativize(p);
        if (rel.startsWith("target")) continue;
        Path dest = to.resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The server process and an LSP4J client on its stdio. */
  static final class Server extends RecordingClient implements AutoCloseable {
    private final Process process;
    private final LanguageServer server;

    private Server(Process process) {
      this.process = process;
      Launcher<LanguageServer> l = LSPLauncher.createClientLauncher(this, process.getInputStream(), process.getOutputStream());
      this.server = l.getRemoteProxy();
      l.startListening();
    }

    static Server start(Path jar, Path root, Path cache, List<String> mavenArgs) throws Exception {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      // -Dbench.jvmArgs="..." : JVM options for the server (e.g. a class-data archive), as an editor's command would add them.
      String extra = System.getProperty("bench.jvmArgs", "").strip();
      if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
      cmd.addAll(List.of("-jar", jar.toString()));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Server s = new Server(p);
      JsonObject settings = new JsonObject();
      settings.addProperty("cacheDirectory", cache.toString());
      JsonObject maven = new JsonObject();
      JsonArray a = new JsonArray();
      mavenArgs.forEach(a::add);
      maven.add("args", a);
      settings.add("maven", maven);
      InitializeParams init = new InitializeParams();
      init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "bench")));
      init.setCapabilities(new ClientCapabilities());
      init.setInitializationOptions(settings);
      s.server.initialize(init).get(120, TimeUnit.SECONDS);
      s.server.initialized(new InitializedParams());
      return s;
    }

    void open(Path file) throws IOException {
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
          new TextDocumentItem(file.toUri().toString(), "java", 1, Files.readString(file))));
    }

    void change(URI uri, int version, String text) {
      server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier(uri.toString(), version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    PublishDiagnosticsParams await(URI uri, int version, int seconds) throws Exception {
      return await(uri, p -> p.getVersion() != null && p.getVersion() >= version, Duration.ofSeconds(seconds));
    }

    /** The server's CPU time so far (user + system), in milliseconds: less sensitive than wall time to a busy machine. */
    long cpuMillis() throws IOException {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
      return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /** The Java heap in use after a full GC (jcmd GC.run, then GC.heap_info), in KiB: what the server keeps alive. */
    long liveHeapKb() throws Exception {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      run(jcmd.toString(), Long.toString(process.pid()), "GC.run");
      String info = run(jcmd.toString(), Long.toString(process.pid()), "GC.heap_info");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
      if (!m.find()) throw new IOException("no heap figure in: " + info);
      return Long.parseLong(m.group(1));
    }

    private static String run(String... cmd) throws Exception {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    }

    /** The server process's resident set (VmRSS), in KiB. */
    long rssKb() throws IOException {
      for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
      throw new IOException("no VmRSS for " + process.pid());
    }

    @Override
    public void close() throws Exception {
      try {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        process.waitFor(30, TimeUnit.SECONDS);
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
