package dev.noescape.jit;

import java.util.List;

/**
 * What the model of C2 needs to know about code beyond the IR: how large a callee's bytecode is
 * (C2's inlining limits are in bytecode bytes), whether it is native, and a class's shape (its
 * superclasses, instance field count, finalizer). A front end supplies what it can read
 * ({@link ClassFileFacts}: class files of the program, its class path and the running JDK); an
 * answer of null means unknown, and the model then assumes nothing fails for that reason.
 */
public interface CodeFacts {
  /** Knows nothing. */
  CodeFacts NONE = new CodeFacts() {
    @Override
    public MethodCode method(String owner, String name, List<String> paramTypes) {
      return null;
    }

    @Override
    public ClassShape shape(String type) {
      return null;
    }
  };

  /**
   * A method's code.
   *
   * @param size bytecode length in bytes (0 for abstract and native methods)
   * @param isNative declared {@code native}
   * @param isAbstract abstract or an interface method without a body
   */
  record MethodCode(int size, boolean isNative, boolean isAbstract) {}

  /**
   * A class's shape.
   *
   * @param superclasses binary names from the direct superclass up to {@code java.lang.Object};
   *     ends early at a class that could not be read
   * @param instanceFields instance fields, inherited ones included (as far as known)
   * @param finalizer declares or inherits a {@code finalize()} that does more than return (an
   *     empty one does not register the object for finalization)
   */
  record ClassShape(List<String> superclasses, int instanceFields, boolean finalizer) {
    public ClassShape {
      superclasses = List.copyOf(superclasses);
    }

    /** Whether {@code binaryName} is among the superclasses. */
    public boolean extendsClass(String binaryName) {
      return superclasses.contains(binaryName);
    }
  }

  /** The method declared in {@code owner} (binary name) with that name and erased parameter types, or null. */
  MethodCode method(String owner, String name, List<String> paramTypes);

  /** The shape of class {@code type} (binary name), or null. */
  ClassShape shape(String type);
}
