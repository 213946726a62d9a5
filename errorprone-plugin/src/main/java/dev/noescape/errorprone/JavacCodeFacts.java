package dev.noescape.errorprone;

import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Names;
import dev.noescape.jit.ClassFileFacts;
import dev.noescape.jit.CodeFacts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * {@link CodeFacts} in the javac plugin. Classes compiled from source have no bytecode yet: their
 * shape (superclasses, instance fields, a declared {@code finalize()}) is read from javac's
 * symbols, and their methods' sizes are unknown (the model then assumes they inline). Classes on
 * the class path are read from their class files; JDK classes from the running JDK's image
 * ({@link ClassFileFacts}), since {@code --release} compiles against {@code ct.sym}, whose classes
 * have no code.
 */
final class JavacCodeFacts implements CodeFacts {
  private final Symtab syms;
  private final Names names;
  private final ClassFileFacts binaries;

  JavacCodeFacts(Context context) {
    this.syms = Symtab.instance(context);
    this.names = Names.instance(context);
    this.binaries = new ClassFileFacts(this::classPathBytes);
  }

  private ClassSymbol lookup(String binaryName) {
    for (ClassSymbol c : syms.getClassesForName(names.fromString(binaryName))) return c;
    return null;
  }

  private static boolean fromSource(ClassSymbol c) {
    return c.sourcefile != null && (c.classfile == null || c.classfile.getKind() == JavaFileObject.Kind.SOURCE);
  }

  private byte[] classPathBytes(String binaryName) {
    if (binaryName.startsWith("java.") || binaryName.startsWith("javax.") || binaryName.startsWith("jdk.")
        || binaryName.startsWith("sun.")) {
      return null; // the JDK: its image, not ct.sym
    }
    ClassSymbol c = lookup(binaryName);
    if (c == null || c.classfile == null || c.classfile.getKind() != JavaFileObject.Kind.CLASS) return null;
    try (InputStream in = c.classfile.openInputStream()) {
      return in.readAllBytes();
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public MethodCode method(String owner, String name, List<String> paramTypes) {
    ClassSymbol c = lookup(owner);
    if (c != null && fromSource(c)) return null; // no bytecode yet: size unknown
    return binaries.method(owner, name, paramTypes);
  }

  @Override
  public Body body(String owner, String name, List<String> paramTypes) {
    ClassSymbol c = lookup(owner);
    if (c != null && fromSource(c)) return null; // no bytecode yet
    return binaries.body(owner, name, paramTypes);
  }

  @Override
  public boolean fromJdkImage(String type) {
    ClassSymbol c = lookup(type);
    return (c == null || !fromSource(c)) && binaries.fromJdkImage(type);
  }

  @Override
  public boolean constantField(String owner, String name) {
    ClassSymbol c = lookup(owner);
    if (c == null || !fromSource(c)) return binaries.constantField(owner, name);
    for (Symbol m : c.members().getSymbolsByName(names.fromString(name))) {
      if (m.kind == Kinds.Kind.VAR) return (m.flags() & (Flags.STATIC | Flags.FINAL)) == (Flags.STATIC | Flags.FINAL);
    }
    return false;
  }

  @Override
  public ClassShape shape(String type) {
    ClassSymbol c = lookup(type);
    if (c == null || !fromSource(c)) return binaries.shape(type);
    List<String> supers = new ArrayList<>();
    int fields = 0;
    boolean finalizer = false;
    boolean decided = false;
    for (ClassSymbol k = c; k != null; ) {
      if (k != c) supers.add(k.flatName().toString());
      if (!fromSource(k)) {
        ClassShape rest = binaries.shape(k.flatName().toString());
        if (rest != null) {
          supers.addAll(rest.superclasses());
          fields += rest.instanceFields();
          if (!decided) finalizer = rest.finalizer();
        }
        break;
      }
      for (Symbol m : k.members().getSymbols()) {
        if (m.kind == Kinds.Kind.VAR && (m.flags() & Flags.STATIC) == 0) fields++;
        if (!decided && m.kind == Kinds.Kind.MTH && m.name.contentEquals("finalize")
            && ((Symbol.MethodSymbol) m).params().isEmpty()) {
          // a declared finalize(): whether its body is empty is not known from the symbol
          finalizer = true;
          decided = true;
        }
      }
      Type sup = k.getSuperclass();
      k = sup != null && sup.tsym instanceof ClassSymbol s ? s : null;
    }
    return new ClassShape(supers, fields, finalizer);
  }
}
