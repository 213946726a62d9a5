package dev.noescape.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.errorprone.FaultInjection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server through an LSP4J client over JSON-RPC, on a file outside any build (compiled alone with
 * the JDK): what the diagnostics carry, the verdicts command, hovers, suppression, files that do not
 * compile, a failing analysis, and an analysis superseded by a newer edit.
 */
class ServerBehaviourTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  static final String BOOK = """
      package p;
      import java.util.ArrayList;
      import java.util.HashMap;
      import java.util.List;
      import java.util.Map;
      class Book {
        @interface NoAllocation {}
        static Object kept;
        List<Integer> ids(int[] xs, int id) {
          List<Integer> out = new ArrayList<>();
          for (int x : xs) out.add(id);
          return out;
        }
        String join(List<String> parts) {
          String s = "";
          for (String p : parts) s += p;
          return s;
        }
        Map<String, String> index(List<String> keys) {
          Map<String, String> m = new HashMap<>(keys.size());
          for (String k : keys) m.put(k, k);
          return m;
        }
        @NoAllocation int total() {
          return new int[3].length;
        }
        int scratch() {
          int[] t = new int[2];
          return t.length;
        }
        void remember(String s) {
          kept = new StringBuilder(s);
        }
      }
      """;

  @TempDir Path dir;
  @TempDir Path cache;

  @AfterEach
  void noFaults() {
    FaultInjection.clear();
  }

  private InProcessClient client(boolean verdicts) throws Exception {
    return InProcessClient.start(dir, InProcessClient.settings(cache, verdicts));
  }

  private URI book() throws Exception {
    Path f = dir.resolve("p/Book.java");
    Files.createDirectories(f.getParent());
    Files.writeString(f, BOOK);
    return f.toUri();
  }

  /** Opens the book with {@code text} and waits for its diagnostics. */
  private List<Diagnostic> opened(InProcessClient c, String text) throws Exception {
    return c.diagnostics(c.open(book(), text), WAIT);
  }

  /** {@code line:char Rule} of each diagnostic (0-based, as sent). */
  static List<String> where(List<Diagnostic> ds) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : ds) {
      out.add(d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + " " + d.getCode().getLeft());
    }
    out.sort(null);
    return out;
  }

  @Test
  void diagnosticsCarryTheRuleItsPageItsLevelAndTheReasons() throws Exception {
    URI book = book();
    try (InProcessClient c = client(false)) {
      assertTrue(c.initializeResult.getCapabilities().getHoverProvider().getLeft());
      List<Diagnostic> ds = c.diagnostics(c.open(book, BOOK), WAIT);
      assertEquals(List.of("10:29 BoxingAllocation", "15:27 StringConcatInLoop", "19:28 HashMapCapacity",
          "24:11 AllocationContract", "9:24 UnpresizedCollection"), where(ds));
      Diagnostic unpresized = ds.stream().filter(d -> d.getCode().getLeft().equals("UnpresizedCollection")).findFirst().get();
      assertEquals(DiagnosticSeverity.Warning, unpresized.getSeverity());
      assertEquals("noescape", unpresized.getSource());
      assertEquals(Settings.DEFAULT_DOCS + "UnpresizedCollection.md", unpresized.getCodeDescription().getHref());
      assertEquals("new ArrayList<>()".length(), unpresized.getRange().getEnd().getCharacter() - unpresized.getRange().getStart().getCharacter());
      Diagnostic contract = ds.stream().filter(d -> d.getCode().getLeft().equals("AllocationContract")).findFirst().get();
      assertEquals(DiagnosticSeverity.Error, contract.getSeverity());
      assertTrue(c.log().stream().noneMatch(l -> l.startsWith("Warning") || l.startsWith("Error")), c.log().toString());
    }
  }

  @Test
  void theVerdictsCommandShowsAndHidesTheInformationRules() throws Exception {
    URI book = book();
    try (InProcessClient c = client(false)) {
      c.open(book, BOOK);
      assertTrue(c.diagnostics(book, WAIT).stream().noneMatch(d -> d.getCode().getLeft().equals("HeapEscape")));
      assertEquals(Boolean.TRUE, c.server().getWorkspaceService()
          .executeCommand(new ExecuteCommandParams(Workspace.TOGGLE_VERDICTS, List.of())).get(30, TimeUnit.SECONDS));
      List<Diagnostic> ds = c.await(book, p -> p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("HeapEscape")),
          WAIT).getDiagnostics();
      // The returned list of line 10 is an expected escape, left out by default (as on the command
      // line and in the javac plugin); the builder stored into a static is not.
      assertTrue(ds.stream().noneMatch(d -> d.getCode().getLeft().equals("HeapEscape") && d.getRange().getStart().getLine() == 9));
      Diagnostic escape = ds.stream().filter(d -> d.getCode().getLeft().equals("HeapEscape")
          && d.getRange().getStart().getLine() == 31).findFirst().orElseThrow();
      assertEquals(DiagnosticSeverity.Information, escape.getSeverity());
      assertEquals("new StringBuilder(s) escapes to heap: stored into static field Book.kept (line 32) — a static field keeps it alive",
          escape.getMessage().getLeft());
      // The reason chain, each step where it happened: the store on line 32 (31 for LSP).
      assertEquals(1, escape.getRelatedInformation().size());
      assertEquals("stored into static field Book.kept", escape.getRelatedInformation().get(0).getMessage());
      assertEquals(31, escape.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
      assertTrue(ds.stream().anyMatch(d -> d.getCode().getLeft().equals("LeakingParameter")));

      c.server().getWorkspaceService().executeCommand(new ExecuteCommandParams(Workspace.TOGGLE_VERDICTS, List.of()));
      c.await(book, p -> p.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("HeapEscape")), WAIT);
    }
  }

  @Test
  void hoverShowsTheEnginesVerdict() throws Exception {
    try (InProcessClient c = client(false)) {
      opened(c, BOOK);
      URI book = book();
      assertEquals("noescape: `new ArrayList<>()` escapes to heap (GlobalEscape): returned (line 12)", hover(c, book, 9, 30));
      assertEquals("noescape: `new int[2]` does not escape (NoEscape)", hover(c, book, 27, 19));
      assertEquals("noescape: `boxing int to Integer` escapes to heap (GlobalEscape): stored into new ArrayList<>() by List.add"
          + " (line 11)", hover(c, book, 10, 29));
      assertNull(hover(c, book, 5, 3), "no allocation under the cursor");
    }
  }

  private static String hover(InProcessClient c, URI uri, int line, int character) throws Exception {
    Hover h = c.server().getTextDocumentService()
        .hover(new HoverParams(new TextDocumentIdentifier(uri.toString()), new Position(line, character))).get(60, TimeUnit.SECONDS);
    return h == null ? null : h.getContents().getRight().getValue();
  }

  @Test
  void suppressionIsHonouredAsByTheChecker() throws Exception {
    String suppressed = BOOK.replace("  List<Integer> ids(", "  @SuppressWarnings(\"BoxingAllocation\") List<Integer> ids(");
    try (InProcessClient c = client(false)) {
      List<String> found = where(opened(c, suppressed));
      assertTrue(found.contains("9:24 UnpresizedCollection"), found.toString());
      assertTrue(found.stream().noneMatch(f -> f.endsWith("BoxingAllocation")), found.toString());
    }
  }

  /** A method javac cannot attribute loses its findings; the others keep theirs, and javac's errors are not published. */
  @Test
  void aFileThatDoesNotCompileKeepsTheFindingsOfItsCleanMethods() throws Exception {
    try (InProcessClient c = client(false)) {
      opened(c, BOOK);
      URI book = book();
      c.change(book, BOOK.replace("return s;", "return s + undefined();").replace("int scratch() {", "int scratch() { int"));
      assertEquals(List.of("10:29 BoxingAllocation", "19:28 HashMapCapacity", "24:11 AllocationContract",
          "9:24 UnpresizedCollection"), where(c.diagnostics(book, WAIT)));
    }
  }

  /** A failure the analysis does not contain (a fatal error, here injected) is logged; the server goes on. */
  @Test
  void aCrashIsLoggedAndTheServerGoesOn() throws Exception {
    URI book = book();
    try (InProcessClient c = client(false)) {
      FaultInjection.beforeFrontEnd(file -> {
        throw new OutOfMemoryError("injected");
      });
      c.open(book, BOOK);
      assertEquals(List.of(), c.diagnostics(book, WAIT));
      assertTrue(c.awaitLog("injected", WAIT).startsWith("Error: noescape: analysis of " + book + " failed"), c.log().toString());
      FaultInjection.beforeFrontEnd(file -> {
        throw new IllegalStateException("front end broke");
      });
      c.change(book, BOOK + "\n");
      assertEquals(List.of(), c.diagnostics(book, WAIT));
      assertTrue(c.awaitLog("front end broke", WAIT).contains("front end failed"), c.log().toString());
      FaultInjection.clear();
      c.change(book, BOOK);
      assertEquals(5, c.diagnostics(book, WAIT).size());
    }
  }

  /**
   * Opens the book with its first analysis held before the front end; returns once that analysis is
   * in flight, with the latch that lets it go on.
   */
  private static CountDownLatch openHeld(InProcessClient c, URI book) throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch held = new CountDownLatch(1);
    FaultInjection.beforeFrontEnd(file -> {
      if (inFlight.getCount() > 0) {
        inFlight.countDown();
        held.await(30, TimeUnit.SECONDS);
      }
    });
    c.open(book, BOOK);
    assertTrue(inFlight.await(60, TimeUnit.SECONDS));
    return held;
  }

  /** An analysis in flight when a newer edit arrives is cancelled: its diagnostics are never published. */
  @Test
  void aNewerEditSupersedesTheAnalysisInFlight() throws Exception {
    URI book = book();
    try (InProcessClient c = client(false)) {
      CountDownLatch held = openHeld(c, book);
      int v2 = c.change(book, BOOK.replace("int scratch() {", "int scratch2() {"));
      // The edit must have arrived while version 1 is in flight: change() only sends it.
      c.sync();
      held.countDown();
      c.diagnostics(book, WAIT);
      assertEquals(List.of(v2), c.publishedVersions(book), "version 1 was never published");
    }
  }

  /** A document closed while its analysis is in flight gets no diagnostics after the empty list its close sends. */
  @Test
  void aDocumentClosedDuringItsAnalysisGetsNothingAfterTheClose() throws Exception {
    URI book = book();
    try (InProcessClient c = client(false)) {
      CountDownLatch held = openHeld(c, book);
      c.close(book);
      c.sync();
      held.countDown();
      // One analysis at a time, on one thread, and one connection: the diagnostics of a document
      // opened now come after whatever the closed one's analysis published.
      Path other = dir.resolve("p/Other.java");
      Files.writeString(other, "package p; class Other {}");
      c.diagnostics(c.open(other), WAIT);
      assertEquals(Collections.singletonList(null), c.publishedVersions(book), "only the close's empty list, which has no version");
    }
  }
}
