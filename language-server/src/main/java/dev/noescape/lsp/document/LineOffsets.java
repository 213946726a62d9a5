package dev.noescape.lsp.document;

import java.util.Arrays;

/**
 * Offsets of a text's line starts, to move between character offsets (javac's positions) and
 * (line, character) positions as LSP counts them: 0-based, in UTF-16 code units, which are Java's
 * {@code char}s. Lines end at {@code \n}, {@code \r\n} or {@code \r}, as javac counts them.
 */
public final class LineOffsets {
  private final CharSequence text;
  private final int[] starts;
  private final int length;

  private LineOffsets(CharSequence text, int[] starts) {
    this.text = text;
    this.starts = starts;
    this.length = text.length();
  }

  public static LineOffsets of(CharSequence text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    return new LineOffsets(text, Arrays.copyOf(starts, n));
  }

  /** The 0-based line of an offset (clamped to the text). */
  public int line(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int i = Arrays.binarySearch(starts, o);
    return i >= 0 ? i : -i - 2;
  }

  /** The 0-based character of an offset within its line. */
  public int character(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    return o - starts[line(o)];
  }

  /**
   * The offset of a (line, character) position, clamped to the text; a character past the end of
   * its line is the line's end, before the line break (as LSP says).
   */
  public int offset(int line, int character) {
    if (line < 0) return 0;
    if (line >= starts.length) return length;
    int lineEnd = line + 1 < starts.length ? starts[line + 1] : length;
    while (lineEnd > starts[line] && (text.charAt(lineEnd - 1) == '\n' || text.charAt(lineEnd - 1) == '\r')) lineEnd--;
    return Math.min(starts[line] + Math.max(0, character), lineEnd);
  }

  public int lineCount() {
    return starts.length;
  }
}
