package dev.noescape.lsp;

import dev.noescape.lsp.analysis.Cancellation;
import dev.noescape.lsp.analysis.FileAnalyzer;
import dev.noescape.lsp.analysis.FileResult;
import dev.noescape.lsp.analysis.Request;
import dev.noescape.lsp.document.Document;
import dev.noescape.lsp.document.Documents;
import dev.noescape.lsp.project.MavenResolver;
import dev.noescape.lsp.project.ProjectModel;
import dev.noescape.lsp.project.Projects;
import dev.noescape.lsp.protocol.Diagnostics;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's state and its one analysis thread. A change is analyzed once typing pauses
 * ({@link Settings#debounceMillis}); opening and saving are analyzed at once. Analyses run one at a
 * time, each on the latest version of its document; one that a newer edit (or a change of settings
 * or project) makes stale is cancelled at javac's next phase and publishes nothing. Only the latest
 * result per open document is kept, as plain data, and dropped on close: memory does not grow with
 * the number of edits. A failing analysis is logged to the client and the server goes on.
 */
final class Session implements AutoCloseable, Projects.Listener {
  /** How long a hover or code action waits for the analysis of the current version. */
  private static final long WAIT_SECONDS = 30;
  /** After this long without an analysis the server is idle: its heap is compacted once (see {@link #trimWhenIdle}). */
  private static final long IDLE_MILLIS = 2000;

  final Documents documents = new Documents();
  private final Map<URI, FileResult> results = new ConcurrentHashMap<>();
  /** The generation each result was computed in: a result of the current version and generation is not computed again. */
  private final Map<URI, Long> resultGeneration = new ConcurrentHashMap<>();
  private final Map<URI, List<Waiter>> waiters = new HashMap<>();
  /**
   * Held while a result is checked for staleness and published, and while a document is closed: a
   * result is published before its document's close or not at all.
   */
  private final Object publication = new Object();
  private final Map<URI, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  /** Analyses handed to the worker and not finished. */
  private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("noescape-debounce"));
  private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("noescape-analysis"));
  private final FileAnalyzer analyzer = new FileAnalyzer();
  private volatile Settings settings;
  private volatile Projects projects;
  private volatile LanguageClient client;
  private volatile boolean closed;
  private volatile long lastAnalysis;
  private volatile boolean trimmed = true;

  private record Waiter(int version, CompletableFuture<FileResult> future) {}

  Session(Settings settings) {
    this.settings = settings;
    this.projects = projects(settings);
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  LanguageClient client() {
    return client;
  }

  Settings settings() {
    return settings;
  }

  Projects projects() {
    return projects;
  }

  /** New settings: the Maven ones make a new project model; every open document is analyzed again. */
  void settings(Settings s) {
    Settings old = settings;
    settings = s;
    for (String p : s.problems()) log(MessageType.Warning, "noescape: setting ignored: " + p);
    if (!Objects.equals(old.mavenExecutable(), s.mavenExecutable()) || !old.mavenArgs().equals(s.mavenArgs())
        || !old.cacheDirectory().equals(s.cacheDirectory())) {
      Projects previous = projects;
      projects = projects(s);
      previous.close();
    }
    reanalyzeAll();
  }

  private Projects projects(Settings s) {
    return new Projects(new MavenResolver(s.mavenExecutable(), s.mavenArgs(), s.cacheDirectory()), this);
  }

  // ---- documents ----

  void opened(Document d) {
    documents.open(d);
    schedule(d.uri(), 0);
  }

  void changed(URI uri) {
    schedule(uri, settings.debounceMillis());
  }

  /** Saved: analyzed at once, and the other open files of its build (they may use what changed) after a pause. */
  void saved(URI uri) {
    generation.incrementAndGet();
    schedule(uri, 0);
    Path pom = pomOf(uri);
    for (Document d : documents.all()) {
      if (!d.uri().equals(uri) && Objects.equals(pomOf(d.uri()), pom)) schedule(d.uri(), settings.debounceMillis());
    }
  }

  void closed(URI uri) {
    synchronized (publication) {
      documents.close(uri);
      ScheduledFuture<?> p = pending.remove(uri);
      if (p != null) p.cancel(false);
      results.remove(uri);
      resultGeneration.remove(uri);
      completeWaiters(uri, null);
      LanguageClient c = client;
      if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri.toString(), List.of()));
    }
  }

  /** Everything open, analyzed again (settings or a project model changed: analyses in flight are stale). */
  void reanalyzeAll() {
    generation.incrementAndGet();
    for (Document d : documents.all()) schedule(d.uri(), 0);
  }

  @Override
  public void modelChanged(Path pom) {
    generation.incrementAndGet();
    for (Document d : documents.all()) if (Objects.equals(pomOf(d.uri()), pom)) schedule(d.uri(), 0);
  }

  @Override
  public void log(String message) {
    log(MessageType.Info, message);
  }

  /**
   * The result of the analysis of the document's current version: at once when it is there, else
   * when it arrives; null when the document closes or changes first, or after {@link #WAIT_SECONDS}.
   */
  CompletableFuture<FileResult> current(URI uri) {
    Document d = documents.get(uri);
    if (d == null) return CompletableFuture.completedFuture(null);
    FileResult r = results.get(uri);
    if (r != null && r.version() == d.version()) return CompletableFuture.completedFuture(r);
    CompletableFuture<FileResult> f = new CompletableFuture<>();
    synchronized (waiters) {
      waiters.computeIfAbsent(uri, u -> new ArrayList<>()).add(new Waiter(d.version(), f));
    }
    // The result may have arrived between the check and the registration.
    r = results.get(uri);
    if (r != null && r.version() >= d.version()) completeWaiters(uri, r);
    return f.completeOnTimeout(null, WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private void completeWaiters(URI uri, FileResult r) {
    List<Waiter> done = new ArrayList<>();
    synchronized (waiters) {
      List<Waiter> ws = waiters.get(uri);
      if (ws == null) return;
      for (Waiter w : ws) if (r == null || r.version() >= w.version()) done.add(w);
      ws.removeAll(done);
      if (ws.isEmpty()) waiters.remove(uri);
    }
    for (Waiter w : done) w.future().complete(r != null && r.version() == w.version() ? r : null);
  }

  // ---- analysis ----

  private void schedule(URI uri, long delayMillis) {
    if (closed) return;
    ScheduledFuture<?> next = timer.schedule(() -> {
      queued.incrementAndGet();
      worker.execute(() -> {
        try {
          analyze(uri);
        } finally {
          queued.decrementAndGet();
        }
      });
    }, delayMillis, TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(uri, next);
    if (previous != null) previous.cancel(false);
  }

  /** On the analysis thread: the latest version of the document, unless it is already analyzed with these settings. */
  private void analyze(URI uri) {
    Document doc = documents.get(uri);
    if (doc == null || closed) return;
    long gen = generation.get();
    FileResult last = results.get(uri);
    if (last != null && last.version() == doc.version() && resultGeneration.getOrDefault(uri, -1L) == gen) return;
    Settings s = settings;
    ProjectModel project = projects.modelFor(uri);
    Cancellation stale = () -> closed || generation.get() != gen || current(doc) != doc.version();
    FileResult r;
    try {
      r = analyzer.analyze(new Request(uri, doc.version(), doc.text(), project, s.levels(project.config()),
          project.config().options(), otherOpen(uri, project)), stale);
    } catch (CancellationException e) {
      return; // a newer version or setting is queued
    } catch (Throwable t) {
      // The analyzer contains everything but fatal errors; even those must not take the server down.
      analyzer.close();
      log(MessageType.Error, "noescape: analysis of " + uri + " failed: " + t);
      r = FileResult.empty(uri, doc.version(), doc.text(), List.of());
    }
    lastAnalysis = System.nanoTime();
    trimmed = false;
    timer.schedule(this::trimWhenIdle, IDLE_MILLIS, TimeUnit.MILLISECONDS);
    synchronized (publication) {
      // Checked under the lock a close takes: a document closed after the check would otherwise get
      // this result published after the empty list its close sent, and kept.
      if (stale.isCancelled()) return;
      results.put(uri, r);
      resultGeneration.put(uri, gen);
      completeWaiters(uri, r);
      // Problems are told when they change, not again on every keystroke; before the diagnostics, so
      // that a client holding a version's diagnostics has been told that analysis's problems.
      if (last == null || !last.problems().equals(r.problems())) {
        for (String p : r.problems()) log(MessageType.Warning, "noescape: " + shortName(uri) + ": " + p);
      }
      LanguageClient c = client;
      if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri.toString(), Diagnostics.of(r, s.docsBaseUrl()), r.version()));
    }
    HeapBudget.afterAnalysis();
  }

  /** Once typing has stopped, the heap is given back ({@link HeapBudget}): once per burst of analyses, never while one is due. */
  private void trimWhenIdle() {
    if (trimmed || closed || queued.get() > 0 || !pending.values().stream().allMatch(f -> f.isDone())) return;
    if (System.nanoTime() - lastAnalysis < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) return;
    trimmed = true;
    HeapBudget.whenIdle();
  }

  private int current(Document doc) {
    Document now = documents.get(doc.uri());
    return now == null ? -1 : now.version();
  }

  /**
   * The other open documents compiled with this one: those of the same build whose text differs from
   * their file (the rest javac reads from the source roots), or, outside any build, all of them.
   */
  private Map<URI, String> otherOpen(URI uri, ProjectModel project) {
    Map<URI, String> out = new HashMap<>();
    for (Document d : documents.all()) {
      if (d.uri().equals(uri) || !Objects.equals(pomOf(d.uri()), project.pom())) continue;
      if (project.pom() == null || !sameAsFile(d)) out.put(d.uri(), d.text());
    }
    return out;
  }

  private static boolean sameAsFile(Document d) {
    if (!"file".equals(d.uri().getScheme())) return false;
    try {
      return Files.readString(Path.of(d.uri())).equals(d.text());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Path pomOf(URI uri) {
    return "file".equals(uri.getScheme()) ? Projects.pomAbove(Path.of(uri)) : null;
  }

  private static String shortName(URI uri) {
    String s = uri.getPath() == null ? uri.toString() : uri.getPath();
    return s.substring(s.lastIndexOf('/') + 1);
  }

  void log(MessageType type, String message) {
    LanguageClient c = client;
    if (c != null) {
      c.logMessage(new MessageParams(type, message));
    } else {
      System.err.println(message);
    }
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    // Not interrupted: an analysis in flight stops at javac's next phase (it is stale once closed), and a
    // thread interrupted while it writes to the client could break the connection.
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    analyzer.close();
    projects.close();
    synchronized (waiters) {
      for (List<Waiter> ws : waiters.values()) for (Waiter w : ws) w.future().complete(null);
      waiters.clear();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs {@code action} for the projects of the open documents (the reload command). */
  void forEachPom(Consumer<Path> action) {
    List<Path> poms = new ArrayList<>(projects.poms());
    for (Path p : poms) action.accept(p);
  }
}
