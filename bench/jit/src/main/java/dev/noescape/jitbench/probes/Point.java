package dev.noescape.jitbench.probes;

/** The plain two-field object most probes allocate (12-byte header + 2 ints: 24 bytes). */
public final class Point {
  public int x;
  public int y;

  public Point(int x, int y) {
    this.x = x;
    this.y = y;
  }
}
