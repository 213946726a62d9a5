package dev.noescape.report;

import java.util.List;

/** The text of the files findings name, for snippets; writers print none where it is unknown. */
@FunctionalInterface
public interface SourceText {
  /** Nothing is known: reports without snippets. */
  SourceText NONE = file -> List.of();

  /** The lines of {@code file} (as {@link dev.noescape.finding.Finding#file()} names it), or an empty list. */
  List<String> lines(String file);
}
