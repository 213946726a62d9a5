package dev.noescape.ir;

/** How messages show the binary class names the IR carries. */
public final class BinaryNames {
  private BinaryNames() {}

  /** {@code java.util.Map$Entry} → {@code Map.Entry}: the simple name, nested classes dotted. */
  public static String simple(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** {@code java.util.Map$Entry} → {@code Entry}: the innermost class's own simple name. */
  public static String innermost(String binaryName) {
    return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
  }

  /**
   * Whether {@code binaryName} is a class the library-knowledge tables name by {@code pattern}: the
   * binary name itself, or {@code *Suffix} for any class whose {@link #innermost} name ends with
   * {@code Suffix} ({@code *Logger}).
   */
  public static boolean matches(String pattern, String binaryName) {
    return pattern.startsWith("*") ? innermost(binaryName).endsWith(pattern.substring(1)) : pattern.equals(binaryName);
  }
}
