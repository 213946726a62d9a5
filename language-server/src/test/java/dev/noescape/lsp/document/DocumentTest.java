package dev.noescape.lsp.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Offsets and LSP positions (UTF-16 units, every line ending javac knows) and incremental edits. */
class DocumentTest {
  @Test
  void positionsCountUtf16UnitsOnLinesEndedAnyWay() {
    String text = "a\r\nb\u00e9\uD83D\uDE00c\rd\ne";
    LineOffsets lines = LineOffsets.of(text);
    assertEquals(4, lines.lineCount());
    int c = text.indexOf('c');
    assertEquals(1, lines.line(c));
    assertEquals(4, lines.character(c), "b, \u00e9 and the two halves of the emoji come before c");
    assertEquals(c, lines.offset(1, 4));
    assertEquals(text.indexOf('d'), lines.offset(2, 0));
    assertEquals(text.indexOf('e'), lines.offset(3, 0));
    assertEquals(text.length(), lines.offset(3, 99), "a character past the end of the last line is its end");
    assertEquals(3, lines.line(text.indexOf('e')));
    assertEquals(text.indexOf('\r'), lines.offset(0, 99), "past the end of a line: its end, before the line break");
  }

  @Test
  void incrementalEditsReplaceTheirRange() {
    Document d = new Document(URI.create("file:///A.java"), 1, "class A {\n  int x;\n}\n");
    Document e = d.edit(2, 1, 6, 1, 7, "yz").edit(3, 2, 1, 2, 1, " // end");
    assertEquals("class A {\n  int yz;\n} // end\n", e.text());
    assertEquals(3, e.version());
  }
}
