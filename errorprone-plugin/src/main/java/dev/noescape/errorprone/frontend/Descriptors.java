package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds.Kind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import dev.noescape.ir.Visibility;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of types, methods and fields as the IR spells them, so that the javac front end and the
 * bytecode front end agree on {@link MethodRef#key()}:
 *
 * <ul>
 *   <li>types are erased and fully qualified with the binary ({@code $}) name of nested classes:
 *       {@code java.util.Map$Entry}, {@code int[]}, {@code java.lang.String[]};
 *   <li>a method's owner is the class that declares the symbol javac resolved (not the binary
 *       qualifier of the call site), its name is the source name, {@code <init>} or {@code <clinit>};
 *   <li>constructors carry the parameters javac adds when it translates them, where the bytecode
 *       has them in front of the declared ones: {@code (java.lang.String, int)} for enum constructors
 *       (constant name and ordinal), the enclosing instance for constructors of inner member classes.
 *       Captured values that javac appends to constructors of local and anonymous classes are not
 *       modelled (the IR passes them through {@link FieldRef#captured} stores instead).
 * </ul>
 */
final class Descriptors {
  private final Types types;

  Descriptors(Types types) {
    this.types = types;
  }

  /** Erased, fully qualified, binary name of a type. */
  String typeName(Type t) {
    if (t == null) return "java.lang.Object";
    Type e = types.erasure(t);
    switch (e.getTag()) {
      case ARRAY:
        return typeName(types.elemtype(e)) + "[]";
      case CLASS:
        return ((ClassSymbol) e.tsym).flatName().toString();
      case BYTE: case CHAR: case SHORT: case INT: case LONG: case FLOAT: case DOUBLE: case BOOLEAN: case VOID:
        return e.tsym.name.toString();
      case BOT:
        return "java.lang.Object";
      default:
        if (e.tsym instanceof ClassSymbol c) return c.flatName().toString();
        return e.toString();
    }
  }

  /** True for a type whose values are objects (or null): not primitive, not void. */
  static boolean isReference(Type t) {
    if (t == null) return false;
    TypeTag tag = t.getTag();
    return !t.isPrimitive() && tag != TypeTag.VOID && tag != TypeTag.NONE && tag != TypeTag.METHOD
        && tag != TypeTag.PACKAGE;
  }

  static boolean isPrimitive(Type t) {
    return t != null && t.isPrimitive();
  }

  /** An enum class: its constructors take the constant's name and ordinal first. */
  static boolean isEnum(ClassSymbol c) {
    return (c.flags() & Flags.ENUM) != 0 && !c.isAnonymous();
  }

  /** A local or anonymous class (declared inside a method, initializer or lambda). */
  /**
   * Which code can call method {@code m} ({@link Visibility}): its own access, and for a
   * constructor also its class's (local, anonymous and private nested classes, or a class nested in
   * one, only in their nest; a package-private one in its package).
   */
  static Visibility visibility(Symbol.MethodSymbol m) {
    long f = m.flags();
    boolean priv = (f & Flags.PRIVATE) != 0;
    boolean pkg = !priv && (f & (Flags.PUBLIC | Flags.PROTECTED)) == 0;
    return Visibility.of(priv, pkg, m.isConstructor(), m.owner instanceof ClassSymbol c ? classVisibility(c) : null);
  }

  private static Visibility classVisibility(ClassSymbol c) {
    if (isLocalOrAnonymous(c) || (c.flags() & Flags.PRIVATE) != 0) return Visibility.PRIVATE;
    Visibility own = (c.flags() & (Flags.PUBLIC | Flags.PROTECTED)) != 0 ? Visibility.PUBLIC : Visibility.PACKAGE;
    if (c.owner instanceof ClassSymbol outer && classVisibility(outer) == Visibility.PRIVATE) return Visibility.PRIVATE;
    return own;
  }

  static boolean isLocalOrAnonymous(ClassSymbol c) {
    return c.isAnonymous() || c.owner.kind == Kind.MTH || c.owner.kind == Kind.VAR;
  }

  /** An inner member class: its constructors take the enclosing instance first. */
  static boolean isInnerMember(ClassSymbol c) {
    return !isLocalOrAnonymous(c) && c.owner.kind == Kind.TYP && !c.isStatic()
        && (c.flags() & Flags.INTERFACE) == 0 && !c.isEnum() && !c.isRecord();
  }

  /** The class directly enclosing {@code c}, or null for a top-level class. */
  static ClassSymbol enclosingClass(ClassSymbol c) {
    Symbol o = c.owner;
    return o == null || o.kind == Kind.PCK ? null : o.enclClass();
  }

  /**
   * {@link #method(MethodSymbol)} per symbol of the unit: a unit calls the same methods many times
   * ({@code StringBuilder.append}, its own helpers), and the one instance keeps the key and hash code
   * it computed once ({@link MethodRef#key()}) for every map the engine looks it up in.
   */
  private final Map<MethodSymbol, MethodRef> methods = new IdentityHashMap<>();

  MethodRef method(MethodSymbol m) {
    MethodRef known = methods.get(m);
    if (known == null) methods.put(m, known = describe(m));
    return known;
  }

  private MethodRef describe(MethodSymbol m) {
    ClassSymbol owner = m.enclClass();
    if (owner == null || owner.flatName().contentEquals("Array")) {
      // arr.clone() and friends: javac's pseudo-class of arrays; the bytecode names Object's method
      return new MethodRef("java.lang.Object", m.name.toString(), List.of(), "java.lang.Object", m.isStatic());
    }
    List<String> params = new ArrayList<>();
    if (m.isConstructor()) params.addAll(syntheticConstructorParams(owner));
    for (Type p : types.erasure(m.type).getParameterTypes()) params.add(typeName(p));
    Type ret = m.isConstructor() ? null : m.type.getReturnType();
    return new MethodRef(owner.flatName().toString(), m.name.toString(), params,
        ret == null ? "void" : typeName(ret), m.isStatic());
  }

  /**
   * {@link #method} named on the class a call's receiver has when the declaring class is not
   * accessible from the call site (a package-private JDK class such as
   * {@code java.lang.AbstractStringBuilder}): javac and the bytecode then name the receiver's
   * static type ({@code java.lang.StringBuilder#setLength(int)}), and so do the library models.
   */
  MethodRef method(MethodSymbol m, Type receiver, Symbol from) {
    MethodRef ref = method(m);
    if (receiver == null || m.isConstructor() || !(m.owner instanceof ClassSymbol owner)) return ref;
    if ((owner.flags() & Flags.PUBLIC) != 0 || from == null || owner.packge() == from.packge()) return ref;
    Type e = types.erasure(receiver);
    if (!(e.tsym instanceof ClassSymbol rc) || rc == owner) return ref;
    return new MethodRef(rc.flatName().toString(), ref.name(), ref.paramTypes(), ref.returnType(), ref.isStatic());
  }

  /** The parameters javac prepends to a constructor of {@code c} (see the class comment). */
  List<String> syntheticConstructorParams(ClassSymbol c) {
    if (isEnum(c)) return List.of("java.lang.String", "int");
    if (isInnerMember(c)) {
      ClassSymbol outer = enclosingClass(c);
      if (outer != null) return List.of(outer.flatName().toString());
    }
    return List.of();
  }

  /** Erased declared parameter types of a constructor, without the synthetic ones (for {@code AllocSite.Constructor}). */
  List<String> declaredParams(MethodSymbol m) {
    List<String> params = new ArrayList<>();
    for (Type p : types.erasure(m.type).getParameterTypes()) params.add(typeName(p));
    return params;
  }

  FieldRef field(VarSymbol f) {
    return fieldRef(f);
  }

  static FieldRef fieldRef(VarSymbol f) {
    return new FieldRef(f.enclClass().flatName().toString(), f.name.toString(), f.isStatic());
  }

  /**
   * When {@code e} reads an integral instance field ({@code b}, {@code this.b}, {@code codec.b}),
   * that field: what {@link dev.noescape.ir.FieldRanges} follows ({@code int}, {@code short},
   * {@code byte}, {@code char}, {@code long}); else null.
   */
  static VarSymbol integralField(com.sun.tools.javac.tree.JCTree.JCExpression e) {
    return integralField(com.sun.tools.javac.tree.TreeInfo.symbol(com.sun.tools.javac.tree.TreeInfo.skipParens(e)));
  }

  /** {@code s} when it is an integral instance field ({@link #integralField(com.sun.tools.javac.tree.JCTree.JCExpression)}), else null. */
  static VarSymbol integralField(Symbol s) {
    if (!(s instanceof VarSymbol v) || v.isStatic() || v.owner == null || v.owner.kind != Kind.TYP
        || v.type == null) {
      return null;
    }
    return switch (v.type.getTag()) {
      case INT, SHORT, BYTE, CHAR, LONG -> v;
      default -> null;
    };
  }

  /** Whether a field is {@code final} or {@code private} ({@link dev.noescape.ir.FieldRanges.Write#sealed()}). */
  static boolean sealed(VarSymbol f) {
    return (f.flags() & (Flags.FINAL | Flags.PRIVATE)) != 0;
  }

  /** {@code Outer.Inner} for members, {@code Outer$1} for anonymous and local classes: for display names. */
  static String displayClass(ClassSymbol c) {
    String flat = c.flatName().toString();
    String simple = flat.substring(flat.lastIndexOf('.') + 1);
    return isLocalOrAnonymous(c) ? simple : simple.replace('$', '.');
  }

  /** {@code OrderBook.add(int,java.lang.String)}: for skipped-method messages. */
  String displaySignature(MethodSymbol m) {
    return displayClass(m.enclClass()) + "." + m.name + "(" + String.join(",", declaredParams(m)) + ")";
  }
}
