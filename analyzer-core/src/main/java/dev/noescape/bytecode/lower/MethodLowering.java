package dev.noescape.bytecode.lower;

import dev.noescape.bytecode.hierarchy.Hierarchy;
import dev.noescape.bytecode.locals.Locals;
import dev.noescape.bytecode.loop.BranchArms;
import dev.noescape.bytecode.loop.IterationOrder;
import dev.noescape.bytecode.loop.LoopForest;
import dev.noescape.models.LoggingGuards;
import dev.noescape.bytecode.loop.RetryLoops;
import dev.noescape.bytecode.loop.TripCounts;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.BinaryNames;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.CacheMisses;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.FieldRanges;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.RecordMembers;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourceLoops;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import dev.noescape.models.IteratingMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sootup.core.jimple.common.Immediate;
import sootup.core.jimple.common.Local;
import sootup.core.jimple.common.Value;
import sootup.core.jimple.common.constant.MethodHandle;
import sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr;
import sootup.core.jimple.common.expr.AbstractInvokeExpr;
import sootup.core.jimple.common.expr.JCastExpr;
import sootup.core.jimple.common.expr.JDynamicInvokeExpr;
import sootup.core.jimple.common.expr.JNewArrayExpr;
import sootup.core.jimple.common.expr.JNewExpr;
import sootup.core.jimple.common.expr.JNewMultiArrayExpr;
import sootup.core.jimple.common.expr.JSpecialInvokeExpr;
import sootup.core.jimple.common.expr.JStaticInvokeExpr;
import sootup.core.jimple.common.expr.JVirtualInvokeExpr;
import sootup.core.jimple.common.ref.JArrayRef;
import sootup.core.jimple.common.constant.NullConstant;
import sootup.core.jimple.common.constant.StringConstant;
import sootup.core.jimple.common.ref.JCaughtExceptionRef;
import sootup.core.jimple.common.ref.JInstanceFieldRef;
import sootup.core.jimple.common.ref.JParameterRef;
import sootup.core.jimple.common.ref.JStaticFieldRef;
import sootup.core.jimple.common.ref.JThisRef;
import sootup.core.jimple.common.stmt.BranchingStmt;
import sootup.core.jimple.common.stmt.JAssignStmt;
import sootup.core.jimple.common.stmt.JIdentityStmt;
import sootup.core.jimple.common.stmt.JIfStmt;
import sootup.core.jimple.javabytecode.stmt.JSwitchStmt;
import sootup.core.jimple.common.stmt.JInvokeStmt;
import sootup.core.jimple.common.stmt.JReturnStmt;
import sootup.core.jimple.common.stmt.JThrowStmt;
import sootup.core.jimple.common.stmt.Stmt;
import sootup.core.jimple.javabytecode.stmt.JEnterMonitorStmt;
import sootup.core.model.Body;
import sootup.core.signatures.FieldSignature;
import sootup.core.signatures.MethodSignature;
import sootup.core.types.ArrayType;
import sootup.core.types.PrimitiveType;
import sootup.core.types.Type;

/**
 * One Jimple body to one {@link MethodIR}, with the javac front end's conventions (see the package
 * documentation). Statements are visited in an order that keeps every loop contiguous (SootUp's
 * linear order, each loop's statements gathered at its place, exception handlers with the loop they
 * return to), so {@link dev.noescape.ir.Loop#firstOrdinal()}..{@code lastOrdinal()} cover exactly
 * the loop.
 */
public final class MethodLowering {
  /** How a body inherits from the expression that creates it (lambda bodies, anonymous classes). */
  public record Inherit(boolean hot, int depth, String display) {}

  /** What a lambda body needs from its creation site. */
  public record LambdaInfo(int captured, List<String> capturedNames, String interfaceType, Inherit inherit) {}

  /** Per-class services the lowering asks. */
  public interface ClassServices {
    Hierarchy hierarchy();

    /** Parameter names of a method of the program (LocalVariableTable), or null. */
    List<String> paramNames(MethodSignature m);

    /** Captured names of an anonymous program class ({@code val$x} fields, {@code this$0} as this). */
    List<String> anonymousCaptures(String cls);

    /**
     * Per argument index of an anonymous class's constructor, the captured value it carries (a
     * name of {@link #anonymousCaptures}); empty when unknown.
     */
    default Map<Integer, String> anonymousCaptureArgs(MethodSignature ctor) {
      return Map.of();
    }

    /** Keys of the instance methods an anonymous program class declares. */
    List<String> anonymousBodies(String cls);

    /** Whether a program class is anonymous. */
    boolean isAnonymous(String cls);

    /** Its direct supertype as the user wrote it (interface when it implements one). */
    String anonymousSuper(String cls);

    void lambdaCreated(String implKey, LambdaInfo info);

    void anonymousCreated(String cls, Inherit inherit);

    /** Whether a JDK or program class is generic (for {@code new ArrayList<>()} descriptions). */
    boolean isGeneric(String cls);

    /** Where the source puts loop statements ({@link SourceLoops#NONE} without sources). */
    default SourceLoops sourceLoops() {
      return SourceLoops.NONE;
    }

    /**
     * The LocalVariableTable of a program method ({@code name + descriptor}) when it reuses slots
     * for differently named variables, else empty.
     */
    default List<Locals.Var> localVariables(String cls, String methodKey) {
      return List.of();
    }

    /**
     * The allocating and calling instructions of a program method ({@code name + descriptor}) with
     * their bytecode offsets, in bytecode order; empty when not known (positions then carry no bci).
     */
    default List<Offsets.Insn> instructions(String cls, String methodKey) {
      return List.of();
    }

    /** Whether an instance field of a program class is {@code final} or {@code private} ({@link FieldRanges.Write#sealed()}). */
    default boolean sealedField(FieldRef f) {
      return false;
    }
  }

  private final ClassServices cs;
  private final Hierarchy h;
  private final String cls;
  private final Body body;
  private final List<Stmt> stmts;
  /** The bytecode offset of each statement that allocates or calls ({@link Offsets}), else -1. */
  private final int[] bci;
  private final Locals locals;
  private final LoopForest forest;
  /** The file the class file names ({@code pkg/Name.java}), for {@link ClassServices#sourceLoops()}. */
  private String sourceFile;
  /** The cold path of each statement ({@link ColdRegions}). */
  private final ColdPath[] cold;
  private final MethodIRBuilder b;
  private final Map<Local, Var> vars = new HashMap<>();
  private final Map<Local, AbstractInvokeExpr> varargsArrays = new HashMap<>();
  /**
   * The lambda body whose functional object each local was last assigned in program order, for the
   * call it is passed to ({@code MethodIRBuilder.passesHandle}).
   */
  private final Map<Local, String> lambdaBodies = new HashMap<>();
  /** The constructor call of each {@code new} statement (by statement index). */
  private final Map<Integer, AbstractInvokeExpr> initOfNew = new HashMap<>();
  /** The {@code new} statement each constructor call initializes (the inverse of {@link #initOfNew}). */
  private final Map<AbstractInvokeExpr, Integer> newOfInit = new java.util.IdentityHashMap<>();
  /** {@code new} statements whose local is also assigned elsewhere (a conditional's arms share one stack local). */
  private final Set<Integer> sharedNew = new HashSet<>();
  /** For those, the variable that holds only the new object, the constructor's receiver. */
  private final Map<Integer, Var> newReceiver = new HashMap<>();
  private final Set<Local> iteratingArgs = new HashSet<>();
  private List<dev.noescape.ir.Stmt.Call> virtualCalls = new ArrayList<>();
  private final boolean hot;
  private final String display;
  private int line;
  private int base;

