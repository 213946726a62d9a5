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

  /**
   * What the model reads of a method's instructions (only where it has them: class files).
   *
   * @param allocations its allocation instructions, in bytecode order
   * @param invokes its calls ({@code invokedynamic} left out), in bytecode order
   * @param constantReturn the {@code int} the method returns when its whole body pushes a constant
   *     and returns it ({@code return 8;}), else null
   * @param returnsFresh every {@code areturn} returns an object just created ({@code return new
   *     T(…);}) or what a call returns ({@code return f(…);}), and there is at least one: then the
   *     class of what it returns is the class of those objects (C2 sees it at the allocation)
   * @param indexed the parameter slots, a bit per slot, it may access as an array at an index that
   *     is not a constant ({@link #indexes})
   */
  record Body(List<Allocation> allocations, List<Invoke> invokes, Integer constantReturn, boolean returnsFresh,
      long indexed) {
    public Body {
      allocations = List.copyOf(allocations);
      invokes = List.copyOf(invokes);
    }

    /**
     * Whether the method may read or write parameter slot {@code slot} (the receiver 0 of an
     * instance method) as an array at an index that is not a constant ({@link ArgumentFlow.Flow#indexed}).
     */
    public boolean indexes(int slot) {
      return slot < 63 && (indexed & (1L << slot)) != 0;
    }
  }

  /**
   * One allocation instruction.
   *
   * @param bci its offset
   * @param opcode {@code new}, {@code newarray}, {@code anewarray} or {@code multianewarray}
   * @param type the class, or the array's type ({@code byte[]}, {@code java.lang.Object[]})
   * @param constantLength for a one-dimensional array, its length when the instruction before
   *     pushes a constant, else null
   * @param returned a {@code new} whose constructor call is followed by {@code areturn}: the
   *     method returns the object it creates
   */
  record Allocation(int bci, String opcode, String type, Integer constantLength, boolean returned) {
    public boolean isArray() {
      return !opcode.equals("new");
    }

    /** {@code new java.lang.String}, {@code newarray byte[]}: the instruction as a log names it. */
    public String what() {
      return opcode + " " + type;
    }
  }

  /**
   * One call instruction.
   *
   * @param bci its offset
   * @param kind {@code static}, {@code special}, {@code virtual} or {@code interface}
   * @param owner the class the instruction names (binary name)
   * @param name the method's name
   * @param paramTypes erased parameter types (binary names)
   * @param returnType the erased return type ({@code void} for none)
   * @param returned the instruction after it is {@code areturn}: the method returns what the call returns
   * @param argumentOf the class of the {@code new} whose constructor call is still to come, when the
   *     call computes one of its arguments ({@code new IllegalArgumentException("bad " + x)}), else null
   * @param sources per slot of the called method (the receiver first, as {@code Stmt.Call#args()}),
   *     the parameter slots of the calling method the argument may be, a bit per slot
   *     ({@link ArgumentFlow}); empty when not known
   * @param receiver what the receiver certainly is, when one thing: a parameter slot of the calling
   *     method ({@code >= 0}: 0 is {@code this} of an instance method), or the object an instruction of
   *     it made ({@link #receiverMadeAt}); -1 when not known or no receiver
   */
  record Invoke(int bci, String kind, String owner, String name, List<String> paramTypes, String returnType, boolean returned,
      String argumentOf, List<Long> sources, int receiver) {
    public Invoke {
      paramTypes = List.copyOf(paramTypes);
      sources = List.copyOf(sources);
    }

    /** The offset of the instruction ({@code new}, a call) that made the receiver, or -1 when it is not such an object. */
    public int receiverMadeAt() {
      return ArgumentFlow.maker(receiver);
    }

    /** Whether slot {@code argument} of the call may be parameter slot {@code parameter} of the calling method. */
    public boolean passes(int parameter, int argument) {
      return parameter < 64 && argument < sources.size() && (sources.get(argument) & (1L << parameter)) != 0;
    }

    /** The method it calls, as the IR names methods. */
    public dev.noescape.ir.MethodRef callee() {
      return new dev.noescape.ir.MethodRef(owner, name, paramTypes, returnType, kind.equals("static"));
    }
  }

  /** The method declared in {@code owner} (binary name) with that name and erased parameter types, or null. */
  MethodCode method(String owner, String name, List<String> paramTypes);

  /** The instructions of the method declared in {@code owner}, or null when they are not known. */
  default Body body(String owner, String name, List<String> paramTypes) {
    return null;
  }

  /** The shape of class {@code type} (binary name), or null. */
  ClassShape shape(String type);

  /**
   * The interfaces {@code type} declares directly (binary names, not those of its superclasses),
   * and whether it is a class an object can have as its own (neither an interface nor abstract);
   * null when unknown. The model enumerates the candidate implementations of an interface call
   * with it ({@link InlinedAllocations}).
   *
   * @param interfaces the directly implemented (or, for an interface, extended) interfaces
   * @param concrete neither {@code interface} nor {@code abstract}
   */
  record Supertypes(List<String> interfaces, boolean concrete) {
    public Supertypes {
      interfaces = List.copyOf(interfaces);
    }
  }

  /** The direct interfaces and concreteness of class {@code type}, or null when not known. */
  default Supertypes supertypes(String type) {
    return null;
  }

  /**
   * Whether static field {@code name} of class {@code owner} is {@code static final}: C2 reads such
   * a field of an initialized class as a constant (ciField.cpp {@code ciField::is_constant}), so the
   * length of the array it holds folds too. False when unknown.
   */
  default boolean constantField(String owner, String name) {
    return false;
  }

  /**
   * Whether class {@code type} is read from the running JDK's image: its code is the same for every
   * analysis in this process (the model shares what it works out about such code across them).
   */
  default boolean fromJdkImage(String type) {
    return false;
  }
}
