package dev.noescape.profile;

import dev.noescape.ir.MethodDescriptors;

import java.util.ArrayList;
import java.util.List;

/**
 * One frame of a recorded stack: the method as the JVM names it and where in it.
 *
 * @param type binary class name with dots, nested classes with {@code $} ({@code java.util.ArrayList},
 *     {@code com.acme.Book$Level})
 * @param method method name ({@code <init>} for constructors)
 * @param descriptor JVM method descriptor ({@code (Ljava/lang/Object;)Z})
 * @param line source line, or 0 when the class has no line table
 * @param bci bytecode offset, or -1 when the recording does not give one
 */
public record Frame(String type, String method, String descriptor, int line, int bci) {

  /** {@code ArrayList.grow}, {@code new ArrayList} for a constructor. */
  public String displayName() {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    return method.equals("<init>") ? "new " + simple : simple + "." + method;
  }

  /** Whether the frame's class is part of the JDK (by package). */
  public boolean isJdk() {
    return isJdkClass(type);
  }

  /** The JDK's packages: {@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}. */
  public static boolean isJdkClass(String type) {
    return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")
        || type.startsWith("com.sun.");
  }

  /**
   * The parameter types of {@link #descriptor()} as {@link dev.noescape.ir.MethodRef} writes them:
   * fully qualified, {@code []} for arrays, keywords for primitives.
   */
  public List<String> parameterTypes() {
    return MethodDescriptors.parameterTypes(descriptor);
  }

  /** {@code type#method(params)}: the key {@link dev.noescape.ir.MethodRef#key()} gives the same method. */
  public String methodKey() {
    return type + "#" + method + "(" + String.join(",", parameterTypes()) + ")";
  }

  @Override
  public String toString() {
    return type + "." + method + (line > 0 ? ":" + line : "") + (bci >= 0 ? "@" + bci : "");
  }
}
