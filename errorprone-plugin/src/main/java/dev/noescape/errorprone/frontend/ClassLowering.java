package dev.noescape.errorprone.frontend;

import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMethodDecl;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import dev.noescape.models.LoggingGuards;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RecordMembers;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers the members of one class: every method and constructor with a body, the static
 * initializer, and (recursively) its member classes. Lambda bodies and local/anonymous classes are
 * queued by {@link BodyLowering} when it meets them and come back here.
 *
 * <ul>
 *   <li>Constructors: slot 0 is the new object; enum constructors take the constant's name and
 *       ordinal next, inner member classes their enclosing instance (stored into {@code this$0}),
 *       then the declared parameters. Instance field initializers and instance initializer blocks
 *       are lowered into every constructor that calls {@code super(...)}, after that call (javac
 *       copies them there too); their lambda and anonymous-class bodies are lowered once. A compact
 *       record constructor ends with the implicit stores of its parameters into the fields.
 *   <li>{@code <clinit>}: static field initializers (enum constants included) and static blocks, in
 *       declaration order; its tree path is the class's.
 *   <li>Lambda bodies: {@code lambda$<method>$<n>} of the class enclosing the lambda, synthetic,
 *       slot 0 = the lambda object, then the lambda's parameters; hotness and loop depth come from
 *       the creating expression.
 * </ul>
 */
final class ClassLowering {
  private ClassLowering() {}

  static void lowerClass(UnitContext u, JCClassDecl cd, TreePath classPath, boolean inheritedHot, int baseDepth) {
    ClassSymbol c = cd.sym;
    if (c == null) return;
    boolean classHot = inheritedHot || u.isHot(c);
    List<JCTree> instanceInits = new ArrayList<>();
    List<JCTree> staticInits = new ArrayList<>();
    for (JCTree def : cd.defs) {
      if (def instanceof JCVariableDecl v && v.init != null && v.sym != null) {
        (v.sym.isStatic() ? staticInits : instanceInits).add(v);
      } else if (def instanceof JCBlock blk) {
        ((blk.flags & Flags.STATIC) != 0 ? staticInits : instanceInits).add(blk);
      }
    }
    for (JCTree def : cd.defs) {
      if (def instanceof JCMethodDecl md && md.body != null && md.sym != null) {
        TreePath mdPath = new TreePath(classPath, md);
        u.guard(u.descriptors.displaySignature(md.sym),
            () -> lowerMethod(u, c, md, mdPath, classPath, classHot, baseDepth, instanceInits));
      } else if (def instanceof JCClassDecl inner) {
        TreePath innerPath = new TreePath(classPath, inner);
        u.guard(inner.name.toString(), () -> lowerClass(u, inner, innerPath, false, 0));
      }
    }
    if (c.isRecord()) {
      implicitAccessors(u, c, cd, classPath, classHot, baseDepth);
      implicitObjectMethods(u, c, cd, classHot, baseDepth);
    }
    if (!staticInits.isEmpty()) {
      u.guard(Descriptors.displayClass(c) + ".<clinit>()", () -> lowerClinit(u, c, cd, classPath, staticInits));
    }
  }

