package dev.noescape.lsp.protocol;

import dev.noescape.lsp.document.LineOffsets;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Offsets into one text as LSP ranges, and back. */
final class Ranges {
  private final LineOffsets lines;

  Ranges(String text) {
    this.lines = LineOffsets.of(text);
  }

  Range range(int start, int end) {
    return new Range(position(start), position(end));
  }

  Position position(int offset) {
    return new Position(lines.line(offset), lines.character(offset));
  }

  int offset(Position p) {
    return lines.offset(p.getLine(), p.getCharacter());
  }

  /**
   * A 1-based line and column of the engine's (column 0: unknown, the line's start) with the column
   * just past the end (0: unknown, an empty range).
   */
  Range lineColumn(int line, int column, int endColumn) {
    int l = Math.max(0, line - 1);
    int c = Math.max(0, column - 1);
    int e = endColumn > column ? endColumn - 1 : c;
    return new Range(new Position(l, c), new Position(l, e));
  }
}
