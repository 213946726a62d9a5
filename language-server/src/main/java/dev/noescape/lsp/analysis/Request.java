package dev.noescape.lsp.analysis;

import dev.noescape.catalog.RuleId;
import dev.noescape.catalog.Severity;
import dev.noescape.errorprone.NoEscapeOptions;
import dev.noescape.lsp.project.ProjectModel;
import java.net.URI;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One version of a document to analyze, with what to compile it against.
 *
 * @param uri the document ({@code file:} for a file of a project)
 * @param version its version
 * @param text its text
 * @param project the project it belongs to (its source roots, class path, release)
 * @param levels the rules to report, each at its severity
 * @param options the noescape options of the project
 * @param otherOpen the other open documents of the project whose text differs from their file, by
 *     URI: compiled with it, so it sees unsaved edits there
 */
public record Request(URI uri, int version, String text, ProjectModel project, Map<RuleId, Severity> levels,
    NoEscapeOptions options, Map<URI, String> otherOpen) {
  public Request {
    levels = Collections.unmodifiableMap(levels.isEmpty() ? new EnumMap<>(RuleId.class) : new EnumMap<>(levels));
    otherOpen = Map.copyOf(otherOpen);
  }
}
