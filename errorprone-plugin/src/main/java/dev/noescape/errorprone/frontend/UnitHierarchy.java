package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Names;
import dev.noescape.ir.TypeHierarchy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class hierarchy as javac's symbols describe it, for the engine's resolution of virtual calls
 * ({@link TypeHierarchy}). The program is one compilation unit, so a type's subclasses are "in the
 * program" only when they must be declared in the unit: subclasses of final classes, records,
 * enums, local, anonymous and private nested classes ({@link UnitIndex#closedClass}), and of classes
 * whose constructors are all private (only the nest, i.e. the same top-level class, can call them).
 * Classes are looked up by binary name among those javac has entered; one it has not is unknown.
 */
final class UnitHierarchy implements TypeHierarchy {
  private final Types types;
  private final Symtab syms;
  private final Names names;
  private final Descriptors descriptors;
  private final UnitIndex index;
  private final Map<String, ClassSymbol> byName = new HashMap<>();
  private final Set<ClassSymbol> unit;

  UnitHierarchy(UnitContext u) {
    this.types = u.types;
    this.syms = u.syms;
    this.names = Names.instance(u.state.context);
    this.descriptors = u.descriptors;
    this.index = u.index;
    for (ClassSymbol c : index.classes()) byName.put(c.flatName().toString(), c);
    this.unit = new HashSet<>(index.classes());
  }

  private ClassSymbol lookup(String name) {
    if (name == null || name.endsWith("[]")) return null;
    ClassSymbol c = byName.get(name);
    if (c != null) return c;
    try {
      for (ClassSymbol found : syms.getClassesForName(names.fromString(name))) {
        byName.put(name, found);
        return found;
      }
    } catch (RuntimeException e) {
      // incomplete symbols: unknown
    }
    return null;
  }

  @Override
  public Subclassing subclassing(String type) {
    if (type != null && type.endsWith("[]")) return Subclassing.NONE;
    ClassSymbol c = lookup(type);
    if (c == null) return Subclassing.OPEN;
    try {
      if ((c.flags() & Flags.FINAL) != 0) return Subclassing.NONE;
      if ((c.flags() & Flags.INTERFACE) != 0) return Subclassing.OPEN;
      return unit.contains(c) && (UnitIndex.closedClass(c) || onlyPrivateConstructors(c)) ? Subclassing.PROGRAM
          : Subclassing.OPEN;
    } catch (RuntimeException e) {
      return Subclassing.OPEN;
    }
  }

  private static boolean onlyPrivateConstructors(ClassSymbol c) {
    boolean any = false;
    for (Symbol s : c.members().getSymbols(x -> x instanceof MethodSymbol m && m.isConstructor())) {
      if ((s.flags() & Flags.PRIVATE) == 0) return false;
      any = true;
    }
    return any;
  }

  @Override
  public List<String> directSubtypes(String type) {
    ClassSymbol t = lookup(type);
    if (t == null) return List.of();
    List<String> out = new ArrayList<>();
    for (ClassSymbol c : index.classes()) {
      try {
        boolean direct = types.supertype(c.type).tsym == t;
        for (Type i : types.interfaces(c.type)) direct |= i.tsym == t;
        if (direct) out.add(c.flatName().toString());
      } catch (RuntimeException e) {
        // incomplete symbols: not a subtype we can prove, but not one we may ignore either
        out.add(c.flatName().toString());
      }
    }
    return out;
  }

  @Override
  public boolean mayBeSubtype(String sub, String sup) {
    return sub == null || sup == null || sup.equals("java.lang.Object") || subtype(sub, sup, true);
  }

  @Override
  public boolean isSubtype(String sub, String sup) {
    return sub != null && sup != null && subtype(sub, sup, false);
  }

  /** Whether {@code sub} is a subtype of {@code sup}; {@code ifUnknown} when either symbol is missing or incomplete. */
  private boolean subtype(String sub, String sup, boolean ifUnknown) {
    if (sub.equals(sup)) return true;
    ClassSymbol a = lookup(sub), b = lookup(sup);
    if (a == null || b == null) return ifUnknown;
    try {
      return a.isSubClass(b, types);
    } catch (RuntimeException e) {
      return ifUnknown;
    }
  }

  @Override
  public boolean declaresAbstract(String owner, String name, List<String> params) {
    ClassSymbol c = lookup(owner);
    if (c == null || !unit.contains(c)) return false;
    try {
      for (Symbol s : c.members().getSymbolsByName(names.fromString(name))) {
        // javac's symbol of a default method can carry ABSTRACT beside DEFAULT: it has a body
        if (s instanceof MethodSymbol m && !m.isStatic() && sameParams(m, params)) {
          return (m.flags() & (Flags.ABSTRACT | Flags.DEFAULT)) == Flags.ABSTRACT;
        }
      }
    } catch (RuntimeException e) {
      return false;
    }
    return false;
  }

  /**
   * Declared by the program: compiled from source in this javac run (the unit's other files and the
   * rest of the module), which is what the bytecode front end's input is; a class javac reads from a
   * class file belongs to a library.
   */
  @Override
  public boolean declaresFunctionalInterface(String type) {
    ClassSymbol c = lookup(type);
    try {
      if (c == null || (c.flags() & Flags.INTERFACE) == 0 || c.classfile == null
          || c.classfile.getKind() != javax.tools.JavaFileObject.Kind.SOURCE || !c.getInterfaces().isEmpty()) {
        return false;
      }
      int abstracts = 0;
      for (Symbol s : c.members().getSymbols(x -> x instanceof MethodSymbol)) {
        if ((s.flags() & (Flags.ABSTRACT | Flags.STATIC | Flags.DEFAULT)) == Flags.ABSTRACT) abstracts++;
      }
      return abstracts == 1;
    } catch (RuntimeException e) {
      return false; // incomplete symbols: unknown
    }
  }

  @Override
  public String selectMethod(String cls, String name, List<String> params) {
    ClassSymbol c = lookup(cls);
    try {
      for (; c != null; c = types.supertype(c.type).tsym instanceof ClassSymbol s ? s : null) {
        if ((c.flags() & Flags.INTERFACE) != 0) return null;
        for (Symbol s : c.members().getSymbolsByName(names.fromString(name))) {
          if (!(s instanceof MethodSymbol m) || m.isStatic() || (m.flags() & Flags.PRIVATE) != 0) continue;
          if (!sameParams(m, params)) continue;
          return (m.flags() & Flags.ABSTRACT) != 0 ? null : c.flatName().toString();
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null; // inherited from an interface (a default method): not resolved here
  }

  private boolean sameParams(MethodSymbol m, List<String> params) {
    List<Type> ps = types.erasure(m.type).getParameterTypes();
    if (ps.size() != params.size()) return false;
    for (int i = 0; i < ps.size(); i++) if (!descriptors.typeName(ps.get(i)).equals(params.get(i))) return false;
    return true;
  }
}