  private static void lowerMethod(UnitContext u, ClassSymbol c, JCMethodDecl md, TreePath mdPath, TreePath classPath,
      boolean classHot, int baseDepth, List<JCTree> instanceInits) {
    MethodSymbol m = md.sym;
    MethodRef ref = u.descriptors.method(m);
    String display = Descriptors.displayClass(c) + "." + m.name;
    SourcePos pos = u.positions.of(md);
    MethodIRBuilder b = new MethodIRBuilder(ref, display, u.sourceFile, pos).errorLogging(LoggingGuards::isErrorLogging);
    for (String a : UnitContext.annotationNames(m)) b.annotation(a);
    String inherited = u.inheritedContract(m);
    boolean hot = classHot || u.isHot(m) || inherited != null;
    b.hot(hot).baseLoopDepth(baseDepth).visibility(Descriptors.visibility(m));
    // an enum's constructor runs only from its static initializer
    b.classInitialization(m.isConstructor() && Descriptors.isEnum(c));
    BodyLowering l = new BodyLowering(u, b, c, false, baseDepth, hot, display,
        m.isConstructor() ? null : m.getReturnType(), mdPath);
    if (!m.isStatic()) l.declareSelf("this", c.flatName().toString(), pos);
    Var outer = null;
    if (m.isConstructor()) {
      if (Descriptors.isEnum(c)) {
        l.syntheticParam("$enum$name", "java.lang.String", pos);
        l.syntheticPrimitiveParam(pos);
      } else if (Descriptors.isInnerMember(c)) {
        ClassSymbol enclosing = Descriptors.enclosingClass(c);
        if (enclosing != null) outer = l.syntheticParam("this$0", enclosing.flatName().toString(), pos);
      }
    }
    for (JCVariableDecl p : md.params) l.declareParam(p);
    l.checksIn(md.body);
    if (m.isConstructor()) {
      if (outer != null) l.storeOuter(outer, pos);
      l.constructorBody(md.body, instanceInits, classPath);
      // javac adds the field stores of compact and implicit canonical constructors only in Lower
      if (c.isRecord() && (m.flags() & (Flags.COMPACT_RECORD_CONSTRUCTOR | Flags.GENERATEDCONSTR)) != 0) {
        l.recordFieldStores(c, md.params);
      }
    } else {
      l.statement(md.body);
    }
    MethodIR ir = b.build();
    u.add(inherited != null ? ir.withInheritedContract(inherited) : ir, mdPath, l);
  }

  /**
   * The accessors javac generates for record components the record does not declare itself
   * ({@code String name() { return this.name; }}); they are not in the tree at this point. Their
   * tree path is the component's field.
   */
  private static void implicitAccessors(UnitContext u, ClassSymbol c, JCClassDecl cd, TreePath classPath,
      boolean classHot, int baseDepth) {
    for (Symbol.RecordComponent rc : c.getRecordComponents()) {
      boolean declared = false;
      JCVariableDecl field = null;
      for (JCTree def : cd.defs) {
        if (def instanceof JCMethodDecl md && md.params.isEmpty() && md.body != null && md.name == rc.name
            && (md.mods.flags & Flags.GENERATED_MEMBER) == 0) {
          declared = true;
        }
        if (def instanceof JCVariableDecl v && v.name == rc.name && v.sym != null && !v.sym.isStatic()) field = v;
      }
      if (declared || field == null) continue;
      JCVariableDecl f = field;
      TreePath fieldPath = new TreePath(classPath, f);
      u.guard(Descriptors.displayClass(c) + "." + rc.name + "()", () -> {
        MethodRef ref = rc.accessor != null ? u.descriptors.method(rc.accessor)
            : new MethodRef(c.flatName().toString(), rc.name.toString(), List.of(), u.descriptors.typeName(rc.type), false);
        SourcePos pos = u.positions.of(f);
        String display = Descriptors.displayClass(c) + "." + rc.name;
        MethodIRBuilder b = new MethodIRBuilder(ref, display, u.sourceFile, pos).errorLogging(LoggingGuards::isErrorLogging);
        b.hot(classHot).baseLoopDepth(baseDepth);
        BodyLowering l = new BodyLowering(u, b, c, false, baseDepth, classHot, display, rc.type, fieldPath);
        l.declareSelf("this", c.flatName().toString(), pos);
        l.accessorBody(f.sym, pos);
        u.add(b.build(), fieldPath, l);
      });
    }
  }

