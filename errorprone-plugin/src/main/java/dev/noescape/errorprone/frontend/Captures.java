package dev.noescape.errorprone.frontend;

import com.sun.tools.javac.code.Kinds.Kind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * What a lambda body or a local/anonymous class body captures: the free local variables (locals
 * and parameters declared outside the body and used inside it, in order of first use) and whether
 * it needs the enclosing instance ({@code this}).
 *
 * <p>The enclosing instance is needed by an explicit {@code this}/{@code super} or
 * {@code Outer.this}, by an implicit use of an instance field or instance method of an enclosing
 * class ({@code count++}, {@code helper()}), by {@code new Inner()} of an inner member class and by
 * {@code Inner::new}. Inside a class declared within the scanned body, {@code this} and that
 * class's own (inherited) members belong to that class, not to the enclosing instance.
 */
final class Captures {
  /** Free locals (in order of first use) and whether the enclosing instance is used. */
  record Result(List<VarSymbol> locals, boolean capturesThis) {
    boolean isEmpty() {
      return locals.isEmpty() && !capturesThis;
    }

    /** Source names, {@code this} first when captured. */
    List<String> names() {
      List<String> out = new ArrayList<>();
      if (capturesThis) out.add("this");
      for (VarSymbol v : locals) out.add(v.name.toString());
      return out;
    }
  }

  private Captures() {}

  /**
   * @param body the lambda (its parameters count as declared inside) or class declaration
   * @param ownClass for a class body: the class itself, whose {@code this} is not a capture
   */
  static Result of(JCTree body, ClassSymbol ownClass, Types types) {
    Scan s = new Scan(types);
    if (ownClass != null) s.inner.push(ownClass);
    s.scan(body);
    return new Result(new ArrayList<>(s.free), s.capturesThis);
  }

  static boolean isLocal(Symbol sym) {
    if (!(sym instanceof VarSymbol)) return false;
    ElementKind k = sym.getKind();
    return k == ElementKind.LOCAL_VARIABLE || k == ElementKind.PARAMETER || k == ElementKind.EXCEPTION_PARAMETER
        || k == ElementKind.RESOURCE_VARIABLE || k == ElementKind.BINDING_VARIABLE;
  }

  private static final class Scan extends TreeScanner {
    final Types types;
    final Set<Symbol> declared = new HashSet<>();
    final LinkedHashSet<VarSymbol> free = new LinkedHashSet<>();
    final Deque<ClassSymbol> inner = new ArrayDeque<>();
    boolean capturesThis;

    Scan(Types types) {
      this.types = types;
    }

    @Override
    public void visitVarDef(JCVariableDecl tree) {
      if (tree.sym != null) declared.add(tree.sym);
      super.visitVarDef(tree);
    }

    @Override
    public void visitClassDef(JCClassDecl tree) {
      if (tree.sym == null) {
        super.visitClassDef(tree);
        return;
      }
      inner.push(tree.sym);
      try {
        super.visitClassDef(tree);
      } finally {
        inner.pop();
      }
    }

    @Override
    public void visitIdent(JCIdent tree) {
      Symbol sym = tree.sym;
      if (sym == null) return;
      String name = tree.name.toString();
      if (name.equals("this") || name.equals("super")) {
        if (inner.isEmpty()) capturesThis = true;
        return;
      }
      if (isLocal(sym)) {
        // a constant variable (final String s = "x"; final int n = 3) is inlined, not captured
        if (!declared.contains(sym) && ((VarSymbol) sym).getConstValue() == null) free.add((VarSymbol) sym);
        return;
      }
      if ((sym.kind == Kind.VAR || sym.kind == Kind.MTH) && !sym.isStatic() && sym.owner instanceof ClassSymbol
          && !ownedByInner(sym)) {
        capturesThis = true;
      }
    }

    @Override
    public void visitSelect(JCFieldAccess tree) {
      String name = tree.name.toString();
      if ((name.equals("this") || name.equals("super")) && tree.selected instanceof JCTree t) {
        Symbol qualifier = com.sun.tools.javac.tree.TreeInfo.symbol(t);
        // Outer.this or Interface.super: a capture unless it names a class declared in the body
        // (or, for X.super, an interface such a class implements).
        if (!(qualifier instanceof ClassSymbol c) || !ownedByInnerClass(c)) capturesThis = true;
        return;
      }
      super.visitSelect(tree);
    }

    @Override
    public void visitNewClass(JCNewClass tree) {
      if (tree.encl == null && tree.type != null && tree.type.tsym instanceof ClassSymbol c
          && Descriptors.isInnerMember(c) && !ownedByInner(c)) {
        capturesThis = true;
      }
      super.visitNewClass(tree);
    }

    @Override
    public void visitReference(JCMemberReference tree) {
      if (tree.kind == JCMemberReference.ReferenceKind.IMPLICIT_INNER && inner.isEmpty()) capturesThis = true;
      super.visitReference(tree);
    }

    private boolean ownedByInnerClass(ClassSymbol c) {
      for (ClassSymbol i : inner) {
        if (i == c || i.isSubClass(c, types)) return true;
      }
      return false;
    }

    /** The member belongs to (is inherited by) a class declared inside the scanned body. */
    private boolean ownedByInner(Symbol member) {
      Symbol owner = member.kind == Kind.TYP ? Descriptors.enclosingClass((ClassSymbol) member) : member.owner;
      if (owner == null) return true;
      for (ClassSymbol c : inner) {
        try {
          if (c.isSubClass(owner, types)) return true;
        } catch (RuntimeException e) {
          return true;
        }
      }
      return false;
    }
  }
}