  private MethodLowering(ClassServices cs, String cls, Body body, MethodIRBuilder b, boolean hot, String display) {
    this.cs = cs;
    this.h = cs.hierarchy();
    this.cls = cls;
    this.body = body;
    this.stmts = body.getStmts();
    this.locals = new Locals(stmts, cls, cs.localVariables(cls, descriptorKey(body.getMethodSignature())));
    this.bci = Offsets.assign(stmts, cs.instructions(cls, descriptorKey(body.getMethodSignature())));
    this.b = b;
    this.hot = hot;
    this.display = display;
    Map<Stmt, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < stmts.size(); i++) index.put(stmts.get(i), i);
    int[][] succ = new int[stmts.size()][];
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      List<Integer> out = new ArrayList<>(2);
      if (s.fallsThrough() && i + 1 < stmts.size()) out.add(i + 1);
      if (s.branches() && s instanceof BranchingStmt bs) {
        for (Stmt t : body.getBranchTargetsOf(bs)) {
          Integer ti = index.get(t);
          if (ti != null && !out.contains(ti)) out.add(ti);
        }
      }
      succ[i] = out.stream().mapToInt(Integer::intValue).toArray();
    }
    this.forest = new LoopForest(succ);
    this.cold = ColdRegions.of(stmts, forest, locals);
    this.missGuards = ColdRegions.missGuards(stmts, forest, locals);
    this.missGuardIds = new int[missGuards.size()];
    java.util.Arrays.fill(missGuardIds, -1);
  }

  /** The guards a cache miss may pass ({@link ColdRegions#missGuards}), and their ids in the builder once declared (else -1). */
  private final List<ColdRegions.MissGuard> missGuards;
  private final int[] missGuardIds;

  /** Opens the guards whose region holds statement {@code i}, declaring each on first use; returns how many. */
  private int beginMissGuards(int i) {
    int open = 0;
    for (int g = 0; g < missGuards.size(); g++) {
      ColdRegions.MissGuard mg = missGuards.get(g);
      if (!mg.region().get(i)) continue;
      if (missGuardIds[g] < 0) {
        missGuardIds[g] = b.guard(mg.tested() != null ? CacheMisses.Guard.nullTest(var(mg.tested()))
            : CacheMisses.Guard.missingKey(var(((sootup.core.jimple.common.expr.AbstractInstanceInvokeExpr) mg.containsKey()).getBase()),
                var(mg.containsKey().getArg(0))));
      }
      b.beginGuarded(missGuardIds[g]);
      open++;
    }
    return open;
  }

  /** {@code name(descriptor)return}, as ASM names a method. */
  static String descriptorKey(MethodSignature sig) {
    StringBuilder sb = new StringBuilder(sig.getName()).append('(');
    for (Type t : sig.getParameterTypes()) sb.append(descriptor(t));
    return sb.append(')').append(descriptor(sig.getType())).toString();
  }

  private static String descriptor(Type t) {
    String n = t.toString();
    StringBuilder dims = new StringBuilder();
    while (n.endsWith("[]")) {
      dims.append('[');
      n = n.substring(0, n.length() - 2);
    }
    String d = switch (n) {
      case "int" -> "I";
      case "long" -> "J";
      case "boolean" -> "Z";
      case "byte" -> "B";
      case "char" -> "C";
      case "short" -> "S";
      case "float" -> "F";
      case "double" -> "D";
      case "void" -> "V";
      default -> "L" + n.replace('.', '/') + ";";
    };
    return dims + d;
  }

  /**
   * Lowers a method or lambda body.
   *
   * @param lambda non-null for a {@code lambda$} body: its captured prefix and what it inherits
   * @param virtualCalls receives the virtual calls, whose overrides {@code Dispatch} fills in later
   */
  public static MethodIR lower(ClassServices cs, String cls, String sourceFile, MethodSignature sig, boolean isStatic,
      Body body, Set<String> annotations, boolean hot, Inherit inherit, LambdaInfo lambda, List<dev.noescape.ir.Stmt.Call> virtualCalls) {
    List<String> params = new ArrayList<>();
    for (Type t : sig.getParameterTypes()) params.add(typeName(t));
    String name = sig.getName();
    String ret = typeName(sig.getType());
    String display;
    MethodRef ref;
    boolean thisIsLambda = lambda != null;
    if (thisIsLambda) {
      int drop = Math.min(params.size(), lambda.captured() - (isStatic ? 0 : 1));
      ref = new MethodRef(cls, name, params.subList(Math.max(0, drop), params.size()), ret, false);
      display = lambda.inherit().display();
      hot = lambda.inherit().hot();
    } else {
      ref = new MethodRef(cls, name, params, ret, isStatic);
      display = inherit != null && inherit.display() != null ? inherit.display()
          : BinaryNames.simple(cls) + "." + name;
      if (inherit != null) hot |= inherit.hot();
    }
    int first = firstLine(body);
    SourcePos pos = SourcePos.line(declarationLine(body, name, first));
    MethodIRBuilder b = new MethodIRBuilder(ref, display, sourceFile, pos).hot(hot).synthetic(thisIsLambda)
        .errorLogging(LoggingGuards::isErrorLogging);
    // an enum's constructor runs only from its static initializer
    Hierarchy.ClassInfo info = cs.hierarchy().programClass(cls);
    b.classInitialization(name.equals(MethodRef.CONSTRUCTOR) && info != null && "java.lang.Enum".equals(info.superName()));
    if (thisIsLambda) b.baseLoopDepth(lambda.inherit().depth());
    else if (inherit != null) b.baseLoopDepth(inherit.depth());
    for (String a : annotations) b.annotation(a);
    MethodLowering l = new MethodLowering(cs, cls, body, b, hot, display);
    l.virtualCalls = virtualCalls;
    l.sourceFile = sourceFile;
    l.line = first;
    l.base = thisIsLambda ? lambda.inherit().depth() : inherit != null ? inherit.depth() : 0;
    l.params(sig, isStatic, lambda, pos);
    l.prepass();
    l.walk();
    l.throwFlow();
    return b.build();
  }

  /**
   * The line of the declaration, which bytecode does not record: a constructor's implicit or explicit
   * {@code super(...)}/{@code this(...)} call carries it; for other methods the line before the first
   * statement (right for the usual layout; a multi-line parameter list gets its last line).
   */
  private static int declarationLine(Body body, String name, int first) {
    if (name.equals("<init>")) {
      for (Stmt s : body.getStmts()) {
        if (s instanceof JIdentityStmt) continue;
        AbstractInvokeExpr ie = invoke(s);
        if (ie instanceof JSpecialInvokeExpr sp && ie.getMethodSignature().getName().equals("<init>")
            && sp.getBase().getName().equals(body.getThisLocal().getName())) {
          int ln = s.getPositionInfo().getStmtPosition().getFirstLine();
          if (ln > 0) return ln;
        }
        if (s instanceof JAssignStmt a && a.getRightOp() instanceof JNewExpr) break;
      }
    }
    return Math.max(0, first - 1);
  }

  private static int firstLine(Body body) {
    for (Stmt s : body.getStmts()) {
      int ln = s.getPositionInfo().getStmtPosition().getFirstLine();
      if (ln > 0) return ln;
    }
    return 0;
  }

  public static String typeName(Type t) {
    return t.toString();
  }

  private static boolean isRef(Type t) {
    return !(t instanceof PrimitiveType) && !"void".equals(t.toString());
  }

  // ---- parameters ----

  private Var lambdaObj;
  private final Map<Integer, Var> paramVars = new HashMap<>();
  private final Map<Integer, String> capturedParam = new HashMap<>();
  private String lambdaThisCapture;

  private void params(MethodSignature sig, boolean isStatic, LambdaInfo lambda, SourcePos pos) {
    List<Local> pl = new ArrayList<>();
    for (Stmt s : stmts) {
      if (s instanceof JIdentityStmt id && id.getRightOp() instanceof JParameterRef pr) {
        while (pl.size() <= pr.getIndex()) pl.add(null);
        pl.set(pr.getIndex(), id.getLeftOp());
      }
    }
    List<Type> types = sig.getParameterTypes();
    int firstDeclared = 0;
    if (lambda != null) {
      lambdaObj = b.param("$lambda", lambda.interfaceType(), pos);
      int k = lambda.captured() - (isStatic ? 0 : 1);
      if (!isStatic) lambdaThisCapture = "this";
      for (int i = 0; i < k && i < types.size(); i++) {
        Local l = i < pl.size() ? pl.get(i) : null;
        capturedParam.put(i, l != null ? Locals.sourceName(l) : "p" + i);
      }
      firstDeclared = Math.max(0, k);
    } else if (!isStatic) {
      paramVars.put(-1, b.param("this", cls, pos));
    }
    for (int i = firstDeclared; i < types.size(); i++) {
      Local l = i < pl.size() ? pl.get(i) : null;
      if (isRef(types.get(i))) {
        paramVars.put(i, b.param(l != null ? Locals.sourceName(l) : "p" + i, typeName(types.get(i)), pos));
      } else {
        b.primitiveParam(pos);
      }
    }
  }

  // ---- facts gathered before the walk ----

  private static AbstractInvokeExpr invoke(Stmt s) {
    if (s instanceof JInvokeStmt is) return is.getInvokeExpr().orElse(null);
    if (s instanceof JAssignStmt a && a.getRightOp() instanceof AbstractInvokeExpr ie) return ie;
    return null;
  }

  private void prepass() {
    // Each new's constructor call is the next <init> on its local: javac's bytecode evaluates the
    // arguments between the two, never another new into the same local.
    Map<Local, Integer> pendingNew = new HashMap<>();
    Map<Local, Integer> assignments = new HashMap<>();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s instanceof JAssignStmt a && a.getLeftOp() instanceof Local ll) {
        assignments.merge(ll, 1, Integer::sum);
        if (a.getRightOp() instanceof JNewExpr) pendingNew.put(locals.root(ll), i);
      }
      AbstractInvokeExpr ie = invoke(s);
      if (ie == null || ie instanceof JDynamicInvokeExpr) continue;
      MethodSignature sig = ie.getMethodSignature();
      if (ie instanceof JSpecialInvokeExpr sp && sig.getName().equals("<init>")) {
        Integer n = pendingNew.remove(locals.root(sp.getBase()));
        if (n != null) {
          initOfNew.put(n, ie);
          newOfInit.put(ie, n);
        }
      }
      List<Immediate> args = ie.getArgs();
      if (!args.isEmpty() && args.get(args.size() - 1) instanceof Local last) {
        Local root = locals.root(last);
        if (!Locals.named(root) && locals.def(root) instanceof JNewArrayExpr) {
          String owner = sig.getDeclClassType().getFullyQualifiedName();
          List<String> ps = paramTypes(sig);
          boolean va = sig.getName().equals("<init>") ? h.isVarargsConstructor(owner, ps) : h.isVarargs(owner, sig.getName(), ps);
          if (va) varargsArrays.put(root, ie);
        }
      }
      if (IteratingMethods.isIterating(sig.getDeclClassType().getFullyQualifiedName(), sig.getName())) {
        for (Immediate a : args) if (a instanceof Local l) iteratingArgs.add(locals.root(l));
      }
    }
    for (Map.Entry<Integer, AbstractInvokeExpr> e : initOfNew.entrySet()) {
      if (stmts.get(e.getKey()) instanceof JAssignStmt a && assignments.getOrDefault((Local) a.getLeftOp(), 0) > 1) {
        sharedNew.add(e.getKey());
      }
    }
    builderChains();
    throwOperands();
  }

  // ---- the operand of a throw statement ----

  /** Statement indexes that evaluate the operand of a {@code throw} ({@link dev.noescape.ir.StmtContext#inThrow()}). */
  private final Set<Integer> throwOperand = new HashSet<>();

  /**
   * Finds the statements of each {@code throw} statement's operand, which bytecode no longer groups.
   * Only an operand-stack temporary counts ({@code throw e} of a named local is not a throw
   * expression that allocates). When the thrown temporary is a {@code new} ({@code throw new X(..)}),
   * javac emits the {@code new} first, then the arguments (concatenations, conditionals), the
   * constructor call and the {@code athrow}: every statement from the {@code new} to the
   * {@code athrow}, in bytecode order. Otherwise ({@code throw fail("bad " + x)}) the expression
   * tree: the statement defining the thrown temporary, and recursively those defining the
   * temporaries it uses.
   */
  private void throwOperands() {
    Map<Stmt, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < stmts.size(); i++) index.put(stmts.get(i), i);
    for (int t = 0; t < stmts.size(); t++) {
      if (!(stmts.get(t) instanceof JThrowStmt ts) || !(ts.getOp() instanceof Local x) || Locals.named(x)) continue;
      Stmt d = locals.defStmt(x);
      Integer di = d == null ? null : index.get(d);
      if (di == null || di >= t) continue;
      // The thrown temporary may be a copy of the `new`'s (SootUp's stack locals).
      Local root = locals.root(x);
      Stmt nd = locals.def(root) instanceof JNewExpr ? locals.defStmt(root) : null;
      Integer ni = nd == null ? null : index.get(nd);
      if (ni != null && ni < t && !Locals.named(root)) {
        for (int k = ni; k <= t; k++) throwOperand.add(k);
        continue;
      }
      throwOperand.add(t);
      java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(List.of(di));
      while (!work.isEmpty()) {
        int k = work.pop();
        if (!throwOperand.add(k)) continue;
        for (Value v : stmts.get(k).getUses()) {
          if (!(v instanceof Local u) || Locals.named(u)) continue;
          Integer ui = locals.defStmt(u) == null ? null : index.get(locals.defStmt(u));
          if (ui != null && ui < k) work.push(ui);
        }
      }
    }
  }

  // ---- string concatenation compiled to a StringBuilder chain ----

  /** A {@code +} compiled to a builder chain: the {@code toString()} result, the operands in order, the {@code new}'s line. */
  private record BuilderChain(Local result, List<Immediate> operands, int line) {}

  /** Statements of recognised builder chains (skipped by the walk); the chains by their {@code toString()} statement. */
  private final Set<Integer> chainStmts = new HashSet<>();
  private final Map<Integer, BuilderChain> chainEnds = new HashMap<>();

  private static final Set<String> BUILDERS = Set.of("java.lang.StringBuilder", "java.lang.StringBuffer");

  /**
   * String concatenation as compilers before Java 9 (and javac with {@code -XDstringConcat=inline})
   * emit it: {@code new StringBuilder}, {@code <init>()} or {@code <init>(String)} (ecj and old javac:
   * {@code new StringBuilder(String.valueOf(first))}), {@code append(x)}*, {@code toString()}. The
   * builder and each {@code append}'s result are operand-stack temporaries, each used only by the
   * next link of the chain, so the builder is invisible to the source: a builder with a name, kept
   * in a slot, or used anywhere else is the user's and stays an ordinary allocation. A chain is
   * lowered as {@code makeConcatWithConstants} is: one {@code STRING_CONCAT} site at the
   * {@code toString()}, with the {@code new}'s line; the builder, its calls and the
   * {@code String.valueOf} of the first operand are not lowered.
   */
  private void builderChains() {
    Map<Local, List<Integer>> useStmts = new HashMap<>();
    for (int i = 0; i < stmts.size(); i++) {
      for (Value v : stmts.get(i).getUses()) {
        if (v instanceof Local l) {
          List<Integer> u = useStmts.computeIfAbsent(l, k -> new ArrayList<>(2));
          if (!u.contains(i)) u.add(i);
        }
      }
    }
    for (int i = 0; i < stmts.size(); i++) {
      if (!(stmts.get(i) instanceof JAssignStmt a && a.getLeftOp() instanceof Local b0 && a.getRightOp() instanceof JNewExpr ne)) continue;
      String type = ne.getType().getFullyQualifiedName();
      if (!BUILDERS.contains(type) || !stackTemp(b0) || locals.defs(b0) != 1) continue;
      List<Integer> u = useStmts.getOrDefault(b0, List.of());
      if (u.size() != 2) continue;
      Set<Integer> members = new HashSet<>();
      members.add(i);
      List<Immediate> operands = new ArrayList<>();
      int next = -1;
      boolean ok = true;
      for (int j : u) {
        AbstractInvokeExpr ie = invoke(stmts.get(j));
        if (stmts.get(j) instanceof JInvokeStmt && ie instanceof JSpecialInvokeExpr sp && sp.getBase().equals(b0)
            && ie.getMethodSignature().getName().equals("<init>")) {
          List<Immediate> args = ie.getArgs();
          if (args.size() == 1 && ie.getMethodSignature().getParameterType(0).toString().equals("java.lang.String")) {
            operands.add(valueOfArg(args.get(0), useStmts, members));
          } else if (!args.isEmpty()) {
            ok = false;
          }
          members.add(j);
        } else {
          next = j;
        }
      }
      if (!ok || next < 0 || members.size() < 2) continue;
      Local cur = b0;
      Local result = null;
      while (true) {
        if (!(stmts.get(next) instanceof JAssignStmt la && la.getLeftOp() instanceof Local out
            && la.getRightOp() instanceof AbstractInstanceInvokeExpr call && call.getBase().equals(cur)
            && call.getMethodSignature().getDeclClassType().getFullyQualifiedName().equals(type))) {
          break;
        }
        String name = call.getMethodSignature().getName();
        List<Immediate> args = call.getArgs();
        if (name.equals("toString") && args.isEmpty()) {
          members.add(next);
          result = out;
          break;
        }
        if (!name.equals("append") || args.size() != 1 || args.get(0).equals(cur) || !stackTemp(out)
            || locals.defs(out) != 1) {
          break;
        }
        List<Integer> ou = useStmts.getOrDefault(out, List.of());
        if (ou.size() != 1) break;
        members.add(next);
        operands.add(args.get(0));
        cur = out;
        next = ou.get(0);
      }
      if (result == null) continue;
      chainStmts.addAll(members);
      chainEnds.put(next, new BuilderChain(result, operands, stmts.get(i).getPositionInfo().getStmtPosition().getFirstLine()));
    }
  }

  /** An operand-stack temporary (not a LocalVariableTable variable, nor a slot without one). */
  private static boolean stackTemp(Local l) {
    return l.getName().startsWith("$");
  }

  /** {@code String.valueOf(x)} on a temporary used only here: {@code x} (its call joins the chain); otherwise the value. */
  private Immediate valueOfArg(Immediate v, Map<Local, List<Integer>> useStmts, Set<Integer> members) {
    if (!(v instanceof Local t) || !stackTemp(t) || locals.defs(t) != 1) return v;
    if (!(locals.def(t) instanceof JStaticInvokeExpr st) || st.getArgs().size() != 1
        || !st.getMethodSignature().getName().equals("valueOf")
        || !st.getMethodSignature().getDeclClassType().getFullyQualifiedName().equals("java.lang.String")
        || useStmts.getOrDefault(t, List.of()).size() != 1) {
      return v;
    }
    members.add(stmts.indexOf(locals.defStmt(t)));
    return st.getArgs().get(0);
  }

  private static List<String> paramTypes(MethodSignature sig) {
    List<String> ps = new ArrayList<>();
    for (Type t : sig.getParameterTypes()) ps.add(typeName(t));
    return ps;
  }

  // ---- the walk ----

  private void walk() {
    List<Object> top = new ArrayList<>();
    Map<LoopForest.NLoop, List<Object>> members = new IdentityHashMap<>();
    for (LoopForest.NLoop l : forest.loops) members.put(l, new ArrayList<>());
    for (LoopForest.NLoop l : forest.loops) {
      (l.parent == null ? top : members.get(l.parent)).add(l);
    }
    for (int i = 0; i < stmts.size(); i++) {
      LoopForest.NLoop l = forest.innermost[i];
      (l == null ? top : members.get(l)).add(i);
    }
    emit(top, members);
  }

  private static int firstIndex(Object o) {
    return o instanceof Integer i ? i : ((LoopForest.NLoop) o).header;
  }

  private void emit(List<Object> items, Map<LoopForest.NLoop, List<Object>> members) {
    items.sort((x, y) -> {
      int c = Integer.compare(firstIndex(x), firstIndex(y));
      return c != 0 ? c : (x instanceof LoopForest.NLoop ? -1 : 1);
    });
    for (Object o : items) {
      if (o instanceof Integer i) {
        statement(i);
      } else {
        LoopForest.NLoop l = (LoopForest.NLoop) o;
        TripCounts.Shape shape = TripCounts.of(l, forest, stmts, locals, h);
        int ln = stmts.get(l.header).getPositionInfo().getStmtPosition().getFirstLine();
        if (ln <= 0) ln = line;
        // A loop that tests a condition first has its first instruction on the loop's line (the
        // condition's); one that does not (for (;;), while (true), do) starts with its body.
        boolean tested = shape.kind() != LoopKind.DO_WHILE;
        // the loop's first line may be its own (a condition whose first part does not leave:
        // while (a || b)) unless a nested loop starts there (for (;;) { for (x : xs) … })
        boolean mayStartLoop = tested;
        if (!tested) {
          mayStartLoop = true;
          for (LoopForest.NLoop c : l.children) {
            if (stmts.get(c.header).getPositionInfo().getStmtPosition().getFirstLine() == ln) mayStartLoop = false;
          }
        }
        SourceLoops.LoopStatement stated = ln > 0 ? cs.sourceLoops().loopAt(sourceFile, ln, mayStartLoop) : null;
        int loopId = b.beginLoop(shape.kind(), SourcePos.line(stated != null ? stated.line() : ln), stated != null || tested,
            shape.tripCount(), shape.reason());
        irLoopIds.put(l, loopId);
        // No condition of its own: the source says so; without it, no test at its start (a for (;;)
        // starting with if (…) return; looks like a while). The source also tells a retry loop
        // whose last test jumps straight back (javac chains the jump) from a do … while (cond).
        boolean conditionless = stated != null ? stated.conditionless() : !tested;
        if (conditionless && RetryLoops.endsInExitTests(l, forest, stmts, stated != null)) b.retryLoop();
        if (shape.indexRange() != null) indexRanges.put(shape.index(), shape.indexRange());
        if (shape.indexBound() != null) {
          b.loopIndexBound(shape.indexBound());
          indexBounds.put(shape.index(), shape.indexBound());
        }
        emit(members.get(l), members);
        if (shape.indexRange() != null) indexRanges.remove(shape.index());
        if (shape.indexBound() != null) indexBounds.remove(shape.index());
        b.endLoop();
      }
    }
  }

  /** The IR id of each loop emitted so far. */
  private final Map<LoopForest.NLoop, Integer> irLoopIds = new HashMap<>();

  /** The arms of the branches in loops ({@link dev.noescape.ir.Arms}), found on first use. */
  private BranchArms arms;

  /**
   * The arm a call statement {@code i}, a store of a reference (a constant string or null too) into
   * a field or an array element, or
   * an allocation runs exactly once in, when it does not run once per iteration (outside loops: on
   * every path to a normal return); else null. Calls
   * for a list's adds (rules.CollectionFill), calls and stores for what hands a box on
   * (rules.BoxTarget), allocations (with calls: boxes and lambdas are calls here) for what runs
   * whenever a site does (rules.CostlyCalls: a write on the arm of a varargs array or an anonymous
   * class, as the javac front end gives every statement's arm); other statements are not searched
   * (the search is linear in the loop's body).
   */
  private dev.noescape.ir.Arms.Arm arm(int i) {
    Stmt s = stmts.get(i);
    boolean invokes = s instanceof JInvokeStmt || s instanceof JAssignStmt a && a.getRightOp() instanceof AbstractInvokeExpr;
    boolean storesRef = s instanceof JAssignStmt a && (a.getLeftOp() instanceof JInstanceFieldRef
        || a.getLeftOp() instanceof JStaticFieldRef || a.getLeftOp() instanceof JArrayRef)
        && (a.getRightOp() instanceof Local v ? isRef(v.getType())
            : a.getRightOp() instanceof StringConstant || a.getRightOp() instanceof NullConstant);
    boolean allocates = s instanceof JAssignStmt a && (a.getRightOp() instanceof JNewExpr
        || a.getRightOp() instanceof JNewArrayExpr || a.getRightOp() instanceof JNewMultiArrayExpr);
    if (!invokes && !storesRef && !allocates || forest.innermost[i] != null && oncePerIteration(i)) return null;
    if (arms == null) {
      // outside loops a branch runs once when every normal exit passes it (StmtContext.conditional)
      arms = new BranchArms(forest, j -> stmts.get(j) instanceof JIfStmt || stmts.get(j) instanceof JSwitchStmt,
          this::exhaustivenessFailure, j -> forest.innermost[j] != null ? oncePerIteration(j) : onEveryPathToReturn(j),
          (loop, n, parent, parentArm) -> b.declareBranch(irLoopIds.getOrDefault(loop, -1), n, parent, parentArm));
    }
    return arms.armOf(i);
  }

  /**
   * Whether statement {@code j} throws what javac's hidden {@code default} of an exhaustive
   * {@code switch} throws: a {@code MatchException} (Java 21 and later), or an
   * {@code IncompatibleClassChangeError} for older targets.
   */
  private boolean exhaustivenessFailure(int j) {
    if (!(stmts.get(j) instanceof JThrowStmt t) || !(t.getOp() instanceof Local x)) return false;
    // javac's default is `new X; X.<init>(…); throw`, straight-line: follow the thrown local back
    // through the casts SootUp inserts (its type is widened to Throwable) to the allocation
    Local v = x;
    for (int k = j - 1; k >= Math.max(0, j - 6); k--) {
      if (!(stmts.get(k) instanceof JAssignStmt a) || !v.equals(a.getLeftOp())) continue;
      Value rhs = a.getRightOp() instanceof JCastExpr c ? c.getOp() : a.getRightOp();
      if (rhs instanceof Local from) {
        v = from;
        continue;
      }
      if (!(rhs instanceof JNewExpr n)) return false;
      String type = n.getType().toString();
      return type.equals("java.lang.MatchException") || type.equals("java.lang.IncompatibleClassChangeError");
    }
    return false;
  }




  /** The index of each counted loop being emitted whose values are known ({@link TripCounts.Shape#indexRange}). */
  private final Map<Local, Boxes.Range> indexRanges = new HashMap<>();

  /** The values of {@code v} when it is (a stack copy of) the index of a counted loop around it, else null. */
  private Boxes.Range indexRange(Immediate v) {
    if (!(v instanceof Local l)) return null;
    Boxes.Range r = indexRanges.get(l);
    if (r == null && !Locals.named(l) && locals.def(l) instanceof Local src) r = indexRanges.get(src);
    return r;
  }

  /**
   * The values a boxed {@code v} is known to take: the index's ({@link #indexRange}), else its type's
   * ({@link Boxes.Range#ofType}: Jimple types a local read from a {@code byte} array, field or
   * parameter as {@code byte}), else null.
   */
  private Boxes.Range valueRange(Immediate v) {
    Boxes.Range r = indexRange(v);
    if (r != null) return r;
    Value typed = v;
    // a temporary of a widening cast ((long) b for Long.valueOf(b)): the type before the cast
    if (v instanceof Local t && !Locals.named(t) && locals.def(t) instanceof JCastExpr c && WIDER.contains(c.getType().toString())) {
      typed = c.getOp();
    }
    return Boxes.Range.ofType(typed.getType().toString());
  }

  /** The integral types a {@code byte} widens to keeping its value ({@code char} does not: {@code (char) -1} is 65535). */
  private static final Set<String> WIDER = Set.of("short", "int", "long");

  /** The index of each counted loop being emitted that counts up to a field ({@link TripCounts.Shape#indexBound}). */
  private final Map<Local, FieldRanges.Bound> indexBounds = new HashMap<>();

  /**
   * The field that bounds {@code v} ({@link FieldRanges.Bound}): when it is (a stack copy of) the
   * index of a counted loop up to one, or a read of an integral instance field; else null.
   */
  private FieldRanges.Bound fieldBound(Immediate v) {
    if (!(v instanceof Local l)) return null;
    FieldRanges.Bound r = indexBounds.get(l);
    if (r == null && !Locals.named(l) && locals.def(l) instanceof Local src) r = indexBounds.get(src);
    if (r != null) return r;
    FieldRef f = TripCounts.fieldRead(l, locals);
    String text = f == null ? null : locals.text(l, 0);
    return text == null ? null : new FieldRanges.Bound(f, text, null, 0, null);
  }

  /** The parameter checks of this body ({@link CheckedParameters}), found on first use. */
  private CheckedParameters checked;

  /**
   * The values the store of {@code value} at statement {@code i} into an integral field is proven
   * to store ({@link FieldRanges.Write#range()}): a constant's, or a checked parameter's; else null.
   */
  private Boxes.Range storedRange(Value value, int i) {
    Long c = locals.constant(value);
    if (c != null) return new Boxes.Range(c, c);
    if (checked == null) checked = new CheckedParameters(body, stmts, locals);
    return checked.range(value, i, locals);
  }

  /**
   * Which value {@code valueOf(v)} at statement {@code at} boxes, when a box could be reused for it
   * ({@link Boxes.Value}): a constant, a named local, or a field read (of {@code this}, a named
   * local's object, or a class) that a stack temporary holds. The version is the index of the last
   * statement before that writes the local (for a field read: the last store to the field, and the
   * last write of the receiver's local, before the read), in the body's statement order, which is
   * javac's code order.
   */
  private Boxes.Value boxedValue(Immediate v, int at) {
    for (int k = 0; k < 4 && v instanceof Local l && !Locals.named(l) && locals.def(l) instanceof Immediate d; k++) v = d;
    if (v instanceof sootup.core.jimple.common.constant.NumericConstant c) {
      String text = locals.text(v, 0);
      return text == null ? null : new Boxes.Value(Boxes.Value.Kind.CONSTANT, text, c.toString());
    }
    if (!(v instanceof Local l)) return null;
    if (Locals.named(l)) return new Boxes.Value(Boxes.Value.Kind.LOCAL, locals.name(l), l.getName() + ":" + lastWrite(l, at));
    Stmt def = locals.defStmt(l);
    String text = locals.text(l, 0);
    if (!(def instanceof JAssignStmt a) || text == null) return null;
    int read = stmtIndex(def);
    if (a.getRightOp() instanceof JStaticFieldRef f) {
      return new Boxes.Value(Boxes.Value.Kind.FIELD, text, f.getFieldSignature() + ":" + lastStore(f.getFieldSignature(), read));
    }
    if (a.getRightOp() instanceof JInstanceFieldRef f && Locals.named(f.getBase())) {
      return new Boxes.Value(Boxes.Value.Kind.FIELD, text, f.getFieldSignature() + ":" + lastStore(f.getFieldSignature(), read)
          + "/" + f.getBase().getName() + ":" + lastWrite(f.getBase(), read));
    }
    return null;
  }

  /**
   * {@link AllocSite.Boxing#unboxedFrom}: the text of the call whose {@code box}-typed result {@code
   * v} was unboxed from, when {@code v} is (a stack copy of) a local of the source that only that
   * unboxing assigns ({@code id = ((Integer) entry.getKey()).intValue()}, the cast javac adds for a
   * generic result included), else null.
   */
  private String unboxedFrom(Immediate v, String box) {
    if (v instanceof Local t && !Locals.named(t) && locals.def(t) instanceof Local src) v = src;
    if (!(v instanceof Local l) || !Locals.named(l)) return null;
    JAssignStmt only = null;
    for (Stmt st : stmts) {
      if (!(st instanceof JAssignStmt a) || !l.equals(a.getLeftOp())) continue;
      if (only != null) return null;
      only = a;
    }
    String primitive = Boxes.primitiveOf(box);
    if (only == null || !(only.getRightOp() instanceof JVirtualInvokeExpr unbox) || primitive == null
        || !unbox.getArgs().isEmpty() || !unbox.getMethodSignature().getName().equals(primitive + "Value")
        || !unbox.getMethodSignature().getDeclClassType().getFullyQualifiedName().equals(box)) {
      return null;
    }
    Value from = unbox.getBase();
    for (int k = 0; k < 4 && from instanceof Local b && !Locals.named(b); k++) {
      from = locals.def(b);
      if (from instanceof JCastExpr c) from = c.getOp();
    }
    return from instanceof AbstractInvokeExpr ? locals.text(from, 0) : null;
  }

  /**
   * Whether {@code v}, boxed at statement {@code at}, is the same on every iteration of the
   * statement's innermost loop, as {@link Boxes} defines it for both front ends: a constant, a local
   * that no statement of the loop assigns, or a stack temporary the loop computes (its only
   * definition) by arithmetic or a cast from such values. A variable of the source that the loop
   * assigns is not, whatever it is assigned: javac's front end cannot see through it either.
   */
  private boolean loopInvariant(Immediate v, int at) {
    LoopForest.NLoop l = forest.innermost[at];
    return l != null && invariantIn(v, l, 0);
  }

  private boolean invariantIn(Value v, LoopForest.NLoop l, int depth) {
    if (v instanceof sootup.core.jimple.common.constant.NumericConstant) return true;
    if (!(v instanceof Local x) || depth > 8) return false;
    JAssignStmt inside = null;
    int defs = 0;
    for (int j = 0; j < stmts.size(); j++) {
      if (stmts.get(j) instanceof JAssignStmt a && x.equals(a.getLeftOp())) {
        defs++;
        if (l.body.get(j)) inside = a;
      }
    }
    if (inside == null) return true;
    // more than one definition merges values (a conditional expression): not one value
    if (Locals.named(x) || defs > 1) return false;
    Value r = inside.getRightOp();
    if (r instanceof Immediate i) return invariantIn(i, l, depth + 1);
    if (r instanceof sootup.core.jimple.common.expr.AbstractBinopExpr b) {
      return invariantIn(b.getOp1(), l, depth + 1) && invariantIn(b.getOp2(), l, depth + 1);
    }
    if (r instanceof JCastExpr c) return invariantIn(c.getOp(), l, depth + 1);
    if (r instanceof sootup.core.jimple.common.expr.JNegExpr n) return invariantIn(n.getOp(), l, depth + 1);
    return false;
  }

  /** The index of the last statement before {@code at} that assigns {@code l}, or -1. */
  private int lastWrite(Local l, int at) {
    for (int j = at - 1; j >= 0; j--) if (stmts.get(j) instanceof JAssignStmt a && l.equals(a.getLeftOp())) return j;
    return -1;
  }

  /** The index of the last statement before {@code at} that stores into field {@code f}, or -1. */
  private int lastStore(sootup.core.signatures.FieldSignature f, int at) {
    for (int j = at - 1; j >= 0; j--) {
      if (stmts.get(j) instanceof JAssignStmt a && a.getLeftOp() instanceof sootup.core.jimple.common.ref.JFieldRef r
          && f.equals(r.getFieldSignature())) {
        return j;
      }
    }
    return -1;
  }

  private int stmtIndex(Stmt s) {
    for (int j = 0; j < stmts.size(); j++) if (stmts.get(j) == s) return j;
    return -1;
  }

  /** Runs once on every path through one iteration of its innermost loop (see the class comment). */
  private boolean oncePerIteration(int i) {
    LoopForest.NLoop l = forest.innermost[i];
    if (l == null) return true;
    if (!forest.reachable[i]) return false;
    for (int latch : l.latches) if (!forest.dominates(i, latch)) return false;
    // the header's test block: the statements up to its first branch that leaves the loop
    int testEnd = l.header;
    while (testEnd < stmts.size() && !(stmts.get(testEnd) instanceof JIfStmt) && forest.succ[testEnd].length == 1
        && forest.succ[testEnd][0] == testEnd + 1) {
      testEnd++;
    }
    for (int j = l.body.nextSetBit(0); j >= 0; j = l.body.nextSetBit(j + 1)) {
      if ((j >= l.header && j <= testEnd) || l.latches.contains(j)) continue;
      boolean exits = stmts.get(j) instanceof JReturnStmt || stmts.get(j) instanceof JThrowStmt
          || stmts.get(j) instanceof sootup.core.jimple.common.stmt.JReturnVoidStmt;
      for (int t : forest.succ[j]) if (!l.body.get(t)) exits = true;
      if (exits && !forest.dominates(i, j)) return false;
    }
    return true;
  }

  /** Whether statement {@code i} dominates every reachable return: it runs whenever the method returns normally. */
  private boolean onEveryPathToReturn(int i) {
    if (onEveryReturnPath == null) {
      // the statements on the dominator chain of every reachable return: count the chains each is on
      int[] chains = new int[stmts.size()];
      int returns = 0;
      for (int j = 0; j < stmts.size(); j++) {
        Stmt s = stmts.get(j);
        if (!(s instanceof JReturnStmt || s instanceof sootup.core.jimple.common.stmt.JReturnVoidStmt) || !forest.reachable[j]) {
          continue;
        }
        returns++;
        for (int x = j, guard = 0; x >= 0 && guard <= stmts.size(); guard++) {
          chains[x]++;
          if (x == 0 || forest.idom[x] == x || forest.idom[x] < 0) break;
          x = forest.idom[x];
        }
      }
      onEveryReturnPath = new boolean[stmts.size()];
      for (int x = 0; x < stmts.size(); x++) onEveryReturnPath[x] = forest.reachable[x] && chains[x] == returns;
    }
    return onEveryReturnPath[i];
  }

  /** Per statement, {@link #onEveryPathToReturn}; computed on first use. */
  private boolean[] onEveryReturnPath;

  private SourcePos pos(Stmt s, int i) {
    int ln = s.getPositionInfo().getStmtPosition().getFirstLine();
    if (ln > 0) line = ln;
    return SourcePos.line(line).withBci(bci[i]);
  }

  /** The IR statements each Jimple statement was lowered to: {@code [irFrom[i], irTo[i])}. */
  private int[] irFrom, irTo;

  /**
   * One {@link dev.noescape.ir.ThrowFlow} node per Jimple statement, numbered like them, with its
   * normal successors, a loop's back edges replaced by its exits ({@link LoopForest#exitSuccessors}):
   * every path is followed, so a statement from which every path meets an {@code athrow} or a call
   * that never returns, or a loop whose exits all lead there, is found whatever the shape of the code.
   */
  private void throwFlow() {
    var cfg = body.getControlFlowGraph();
    int[][] succ = forest.exitSuccessors();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      int from = irFrom == null ? 0 : irFrom[i], to = irTo == null ? 0 : irTo[i];
      // inside a try block a handler may catch the failure and go on normally: not a failure path
      boolean caught = !cfg.exceptionalSuccessors(s).isEmpty();
      boolean invokes = s instanceof JInvokeStmt || s instanceof JAssignStmt a && a.getRightOp() instanceof AbstractInvokeExpr;
      int call = invokes && !caught && !chainStmts.contains(i) ? b.lastCall(from, to) : -1;
      b.flowNode(from, to, call, s instanceof JThrowStmt && !caught, succ[i]);
    }
    if (!stmts.isEmpty()) b.flowEntry(0);
  }

  /** Per statement, the nearest ones of its loop that run before and after it on every path ({@link IterationOrder}). */
  private IterationOrder order;

  private void statement(int i) {
    if (irFrom == null) {
      irFrom = new int[stmts.size()];
      irTo = new int[stmts.size()];
    }
    irFrom[i] = b.stmtCount();
    // the statement is its own place: what runs whenever it does (Dominance)
    if (order == null) order = new IterationOrder(forest);
    b.placeOrder(i, order.before(i), order.after(i));
    b.givenPlace(i);
    try {
      statementInner(i);
    } finally {
      b.givenPlace(-1);
      irTo[i] = b.stmtCount();
    }
  }

  private void statementInner(int i) {
    Stmt s = stmts.get(i);
    // outside loops too: a statement that not every normal exit passes through runs conditionally
    boolean cond = !oncePerIteration(i) || (forest.innermost[i] == null && !onEveryPathToReturn(i));
    boolean thrown = throwOperand.contains(i);
    ColdPath coldPath = cold[i];
    if (cond) b.beginConditional();
    if (thrown) b.beginThrow();
    if (coldPath.isCold()) b.beginCold(coldPath);
    dev.noescape.ir.Arms.Arm arm = cond ? arm(i) : null;
    if (arm != null) b.givenArm(arm);
    int guards = beginMissGuards(i);
    try {
      lowerStmt(s, i);
    } finally {
      for (int g = 0; g < guards; g++) b.endGuarded();
      if (arm != null) b.givenArm(null);
      if (coldPath.isCold()) b.endCold();
      if (thrown) b.endThrow();
      if (cond) b.endConditional();
    }
  }

  private Var var(Value v) {
    if (!(v instanceof Local l) || !isRef(l.getType())) return null;
    Var x = vars.get(l);
    if (x == null) {
      String n = l.getName();
      x = b.local(Locals.named(l) ? locals.name(l) : "$" + n, typeName(l.getType()));
      vars.put(l, x);
    }
    return x;
  }

  private void lowerStmt(Stmt s, int i) {
    SourcePos at = pos(s, i);
    if (chainStmts.contains(i)) {
      BuilderChain c = chainEnds.get(i);
      if (c != null) concat(c.result(), var(c.result()), c.operands(), SourcePos.line(c.line() > 0 ? c.line() : line), i);
      return;
    }
    if (s instanceof JIdentityStmt id) {
      Value r = id.getRightOp();
      Local l = id.getLeftOp();
      if (r instanceof JThisRef) {
        if (lambdaObj != null) b.load(var(l), lambdaObj, FieldRef.captured(lambdaThisCapture), at);
        else vars.put(l, paramVars.get(-1));
      } else if (r instanceof JParameterRef pr) {
        String cap = capturedParam.get(pr.getIndex());
        if (cap != null) b.load(var(l), lambdaObj, FieldRef.captured(cap), at);
        else if (paramVars.get(pr.getIndex()) != null) vars.put(l, paramVars.get(pr.getIndex()));
      } else if (r instanceof JCaughtExceptionRef) {
        // the caught object comes from anywhere: nothing the method allocated flows into it here
      }
      return;
    }
    if (s instanceof JInvokeStmt is) {
      is.getInvokeExpr().ifPresent(ie -> call(null, null, ie, at, i));
      return;
    }
    if (s instanceof JReturnStmt r) {
      b.ret(var(r.getOp()), at);
      return;
    }
    if (s instanceof JThrowStmt t) {
      b.thr(var(t.getOp()), at);
      return;
    }
    if (s instanceof JEnterMonitorStmt m) {
      b.monitor(var(m.getOp()), at);
      return;
    }
    if (!(s instanceof JAssignStmt a)) return;
    Value left = a.getLeftOp();
    Value right = a.getRightOp();
    if (left instanceof Local ll) {
      Var target = var(ll);
      if (right instanceof JNewExpr ne) newObject(ll, target, ne, at, i);
      else if (right instanceof JNewArrayExpr na) newArray(ll, target, typeName(na.getType()), na.getSize(), at);
      else if (right instanceof JNewMultiArrayExpr nm) newArray(ll, target, typeName(nm.getType()), null, nm.getSizes(), at);
      else if (right instanceof AbstractInvokeExpr ie) call(ll, target, ie, at, i);
      else if (right instanceof Local src) b.copy(target, var(src), at);
      else if (right instanceof JCastExpr c && c.getOp() instanceof Local src) b.copy(target, var(src), at);
      else if (right instanceof JInstanceFieldRef f) {
        b.access(var(f.getBase()), field(f), true, false, at);
        b.load(target, var(f.getBase()), field(f), at);
      }
      else if (right instanceof JStaticFieldRef f) b.staticLoad(target, staticField(f), at);
      else if (right instanceof JArrayRef ar) {
        b.access(var(ar.getBase()), FieldRef.ARRAY_ELEMENT, locals.constant(ar.getIndex()) != null, false, at);
        b.load(target, var(ar.getBase()), FieldRef.ARRAY_ELEMENT, at);
      } else if (right instanceof NullConstant) b.nullAssignment(target, at);
      return;
    }
    Var value = right instanceof Local rl ? var(rl)
        : right instanceof JCastExpr c && c.getOp() instanceof Local cl ? var(cl) : null;
    if (left instanceof JInstanceFieldRef f) {
      b.access(var(f.getBase()), field(f), true, true, at);
      b.store(var(f.getBase()), field(f), value, at);
      if (TripCounts.integral(f.getType())) {
        b.fieldWrite(field(f), cs.sealedField(field(f)), storedRange(right, i));
      }
    }
    else if (left instanceof JStaticFieldRef f) b.staticStore(staticField(f), value, at);
    else if (left instanceof JArrayRef ar) {
      b.access(var(ar.getBase()), FieldRef.ARRAY_ELEMENT, locals.constant(ar.getIndex()) != null, true, at);
      b.store(var(ar.getBase()), FieldRef.ARRAY_ELEMENT, value, at);
    }
  }

  private static FieldRef field(JInstanceFieldRef f) {
    return new FieldRef(f.getFieldSignature().getDeclClassType().getFullyQualifiedName(), f.getFieldSignature().getName(), false);
  }

  private static FieldRef staticField(JStaticFieldRef f) {
    return new FieldRef(f.getFieldSignature().getDeclClassType().getFullyQualifiedName(), f.getFieldSignature().getName(), true);
  }

  // ---- allocations ----

  private void newObject(Local l, Var target, JNewExpr ne, SourcePos at, int i) {
    String type = ne.getType().getFullyQualifiedName();
    if (target == null) target = b.temp(type);
    if (sharedNew.contains(i)) {
      // The local also holds other values (the other arm of `c ? new A() : other()`): flow-insensitive,
      // it would make the constructor's receiver all of them. The constructor gets a variable of its own.
      Var own = b.temp(type);
      newReceiver.put(i, own);
      newObject(l, own, ne, at, initOfNew.get(i));
      b.copy(target, own, at);
      return;
    }
    newObject(l, target, ne, at, initOfNew.get(i));
  }

  private void newObject(Local l, Var target, JNewExpr ne, SourcePos at, AbstractInvokeExpr init) {
    String type = ne.getType().getFullyQualifiedName();
    if (cs.isAnonymous(type)) {
      List<String> captured = cs.anonymousCaptures(type);
      b.alloc(target, SiteKind.ANONYMOUS_CLASS, type, at,
          new AllocSite.Anonymous(cs.anonymousSuper(type), captured, cs.anonymousBodies(type)));
      // the captured values go into the object as the javac front end and a lambda's capture show
      // them (what the loop assigns, what the object holds): the constructor's arguments that its
      // body stores into val$ fields
      if (init != null) {
        Map<Integer, String> byArg = cs.anonymousCaptureArgs(init.getMethodSignature());
        List<Immediate> actual = init.getArgs();
        for (int k = 0; k < actual.size(); k++) {
          String name = byArg.get(k);
          if (name != null && captured.contains(name)) b.store(target, FieldRef.captured(name), var(actual.get(k)), at);
        }
      }
      int depth = b.openLoops() - b.innermostRetry() + baseDepth() + (iteratingArgs.contains(l) ? 1 : 0);
      cs.anonymousCreated(type, new Inherit(hot, depth, null));
      return;
    }
    List<String> ps = init == null ? List.of() : paramTypes(init.getMethodSignature());
    List<Immediate> actual = init == null ? List.of() : init.getArgs();
    if (init != null && h.isSyntheticConstructor(type, ps) && !ps.isEmpty()) {
      // javac's access constructor for a private one (before nestmates): the last parameter is a
      // marker class and its argument null. The source wrote the private constructor's arguments.
      ps = ps.subList(0, ps.size() - 1);
      actual = actual.subList(0, actual.size() - 1);
    }
    List<SymbolicExpr> args = new ArrayList<>();
    if (init != null) {
      for (Immediate a : actual) {
        SymbolicExpr e = locals.symbolic(a);
        args.add(e != null ? e : SymbolicExpr.of("…"));
      }
    }
    // no source: the type as a simple name, with <> for a generic class (new ArrayList<>())
    String typeText = BinaryNames.simple(type) + (cs.isGeneric(type) ? "<>" : "");
    b.alloc(target, SiteKind.NEW_OBJECT, type, at, new AllocSite.Constructor(ps, args, typeText, null));
  }

  private int baseDepth() {
    return base;
  }

  private void newArray(Local l, Var target, String type, Value size, SourcePos at) {
    newArray(l, target, type, size, size == null ? List.of() : List.of(size), at);
  }

  private void newArray(Local l, Var target, String type, Value size, List<? extends Value> dims, SourcePos at) {
    if (target == null) target = b.temp(type);
    AbstractInvokeExpr call = varargsArrays.get(l);
    Long n = size == null ? null : locals.constant(size);
    if (call != null) {
      MethodRef callee = calleeRef(call);
      b.alloc(target, SiteKind.VARARGS_ARRAY, type, at, new AllocSite.Varargs(callee, n == null ? 0 : n.intValue()));
      return;
    }
    String sizeText = size == null ? "" : locals.text(size, 0);
    List<Long> lengths = new ArrayList<>();
    for (Value d : dims) lengths.add(locals.constant(d));
    MethodRef lengthCall = null;
    if (size != null && locals.constant(size) == null
        && (locals.origin(size) instanceof JStaticInvokeExpr || locals.origin(size) instanceof JSpecialInvokeExpr)) {
      lengthCall = calleeRef((AbstractInvokeExpr) locals.origin(size));
    }
    b.alloc(target, SiteKind.NEW_ARRAY, type, at, new AllocSite.NewArray(sizeText, false, null, lengths, lengthCall));
  }

  // ---- calls ----

  /**
   * The receiver's static type: the class the instruction names (javac names the receiver
   * expression's static type there, before {@link #calleeRef} maps it to the declaring class), or
   * the array type of an array receiver ({@code bytes.clone()} names Object).
   */
  private static String receiverType(AbstractInvokeExpr ie) {
    if (ie instanceof AbstractInstanceInvokeExpr ii && ii.getBase().getType() instanceof ArrayType at) return typeName(at);
    return ie.getMethodSignature().getDeclClassType().getFullyQualifiedName();
  }

  private MethodRef calleeRef(AbstractInvokeExpr ie) {
    MethodSignature sig = ie.getMethodSignature();
    String owner = sig.getDeclClassType().getFullyQualifiedName();
    List<String> ps = paramTypes(sig);
    boolean isStatic = ie instanceof JStaticInvokeExpr;
    String name = sig.getName();
    // A super call names the superclass; like a virtual call, it runs what that class declares or
    // inherits (javac names the declaring class too).
    if (!name.equals("<init>")) owner = h.declaring(owner, name, ps);
    return new MethodRef(owner, name, ps, typeName(sig.getType()), isStatic);
  }

  private void call(Local resultLocal, Var result, AbstractInvokeExpr ie, SourcePos at, int i) {
    if (ie instanceof JDynamicInvokeExpr dyn) {
      dynamic(resultLocal, result, dyn, at, i);
      return;
    }
    MethodSignature sig = ie.getMethodSignature();
    String owner = sig.getDeclClassType().getFullyQualifiedName();
    List<Immediate> args = ie.getArgs();
    if (Boxes.isValueOf(owner, sig.getName(), paramTypes(sig), ie instanceof JStaticInvokeExpr)) {
      if (result == null) result = b.temp(owner);
      b.alloc(result, SiteKind.BOXING, owner, at,
          new AllocSite.Boxing(Boxes.primitiveOf(owner), locals.constant(args.get(0)), valueRange(args.get(0)),
              boxedValue(args.get(0), i), loopInvariant(args.get(0), i), fieldBound(args.get(0)),
              unboxedFrom(args.get(0), owner)));
      return;
    }
    MethodRef ref = calleeRef(ie);
    List<Var> slots = new ArrayList<>();
    List<SymbolicExpr> exprs = new ArrayList<>();
    if (ie instanceof AbstractInstanceInvokeExpr ii) {
      Integer n = newOfInit.get(ie);
      Var own = n == null ? null : newReceiver.get(n);
      slots.add(own != null ? own : var(ii.getBase()));
      exprs.add(locals.symbolic(ii.getBase()));
    }
    for (Immediate a : args) {
      slots.add(var(a));
      exprs.add(locals.symbolic(a));
    }
    boolean virtual = !(ie instanceof JStaticInvokeExpr) && !(ie instanceof JSpecialInvokeExpr);
    boolean open = virtual && h.dispatchOpen(ref.owner(), ref.name(), ref.paramTypes());
    while (slots.size() < ref.slotCount()) slots.add(null);
    // overrides are filled in once the whole program is lowered (Dispatch): the closed world is
    // the classes the run lowers, known only at the end
    dev.noescape.ir.Stmt.Call c = b.call(result, ref, slots.subList(0, ref.slotCount()), exprs, open, List.of(),
        virtual ? receiverType(ie) : null, at);
    if (virtual) virtualCalls.add(c);
    // a lambda made for this call: which call receives it (Handle.call), which the data flow cannot
    // say for a non-capturing one (no variable holds it in the IR)
    int first = ie instanceof AbstractInstanceInvokeExpr ? 1 : 0;
    for (int j = 0; j < args.size() && first + j < c.args().size(); j++) {
      String body = args.get(j) instanceof Local l ? lambdaBodies.get(l) : null;
      if (body != null) b.passesHandle(body, c, first + j);
    }
  }

  private void dynamic(Local resultLocal, Var result, JDynamicInvokeExpr dyn, SourcePos at, int i) {
    String bsm = dyn.getBootstrapMethodSignature().getDeclClassType().getFullyQualifiedName();
    List<Immediate> args = dyn.getArgs();
    String type = typeName(dyn.getMethodSignature().getType());
    if (bsm.equals("java.lang.invoke.LambdaMetafactory")) {
      lambda(resultLocal, result, dyn, type, at);
      return;
    }
    if (bsm.equals("java.lang.invoke.StringConcatFactory")) {
      concat(resultLocal, result, args, at, i);
      return;
    }
    if (bsm.equals("java.lang.runtime.ObjectMethods")) {
      RecordMembers.Member member = RecordMembers.Member.of(dyn.getMethodSignature().getName(), args.size() - 1);
      if (member != null && !args.isEmpty()) {
        recordMember(result, member, dyn, at);
        return;
      }
    }
    // other bootstraps (switch patterns): an unknown call, conservative
    List<String> ps = paramTypes(dyn.getMethodSignature());
    MethodRef ref = new MethodRef("java.lang.invoke.CallSite", dyn.getMethodSignature().getName(), ps, type, true);
    List<Var> slots = new ArrayList<>();
    for (Immediate a : args) slots.add(var(a));
    b.call(result, ref, slots, List.of(), false, List.of(), at);
  }

  /**
   * A record's generated member: the {@code ObjectMethods} call site, lowered by
   * {@link RecordMembers}. Its bootstrap arguments are the record class, the component names and
   * one field getter per component; its arguments the record and, for {@code equals}, the other object.
   */
  private void recordMember(Var result, RecordMembers.Member member, JDynamicInvokeExpr dyn, SourcePos at) {
    List<RecordMembers.Component> components = new ArrayList<>();
    for (Immediate ba : dyn.getBootstrapArgs()) {
      if (ba instanceof MethodHandle mh && mh.isFieldRef() && mh.getReferenceSignature() instanceof FieldSignature f) {
        components.add(new RecordMembers.Component(
            new FieldRef(f.getDeclClassType().getFullyQualifiedName(), f.getName(), false), typeName(f.getType())));
      }
    }
    List<Immediate> args = dyn.getArgs();
    Var other = member == RecordMembers.Member.EQUALS ? var(args.get(1)) : null;
    RecordMembers.lower(b, member, var(args.get(0)), other, result, components, this::componentCall, at);
  }

  /** {@code value.equals(argument)}, {@code value.hashCode()} or {@code value.toString()}, as javac would compile it. */
  private void componentCall(RecordMembers.Member member, Var value, Var argument, String type, SourcePos at) {
    List<String> ps = member == RecordMembers.Member.EQUALS ? List.of("java.lang.Object") : List.of();
    String ret = switch (member) {
      case EQUALS -> "boolean";
      case HASH_CODE -> "int";
      case TO_STRING -> "java.lang.String";
    };
    // an array's methods are Object's (javac names Object for them too)
    String owner = type.endsWith("[]") ? "java.lang.Object" : h.declaring(type, member.methodName(), ps);
    MethodRef ref = new MethodRef(owner, member.methodName(), ps, ret, false);
    List<Var> slots = new ArrayList<>();
    slots.add(value);
    if (argument != null) slots.add(argument);
    boolean open = h.dispatchOpen(ref.owner(), ref.name(), ref.paramTypes());
    virtualCalls.add(b.call(null, ref, slots, List.of(), open, List.of(), type, at));
  }

  private void lambda(Local resultLocal, Var result, JDynamicInvokeExpr dyn, String type, SourcePos at) {
    List<Immediate> args = dyn.getArgs();
    MethodSignature impl = null;
    boolean staticImpl = true;
    for (Immediate ba : dyn.getBootstrapArgs()) {
      if (ba instanceof MethodHandle mh && mh.isMethodRef() && mh.getReferenceSignature() instanceof MethodSignature ms) {
        impl = ms;
        staticImpl = mh.getKind().name().contains("STATIC");
        break;
      }
    }
    int depth = b.openLoops() - b.innermostRetry() + baseDepth()
        + (resultLocal != null && iteratingArgs.contains(resultLocal) ? 1 : 0);
    boolean isLambdaBody = impl != null && impl.getName().startsWith("lambda$")
        && impl.getDeclClassType().getFullyQualifiedName().equals(cls);
    String enclosing = display.startsWith("lambda in ") ? display : "lambda in " + display;
    if (isLambdaBody) {
      List<String> pnames = cs.paramNames(impl);
      List<String> captured = new ArrayList<>();
      boolean instanceImpl = !staticImpl;
      int k = args.size();
      int paramCaptures = instanceImpl ? k - 1 : k;
      if (instanceImpl) captured.add("this");
      for (int j = 0; j < paramCaptures; j++) {
        captured.add(pnames != null && j < pnames.size() ? pnames.get(j) : locals.text(args.get(instanceImpl ? j + 1 : j), 0));
      }
      List<String> declared = new ArrayList<>();
      List<Type> implTypes = impl.getParameterTypes();
      for (int j = paramCaptures; j < implTypes.size(); j++) declared.add(typeName(implTypes.get(j)));
      MethodRef body = new MethodRef(cls, impl.getName(), declared, typeName(impl.getType()), false);
      String implKey = new MethodRef(cls, impl.getName(), paramTypes(impl), "", false).key();
      cs.lambdaCreated(implKey, new LambdaInfo(k, captured, type, new Inherit(hot, depth, enclosing)));
      // only a stack temporary: a lambda made as the argument itself, as the javac front end sees
      // it (one held in a named local first is not linked in either front end)
      if (resultLocal != null && resultLocal.getName().startsWith("$")) lambdaBodies.put(resultLocal, body.key());
      if (k == 0) {
        b.handle(body.key(), null, type);
        return;
      }
      if (result == null) result = b.temp(type);
      AllocSite lambdaSite = b.alloc(result, SiteKind.LAMBDA, type, at, new AllocSite.Lambda(captured, List.of(body.key())));
      b.handle(body.key(), lambdaSite, type);
      for (int j = 0; j < k; j++) b.store(result, FieldRef.captured(captured.get(j)), var(args.get(j)), at);
      return;
    }
    String target = impl == null ? null : referencedKey(impl);
    if (args.isEmpty()) { // Type::staticM, Type::instanceM, Type::new: a constant
      if (target != null) b.handle(target, null, type);
      return;
    }
    if (result == null) result = b.temp(type);
    String capturedText = locals.text(args.get(0), 0);
    if (capturedText == null) capturedText = "receiver";
    String implName = impl == null ? "?" : impl.getName().equals("<init>") ? "new" : impl.getName();
    AllocSite refSite = b.alloc(result, SiteKind.METHOD_REF, type, at,
        new AllocSite.MethodReference(capturedText, implName, List.of(capturedText)));
    if (target != null) b.handle(target, refSite, type);
    b.store(result, FieldRef.captured(capturedText), var(args.get(0)), at);
  }

  /**
   * The key of the method a method handle names, as calls name it ({@link #calleeRef}): the class
   * declaring it, found up the hierarchy for an inherited one.
   */
  private String referencedKey(MethodSignature impl) {
    String owner = impl.getDeclClassType().getFullyQualifiedName();
    List<String> ps = paramTypes(impl);
    if (!impl.getName().equals(MethodRef.CONSTRUCTOR)) owner = h.declaring(owner, impl.getName(), ps);
    return new MethodRef(owner, impl.getName(), ps, "", false).key();
  }

  /** One {@code STRING_CONCAT} site: {@code makeConcatWithConstants}, or a builder chain with these operands. */
  private void concat(Local resultLocal, Var result, List<Immediate> operands, SourcePos at, int i) {
    if (result == null) result = b.temp("java.lang.String");
    AllocSite.Accumulator acc = accumulator(resultLocal, operands, i);
    b.alloc(result, SiteKind.STRING_CONCAT, "java.lang.String", at, new AllocSite.Concat(acc, null));
  }

  /**
   * {@code s = s + x}, {@code s += x}, {@code s = x + s}: the concatenation's result is stored back
   * into the variable or field whose old value is one of its operands (the dynamic arguments of
   * {@code makeConcatWithConstants}, the appended values of a builder chain).
   */
  private AllocSite.Accumulator accumulator(Local resultLocal, List<Immediate> args, int i) {
    if (resultLocal == null || args.isEmpty()) return null;
    Value receiver = resultLocal;
    if (!Locals.named(resultLocal)) {
      receiver = null;
      for (int j = i + 1; j < stmts.size() && j <= i + 3; j++) {
        if (stmts.get(j) instanceof JAssignStmt a && a.getRightOp().equals(resultLocal)) {
          receiver = a.getLeftOp();
          break;
        }
      }
      if (receiver == null) return null;
    }
    LoopForest.NLoop loop = forest.innermost[i];
    if (receiver instanceof Local x && Locals.named(x)) {
      boolean uses = false;
      // in a loop, by the source variable (split locals of 'out += a; out += b;'); outside loops as
      // before, which keeps the subjects, and so the baseline keys, of concatenations there
      for (Immediate a : args) uses |= sameLocal(a, x) || (loop != null && a instanceof Local l && sameVariable(l, x));
      if (!uses) return null;
      boolean across = x.equals(paramLocal(x));
      if (loop != null) {
        for (int j = 0; j < stmts.size(); j++) {
          // by the source variable, not the split local: in 'out += a; out += b;' the local the first
          // concatenation defines is a web of its own, never assigned before the loop
          if (stmts.get(j) instanceof JAssignStmt a && a.getLeftOp() instanceof Local l && sameVariable(l, x)
              && !forest.in(loop, j)) {
            across = true;
          }
        }
      } else {
        across = false;
      }
      return new AllocSite.Accumulator(locals.name(x), false, across);
    }
    if (receiver instanceof JInstanceFieldRef f || receiver instanceof JStaticFieldRef) {
      String sig = receiver instanceof JInstanceFieldRef f2 ? f2.getFieldSignature().toString()
          : ((JStaticFieldRef) receiver).getFieldSignature().toString();
      boolean uses = false;
      for (Immediate a : args) uses |= loadsField(a, sig);
      if (!uses) return null;
      String name = receiver instanceof JInstanceFieldRef f3
          ? (locals.text(f3.getBase(), 0) == null ? "" : locals.text(f3.getBase(), 0) + ".") + f3.getFieldSignature().getName()
          : ((JStaticFieldRef) receiver).getFieldSignature().getName();
      return new AllocSite.Accumulator(name, true, true);
    }
    return null;
  }

  private Local paramLocal(Local x) {
    for (Stmt s : stmts) {
      if (s instanceof JIdentityStmt id && id.getRightOp() instanceof JParameterRef && id.getLeftOp().equals(x)) return x;
    }
    return null;
  }

  /** Whether {@code l} and {@code x} are the same variable of the source: the same local, or split locals of one name. */
  private boolean sameVariable(Local l, Local x) {
    if (l.equals(x)) return true;
    String a = locals.name(l);
    return a != null && a.equals(locals.name(x)) && Locals.named(l) && Locals.named(x);
  }

  private boolean sameLocal(Value v, Local x) {
    return v instanceof Local l && (l.equals(x) || locals.root(l).equals(x));
  }

  private boolean loadsField(Value v, String sig) {
    if (!(v instanceof Local l)) return false;
    Value d = locals.def(l);
    if (d instanceof JInstanceFieldRef f) return f.getFieldSignature().toString().equals(sig);
    if (d instanceof JStaticFieldRef f) return f.getFieldSignature().toString().equals(sig);
    return false;
  }
}
