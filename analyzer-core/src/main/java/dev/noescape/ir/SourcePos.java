package dev.noescape.ir;

/**
 * A source position: 1-based line and column, and the column just past the expression's end on
 * the same line when known. {@code column == 0} means unknown (bytecode without source mapping).
 */
public record SourcePos(int line, int column, int endColumn) implements Comparable<SourcePos> {
  public static final SourcePos UNKNOWN = new SourcePos(0, 0, 0);

  public static SourcePos line(int line) {
    return new SourcePos(line, 0, 0);
  }

  public static SourcePos of(int line, int column) {
    return new SourcePos(line, column, 0);
  }

  @Override
  public int compareTo(SourcePos o) {
    int c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return column > 0 ? line + ":" + column : Integer.toString(line);
  }
}
