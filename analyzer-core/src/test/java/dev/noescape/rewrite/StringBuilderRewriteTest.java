package dev.noescape.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.noescape.rewrite.StringBuilderRewrite.Accumulation;
import dev.noescape.rewrite.StringBuilderRewrite.Edit;
import dev.noescape.rewrite.StringBuilderRewrite.Part;
import dev.noescape.rewrite.StringBuilderRewrite.Shape;
import dev.noescape.rewrite.StringBuilderRewrite.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rewrite on a shape written by hand, as an applier would read it off its tree. */
class StringBuilderRewriteTest {
  private static final String SRC = String.join("\n",
      "    String s = \"\";",
      "    for (String w : words) {",
      "      s += w + \",\";",
      "    }",
      "    return s;");

  private static Span span(String text) {
    int i = SRC.indexOf(text);
    return new Span(i, i + text.length());
  }

  private static Shape shape(UnaryOperator<Shape> change) {
    Span holder = new Span(SRC.indexOf("for"), SRC.indexOf("    return") - 1);
    Accumulation acc = new Accumulation(span("s += w + \",\""),
        List.of(new Part(span("w"), true, false), new Part(span("\",\""), true, false)));
    Shape s = new Shape("s", span("String s = \"\";"), false, span("\"\""), false, true, false, holder, List.of(acc), false,
        Set.of("s", "w", "words", "sBuilder"), "StringBuilder", "String");
    return change.apply(s);
  }

  private static String applied(List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder sb = new StringBuilder(SRC);
    for (Edit e : sorted) sb.replace(e.start(), e.end(), e.replacement());
    return sb.toString();
  }

  @Test
  void rewritesDeclarationAccumulationsAndReadsBackAfterTheHolder() {
    assertEquals(String.join("\n",
        "    StringBuilder sBuilder2 = new StringBuilder();",
        "    for (String w : words) {",
        "      sBuilder2.append(w).append(\",\");",
        "    }",
        "    String s = sBuilder2.toString();",
        "    return s;"), applied(StringBuilderRewrite.edits(shape(s -> s), SRC).orElseThrow()));
  }

  @Test
  void refusesWhatItCannotRewriteFaithfully() {
    List<UnaryOperator<Shape>> refused = List.of(
        s -> new Shape(s.variable(), s.declaration(), s.declaresOthers(), null, false, false, s.usedBeforeHolder(),
            s.holder(), s.accumulations(), s.otherUses(), s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), s.declaresOthers(), s.initializer(), true, false,
            s.usedBeforeHolder(), s.holder(), s.accumulations(), s.otherUses(), s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), true, s.initializer(), false, true, s.usedBeforeHolder(),
            s.holder(), s.accumulations(), s.otherUses(), s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), false, s.initializer(), false, true, true, s.holder(),
            s.accumulations(), s.otherUses(), s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), false, s.initializer(), false, true, false, s.holder(),
            s.accumulations(), true, s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), false, s.initializer(), false, true, false, s.holder(),
            List.of(new Accumulation(s.accumulations().get(0).expression(), List.of(new Part(span("w"), false, false)))),
            false, s.takenNames(), "StringBuilder", "String"),
        s -> new Shape(s.variable(), s.declaration(), false, s.initializer(), false, true, false, s.holder(),
            List.of(new Accumulation(s.accumulations().get(0).expression(), List.of(new Part(span("w"), true, true)))),
            false, s.takenNames(), "StringBuilder", "String"));
    for (UnaryOperator<Shape> change : refused) {
      assertTrue(StringBuilderRewrite.edits(shape(change), SRC).isEmpty(), shape(change).toString());
    }
  }

  @Test
  void indentationOnlyWhenNothingPrecedesOnTheLine() {
    assertEquals("    ", StringBuilderRewrite.indentation("x\n    for", 6));
    assertEquals("", StringBuilderRewrite.indentation("x\n  a; for", 7));
  }
}
