package dev.noescape.lsp.document;

import java.net.URI;

/** One version of an open document. */
public record Document(URI uri, int version, String text) {

  /**
   * This document with the text between two (line, character) positions replaced: an incremental
   * change. A null start means the whole text.
   */
  public Document edit(int version, int startLine, int startChar, int endLine, int endChar, String replacement) {
    LineOffsets lines = LineOffsets.of(text);
    int start = lines.offset(startLine, startChar);
    int end = Math.max(start, lines.offset(endLine, endChar));
    return new Document(uri, version, text.substring(0, start) + replacement + text.substring(end));
  }
}
