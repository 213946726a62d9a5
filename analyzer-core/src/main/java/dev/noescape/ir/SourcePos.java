package dev.noescape.ir;

/**
 * A source position: 1-based line and column, and the column just past the expression's end on
 * the same line when known. {@code column == 0} means unknown (bytecode without source mapping).
 *
 * <p>{@code bci}: the bytecode offset of the instruction within its method when the front end read
 * it from a class file ({@link #NO_BCI} otherwise, and always from javac trees). It names the place
 * the way the JVM does (stack traces of JFR recordings, compilation logs), where a line may hold
 * several allocations of one kind.
 */
public record SourcePos(int line, int column, int endColumn, int bci) implements Comparable<SourcePos> {
  /** The {@link #bci()} of a position that has none. */
  public static final int NO_BCI = -1;

  public static final SourcePos UNKNOWN = new SourcePos(0, 0, 0);

  /** A position without a bytecode offset. */
  public SourcePos(int line, int column, int endColumn) {
    this(line, column, endColumn, NO_BCI);
  }

  public static SourcePos line(int line) {
    return new SourcePos(line, 0, 0);
  }

  public static SourcePos of(int line, int column) {
    return new SourcePos(line, column, 0);
  }

  /** This position with the bytecode offset {@code bci} ({@link #NO_BCI}: none). */
  public SourcePos withBci(int bci) {
    return bci == this.bci ? this : new SourcePos(line, column, endColumn, bci < 0 ? NO_BCI : bci);
  }

  public boolean hasBci() {
    return bci >= 0;
  }

  @Override
  public int compareTo(SourcePos o) {
    int c = Integer.compare(line, o.line);
    if (c != 0) return c;
    c = Integer.compare(column, o.column);
    return c != 0 ? c : Integer.compare(bci, o.bci);
  }

  @Override
  public String toString() {
    return column > 0 ? line + ":" + column : Integer.toString(line);
  }
}
