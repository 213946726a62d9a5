package dev.noescape.lsp.protocol;

import dev.noescape.lsp.analysis.FileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** The fixes of the findings a range touches, as quick-fix code actions with their diagnostics. */
public final class QuickFixes {
  private QuickFixes() {}

  public static List<CodeAction> in(FileResult result, Range range, String docsBaseUrl) {
    Ranges ranges = new Ranges(result.text());
    int start = ranges.offset(range.getStart());
    int end = ranges.offset(range.getEnd());
    List<CodeAction> out = new ArrayList<>();
    for (FileResult.Item item : result.items()) {
      if (item.fix() == null || item.end() < start || item.start() > end) continue;
      List<TextEdit> edits = new ArrayList<>();
      for (FileResult.Edit e : item.fix().edits()) edits.add(new TextEdit(ranges.range(e.start(), e.end()), e.text()));
      CodeAction a = new CodeAction(item.fix().description());
      a.setKind(CodeActionKind.QuickFix);
      a.setDiagnostics(List.of(Diagnostics.of(item, result, ranges, docsBaseUrl)));
      a.setIsPreferred(true);
      a.setEdit(new WorkspaceEdit(Map.of(result.uri().toString(), edits)));
      out.add(a);
    }
    return out;
  }
}
