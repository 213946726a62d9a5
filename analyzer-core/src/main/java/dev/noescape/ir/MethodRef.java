package dev.noescape.ir;

import java.util.List;
import java.util.Objects;

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
public final class MethodRef {
  public static final String CONSTRUCTOR = "<init>";
  /** The static initializer: static field initializers, {@code static {}} blocks, an enum's constants. */
  public static final String STATIC_INITIALIZER = "<clinit>";

  // A class rather than a record only to keep the key and hash code: both are asked for at every
  // call site, by every map keyed on methods and every summary lookup, and building the key anew
  // each time was the largest single allocation of the javac plugin. Equality, the hash code (the
  // record's formula, so hash-ordered collections iterate as before) and the accessors are those
  // of the record it was: MethodRef(owner, name, paramTypes, returnType, isStatic).
  private final String owner;
  private final String name;
  private final List<String> paramTypes;
  private final String returnType;
  private final boolean isStatic;
  private String key;
  /** 0 until computed (as {@link String#hashCode}: a racy recomputation gives the same value). */
  private int hash;

  public MethodRef(String owner, String name, List<String> paramTypes, String returnType, boolean isStatic) {
    this.owner = owner;
    this.name = name;
    this.paramTypes = List.copyOf(paramTypes);
    this.returnType = returnType;
    this.isStatic = isStatic;
  }

  // The record's accessors.
  public String owner() { return owner; }
  public String name() { return name; }
  public List<String> paramTypes() { return paramTypes; }
  public String returnType() { return returnType; }
  public boolean isStatic() { return isStatic; }

  /** The lookup key used by summaries and models: {@code owner#name(p1,p2)}. */
  public String key() {
    String k = key;
    if (k == null) key = k = owner + "#" + name + "(" + String.join(",", paramTypes) + ")";
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof MethodRef m && isStatic == m.isStatic && Objects.equals(owner, m.owner)
        && Objects.equals(name, m.name) && paramTypes.equals(m.paramTypes) && Objects.equals(returnType, m.returnType);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Objects.hashCode(owner);
      h = 31 * h + Objects.hashCode(name);
      h = 31 * h + paramTypes.hashCode();
      h = 31 * h + Objects.hashCode(returnType);
      hash = h = 31 * h + Boolean.hashCode(isStatic);
    }
    return h;
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
