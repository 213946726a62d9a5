package dev.noescape.lsp.protocol;

import dev.noescape.catalog.Severity;
import dev.noescape.lsp.analysis.FileResult;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;

/**
 * Findings as LSP diagnostics: the rule ID is the {@code code}, with a link to the rule's page
 * ({@code <docsBaseUrl><RuleId>.md}, the pages {@code docs/rules/} holds); the message is the
 * plugin's; the reason chain is the related information, one location per step.
 */
public final class Diagnostics {
  /** The {@code source} of every diagnostic: clients show it next to the message. */
  public static final String SOURCE = "noescape";

  private Diagnostics() {}

  public static List<Diagnostic> of(FileResult result, String docsBaseUrl) {
    Ranges ranges = new Ranges(result.text());
    List<Diagnostic> out = new ArrayList<>();
    for (FileResult.Item item : result.items()) out.add(of(item, result, ranges, docsBaseUrl));
    return out;
  }

  static Diagnostic of(FileResult.Item item, FileResult result, Ranges ranges, String docsBaseUrl) {
    Diagnostic d = new Diagnostic(ranges.range(item.start(), item.end()), item.message(), severity(item.severity()), SOURCE,
        item.rule().id());
    d.setCodeDescription(new DiagnosticCodeDescription(docsBaseUrl + item.rule().id() + ".md"));
    if (!item.reasons().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (FileResult.Step s : item.reasons()) {
        if (s.line() <= 0) continue;
        related.add(new DiagnosticRelatedInformation(
            new Location(result.uri().toString(), ranges.lineColumn(s.line(), s.column(), s.endColumn())), s.text()));
      }
      if (!related.isEmpty()) d.setRelatedInformation(related);
    }
    return d;
  }

  /** Information (the escape verdicts) is what gopls shows its compiler details as. */
  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
