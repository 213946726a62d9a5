package dev.noescape.ir;

import java.util.List;

/**
 * A method by declaring class and erased signature: {@code java.util.ArrayList#add(java.lang.Object)}.
 *
 * <p>Types are fully qualified, erased, with {@code []} for arrays and keywords for primitives;
 * nested classes use {@code $} ({@code java.util.Map$Entry}) so both front ends agree. The
 * return type is kept for display and for deciding whether a result is a reference, but is not
 * part of {@link #key()}: bridges aside, Java does not overload on it.
 *
 * <p>Constructors are named {@code <init>} and take the new object as receiver (parameter 0).
 */
public record MethodRef(String owner, String name, List<String> paramTypes, String returnType, boolean isStatic) {
  public static final String CONSTRUCTOR = "<init>";
  /** The static initializer: static field initializers, {@code static {}} blocks, an enum's constants. */
  public static final String STATIC_INITIALIZER = "<clinit>";

  public MethodRef {
    paramTypes = List.copyOf(paramTypes);
  }

  /** The lookup key used by summaries and models: {@code owner#name(p1,p2)}. */
  public String key() {
    return owner + "#" + name + "(" + String.join(",", paramTypes) + ")";
  }

  public boolean isConstructor() {
    return CONSTRUCTOR.equals(name);
  }

  public boolean isStaticInitializer() {
    return STATIC_INITIALIZER.equals(name);
  }

  /**
   * Number of summary slots: parameter 0 is the receiver ({@code this}, or the new object of a
   * constructor) for instance methods, then the declared parameters.
   */
  public int slotCount() {
    return paramTypes.size() + (isStatic ? 0 : 1);
  }

  /** {@code ArrayList.add} — the simple class name and method name, for messages. */
  public String displayName() {
    String simple = BinaryNames.simple(owner);
    return isConstructor() ? "new " + simple : simple + "." + name;
  }

  @Override
  public String toString() {
    return key();
  }
}
