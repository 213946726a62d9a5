package dev.noescape.lsp.protocol;

import dev.noescape.lsp.analysis.FileResult;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;

/**
 * The engine's verdict on the allocating expression under the cursor (a {@code new}, a boxing, a
 * lambda...): its state and the first reason, like gopls' escape details.
 */
public final class Hovers {
  private Hovers() {}

  /** The hover at {@code position}: the innermost allocating expression around it, or null. */
  public static Hover at(FileResult result, Position position) {
    Ranges ranges = new Ranges(result.text());
    int offset = ranges.offset(position);
    FileResult.Verdict best = null;
    for (FileResult.Verdict v : result.verdicts()) {
      if (offset < v.start() || offset > v.end()) continue;
      if (best == null || v.end() - v.start() < best.end() - best.start()) best = v;
    }
    if (best == null) return null;
    return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text(best)), ranges.range(best.start(), best.end()));
  }

  /** {@code `new StringBuilder()` escapes to heap (GlobalEscape): returned (line 20)}. */
  static String text(FileResult.Verdict v) {
    StringBuilder md = new StringBuilder("noescape: `").append(v.description().replace("`", "'")).append("` ");
    if (!v.allocates()) return md.append("does not allocate: the value comes from the `valueOf` cache").toString();
    md.append(switch (v.state()) {
      case NO_ESCAPE -> "does not escape (NoEscape)";
      case ARG_ESCAPE -> "does not escape, but is passed to a call (ArgEscape)";
      case GLOBAL_ESCAPE -> "escapes to heap (GlobalEscape)";
    });
    if (v.first() != null) {
      md.append(": ").append(v.first().text());
      if (v.first().line() > 0) md.append(" (line ").append(v.first().line()).append(')');
    }
    return md.toString();
  }
}
