package dev.noescape.lsp.analysis;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.engine.EscapeState;
import java.net.URI;
import java.util.List;

/**
 * What the analysis of one version of a document found, as plain data: positions are character
 * offsets into {@code text} (the text javac compiled), and nothing refers to javac's trees, so the
 * compilation it came from can be dropped at once.
 *
 * @param uri the document
 * @param version the document version analyzed
 * @param text the text analyzed
 * @param items the findings to show, in report order
 * @param verdicts the engine's verdict on each allocating expression, for hovers
 * @param problems what the analysis went on without, one line each, for the client's log
 */
public record FileResult(URI uri, int version, String text, List<Item> items, List<Verdict> verdicts,
    List<String> problems) {
  public FileResult {
    items = List.copyOf(items);
    verdicts = List.copyOf(verdicts);
    problems = List.copyOf(problems);
  }

  /** Nothing found (a document analyzed with no result, e.g. after a failure). */
  public static FileResult empty(URI uri, int version, String text, List<String> problems) {
    return new FileResult(uri, version, text, List.of(), List.of(), problems);
  }

  /**
   * One finding.
   *
   * @param start offset of the reported expression's start
   * @param end offset just past its end (at least {@code start})
   * @param message the finding's message, as the plugin prints it
   * @param reasons the reason chain, innermost step first
   * @param fix the suggested fix, or null
   */
  public record Item(RuleId rule, Severity severity, int start, int end, String message, List<Step> reasons, Fix fix) {
    public Item {
      reasons = List.copyOf(reasons);
    }
  }

  /** One step of a reason chain: {@code returned}, at a 1-based line and column (0: unknown). */
  public record Step(String text, int line, int column, int endColumn) {}

  /** A suggested fix: the edits {@code -XepPatchChecks} would make, in no particular order, none overlapping. */
  public record Fix(String description, List<Edit> edits) {
    public Fix {
      edits = List.copyOf(edits);
    }
  }

  /** Replace {@code [start, end)} by {@code text}. */
  public record Edit(int start, int end, String text) {}

  /**
   * The engine's verdict on an allocating expression.
   *
   * @param first the first step of the reason chain, or null ({@code NO_ESCAPE})
   */
  public record Verdict(int start, int end, String description, boolean allocates, EscapeState state, Step first) {}
}
