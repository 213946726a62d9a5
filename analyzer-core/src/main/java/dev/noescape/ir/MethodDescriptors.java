package dev.noescape.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM method descriptors ({@code (Ljava/lang/String;[I)V}) read into the IR's spelling of types:
 * one reader for what class files (the C2 model's callee facts) and JFR stack frames (the profile
 * join) both name methods by.
 */
public final class MethodDescriptors {
  private MethodDescriptors() {}

  /**
   * The parameter types of {@code descriptor} as {@link MethodRef} writes them: fully qualified,
   * {@code []} for arrays, keywords for primitives; empty for a string that is not a method descriptor.
   */
  public static List<String> parameterTypes(String descriptor) {
    List<String> out = new ArrayList<>();
    int end = descriptor.indexOf(')');
    int i = descriptor.indexOf('(') + 1;
    if (i <= 0 || end < 0) return out;
    while (i < end) {
      int dims = 0;
      while (descriptor.charAt(i) == '[') {
        dims++;
        i++;
      }
      String t;
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int semi = descriptor.indexOf(';', i);
        t = descriptor.substring(i + 1, semi).replace('/', '.');
        i = semi + 1;
      } else {
        t = switch (c) {
          case 'Z' -> "boolean";
          case 'B' -> "byte";
          case 'C' -> "char";
          case 'S' -> "short";
          case 'I' -> "int";
          case 'J' -> "long";
          case 'F' -> "float";
          case 'D' -> "double";
          default -> "void";
        };
        i++;
      }
      out.add(t + "[]".repeat(dims));
    }
    return out;
  }
}
