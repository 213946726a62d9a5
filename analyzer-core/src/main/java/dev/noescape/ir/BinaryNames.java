package dev.noescape.ir;

/** How messages show the binary class names the IR carries. */
public final class BinaryNames {
  private BinaryNames() {}

  /** {@code java.util.Map$Entry} → {@code Map.Entry}: the simple name, nested classes dotted. */
  public static String simple(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }
}
