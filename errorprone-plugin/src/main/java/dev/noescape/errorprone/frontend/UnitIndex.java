package dev.noescape.errorprone.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.TreeScanner;
import dev.noescape.ir.MethodRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the whole compilation unit, gathered in one scan before any method is lowered:
 *
 * <ul>
 *   <li>the synthetic name of every lambda body, as the running javac's {@code LambdaToMethod}
 *       names it: {@code lambda$<method>$<n>}, nested lambdas named after the enclosing method (not
 *       after the outer lambda), lambdas in instance field initializers, instance initializer blocks
 *       and constructors after {@code new}, those in static initializers after {@code static}.
 *       Members are visited in source order. javac 23 and later count per class and method name,
 *       outer lambdas before the lambdas nested in them ({@code lambda$m$0}, {@code lambda$m$1},
 *       {@code lambda$new$0}); older javac (checked with 17) counts once per class, nested lambdas
 *       before the lambda that contains them. Serializable lambdas, which javac names differently,
 *       are not special-cased.
 *   <li>every method declared in the unit, by name, to list the overriding implementations of a
 *       callee ({@code Stmt.Call.overrides}) and to decide whether dispatch is open to code outside
 *       the unit ({@code Stmt.Call.dispatchOpen}).
 * </ul>
 */
final class UnitIndex {
  private final Map<JCLambda, String> lambdaNames = new IdentityHashMap<>();
  private final Map<String, List<MethodSymbol>> methodsByName = new HashMap<>();
  private final List<ClassSymbol> classes = new ArrayList<>();
  private final Types types;
  private final Descriptors descriptors;

  UnitIndex(CompilationUnitTree unit, Types types, Descriptors descriptors) {
    this.types = types;
    this.descriptors = descriptors;
    new Scanner().scan((JCTree) unit);
  }

  String lambdaName(JCLambda lambda) {
    return lambdaNames.get(lambda);
  }

  /** javac 23 rewrote LambdaToMethod; the naming scheme changed with it (see the class comment). */
  private static final boolean PER_METHOD_NAMES = Runtime.version().feature() >= 23;

  private final class Scanner extends TreeScanner {
    /** Per class: counters by method name (javac 23+), or the single class-wide counter under key "". */
    private final Deque<Map<String, int[]>> counters = new ArrayDeque<>();
    private String method = "new";

    @Override
    public void visitClassDef(JCClassDecl tree) {
      if (tree.sym != null) classes.add(tree.sym);
      String savedMethod = method;
      counters.push(new HashMap<>());
      try {
        for (JCTree def : tree.defs) {
          if (def instanceof JCVariableDecl v) {
            method = (v.mods.flags & Flags.STATIC) != 0 ? "static" : "new";
          } else if (def instanceof JCBlock b) {
            method = (b.flags & Flags.STATIC) != 0 ? "static" : "new";
          } else if (def instanceof JCMethodDecl m) {
            method = m.name.toString().equals("<init>") ? "new" : m.name.toString();
          }
          scan(def);
        }
      } finally {
        counters.pop();
        method = savedMethod;
      }
    }

    @Override
    public void visitMethodDef(JCMethodDecl tree) {
      if (tree.sym != null) methodsByName.computeIfAbsent(tree.sym.name.toString(), k -> new ArrayList<>()).add(tree.sym);
      super.visitMethodDef(tree);
    }

    @Override
    public void visitLambda(JCLambda tree) {
      if (PER_METHOD_NAMES) {
        name(tree);
        super.visitLambda(tree);
      } else {
        super.visitLambda(tree);
        name(tree);
      }
    }

    private void name(JCLambda tree) {
      Map<String, int[]> perClass = counters.peek();
      int n = 0;
      if (perClass != null) n = perClass.computeIfAbsent(PER_METHOD_NAMES ? method : "", k -> new int[1])[0]++;
      lambdaNames.put(tree, "lambda$" + method + "$" + n);
    }
  }

  /** The classes and interfaces the unit declares (nested, local and anonymous ones included), in source order. */
  List<ClassSymbol> classes() {
    return classes;
  }

  /** Methods declared in this unit that override {@code callee}. */
  List<MethodRef> overrides(MethodSymbol callee) {
    if (callee.isStatic() || callee.isConstructor() || (callee.flags() & Flags.PRIVATE) != 0) return List.of();
    List<MethodSymbol> candidates = methodsByName.get(callee.name.toString());
    if (candidates == null) return List.of();
    List<MethodRef> out = new ArrayList<>();
    for (MethodSymbol m : candidates) {
      if (m == callee || m.isStatic() || !(m.owner instanceof ClassSymbol owner)) continue;
      if (m.params().size() != callee.params().size()) continue;
      try {
        if (owner.isSubClass(callee.owner, types) && m.overrides(callee, owner, types, true)) {
          out.add(descriptors.method(m));
        }
      } catch (RuntimeException e) {
        // incomplete symbols: not an override we can prove
      }
    }
    return out;
  }

  /**
   * Whether a virtual call to {@code callee} may run code that this compilation unit does not
   * contain: the method can be overridden and its class can be subclassed outside the unit.
   * Final, private and static methods, constructors and {@code super} calls are closed; so are
   * methods of final classes, records, enums, anonymous and local classes and private nested
   * classes (all their subclasses live in this unit), and calls on a receiver of a final class.
   */
  static boolean dispatchOpen(MethodSymbol callee, boolean nonVirtual, Type receiverType) {
    if (nonVirtual || callee.isStatic() || callee.isConstructor()) return false;
    if ((callee.flags() & (Flags.PRIVATE | Flags.FINAL)) != 0) return false;
    if (!(callee.owner instanceof ClassSymbol owner)) return true;
    if (closedClass(owner)) return false;
    if (receiverType != null && receiverType.tsym instanceof ClassSymbol rc && rc != owner
        && (rc.flags() & Flags.FINAL) != 0) {
      return false;
    }
    return true;
  }

  static boolean closedClass(ClassSymbol c) {
    if ((c.flags() & Flags.FINAL) != 0 || c.isRecord() || Descriptors.isLocalOrAnonymous(c)) return true;
    if ((c.flags() & Flags.ENUM) != 0 && (c.flags() & Flags.INTERFACE) == 0) return true;
    for (Symbol s = c; s instanceof ClassSymbol cs; s = Descriptors.enclosingClass(cs)) {
      if ((cs.flags() & Flags.PRIVATE) != 0) return true;
    }
    return false;
  }
}