  /**
   * The {@code equals}, {@code hashCode} and {@code toString} javac generates for a record that does
   * not declare them: a symbol without a body in the tree (javac writes the {@code ObjectMethods}
   * call only in Lower), lowered by {@link RecordMembers}. No tree path: they are the compiler's code,
   * never reported.
   */
  private static void implicitObjectMethods(UnitContext u, ClassSymbol c, JCClassDecl cd, boolean classHot, int baseDepth) {
    for (Symbol member : c.members().getSymbols(x -> x instanceof MethodSymbol, com.sun.tools.javac.code.Scope.LookupKind.NON_RECURSIVE)) {
      MethodSymbol m = (MethodSymbol) member;
      RecordMembers.Member kind = RecordMembers.Member.of(m.name.toString(), m.params().size());
      if (kind == null || m.isStatic() || declaresBody(cd, m)) continue;
      if (kind == RecordMembers.Member.EQUALS && !u.types.isSameType(u.types.erasure(m.params().head.type), u.state.getSymtab().objectType)) continue;
      u.guard(Descriptors.displayClass(c) + "." + m.name + "()", () -> {
        MethodRef ref = u.descriptors.method(m);
        SourcePos pos = u.positions.of(cd);
        String display = Descriptors.displayClass(c) + "." + m.name;
        MethodIRBuilder b = new MethodIRBuilder(ref, display, u.sourceFile, pos);
        b.hot(classHot).baseLoopDepth(baseDepth);
        BodyLowering l = new BodyLowering(u, b, c, false, baseDepth, classHot, display, m.getReturnType(), null);
        l.declareSelf("this", c.flatName().toString(), pos);
        if (kind == RecordMembers.Member.EQUALS) l.syntheticParam("o", "java.lang.Object", pos);
        l.recordMemberBody(kind, c, pos);
        u.add(b.build(), null, l);
      });
    }
  }

  private static boolean declaresBody(JCClassDecl cd, MethodSymbol m) {
    for (JCTree def : cd.defs) {
      if (def instanceof JCMethodDecl md && md.sym == m && md.body != null) return true;
    }
    return false;
  }

  private static void lowerClinit(UnitContext u, ClassSymbol c, JCClassDecl cd, TreePath classPath, List<JCTree> inits) {
    MethodRef ref = new MethodRef(c.flatName().toString(), "<clinit>", List.of(), "void", true);
    String display = Descriptors.displayClass(c) + ".<clinit>";
    MethodIRBuilder b = new MethodIRBuilder(ref, display, u.sourceFile, u.positions.of(cd)).errorLogging(LoggingGuards::isErrorLogging);
    // A static initializer runs once: never hot, even in a @HotPath class.
    BodyLowering l = new BodyLowering(u, b, c, false, 0, false, display, null, classPath);
    for (JCTree d : inits) {
      if (d instanceof JCVariableDecl v) l.fieldInit(v, classPath);
      else if (d instanceof JCBlock blk) l.initializerBlock(blk, classPath);
    }
    u.add(b.build(), classPath, l);
  }

  /** The return type of the lambda's functional descriptor, or null when it cannot be read. */
  private static Type descriptorReturn(UnitContext u, JCLambda t) {
    try {
      return u.types.findDescriptorType(t.type).getReturnType();
    } catch (RuntimeException e) {
      return null; // not a functional interface type we can read: the body's value is a reference
    }
  }

  /** The synthetic method of a lambda body: slot 0 the lambda object, then the lambda's parameters. */
  static MethodRef lambdaRef(UnitContext u, JCLambda t, String name, ClassSymbol cls) {
    List<String> params = new ArrayList<>();
    for (JCVariableDecl p : t.params) params.add(u.descriptors.typeName(p.sym != null ? p.sym.type : p.type));
    Type ret = descriptorReturn(u, t);
    return new MethodRef(cls.flatName().toString(), name, params,
        ret == null ? "java.lang.Object" : u.descriptors.typeName(ret), false);
  }

  static void lowerLambda(UnitContext u, JCLambda t, TreePath lambdaPath, String name, ClassSymbol cls, int depth,
      boolean hot, String display) {
    u.guard(display + " (" + name + ")", () -> {
      Type ret = descriptorReturn(u, t);
      MethodRef ref = lambdaRef(u, t, name, cls);
      SourcePos pos = u.positions.of(t);
      MethodIRBuilder b = new MethodIRBuilder(ref, display, u.sourceFile, pos).errorLogging(LoggingGuards::isErrorLogging)
          .hot(hot).baseLoopDepth(depth).synthetic(true).visibility(dev.noescape.ir.Visibility.PRIVATE);
      BodyLowering l = new BodyLowering(u, b, cls, true, depth, hot, display, ret, lambdaPath);
      l.declareSelf("$lambda", u.descriptors.typeName(t.type), pos);
      for (JCVariableDecl p : t.params) l.declareParam(p);
      if (t.body instanceof JCExpression e) l.expressionBody(e);
      else if (t.body instanceof JCStatement s) l.statement(s);
      u.add(b.build(), lambdaPath, l);
    });
  }
}
