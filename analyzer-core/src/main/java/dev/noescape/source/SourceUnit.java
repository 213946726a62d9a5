package dev.noescape.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One source file as the mapper keeps it: its text, line starts, the parsed unit (null when it did
 * not parse) and an index of the AST nodes by the line they start on (built once, on first use).
 */
final class SourceUnit {
  final String path;
  final String text;
  final CompilationUnit unit;
  /** Offset of the first char of each line (index 0 = line 1). */
  private final int[] lineStarts;
  /** The nodes by the line they start on (guarded by this). */
  private Map<Integer, List<Node>> byLine;

  SourceUnit(String path, String text, CompilationUnit unit) {
    this.path = path;
    this.text = text;
    this.unit = unit;
    this.lineStarts = lineStarts(text);
  }

  static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') starts.add(i + 1);
      else if (c == '\r') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        starts.add(i + 1);
      }
    }
    int[] a = new int[starts.size()];
    for (int i = 0; i < a.length; i++) a[i] = starts.get(i);
    return a;
  }

  /** The lines of the file, without line terminators. */
  List<String> lines() {
    List<String> out = new ArrayList<>(lineStarts.length);
    int n = lineStarts.length;
    // a final line terminator ends the last line; it does not start an empty one
    if (n > 1 && lineStarts[n - 1] == text.length()) n--;
    for (int l = 1; l <= n; l++) out.add(line(l));
    return out;
  }

  String line(int line) {
    if (line < 1 || line > lineStarts.length) return "";
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return text.substring(start, end);
  }

  /** The offset of a 1-based (line, column), or -1. */
  int offset(int line, int column) {
    if (line < 1 || line > lineStarts.length || column < 1) return -1;
    int o = lineStarts[line - 1] + column - 1;
    return o <= text.length() ? o : -1;
  }

  int offset(Position p) {
    return offset(p.line, p.column);
  }

  /** 1-based line of an offset. */
  int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset (UTF-16 chars from the line start). */
  int columnOf(int offset) {
    return offset - lineStarts[lineOf(offset) - 1] + 1;
  }

  /** Start offset (inclusive) of a node, or -1. */
  int start(Node n) {
    return n.getBegin().map(this::offset).orElse(-1);
  }

  /** End offset (exclusive) of a node, or -1. */
  int end(Node n) {
    return n.getEnd().map(p -> {
      int o = offset(p);
      return o < 0 ? -1 : o + 1;
    }).orElse(-1);
  }

  /** The source text of a node, or null. */
  String source(Node n) {
    int s = start(n);
    int e = end(n);
    return s >= 0 && e >= s && e <= text.length() ? text.substring(s, e) : null;
  }

  /** The nodes that start on {@code line}, in source order (outer before inner at the same start); indexed on first use. */
  synchronized List<Node> nodesStartingOn(int line) {
    if (unit == null) return List.of();
    if (byLine == null) {
      byLine = new HashMap<>();
      unit.walk(Node.TreeTraversal.PREORDER, n -> n.getBegin().ifPresent(p -> byLine.computeIfAbsent(p.line, k -> new ArrayList<>()).add(n)));
      for (List<Node> l : byLine.values()) l.sort(Comparator.comparingInt(n -> n.getBegin().get().column));
    }
    return byLine.getOrDefault(line, List.of());
  }
}
