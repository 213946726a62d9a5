package dev.noescape.errorprone.frontend;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds.Kind;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.RecordMembers;
import dev.noescape.ir.CacheMisses;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCAssert;
import com.sun.tools.javac.tree.JCTree.JCAssign;
import com.sun.tools.javac.tree.JCTree.JCAssignOp;
import com.sun.tools.javac.tree.JCTree.JCBinary;
import com.sun.tools.javac.tree.JCTree.JCBindingPattern;
import com.sun.tools.javac.tree.JCTree.JCBlock;
import com.sun.tools.javac.tree.JCTree.JCBreak;
import com.sun.tools.javac.tree.JCTree.JCCase;
import com.sun.tools.javac.tree.JCTree.JCDefaultCaseLabel;
import com.sun.tools.javac.tree.JCTree.JCCaseLabel;
import com.sun.tools.javac.tree.JCTree.JCCatch;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.tree.JCTree.JCConditional;
import com.sun.tools.javac.tree.JCTree.JCContinue;
import com.sun.tools.javac.tree.JCTree.JCDoWhileLoop;
import com.sun.tools.javac.tree.JCTree.JCEnhancedForLoop;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import com.sun.tools.javac.tree.JCTree.JCExpressionStatement;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCForLoop;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCIf;
import com.sun.tools.javac.tree.JCTree.JCInstanceOf;
import com.sun.tools.javac.tree.JCTree.JCLabeledStatement;
import com.sun.tools.javac.tree.JCTree.JCLambda;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCMethodInvocation;
import com.sun.tools.javac.tree.JCTree.JCNewArray;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import com.sun.tools.javac.tree.JCTree.JCPatternCaseLabel;
import com.sun.tools.javac.tree.JCTree.JCRecordPattern;
import com.sun.tools.javac.tree.JCTree.JCReturn;
import com.sun.tools.javac.tree.JCTree.JCStatement;
import com.sun.tools.javac.tree.JCTree.JCSwitch;
import com.sun.tools.javac.tree.JCTree.JCSwitchExpression;
import com.sun.tools.javac.tree.JCTree.JCSynchronized;
import com.sun.tools.javac.tree.JCTree.JCThrow;
import com.sun.tools.javac.tree.JCTree.JCTry;
import com.sun.tools.javac.tree.JCTree.JCTypeCast;
import com.sun.tools.javac.tree.JCTree.JCUnary;
import com.sun.tools.javac.tree.JCTree.JCVariableDecl;
import com.sun.tools.javac.tree.JCTree.JCWhileLoop;
import com.sun.tools.javac.tree.JCTree.JCYield;
import com.sun.tools.javac.tree.JCTree.Tag;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeScanner;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.ColdPath;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.FieldRanges;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.LoopKind;
import dev.noescape.ir.MethodIRBuilder;
import dev.noescape.ir.MethodReferenceForm;
import dev.noescape.ir.OnceBranches;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.SymbolicExpr;
import dev.noescape.ir.Var;
import dev.noescape.models.IteratingMethods;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers one body — a method, constructor, static initializer or lambda body — to the IR, in one
 * walk over its statements and expressions, in program order.
 *
 * <p><b>Values.</b> Each expression lowers to the {@link Var} holding its reference value, or null
 * when the value is primitive, a constant that cannot carry an object (literals, non-capturing
 * lambdas, {@code X.class}) or unknown. Sub-expressions get temporaries ({@code $t3}); locals and
 * parameters of reference type get named variables; primitives get none.
 *
 * <p><b>Conversions.</b> Where javac converts a primitive to a reference (assignment, argument,
 * return, array element, conditional arm, cast, {@code yield}, compound assignment and
 * {@code ++}/{@code --} on a boxed variable) the value goes through {@link #value}, which adds a
 * {@code BOXING} site. Explicit {@code Integer.valueOf(int)}-style calls are boxing sites too.
 *
 * <p><b>Objects.</b> {@code new T(..)} is an allocation followed by a call to {@code <init>} with the
 * new object in slot 0; arrays, variable-arity arrays, capturing lambdas, bound method references,
 * anonymous classes and string concatenations are allocation sites. A capture is an allocation
 * followed by {@link FieldRef#captured} stores of each captured reference value; inside a lambda
 * body (slot 0 = the lambda object) or a local/anonymous class method ({@code this}), a captured
 * variable is read back with a load of that field.
 *
 * <p><b>Structure.</b> Loops, conditionals and jumps are reported to the {@link MethodIRBuilder} as
 * docs/design.md describes ("Loop depth"): a for-init and the iterable of an enhanced for run before the loop; condition,
 * body and update inside; {@code if} arms, {@code case}s, {@code catch} blocks, conditional arms,
 * right operands of {@code &&}/{@code ||} and {@code assert} are conditional; a {@code finally}
 * block always runs and is lowered unconditionally, before the {@code catch} blocks. {@code break}/{@code continue}/{@code yield}
 * leave the loops between them and their target; {@code return}/{@code throw} leave all.
 */
final class BodyLowering {
  private final UnitContext u;
  private final Types types;
  final MethodIRBuilder b;
  /** The class whose instance {@code this} denotes (the enclosing class for a lambda body). */
  private final ClassSymbol cls;
  private final boolean lambdaBody;
  private final int baseDepth;
  private final boolean hot;
  private final String display;
  private final Type returnType;
  /** Slot 0: {@code this}, the new object of a constructor, or the lambda object; null in static code. */
  private Var self;
  private Var capturedThis;
  private final Map<Symbol, Var> env = new HashMap<>();
  /** Parameter slots declared so far (null for primitive ones). */
  private final List<Var> slots = new ArrayList<>();
  private final Map<String, Var> capturedLoads = new HashMap<>();
  private final Map<Symbol, LocalInfo> locals = new HashMap<>();
  /** Loops, switches and labeled statements, innermost first: the targets of jumps. */
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Deque<YieldTarget> yields = new ArrayDeque<>();
  private int loopCount;
  private TreePath path;
  /** A function argument of an iterating method about to be lowered (its body runs once per element). */
  private JCTree iteratingArg;
  /** The concatenation on the right of {@code s = s + x} and its accumulator facts. */
  private JCTree accumulatingConcat;
  private AllocSite.Accumulator accumulator;

  final Map<Integer, TreePath> sitePaths = new HashMap<>();
  final Map<Integer, TreePath> paramPaths = new HashMap<>();
  /** Per LAMBDA / ANONYMOUS_CLASS site: the keys of the bodies its object runs (FrontEndResult.functionalBodies). */
  final Map<Integer, List<String>> bodies = new HashMap<>();
  /** The body key of each lambda lowered so far, for the call it is an argument of ({@link MethodIRBuilder#passesHandle}). */
  private final Map<JCLambda, String> lambdaBodies = new java.util.IdentityHashMap<>();

  private record Frame(JCTree tree, boolean loop) {}

  private record YieldTarget(JCTree tree, Var result, Type type) {}

  /** Where a local was declared: the loops open at its declaration. */
  private record LocalInfo(int loopDepth) {}

  BodyLowering(UnitContext u, MethodIRBuilder b, ClassSymbol cls, boolean lambdaBody, int baseDepth, boolean hot,
      String display, Type returnType, TreePath rootPath) {
    this.u = u;
    this.types = u.types;
    this.b = b;
    this.cls = cls;
    this.lambdaBody = lambdaBody;
    this.baseDepth = baseDepth;
    this.hot = hot;
    this.display = display;
    this.returnType = returnType;
    this.path = rootPath;
  }

  // ---------------------------------------------------------------- parameters

  /** Slot 0 ({@code this}, or the lambda object). */
  Var declareSelf(String name, String type, SourcePos pos) {
    self = b.param(name, type, pos);
    slots.add(self);
    return self;
  }

  Var syntheticParam(String name, String type, SourcePos pos) {
    Var v = b.param(name, type, pos);
    slots.add(v);
    return v;
  }

  void syntheticPrimitiveParam(SourcePos pos) {
    b.primitiveParam(pos);
    slots.add(null);
  }

  /** The variable of parameter slot {@code i}, or null. */
  private Var slotVar(int i) {
    return i < slots.size() ? slots.get(i) : null;
  }

  void declareParam(JCVariableDecl p) {
    TreePath pp = new TreePath(path, p);
    SourcePos pos = u.positions.of(p);
    int slot = slots.size();
    if (p.sym != null && Descriptors.isReference(p.sym.type)) {
      Var v = b.param(p.name.toString(), u.descriptors.typeName(p.sym.type), pos);
      env.put(p.sym, v);
      slots.add(v);
    } else {
      b.primitiveParam(pos);
      slots.add(null);
    }
    if (p.sym != null) locals.put(p.sym, new LocalInfo(0));
    paramPaths.put(slot, pp);
  }

  Var self() {
    return self;
  }

  // ---------------------------------------------------------------- entry points

  void statement(JCStatement s) {
    body = s;
    stmt(s);
  }

  /** A lambda whose body is an expression: its value is returned (boxed if the descriptor returns a reference). */
  void expressionBody(JCExpression e) {
    if (returnType == null || returnType.hasTag(TypeTag.VOID)) {
      expr(e);
    } else {
      Var v = value(e, returnType);
      b.ret(v, u.positions.of(e));
    }
  }

  /**
   * A field initializer lowered into a constructor or {@code <clinit>}: {@code this.f = init} or
   * {@code C.f = init}. {@code classPath} is the path of the declaring class.
   */
  void fieldInit(JCVariableDecl v, TreePath classPath) {
    if (v.init == null || v.sym == null) return;
    TreePath saved = path;
    path = new TreePath(classPath, v);
    try {
      Var val = value(v.init, v.sym.type);
      Long c = LoopTripCounts.constant(v.init);
      fieldWritten(Descriptors.integralField(v.sym), c == null ? null : new Boxes.Range(c, c));
      FieldRef f = u.descriptors.field(v.sym);
      if (v.sym.isStatic()) b.staticStore(f, val, u.positions.of(v));
      else b.store(self, f, val, u.positions.of(v));
    } finally {
      path = saved;
    }
  }

  /** An initializer block lowered into a constructor or {@code <clinit>}. */
  void initializerBlock(JCBlock block, TreePath classPath) {
    TreePath saved = path;
    path = classPath;
    try {
      stmt(block);
    } finally {
      path = saved;
    }
  }

  /** Stores of the implicit field assignments at the end of a compact record constructor. */
  void recordFieldStores(ClassSymbol record, List<JCVariableDecl> params) {
    for (JCVariableDecl p : params) {
      Var v = env.get(p.sym);
      if (v == null) continue;
      b.store(self, new FieldRef(record.flatName().toString(), p.name.toString(), false), v, u.positions.of(p));
    }
    // javac's implicit stores of the parameters: not proven (the compact constructor's checks are not read)
    for (Symbol m : record.getRecordComponents()) {
      if (m instanceof VarSymbol f) fieldWritten(Descriptors.integralField(f), null);
    }
  }

  /** The method's own body, whose top-level checks of its parameters prove stored values ({@link CheckedParameters}). */
  void checksIn(JCBlock body) {
    methodBody = body;
  }

  /** A generated record accessor: {@code return this.field}. */
  void accessorBody(VarSymbol field, SourcePos pos) {
    if (!Descriptors.isReference(field.type)) return;
    Var t = temp(field.type);
    b.load(t, self, u.descriptors.field(field), pos);
    b.ret(t, pos);
  }

  /**
   * The body of a record's generated {@code equals}, {@code hashCode} or {@code toString}, which
   * javac writes only in Lower: {@link RecordMembers}' definition, over the record's components;
   * {@code equals}' argument is slot 1.
   */
  void recordMemberBody(RecordMembers.Member member, ClassSymbol record, SourcePos pos) {
    List<RecordMembers.Component> components = new ArrayList<>();
    // the callback names a component's erased type; its javac type resolves the call
    Map<String, Type> javacTypes = new HashMap<>();
    for (Symbol.RecordComponent rc : record.getRecordComponents()) {
      String type = u.descriptors.typeName(rc.type);
      components.add(new RecordMembers.Component(new FieldRef(record.flatName().toString(), rc.name.toString(), false), type));
      javacTypes.putIfAbsent(type, rc.type);
    }
    Var s = RecordMembers.lower(b, member, self, slotVar(1), null, components,
        (m, value, argument, type, at) -> componentCall(m, value, argument, javacTypes.get(type), at), pos);
    if (s != null) b.ret(s, pos);
  }

  /** {@code value.equals(argument)}, {@code value.hashCode()} or {@code value.toString()} on a component of type {@code site}. */
  private void componentCall(RecordMembers.Member member, Var value, Var argument, Type site, SourcePos at) {
    MethodSymbol m = objectMethod(site, member);
    if (m == null) return; // incomplete type information: nothing to call
    call(null, m, value, argument == null ? List.of() : List.of(argument), List.of(), false, site, at);
  }

  /** The method {@code site.<member>} resolves to: the most specific declaration of the Object method. */
  private MethodSymbol objectMethod(Type site, RecordMembers.Member member) {
    int arity = member == RecordMembers.Member.EQUALS ? 1 : 0;
    Type object = u.state.getSymtab().objectType;
    try {
      Type e = types.erasure(site.hasTag(TypeTag.TYPEVAR) ? site.getUpperBound() : site);
      if (e.hasTag(TypeTag.ARRAY)) e = object; // an array's methods are Object's
      for (Type t : types.closure(e)) {
        for (Symbol s : t.tsym.members().getSymbolsByName(u.state.getName(member.methodName()))) {
          if (s instanceof MethodSymbol ms && !ms.isStatic() && ms.params().size() == arity
              && (arity == 0 || types.isSameType(types.erasure(ms.params().head.type), object))) {
            return ms;
          }
        }
      }
    } catch (RuntimeException ex) {
      // incomplete type information
    }
    return null;
  }

  /** The enclosing instance of an inner member class, stored by its constructors. */
  void storeOuter(Var outer, SourcePos pos) {
    b.store(self, new FieldRef(cls.flatName().toString(), "this$0", false), outer, pos);
  }

  // ---------------------------------------------------------------- statements

  private void stmt(JCStatement s) {
    if (s == null) return;
    TreePath saved = path;
    path = new TreePath(path, s);
    JCMethodInvocation call = ColdPaths.callOf(s);
    int from = b.stmtCount();
    boolean once = onceStatements.remove(s);
    if (once) b.beginCold(ColdPath.ONCE_BRANCH);
    try {
      stmtInner(s);
    } finally {
      path = saved;
      if (once) b.endCold();
    }
    // a statement that is one call: on the way to a failure (its arguments included) if the call
    // never returns normally (ThrowFlow); an arm without braces is such a statement on its own
    lastStatementCall = call == null ? -1 : callStatement(call, from, b.stmtCount());
    if (lastStatementCall >= 0) b.flowNode(from, b.stmtCount(), lastStatementCall, false, new int[0]);
  }

  /** The call statement {@code [from, to)} ends with, when it is the IR of {@code call}; else -1. */
  private int callStatement(JCMethodInvocation call, int from, int to) {
    int i = b.lastCall(from, to);
    if (i < 0 || !(TreeInfo.symbol(call.meth) instanceof MethodSymbol m)) return -1;
    Stmt st = b.stmtAt(i);
    return st instanceof Stmt.Call c && c.callee().name().equals(m.name.toString()) ? i : -1;
  }

  /** The call statement of the statement lowered last when it was one call ({@link #callStatement}), else -1. */
  private int lastStatementCall = -1;

  /** The method's or lambda's body block, whose fact is the method's ({@code ThrowFlow.entry}). */
  private JCStatement body;

  private void stmtInner(JCStatement s) {
    switch (s.getTag()) {
      case BLOCK -> {
        // statements that only run on the way to the block's closing throw are an error path
        List<JCStatement> stats = ((JCBlock) s).stats;
        int tail = ColdPaths.throwingTail(stats);
        // Runs of statements none of which leaves the block or loops: within a run, what precedes a
        // call statement only leads to it (ThrowFlow: a node per call, each the successor of the
        // one before, the closing throw the last), so it is on the way to a failure when the call,
        // or a later one of the run, never returns.
        int runFrom = b.stmtCount();
        int prev = -1;
        boolean runAtStart = true;
        int guardsOpened = 0;
        b.beginBlock(); // what runs whenever a statement of it runs (Dominance)
        for (int k = 0; k < stats.size(); k++) {
          if (k == tail) b.beginCold(ColdPath.ERROR);
          JCStatement st = stats.get(k);
          if (st instanceof JCIf i) nextIf = new FollowedIf(i, stats.subList(k + 1, stats.size()));
          stmt(st);
          if (jumpTest == st) onceArm(stats.subList(k + 1, stats.size()), List.of(), ColdPaths.onceGuards(jumpTest.cond, true));
          jumpTest = null;
          if (hitTest != null && hitTest.test() == st) {
            // `if (v != null) return v;`: the rest of the block runs only on a miss
            b.beginGuarded(hitTest.guard());
            guardsOpened++;
          }
          hitTest = null;
          if (lastStatementCall >= 0) {
            int node = b.flowNode(runFrom, b.stmtCount(), lastStatementCall, false, new int[0]);
            if (prev >= 0) b.flowSuccessors(prev, node);
            else if (runAtStart && s == body) b.flowEntry(node);
            prev = node;
            runFrom = b.stmtCount();
          } else if (st instanceof JCThrow && k == stats.size() - 1 && tail < stats.size()) {
            int node = b.flowNode(runFrom, b.stmtCount(), -1, true, new int[0]);
            if (prev >= 0) b.flowSuccessors(prev, node);
            else if (runAtStart && s == body) b.flowEntry(node);
          }
          if (ColdPaths.mayLeave(st)) {
            prev = -1;
            runAtStart = false;
            runFrom = b.stmtCount();
          }
        }
        if (tail < stats.size()) b.endCold();
        for (int g = 0; g < guardsOpened; g++) b.endGuarded();
        b.endBlock();
      }
      case VARDEF -> varDef((JCVariableDecl) s);
      case EXEC -> expr(((JCExpressionStatement) s).expr);
      case IF -> {
        JCIf i = (JCIf) s;
        List<JCStatement> after = nextIf != null && nextIf.test() == i ? nextIf.after() : List.of();
        nextIf = null;
        boolean loopCondition = i == leadingExitTest;
        MissTest miss = condition(i.cond);
        ColdPaths.GuardedArm logging = ColdPaths.guardedArm(i.cond);
        onceBranch(i, after);
        // two arms; without an else the second is empty (Arms: nothing runs on every path)
        int branch = b.beginBranch(2);
        b.beginConditional();
        b.beginArm(branch, 0);
        if (miss != null && miss.thenArm()) b.beginGuarded(miss.guard());
        arm(i.thenpart, logging == ColdPaths.GuardedArm.THEN);
        if (miss != null && miss.thenArm()) b.endGuarded();
        b.endArm();
        b.endConditional();
        if (i.elsepart != null) {
          b.beginConditional();
          b.beginArm(branch, 1);
          if (miss != null && !miss.thenArm()) b.beginGuarded(miss.guard());
          arm(i.elsepart, logging == ColdPaths.GuardedArm.ELSE);
          if (miss != null && !miss.thenArm()) b.endGuarded();
          b.endArm();
          b.endConditional();
        } else if (miss != null && !miss.thenArm() && alwaysJumps(i.thenpart)) {
          hitTest = new HitTest(i, miss.guard());
        }
        if (i.elsepart == null && alwaysJumps(i.thenpart)) jumpTest = i;
        if (loopCondition) b.loopConditionTested();
      }
      case FORLOOP -> forLoop((JCForLoop) s);
      case FOREACHLOOP -> forEach((JCEnhancedForLoop) s);
      case WHILELOOP -> conditionLoop(s, ((JCWhileLoop) s).cond, ((JCWhileLoop) s).body, false);
      case DOLOOP -> conditionLoop(s, ((JCDoWhileLoop) s).cond, ((JCDoWhileLoop) s).body, true);
      case SWITCH -> {
        JCSwitch sw = (JCSwitch) s;
        Var sel = expr(sw.selector);
        frames.push(new Frame(sw, false));
        try {
          cases(sw.cases, sel, sw.hasUnconditionalPattern || sw.isExhaustive);
        } finally {
          frames.pop();
        }
      }
      case RETURN -> {
        JCReturn r = (JCReturn) s;
        if (r.expr != null) {
          Var v = value(r.expr, returnType);
          b.ret(v, pos(s));
        }
        b.jump(Integer.MAX_VALUE);
        b.returned();
      }
      case THROW -> {
        // The whole operand is the failure path (StmtContext.inThrow): the AllocationContract rule
        // allows `throw new IllegalStateException("bad " + x)`, its concatenation included.
        b.beginThrow();
        Var v;
        try {
          v = expr(((JCThrow) s).expr);
          b.thr(v, pos(s));
        } finally {
          b.endThrow();
        }
        b.jump(Integer.MAX_VALUE);
      }
      case TRY -> tryStmt((JCTry) s);
      case SYNCHRONIZED -> {
        JCSynchronized sy = (JCSynchronized) s;
        Var lock = expr(sy.lock);
        b.monitor(lock, pos(s));
        stmt(sy.body);
      }
      case BREAK -> jumpTo(((JCBreak) s).target);
      case CONTINUE -> jumpTo(((JCContinue) s).target);
      case YIELD -> yieldStmt((JCYield) s);
      case LABELLED -> {
        JCLabeledStatement l = (JCLabeledStatement) s;
        frames.push(new Frame(l, false));
        try {
          stmt(l.body);
        } finally {
          frames.pop();
        }
      }
      case ASSERT -> {
        // runs only with assertions enabled
        JCAssert a = (JCAssert) s;
        b.beginConditional();
        b.beginCold(ColdPath.ASSERTION);
        expr(a.cond);
        if (a.detail != null) expr(a.detail);
        b.endCold();
        b.endConditional();
      }
      case CLASSDEF -> localClass((JCClassDecl) s);
      case SKIP -> { }
      default -> conservative(s);
    }
  }

  /**
   * A guard a cache miss may pass ({@link CacheMisses}): its id in the builder, and whether the
   * miss takes the {@code then} arm ({@code x == null}, {@code !m.containsKey(k)}) or the
   * {@code else} arm ({@code x != null}, {@code m.containsKey(k)}).
   */
  private record MissTest(int guard, boolean thenArm) {}

  /** {@code if (test) jump;} whose miss arm is the rest of the enclosing block (the statement, and its guard). */
  private record HitTest(JCStatement test, int guard) {}

  /** The hit test just lowered, for the block around it ({@code stmtInner}'s {@code BLOCK}); null when none. */
  private HitTest hitTest;

  /**
   * Lowers an {@code if}'s condition and, when it is {@code x == null}, {@code x != null} or a
   * call of {@code containsKey(k)} (negated or not), declares the guard a cache miss may pass: the
   * IR decides whether it is one ({@link CacheMisses#decide}); else null.
   */
  private MissTest condition(JCExpression cond) {
    JCExpression c = TreeInfo.skipParens(cond);
    if (c instanceof JCBinary bin && (bin.getTag() == Tag.EQ || bin.getTag() == Tag.NE)) {
      JCExpression tested = ColdPaths.isNull(bin.rhs) ? bin.lhs : ColdPaths.isNull(bin.lhs) ? bin.rhs : null;
      if (tested != null) {
        TreePath saved = path;
        path = new TreePath(path, cond);
        if (c != cond) path = new TreePath(path, c);
        Var v;
        try {
          v = expr(tested);
        } finally {
          path = saved;
        }
        return v == null ? null : new MissTest(b.guard(CacheMisses.Guard.nullTest(v)), bin.getTag() == Tag.EQ);
      }
    }
    boolean negated = c instanceof JCUnary u && u.getTag() == Tag.NOT;
    JCExpression call = negated ? TreeInfo.skipParens(((JCUnary) c).arg) : c;
    if (call instanceof JCMethodInvocation inv && inv.args.size() == 1
        && TreeInfo.symbol(inv.meth) instanceof MethodSymbol m && !m.isStatic() && m.name.contentEquals("containsKey")) {
      int from = b.stmtCount();
      expr(cond);
      int at = b.lastCall(from, b.stmtCount());
      if (at >= 0 && b.stmtAt(at) instanceof Stmt.Call sc && sc.callee().name().equals("containsKey")
          && sc.args().size() == 2 && sc.receiver() != null) {
        return new MissTest(b.guard(CacheMisses.Guard.missingKey(sc.receiver(), sc.args().get(1))), negated);
      }
      return null;
    }
    expr(cond);
    return null;
  }

  /** Whether {@code s} never completes normally by its last statement: a {@code return}, {@code throw}, {@code break} or {@code continue}. */
  private static boolean alwaysJumps(JCStatement s) {
    if (s instanceof JCBlock block) return !block.stats.isEmpty() && alwaysJumps(block.stats.last());
    return s instanceof JCReturn || s instanceof JCThrow || s instanceof JCBreak || s instanceof JCContinue;
  }

  /**
   * Adds to {@link #onceStatements} the statements of {@code i}'s arms that run at most once per
   * call ({@link ColdPath#ONCE_BRANCH}): {@code i} is inside a loop, a guard of the arm
   * ({@link ColdPaths#onceGuards}) tests a local declared outside every loop of the body or a field
   * (where the sentinel allows one: {@link OnceBranches#fieldMayBeTested}), and every store into it
   * in the outermost loop keeps the guard off ({@link ColdPaths#keepsOff}); {@code after}: the
   * statements that follow {@code i} in its block, where a store may turn the guard off after the arm.
   */
  private void onceBranch(JCIf i, List<? extends JCStatement> after) {
    onceArm(ColdPaths.statements(i.thenpart), after, ColdPaths.onceGuards(i.cond, false));
    if (i.elsepart != null) onceArm(ColdPaths.statements(i.elsepart), after, ColdPaths.onceGuards(i.cond, true));
  }

  /**
   * The once-branch statements of {@code arm} under {@code guards}: the arm of an {@code if}, or the
   * rest of a block after {@code if (done) continue;} (an {@code if} without {@code else} whose arm
   * always jumps), which runs only when the condition is false; {@code after}: what follows the
   * arm in the block of its {@code if} ({@link ColdPaths#onceStatements}).
   */
  private void onceArm(List<? extends JCStatement> arm, List<? extends JCStatement> after, List<ColdPaths.OnceGuard> guards) {
    JCTree loop = null;
    for (Frame f : frames) if (f.loop()) loop = f.tree(); // frames are innermost first: the outermost loop
    if (loop == null) return;
    for (ColdPaths.OnceGuard g : guards) {
      LocalInfo li = locals.get(g.x());
      boolean outlives = li != null ? li.loopDepth() == 0
          : g.x().owner instanceof ClassSymbol && OnceBranches.fieldMayBeTested(g.sentinel());
      if (outlives && ColdPaths.keepsOff(loop, arm, g)) onceStatements.addAll(ColdPaths.onceStatements(arm, after, g));
    }
  }

  /** An {@code if} about to be lowered as a statement of a block, and the statements after it there. */
  private record FollowedIf(JCIf test, List<JCStatement> after) {}

  /** The {@code if} the block being lowered hands to its lowering ({@link #onceBranch}), or null. */
  private FollowedIf nextIf;

  /** The {@code if} just lowered when it has no {@code else} and its arm always jumps: the rest of its block is its other arm. */
  private JCIf jumpTest;

  /** Statements of once-branches still to lower ({@link #onceBranch}): each is lowered as {@link ColdPath#ONCE_BRANCH}. */
  private final Set<JCStatement> onceStatements = new java.util.HashSet<>();

  /** An arm of an {@code if}; {@code logging}: it runs only when a logging level is enabled. */
  private void arm(JCStatement arm, boolean logging) {
    if (logging) b.beginCold(ColdPath.LOGGING);
    stmt(arm);
    if (logging) b.endCold();
  }

  private void varDef(JCVariableDecl v) {
    VarSymbol sym = v.sym;
    if (sym == null) {
      if (v.init != null) expr(v.init);
      return;
    }
    Var var = null;
    if (Descriptors.isReference(sym.type)) {
      var = b.local(v.name.toString(), u.descriptors.typeName(sym.type));
      env.put(sym, var);
    }
    locals.put(sym, new LocalInfo(loopCount));
    writes.merge(sym, 1, Integer::sum); // a declaration in a loop is a new variable each iteration
    if (v.init != null && !Descriptors.isReference(sym.type) && TreeInfo.skipParens(v.init) instanceof JCMethodInvocation call) {
      unboxingInits.put(sym, call);
    }
    if (v.init != null) {
      Var val = value(v.init, sym.type);
      b.copy(var, val, pos(v));
      if (isNullLiteral(v.init)) b.nullAssignment(var, pos(v));
    }
  }

  private static boolean isNullLiteral(JCExpression e) {
    return TreeInfo.skipParens(e).getTag() == Tag.LITERAL && TreeInfo.skipParens(e).type != null
        && TreeInfo.skipParens(e).type.hasTag(com.sun.tools.javac.code.TypeTag.BOT);
  }

  /** Whether an index expression is a compile-time constant (javac folded it). */
  private static boolean constantIndex(JCExpression index) {
    return index.type != null && index.type.constValue() != null;
  }

  /** The innermost open loop's {@link LeadingExitTests leading exit test}, or null. */
  private JCIf leadingExitTest;

  private final Deque<Optional<JCIf>> outerExitTests = new ArrayDeque<>();

  private void openLoop(JCStatement loop, LoopKind kind, SymbolicExpr trip, String reason) {
    frames.push(new Frame(loop, true));
    loopCount++;
    b.beginLoop(kind, pos(loop), trip, reason);
    outerExitTests.push(Optional.ofNullable(leadingExitTest));
    leadingExitTest = LeadingExitTests.of(loop);
  }

  private void closeLoop() {
    leadingExitTest = outerExitTests.pop().orElse(null);
    b.endLoop();
    loopCount--;
    frames.pop();
  }

  /** A {@code while} loop, or a {@code do ... while} loop ({@code bodyFirst}): the condition runs before or after the body. */
  private void conditionLoop(JCStatement loop, JCExpression cond, JCStatement body, boolean bodyFirst) {
    openLoop(loop, bodyFirst ? LoopKind.DO_WHILE : LoopKind.WHILE, null, LoopTripCounts.whileReason(cond, bodyFirst));
    if (RetryLoops.isRetry(loop)) b.retryLoop();
    if (!bodyFirst) expr(cond);
    stmt(body);
    if (bodyFirst) expr(cond);
    closeLoop();
  }

  private void forLoop(JCForLoop f) {
    for (JCStatement init : f.init) stmt(init);
    LoopTripCounts.Result r = u.trips.forLoop(f);
    openLoop(f, LoopKind.FOR, r.tripCount(), r.reason());
    if (RetryLoops.isRetry(f)) b.retryLoop();
    if (r.indexRange() != null) indexRanges.put(r.index(), r.indexRange());
    if (r.indexBound() != null) {
      b.loopIndexBound(r.indexBound());
      indexBounds.put(r.index(), r.indexBound());
    }
    if (f.cond != null) expr(f.cond);
    stmt(f.body);
    if (r.indexRange() != null) indexRanges.remove(r.index());
    if (r.indexBound() != null) indexBounds.remove(r.index());
    for (JCExpressionStatement st : f.step) stmt(st);
    closeLoop();
  }

  private void forEach(JCEnhancedForLoop f) {
    Var iterable = expr(f.expr);
    LoopTripCounts.Result r = u.trips.forEach(f);
    Type exprType = f.expr.type;
    boolean array = exprType != null && exprType.hasTag(TypeTag.ARRAY);
    Var iterator = null;
    MethodSymbol hasNext = null;
    MethodSymbol next = null;
    if (!array) {
      // The iterator is created once, before the loop (javac: expr.iterator()).
      MethodSymbol iteratorM = findMethod(exprType, "iterator");
      if (iteratorM != null) {
        Type itType = iteratorM.type.getReturnType();
        iterator = temp(itType);
        call(iterator, iteratorM, iterable, List.of(), List.of(SymbolicExpr.of(u.positions.text(f.expr))),
            false, exprType, f.expr);
        hasNext = findMethod(itType, "hasNext");
        next = findMethod(itType, "next");
      }
    }
    openLoop(f, array ? LoopKind.FOREACH_ARRAY : LoopKind.FOREACH_ITERABLE, r.tripCount(), r.reason());
    JCVariableDecl var = f.var;
    TreePath saved = path;
    path = new TreePath(path, var);
    Var loopVar = null;
    if (var.sym != null && Descriptors.isReference(var.sym.type)) {
      loopVar = b.local(var.name.toString(), u.descriptors.typeName(var.sym.type));
      env.put(var.sym, loopVar);
    }
    if (var.sym != null) {
      locals.put(var.sym, new LocalInfo(loopCount));
      writes.merge(var.sym, 1, Integer::sum);
    }
    if (array) {
      Type elem = types.elemtype(exprType);
      if (Descriptors.isReference(elem)) {
        Var e = temp(elem);
        b.load(e, iterable, FieldRef.ARRAY_ELEMENT, pos(var));
        b.copy(loopVar, e, pos(var));
      } else if (loopVar != null && var.sym != null) {
        // for (Integer x : intArray): each element is boxed
        b.copy(loopVar, box(f.expr, elem, var.sym.type, path), pos(var));
      }
    } else if (iterator != null) {
      if (hasNext != null) call(null, hasNext, iterator, List.of(), List.of(), false, null, f.expr);
      if (next != null) {
        // next() returns the erased element; a primitive loop variable unboxes it (no object kept)
        Var e = loopVar != null ? temp(var.sym.type) : null;
        call(e, next, iterator, List.of(), List.of(), false, null, f.expr);
        b.copy(loopVar, e, pos(var));
      }
    }
    path = saved;
    stmt(f.body);
    closeLoop();
  }

  /** The cases of a switch; {@code exhaustive} when javac found that some case is taken for every value. */
  private void cases(List<JCCase> cases, Var selector, boolean exhaustive) {
    // The cases are the arms of one branch (Arms) when none can fall into the next; a switch
    // without a default or an unconditional pattern has one empty arm more (no case taken).
    int branch = casesExclusive(cases) ? b.beginBranch(cases.size() + (exhaustive || hasDefault(cases) ? 0 : 1)) : -1;
    int k = 0;
    for (JCCase c : cases) {
      TreePath saved = path;
      path = new TreePath(path, c);
      b.beginConditional();
      if (branch >= 0) b.beginArm(branch, k++);
      try {
        for (JCCaseLabel label : c.labels) {
          if (label instanceof JCPatternCaseLabel pl) pattern(pl.pat, selector);
        }
        if (c.guard != null) expr(c.guard);
        if (c.stats != null && !c.stats.isEmpty()) {
          for (JCStatement st : c.stats) stmt(st);
        } else if (c.caseKind == CaseTree.CaseKind.RULE && c.body != null) {
          if (c.body instanceof JCStatement st) stmt(st);
          else if (c.body instanceof JCExpression e) {
            YieldTarget y = yields.peek();
            if (y != null) b.copy(y.result(), value(e, y.type()), pos(e));
            else expr(e);
          }
        }
      } finally {
        if (branch >= 0) b.endArm();
        b.endConditional();
        path = saved;
      }
    }
  }

  /**
   * Whether no case can fall through into the next: every case is a rule ({@code case X ->}), or
   * its statements end in a {@code break}, {@code continue}, {@code return}, {@code throw} or
   * {@code yield} (a case without statements shares the next one's: not exclusive).
   */
  private static boolean casesExclusive(List<JCCase> cases) {
    for (JCCase c : cases) {
      if (c.caseKind == CaseTree.CaseKind.RULE) continue;
      if (c.stats == null || c.stats.isEmpty()) return false;
      JCStatement last = c.stats.last();
      if (!(last instanceof JCBreak || last instanceof JCContinue || last instanceof JCReturn || last instanceof JCThrow
          || last instanceof JCYield)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a case is the {@code default}. */
  private static boolean hasDefault(List<JCCase> cases) {
    for (JCCase c : cases) {
      for (JCCaseLabel label : c.labels) if (label instanceof JCDefaultCaseLabel) return true;
    }
    return false;
  }

  private void yieldStmt(JCYield y) {
    YieldTarget t = null;
    for (YieldTarget yt : yields) {
      if (yt.tree() == y.target) {
        t = yt;
        break;
      }
    }
    if (t == null) t = yields.peek();
    Var v = t == null ? expr(y.value) : value(y.value, t.type());
    if (t != null) b.copy(t.result(), v, pos(y));
    jumpTo(y.target);
  }

  private void tryStmt(JCTry t) {
    List<Var> resources = new ArrayList<>();
    List<JCTree> resourceTrees = new ArrayList<>();
    for (JCTree res : t.resources) {
      if (res instanceof JCVariableDecl v) {
        TreePath saved = path;
        path = new TreePath(path, v);
        varDef(v);
        path = saved;
        resources.add(v.sym == null ? null : env.get(v.sym));
        resourceTrees.add(v);
      } else if (res instanceof JCExpression e) {
        resources.add(expr(e));
        resourceTrees.add(e);
      }
    }
    stmt(t.body);
    // Resources are closed in reverse order after the body, on every path.
    for (int i = resources.size() - 1; i >= 0; i--) {
      JCTree res = resourceTrees.get(i);
      Type type = res instanceof JCVariableDecl v ? (v.sym == null ? null : v.sym.type) : ((JCExpression) res).type;
      MethodSymbol close = findMethod(type, "close");
      if (close != null) call(null, close, resources.get(i), List.of(), List.of(), false, type, res);
    }
    // finally runs on every path: lowered unconditionally, right after the body (before the catch
    // blocks, so that a throw or return in a catch does not make it look conditional).
    if (t.finalizer != null) stmt(t.finalizer);
    for (JCCatch c : t.catchers) {
      TreePath saved = path;
      path = new TreePath(path, c);
      b.beginConditional();
      b.beginCold(ColdPath.ERROR);
      TreePath p2 = path;
      path = new TreePath(path, c.param);
      varDef(c.param);
      path = p2;
      stmt(c.body);
      b.endCold();
      b.endConditional();
      path = saved;
    }
  }

  /** {@code break}/{@code continue}/{@code yield}: the loops between here and the target are left. */
  private void jumpTo(JCTree target) {
    int n = 0;
    for (Frame f : frames) {
      if (f.loop()) n++;
      if (f.tree() == target) break;
    }
    b.jump(n);
  }

  private void localClass(JCClassDecl cd) {
    if (cd.sym != null) u.localClassCaptures.put(cd.sym, Captures.of(cd, cd.sym, types));
    TreePath classPath = path;
    u.enqueue(cd, () -> ClassLowering.lowerClass(u, cd, classPath, false, 0));
  }

  // ---------------------------------------------------------------- expressions

  private Var expr(JCExpression e) {
    if (e == null) return null;
    TreePath saved = path;
    path = new TreePath(path, e);
    try {
      return exprInner(e);
    } finally {
      path = saved;
    }
  }

  private Var exprInner(JCExpression e) {
    switch (e.getTag()) {
      case PARENS:
        return expr(((JCTree.JCParens) e).expr);
      case IDENT:
        return ident((JCIdent) e);
      case SELECT:
        return select((JCFieldAccess) e);
      case APPLY:
        return invoke((JCMethodInvocation) e);
      case NEWCLASS:
        return newClass((JCNewClass) e);
      case NEWARRAY:
        return newArray((JCNewArray) e);
      case LAMBDA:
        return lambda((JCLambda) e);
      case REFERENCE:
        return memberRef((JCMemberReference) e);
      case TYPECAST: {
        JCTypeCast c = (JCTypeCast) e;
        return value(c.expr, c.type);
      }
      case TYPETEST: {
        JCInstanceOf t = (JCInstanceOf) e;
        Var v = expr(t.expr);
        if (t.pattern instanceof JCTree.JCPattern p) pattern(p, v);
        return null;
      }
      case CONDEXPR:
        return conditional((JCConditional) e);
      case SWITCH_EXPRESSION:
        return switchExpr((JCSwitchExpression) e);
      case ASSIGN:
        return assign((JCAssign) e);
      case INDEXED: {
        JCTree.JCArrayAccess a = (JCTree.JCArrayAccess) e;
        Var base = expr(a.indexed);
        expr(a.index);
        b.access(base, FieldRef.ARRAY_ELEMENT, constantIndex(a.index), false, pos(e));
        if (!Descriptors.isReference(a.type)) return null;
        Var t = temp(a.type);
        b.load(t, base, FieldRef.ARRAY_ELEMENT, pos(e));
        return t;
      }
      case LITERAL:
        return null;
      case AND:
      case OR: {
        JCBinary bin = (JCBinary) e;
        expr(bin.lhs);
        b.beginConditional();
        expr(bin.rhs);
        b.endConditional();
        return null;
      }
      default:
        if (e instanceof JCAssignOp a) return compoundAssign(a);
        if (e instanceof JCUnary un) return unary(un);
        if (e instanceof JCBinary bin) return binary(bin);
        return conservative(e);
    }
  }

  /**
   * The value of {@code e} converted to {@code target}: a primitive converted to a reference type is
   * a boxing site.
   */
  private Var value(JCExpression e, Type target) {
    Var v = expr(e);
    if (target != null && e != null && Descriptors.isPrimitive(e.type) && Descriptors.isReference(target)
        && !target.hasTag(TypeTag.BOT) && !target.hasTag(TypeTag.ERROR)) {
      return box(e, e.type, target, new TreePath(path, e));
    }
    if (target != null && e != null && Descriptors.isReference(e.type) && Descriptors.isPrimitive(target)) {
      // Unboxing (a Long returned where long is declared, an Integer passed to an int parameter):
      // what flows on is a primitive read out of the object, not the object.
      return null;
    }
    return v;
  }

  /** A boxing site for {@code e} (of primitive type {@code from}) converted to {@code target} ({@link Boxes#boxFor}). */
  private Var box(JCExpression e, Type from, Type target, TreePath sitePath) {
    List<String> conversion = Boxes.boxFor(u.descriptors.typeName(from), u.descriptors.typeName(target));
    return boxSite(e, e, conversion.get(0), conversion.get(1), LoopTripCounts.constant(e), sitePath);
  }

  /** The index of each counted loop being lowered whose values are known, while its body is ({@link LoopTripCounts.Result#indexRange}). */
  private final Map<Symbol, Boxes.Range> indexRanges = new HashMap<>();

  /** The index of each counted loop being lowered that counts up to a field, while its body is ({@link LoopTripCounts.Result#indexBound}). */
  private final Map<Symbol, FieldRanges.Bound> indexBounds = new HashMap<>();

  /**
   * The field that bounds {@code value} ({@link FieldRanges.Bound}): when it is the index of a
   * counted loop up to one, or a read of an integral instance field; else null.
   */
  private FieldRanges.Bound fieldBound(JCExpression value) {
    JCExpression e = TreeInfo.skipParens(value);
    if (e instanceof JCIdent id && indexBounds.containsKey(id.sym)) return indexBounds.get(id.sym);
    VarSymbol f = Descriptors.integralField(e);
    return f == null ? null : new FieldRanges.Bound(Descriptors.fieldRef(f), u.positions.text(e), null, 0, null);
  }

  /** The parameter checks of the method being lowered ({@link CheckedParameters}), found on first use. */
  private CheckedParameters checked;

  /** The top-level statements of the method being lowered, for {@link CheckedParameters}; null for a lambda or initializer. */
  private JCBlock methodBody;

  /**
   * Notes a write of {@code field} when it is an integral instance field ({@link FieldRanges.Write}),
   * with the values {@code stored} it is proven to store, or null.
   */
  private void fieldWritten(VarSymbol field, Boxes.Range stored) {
    if (field != null) b.fieldWrite(Descriptors.fieldRef(field), Descriptors.sealed(field), stored);
  }

  /**
   * The values {@code a} is proven to store ({@link FieldRanges.Write#range()}): a constant's, or a
   * parameter's that the method checks before it ({@link CheckedParameters}); else null.
   */
  private Boxes.Range storedRange(JCAssign a) {
    Long c = LoopTripCounts.constant(a.rhs);
    if (c != null) return new Boxes.Range(c, c);
    if (methodBody == null) return null;
    if (checked == null) checked = new CheckedParameters(methodBody);
    return checked.at(a);
  }

  /** {@code value}: the boxed expression (null when it has no tree of its own), for its proven range. */
  private Var boxSite(JCTree at, JCExpression value, String primName, String boxName, Long constant, TreePath sitePath) {
    Var t = b.temp(boxName);
    Boxes.Range range = value != null && TreeInfo.skipParens(value) instanceof JCIdent id ? indexRanges.get(id.sym) : null;
    if (range == null && value != null) range = typeRange(value);
    AllocSite site = b.alloc(t, SiteKind.BOXING, boxName, pos(at),
        new AllocSite.Boxing(primName, constant, range, value == null ? null : boxedValue(value),
            value != null && loopInvariant(value), value == null ? null : fieldBound(value),
            value == null ? null : unboxedFrom(value, boxName)));
    sitePaths.put(site.id(), sitePath);
    return t;
  }

  /**
   * {@link AllocSite.Boxing#unboxedFrom}: the text of the call whose {@code box}-typed result the
   * local {@code value} names was unboxed from at its declaration ({@code final int id =
   * entry.getKey();}), when no statement assigns the local again (final or effectively final), else
   * null.
   */
  private String unboxedFrom(JCExpression value, String box) {
    if (!(TreeInfo.skipParens(value) instanceof JCIdent id) || !(id.sym instanceof VarSymbol v) || !Captures.isLocal(v)
        || (v.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) == 0) {
      return null;
    }
    JCExpression init = unboxingInits.get(v);
    return init != null && init.type != null && box.equals(u.descriptors.typeName(init.type)) ? u.positions.text(init) : null;
  }

  /** The initializer of each primitive local declared from a call's result ({@link #unboxedFrom}). */
  private final Map<VarSymbol, JCExpression> unboxingInits = new HashMap<>();

  /**
   * The range of {@code value}'s type before widening ({@link Boxes.Range#ofType}): the type of the
   * expression under its parentheses and casts to a wider integral type ({@code (int) bytes[i]} is a
   * {@code byte}'s, as the bytecode front end sees it, where the cast is no instruction), else null.
   */
  private Boxes.Range typeRange(JCExpression value) {
    JCExpression e = TreeInfo.skipParens(value);
    while (e instanceof JCTypeCast c && c.expr.type != null && c.expr.type.isPrimitive() && e.type != null
        && Descriptors.isPrimitive(e.type) && widens(c.expr.type, e.type)) {
      e = TreeInfo.skipParens(c.expr);
    }
    return e.type == null ? null : Boxes.Range.ofType(u.descriptors.typeName(e.type));
  }

  /** Whether converting {@code from} to {@code to} is a widening primitive conversion of integral types. */
  private static boolean widens(Type from, Type to) {
    List<TypeTag> order = List.of(TypeTag.BYTE, TypeTag.SHORT, TypeTag.INT, TypeTag.LONG);
    int f = order.indexOf(from.getTag()), t = order.indexOf(to.getTag());
    return f >= 0 && t >= 0 && f <= t;
  }

  /**
   * Whether {@code value} is the same on every iteration of the innermost loop being lowered
   * ({@link LoopTripCounts#invariantValue}); a local declared since that loop opened is not.
   */
  private boolean loopInvariant(JCExpression value) {
    for (Frame f : frames) {
      if (!f.loop()) continue;
      return LoopTripCounts.invariantValue(value, f.tree(), v -> {
        LocalInfo li = locals.get(v);
        return li != null && li.loopDepth() >= loopCount;
      });
    }
    return false;
  }

  /**
   * How often each variable (local or field) has been written so far in program order, and a number
   * per variable: the two make {@link Boxes.Value#version()}, so two boxes of one variable with no
   * write between them carry equal values.
   */
  private final Map<Symbol, Integer> writes = new HashMap<>();
  private final Map<Symbol, Integer> variableIds = new HashMap<>();

  /** Notes a write to the variable {@code lhs} names (a local, a field, {@code a.f}); array elements are not variables. */
  private void wrote(JCExpression lhs) {
    Symbol s = TreeInfo.symbol(TreeInfo.skipParens(lhs));
    if (s instanceof VarSymbol v) writes.merge(v, 1, Integer::sum);
  }

  private String version(Symbol v) {
    return variableIds.computeIfAbsent(v, k -> variableIds.size()) + ":" + writes.getOrDefault(v, 0);
  }

  /**
   * Which value {@code e} is, when it is one a box can be reused for ({@link Boxes.Value}): a
   * compile-time constant, a local or parameter, or a field read of {@code this}, of a class, or of
   * a local's object; else null (a call, an array element, arithmetic: a new value each time).
   */
  private Boxes.Value boxedValue(JCExpression e) {
    e = TreeInfo.skipParens(e);
    if (e.type != null && e.type.constValue() != null) {
      return new Boxes.Value(Boxes.Value.Kind.CONSTANT, u.positions.text(e), e.type.constValue() + ":" + e.type.getTag());
    }
    Symbol s = TreeInfo.symbol(e);
    if (!(s instanceof VarSymbol v)) return null;
    String text = u.positions.text(e);
    if (text == null) text = v.name.toString();
    if (Captures.isLocal(v)) return e instanceof JCIdent ? new Boxes.Value(Boxes.Value.Kind.LOCAL, text, version(v)) : null;
    if (e instanceof JCIdent) return new Boxes.Value(Boxes.Value.Kind.FIELD, text, version(v));
    if (!(e instanceof JCFieldAccess fa)) return null;
    JCExpression sel = TreeInfo.skipParens(fa.selected);
    Symbol base = TreeInfo.symbol(sel);
    if (v.isStatic() || (sel instanceof JCIdent id && id.name.toString().equals("this"))) {
      return new Boxes.Value(Boxes.Value.Kind.FIELD, text, version(v));
    }
    if (sel instanceof JCIdent && Captures.isLocal(base)) {
      return new Boxes.Value(Boxes.Value.Kind.FIELD, text, version(v) + "/" + version(base));
    }
    return null;
  }

  private Var ident(JCIdent id) {
    Symbol s = id.sym;
    if (s == null) return null;
    String name = id.name.toString();
    if (name.equals("this") || name.equals("super")) return thisRef();
    if (s instanceof VarSymbol v) {
      // a constant variable is inlined by javac: no object, no capture
      if (Captures.isLocal(v)) return v.getConstValue() != null ? null : local(v);
      if (!v.isStatic() && !Descriptors.isReference(v.type)) {
        b.access(outerInstance(v.owner), u.descriptors.field(v), true, false, pos(id));
      }
      if (!Descriptors.isReference(v.type)) return null;
      FieldRef f = u.descriptors.field(v);
      Var t = temp(v.type);
      if (v.isStatic()) {
        b.staticLoad(t, f, pos(id));
      } else {
        Var base = outerInstance(v.owner);
        if (base == null) return null;
        b.load(t, base, f, pos(id));
      }
      return t;
    }
    return null;
  }

  /** A local or parameter: this body's variable, or a captured value read from slot 0 / {@code this}. */
  private Var local(VarSymbol v) {
    Var var = env.get(v);
    if (var != null || !Descriptors.isReference(v.type)) return var;
    if (locals.containsKey(v)) return null;
    String name = v.name.toString();
    Var loaded = capturedLoads.get(name);
    if (loaded == null && self != null) {
      loaded = temp(v.type);
      b.load(loaded, self, FieldRef.captured(name), SourcePos.UNKNOWN);
      capturedLoads.put(name, loaded);
    }
    return loaded;
  }

  /** {@code this} of the class {@link #cls}: slot 0, or in a lambda body the captured enclosing instance. */
  private Var thisRef() {
    if (!lambdaBody) return self;
    if (capturedThis == null && self != null && cls != null) {
      capturedThis = b.temp(cls.flatName().toString());
      b.load(capturedThis, self, FieldRef.captured("this"), SourcePos.UNKNOWN);
    }
    return capturedThis;
  }

  /**
   * The instance of the class that declares (or inherits) member {@code owner}: {@code this}, or an
   * enclosing instance reached through {@code this$0} (inner member classes) or the captured
   * {@code this} (local and anonymous classes).
   */
  private Var outerInstance(Symbol owner) {
    Var v = thisRef();
    if (!(owner instanceof TypeSymbol target)) return v;
    ClassSymbol c = cls;
    int guard = 0;
    while (v != null && c != null && !isSubClass(c, target) && guard++ < 32) {
      ClassSymbol outer = Descriptors.enclosingClass(c);
      if (outer == null) return null;
      Var next = b.temp(outer.flatName().toString());
      if (Descriptors.isLocalOrAnonymous(c)) {
        b.load(next, v, FieldRef.captured("this"), SourcePos.UNKNOWN);
      } else if (Descriptors.isInnerMember(c)) {
        b.load(next, v, new FieldRef(c.flatName().toString(), "this$0", false), SourcePos.UNKNOWN);
      } else {
        return null;
      }
      v = next;
      c = outer;
    }
    return v;
  }

  private boolean isSubClass(ClassSymbol c, TypeSymbol target) {
    try {
      return c == target || c.isSubClass(target, types);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean isTypeName(JCExpression e) {
    Symbol s = TreeInfo.symbol(e);
    return s instanceof TypeSymbol || s instanceof PackageSymbol;
  }

  private Var select(JCFieldAccess fa) {
    String name = fa.name.toString();
    Symbol s = fa.sym;
    if (name.equals("this") || name.equals("super")) return outerInstance(TreeInfo.symbol(fa.selected));
    if (name.equals("class")) return null;
    if (s instanceof VarSymbol v && !Captures.isLocal(v)) {
      if (v.isStatic()) {
        if (!isTypeName(fa.selected)) expr(fa.selected);
        if (!Descriptors.isReference(v.type)) return null;
        Var t = temp(v.type);
        b.staticLoad(t, u.descriptors.field(v), pos(fa));
        return t;
      }
      Var base = expr(fa.selected);
      if (v != u.syms.lengthVar) b.access(base, u.descriptors.field(v), true, false, pos(fa));
      if (v == u.syms.lengthVar || !Descriptors.isReference(v.type)) return null;
      Var t = temp(v.type);
      b.load(t, base, u.descriptors.field(v), pos(fa));
      return t;
    }
    if (s instanceof TypeSymbol || s instanceof PackageSymbol) return null;
    if (!isTypeName(fa.selected)) expr(fa.selected);
    return null;
  }

  // ---- calls ----

  private Var invoke(JCMethodInvocation t) {
    Symbol s = TreeInfo.symbol(t.meth);
    if (!(s instanceof MethodSymbol m)) return conservative(t);
    if (t.args.size() == 1 && m.owner instanceof ClassSymbol owner
        && Boxes.isValueOf(owner.flatName().toString(), m.name.toString(), u.descriptors.declaredParams(m), m.isStatic())) {
      JCExpression arg = t.args.head;
      expr(arg);
      String box = owner.flatName().toString();
      return boxSite(t, arg, Boxes.primitiveOf(box), box, LoopTripCounts.constant(arg), path);
    }
    Var recv = null;
    boolean nonVirtual = false;
    Type recvType = null;
    SymbolicExpr recvExpr = null;
    List<Var> prefix = List.of();
    if (m.isConstructor()) {
      // this(...) / super(...): the object under construction, then the synthetic arguments
      recv = self;
      nonVirtual = true;
      prefix = constructorPrefix(m.enclClass(), t.meth instanceof JCFieldAccess fa ? fa.selected : null, true);
    } else if (!m.isStatic()) {
      if (t.meth instanceof JCFieldAccess fa) {
        Symbol q = TreeInfo.symbol(fa.selected);
        boolean isSuper = fa.selected instanceof JCIdent id && id.name.contentEquals("super")
            || fa.selected instanceof JCFieldAccess qa && qa.name.contentEquals("super");
        if (isSuper) {
          nonVirtual = true;
          recv = fa.selected instanceof JCFieldAccess qa && TreeInfo.symbol(qa.selected) instanceof ClassSymbol qc
              && (qc.flags() & com.sun.tools.javac.code.Flags.INTERFACE) == 0 ? outerInstance(qc) : thisRef();
          recvExpr = SymbolicExpr.of("this");
        } else {
          recv = expr(fa.selected);
          recvType = fa.selected.type;
          recvExpr = SymbolicExpr.of(u.positions.text(fa.selected));
        }
      } else {
        recv = outerInstance(m.owner);
        recvExpr = SymbolicExpr.of("this");
      }
    } else if (t.meth instanceof JCFieldAccess fa && !isTypeName(fa.selected)) {
      expr(fa.selected);
    }
    Var result = null;
    if (!m.isConstructor() && Descriptors.isReference(m.type.getReturnType())) result = temp(t.type);
    MethodRef ref = u.descriptors.method(m, recvType, cls);
    Args a = args(m, ref, t.args, t.varargsElement, t);
    List<Var> slots = new ArrayList<>();
    List<SymbolicExpr> exprs = new ArrayList<>();
    if (!m.isStatic()) {
      slots.add(recv);
      exprs.add(recvExpr);
    }
    for (Var p : prefix) {
      slots.add(p);
      exprs.add(null);
    }
    slots.addAll(a.vars);
    exprs.addAll(a.exprs);
    int first = slots.size() - a.vars.size(); // the slot of the first argument (emitCall may pad slots)
    Stmt.Call call = emitCall(result, ref, slots, exprs, UnitIndex.dispatchOpen(m, nonVirtual, recvType),
        nonVirtual ? List.of() : u.index.overrides(m), receiverType(m, nonVirtual, recvType, recv), pos(t));
    // a lambda made as an argument: which call receives it (Handle.call), which the data flow cannot
    // say for a non-capturing one; only plain arguments, in the slot order of the call
    if (call != null && t.varargsElement == null) {
      for (int i = 0; i < t.args.size() && first + i < call.args().size(); i++) {
        String body = TreeInfo.skipParens(t.args.get(i)) instanceof JCLambda l ? lambdaBodies.get(l) : null;
        if (body != null) b.passesHandle(body, call, first + i);
      }
    }
    return result;
  }

  /**
   * The receiver's static type for a virtual call ({@code Stmt.Call.receiverType}): the erased type
   * of the receiver expression, or for an unqualified call the class whose {@code this} receives
   * it; null for static, constructor, {@code super} and private calls.
   */
  private String receiverType(MethodSymbol m, boolean nonVirtual, Type recvType, Var recv) {
    if (nonVirtual || m.isStatic() || m.isConstructor()) return null;
    if (recvType != null) return u.descriptors.typeName(recvType);
    return recv == null ? null : recv.type();
  }

  /**
   * Whether {@code m} runs a function argument once per element ({@link IteratingMethods}), asked
   * with the class declaring the method javac resolved.
   */
  private static boolean isIterating(MethodSymbol m) {
    return m.owner instanceof ClassSymbol owner
        && IteratingMethods.isIterating(owner.getQualifiedName().toString(), m.name.toString());
  }

  /** The lowered arguments of a call: one per declared parameter (the variable-arity ones packed into an array). */
  private record Args(List<Var> vars, List<SymbolicExpr> exprs) {}

  private Args args(MethodSymbol m, MethodRef ref, List<JCExpression> actual, Type varargsElement, JCTree call) {
    List<Type> formals = m.type.getParameterTypes();
    boolean iterating = isIterating(m);
    int fixed = varargsElement != null ? Math.max(0, formals.size() - 1) : actual.size();
    List<Var> vars = new ArrayList<>();
    List<SymbolicExpr> exprs = new ArrayList<>();
    int i = 0;
    for (; i < actual.size() && i < fixed; i++) {
      JCExpression a = actual.get(i);
      if (iterating) iteratingArg = TreeInfo.skipParens(a);
      vars.add(value(a, i < formals.size() ? formals.get(i) : null));
      exprs.add(symbolic(a));
    }
    iteratingArg = null;
    if (varargsElement != null) {
      // javac chose the variable-arity form: an array of the trailing arguments, even when empty
      String arrayType = u.descriptors.typeName(varargsElement) + "[]";
      Var arr = b.temp(arrayType);
      int n = AllocSite.Varargs.elementCount(actual.size(), formals.size());
      AllocSite site = b.alloc(arr, SiteKind.VARARGS_ARRAY, arrayType, pos(call), new AllocSite.Varargs(ref, n));
      sitePaths.put(site.id(), path);
      for (; i < actual.size(); i++) {
        Var v = value(actual.get(i), varargsElement);
        b.store(arr, FieldRef.ARRAY_ELEMENT, v, pos(actual.get(i)));
      }
      vars.add(arr);
      exprs.add(null);
    } else {
      for (; i < actual.size(); i++) {
        vars.add(expr(actual.get(i)));
        exprs.add(symbolic(actual.get(i)));
      }
    }
    return new Args(vars, exprs);
  }

  /** The source form of an argument, with its value when it is an integral constant. */
  private SymbolicExpr symbolic(JCExpression e) {
    String text = u.positions.text(e);
    Long c = LoopTripCounts.constant(e);
    return c == null ? SymbolicExpr.of(text) : new SymbolicExpr(text, SymbolicExpr.canonicalKey(text), c);
  }

  /** A call with exactly {@code callee.slotCount()} slots (padded or cut when synthetic parameters disagree). */
  private void emitCall(Var result, MethodRef callee, List<Var> slots, List<SymbolicExpr> exprs, boolean open,
      List<MethodRef> overrides, SourcePos at) {
    emitCall(result, callee, slots, exprs, open, overrides, null, at);
  }

  private Stmt.Call emitCall(Var result, MethodRef callee, List<Var> slots, List<SymbolicExpr> exprs, boolean open,
      List<MethodRef> overrides, String receiverType, SourcePos at) {
    int n = callee.slotCount();
    while (slots.size() < n) slots.add(null);
    while (exprs.size() < n) exprs.add(null);
    return b.call(result, callee, new ArrayList<>(slots.subList(0, n)), new ArrayList<>(exprs.subList(0, n)), open,
        overrides, receiverType, at);
  }

  /** A call javac makes implicitly (iterator(), hasNext(), next(), close()). */
  private void call(Var result, MethodSymbol m, Var recv, List<Var> args, List<SymbolicExpr> exprs,
      boolean nonVirtual, Type recvType, JCTree at) {
    call(result, m, recv, args, exprs, nonVirtual, recvType, pos(at));
  }

  private void call(Var result, MethodSymbol m, Var recv, List<Var> args, List<SymbolicExpr> exprs,
      boolean nonVirtual, Type recvType, SourcePos at) {
    List<Var> slots = new ArrayList<>();
    if (!m.isStatic()) slots.add(recv);
    slots.addAll(args);
    emitCall(result, u.descriptors.method(m, recvType, cls), slots, new ArrayList<>(exprs),
        UnitIndex.dispatchOpen(m, nonVirtual, recvType),
        nonVirtual ? List.of() : u.index.overrides(m), receiverType(m, nonVirtual, recvType, recv), at);
  }

  /** The parameterless instance method {@code name} of a type or its supertypes. */
  private MethodSymbol findMethod(Type site, String name) {
    if (site == null) return null;
    try {
      Type e = types.erasure(site.hasTag(TypeTag.TYPEVAR) ? site.getUpperBound() : site);
      for (Type t : types.closure(e)) {
        for (Symbol s : t.tsym.members().getSymbolsByName(u.state.getName(name))) {
          if (s instanceof MethodSymbol ms && ms.params().isEmpty() && !ms.isStatic()) return ms;
        }
      }
    } catch (RuntimeException ex) {
      // incomplete type information
    }
    return null;
  }

  /**
   * The synthetic leading arguments of a constructor call of class {@code c} (see
   * {@link Descriptors}): enum name and ordinal (not objects we track: null), or the enclosing
   * instance of an inner member class ({@code outerExpr} when written, else the implicit one).
   */
  private List<Var> constructorPrefix(ClassSymbol c, JCExpression outerExpr, boolean selfCall) {
    List<String> synth = u.descriptors.syntheticConstructorParams(c);
    if (synth.isEmpty()) return List.of();
    if (Descriptors.isEnum(c)) {
      List<Var> l = new ArrayList<>();
      l.add(selfCall ? slotVar(1) : null);
      l.add(null);
      return l;
    }
    Var outer;
    if (outerExpr != null && !isTypeName(outerExpr)) {
      outer = expr(outerExpr);
    } else if (selfCall && c == cls) {
      outer = slotVar(1); // this(...) in an inner class passes its own enclosing instance on
    } else {
      outer = outerInstance(Descriptors.enclosingClass(c));
    }
    List<Var> l = new ArrayList<>();
    l.add(outer);
    return l;
  }

  // ---- object creation ----

  private Var newClass(JCNewClass t) {
    if (t.def != null) return anonymous(t);
    if (!(t.constructor instanceof MethodSymbol ctor) || !(t.type != null && t.type.tsym instanceof ClassSymbol c)) {
      return conservative(t);
    }
    List<Var> prefix = constructorPrefix(c, t.encl, false);
    MethodRef ref = u.descriptors.method(ctor);
    Var obj = temp(t.type);
    List<SymbolicExpr> argForms = new ArrayList<>();
    for (JCExpression a : t.args) argForms.add(symbolic(a));
    AllocSite site = b.alloc(obj, SiteKind.NEW_OBJECT, u.descriptors.typeName(t.type), pos(t),
        new AllocSite.Constructor(u.descriptors.declaredParams(ctor), argForms, u.positions.text(t.clazz), u.positions.text(t)));
    sitePaths.put(site.id(), path);
    Captures.Result cap = u.localClassCaptures.get(c);
    if (cap != null) storeCaptures(obj, cap, pos(t));
    Args a = args(ctor, ref, t.args, t.varargsElement, t);
    List<Var> slots = new ArrayList<>();
    slots.add(obj);
    slots.addAll(prefix);
    slots.addAll(a.vars);
    List<SymbolicExpr> exprs = new ArrayList<>();
    exprs.add(null);
    for (int i = 0; i < prefix.size(); i++) exprs.add(null);
    exprs.addAll(a.exprs);
    emitCall(null, ref, slots, exprs, false, List.of(), pos(t));
    return obj;
  }

  /**
   * {@code new T(..) { body }}: an allocation on every evaluation (kind ANONYMOUS_CLASS, with what it
   * captures), the captured stores, the call of its constructor; its methods are lowered as ordinary
   * methods that inherit this expression's loop depth and hotness.
   */
  private Var anonymous(JCNewClass t) {
    JCClassDecl def = t.def;
    ClassSymbol c = def.sym;
    int depth = currentDepth() - b.innermostRetry() + (t == iteratingArg ? 1 : 0);
    if (t.encl != null) expr(t.encl);
    Captures.Result cap = c == null ? new Captures.Result(List.of(), false) : Captures.of(def, c, types);
    String type = c != null ? c.flatName().toString() : u.descriptors.typeName(t.type);
    Var obj = b.temp(type);
    List<String> keys = c != null ? anonymousBodies(def, c) : List.of();
    AllocSite site = b.alloc(obj, SiteKind.ANONYMOUS_CLASS, type, pos(t),
        new AllocSite.Anonymous(anonymousSupertype(c), cap.names(), keys));
    sitePaths.put(site.id(), path);
    if (c != null) bodies.put(site.id(), keys);
    storeCaptures(obj, cap, pos(t));
    if (t.constructor instanceof MethodSymbol ctor) {
      MethodRef ref = u.descriptors.method(ctor);
      Args a = args(ctor, ref, t.args, t.varargsElement, t);
      List<Var> slots = new ArrayList<>();
      slots.add(obj);
      slots.addAll(a.vars);
      List<SymbolicExpr> exprs = new ArrayList<>();
      exprs.add(null);
      exprs.addAll(a.exprs);
      emitCall(null, ref, slots, exprs, false, List.of(), pos(t));
    } else {
      for (JCExpression a : t.args) expr(a);
    }
    boolean inheritHot = hot;
    TreePath defPath = new TreePath(path, def);
    u.enqueue(def, () -> ClassLowering.lowerClass(u, def, defPath, inheritHot, depth));
    return obj;
  }

  /** The binary name of what an anonymous class is an anonymous of ({@link AllocSite.Anonymous#supertypeOf}), or null. */
  private static String anonymousSupertype(ClassSymbol c) {
    if (c == null || !(c.getSuperclass().tsym instanceof ClassSymbol sup)) return null;
    List<String> interfaces = new ArrayList<>();
    for (Type i : c.getInterfaces()) if (i.tsym instanceof ClassSymbol ic) interfaces.add(ic.flatName().toString());
    return AllocSite.Anonymous.supertypeOf(sup.flatName().toString(), interfaces);
  }

  /**
   * The code an anonymous class's object may run when invoked: its own instance methods (not
   * constructors, which run at creation and are called there), then every concrete instance method
   * it inherits from a superclass other than {@code Object} and every default method of a non-JDK
   * interface. An inherited method can publish {@code this} or call back into the class's methods;
   * listing it means the engine either analyzes it (when the unit declares it) or, not finding it,
   * stays conservative. {@code Object}'s methods and JDK interface defaults are left out: the JDK
   * invokes a callback through its functional method, and the Object protocol is trusted (TRUST
   * ASSUMPTIONS 1 and 4 of jdk.models).
   */
  private List<String> anonymousBodies(JCClassDecl def, ClassSymbol c) {
    List<String> keys = new ArrayList<>();
    for (JCTree d : def.defs) {
      if (d instanceof JCTree.JCMethodDecl md && md.body != null && md.sym != null && !md.sym.isConstructor()
          && !md.sym.isStatic()) {
        keys.add(u.descriptors.method(md.sym).key());
      }
    }
    for (Type st : types.closure(c.type)) {
      if (!(st.tsym instanceof ClassSymbol sc) || sc == c) continue;
      String owner = sc.getQualifiedName().toString();
      if (owner.equals("java.lang.Object")) continue;
      boolean iface = sc.isInterface();
      if (iface && (owner.startsWith("java.") || owner.startsWith("javax."))) continue;
      for (Symbol m : sc.members().getSymbols()) {
        if (!(m instanceof MethodSymbol ms) || ms.isConstructor() || ms.isStatic()) continue;
        if ((ms.flags() & com.sun.tools.javac.code.Flags.ABSTRACT) != 0) continue;
        if (iface && (ms.flags() & com.sun.tools.javac.code.Flags.DEFAULT) == 0) continue;
        if ((ms.flags() & com.sun.tools.javac.code.Flags.PRIVATE) != 0 && !iface) continue;
        String key = u.descriptors.method(ms).key();
        if (!keys.contains(key)) keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  private void storeCaptures(Var obj, Captures.Result cap, SourcePos at) {
    if (cap.capturesThis()) b.store(obj, FieldRef.captured("this"), thisRef(), at);
    for (VarSymbol v : cap.locals()) {
      Var val = local(v);
      b.store(obj, FieldRef.captured(v.name.toString()), val, at);
    }
  }

  private Var newArray(JCNewArray t) {
    for (JCExpression d : t.dims) expr(d);
    String type = u.descriptors.typeName(t.type);
    Var arr = b.temp(type);
    String size = t.dims.isEmpty() ? (t.elems != null ? Integer.toString(t.elems.size()) : "") : u.positions.text(t.dims.head);
    List<Long> lengths = new ArrayList<>();
    if (t.dims.isEmpty() && t.elems != null) lengths.add((long) t.elems.size());
    for (JCExpression d : t.dims) {
      lengths.add(d.type != null && d.type.constValue() instanceof Number n ? n.longValue() : null);
    }
    MethodRef lengthCall = null;
    if (!t.dims.isEmpty() && lengths.get(0) == null && TreeInfo.skipParens(t.dims.head) instanceof JCMethodInvocation call
        && TreeInfo.symbol(call.meth) instanceof MethodSymbol ms
        && (ms.flags() & (com.sun.tools.javac.code.Flags.STATIC | com.sun.tools.javac.code.Flags.PRIVATE)) != 0) {
      lengthCall = u.descriptors.method(ms); // statically bound: C2 inlines it and may fold its result
    }
    AllocSite site = b.alloc(arr, SiteKind.NEW_ARRAY, type, pos(t),
        new AllocSite.NewArray(size, t.elemtype == null, u.positions.text(t), lengths, lengthCall));
    sitePaths.put(site.id(), path);
    if (t.elems != null) {
      Type elem = t.type != null ? types.elemtype(t.type) : null;
      for (JCExpression el : t.elems) {
        Var v = value(el, elem);
        b.store(arr, FieldRef.ARRAY_ELEMENT, v, pos(el));
      }
    }
    return arr;
  }

  /**
   * A lambda: its body becomes a separate synthetic method ({@code lambda$m$n}, slot 0 = the lambda
   * object); a site only when it captures a local, a parameter or {@code this}.
   */
  private Var lambda(JCLambda t) {
    String name = u.index.lambdaName(t);
    if (name == null) name = "lambda$" + b.ref().name() + "$" + System.identityHashCode(t);
    Captures.Result cap = Captures.of(t, null, types);
    int depth = currentDepth() - b.innermostRetry() + (t == iteratingArg ? 1 : 0);
    boolean inheritHot = hot;
    TreePath lambdaPath = path;
    String lambdaName = name;
    String enclosingDisplay = display.startsWith("lambda in ") ? display : "lambda in " + display;
    u.enqueue(t, () -> ClassLowering.lowerLambda(u, t, lambdaPath, lambdaName, cls, depth, inheritHot, enclosingDisplay));
    String bodyKey = ClassLowering.lambdaRef(u, t, name, cls).key();
    lambdaBodies.put(t, bodyKey);
    if (cap.isEmpty()) {
      b.handle(bodyKey, null, u.descriptors.typeName(t.type));
      return null;
    }
    Var obj = temp(t.type);
    List<String> body = List.of(bodyKey);
    AllocSite site = b.alloc(obj, SiteKind.LAMBDA, u.descriptors.typeName(t.type), pos(t),
        new AllocSite.Lambda(cap.names(), body));
    b.handle(bodyKey, site, u.descriptors.typeName(t.type));
    sitePaths.put(site.id(), path);
    bodies.put(site.id(), body);
    storeCaptures(obj, cap, pos(t));
    return obj;
  }

  /** Bound references ({@code obj::m}, {@code this::m}, {@code super::m}, {@code Inner::new}) capture their receiver. */
  private Var memberRef(JCMemberReference t) {
    MethodReferenceForm form = switch (t.kind) {
      case STATIC -> MethodReferenceForm.STATIC;
      case UNBOUND -> MethodReferenceForm.UNBOUND;
      case BOUND -> MethodReferenceForm.BOUND;
      case SUPER -> MethodReferenceForm.SUPER;
      case IMPLICIT_INNER -> MethodReferenceForm.INNER_CONSTRUCTOR;
      case TOPLEVEL -> MethodReferenceForm.CONSTRUCTOR;
      case ARRAY_CTOR -> MethodReferenceForm.ARRAY_CONSTRUCTOR;
    };
    String target = t.sym instanceof com.sun.tools.javac.code.Symbol.MethodSymbol ms && form != MethodReferenceForm.ARRAY_CONSTRUCTOR
        ? u.descriptors.method(ms).key() : null;
    if (!form.captures()) { // a constant
      if (target != null) b.handle(target, null, u.descriptors.typeName(t.type));
      return null;
    }
    Var recv;
    String captured;
    if (form == MethodReferenceForm.BOUND) {
      recv = expr(t.expr);
      captured = u.positions.text(t.expr);
    } else if (form == MethodReferenceForm.SUPER) {
      recv = thisRef();
      captured = "this";
    } else {
      recv = t.sym != null && t.sym.owner instanceof ClassSymbol inner
          ? outerInstance(Descriptors.enclosingClass(inner)) : thisRef();
      captured = "this";
    }
    Var obj = temp(t.type);
    String method = t.name.contentEquals("<init>") ? "new" : t.name.toString();
    AllocSite site = b.alloc(obj, SiteKind.METHOD_REF, u.descriptors.typeName(t.type), pos(t),
        new AllocSite.MethodReference(u.positions.text(t.expr), method, List.of(captured)));
    if (target != null) b.handle(target, site, u.descriptors.typeName(t.type));
    sitePaths.put(site.id(), path);
    b.store(obj, FieldRef.captured(captured), recv, pos(t));
    return obj;
  }

  // ---- patterns, conditionals, switch expressions ----

  /** Binds a pattern's variables: the matched value is copied into a binding, record components are loaded. */
  private void pattern(JCTree p, Var value) {
    if (p instanceof JCBindingPattern bp) {
      JCVariableDecl v = bp.var;
      if (v.sym == null) return;
      Var var = null;
      if (Descriptors.isReference(v.sym.type)) {
        var = b.local(v.name.toString(), u.descriptors.typeName(v.sym.type));
        env.put(v.sym, var);
      }
      locals.put(v.sym, new LocalInfo(loopCount));
      b.copy(var, value, pos(p));
    } else if (p instanceof JCRecordPattern rp && rp.record != null) {
      List<? extends Symbol.RecordComponent> comps = rp.record.getRecordComponents();
      int i = 0;
      for (JCTree.JCPattern nested : rp.nested) {
        Var component = null;
        if (i < comps.size() && Descriptors.isReference(comps.get(i).type) && value != null) {
          component = temp(comps.get(i).type);
          b.load(component, value, new FieldRef(rp.record.flatName().toString(), comps.get(i).name.toString(), false),
              pos(nested));
        }
        pattern(nested, component);
        i++;
      }
    }
  }

  private Var conditional(JCConditional c) {
    expr(c.cond);
    Var r = Descriptors.isReference(c.type) ? temp(c.type) : null;
    int branch = b.beginBranch(2);
    b.beginConditional();
    b.beginArm(branch, 0);
    b.copy(r, value(c.truepart, c.type), pos(c.truepart));
    b.endArm();
    b.endConditional();
    b.beginConditional();
    b.beginArm(branch, 1);
    b.copy(r, value(c.falsepart, c.type), pos(c.falsepart));
    b.endArm();
    b.endConditional();
    return r;
  }

  private Var switchExpr(JCSwitchExpression s) {
    Var sel = expr(s.selector);
    Var r = Descriptors.isReference(s.type) ? temp(s.type) : null;
    yields.push(new YieldTarget(s, r, s.type));
    frames.push(new Frame(s, false));
    try {
      cases(s.cases, sel, true); // a switch expression covers every value
    } finally {
      frames.pop();
      yields.pop();
    }
    return r;
  }

  // ---- assignments ----

  /** Where an assignment writes: a local, an instance or static field, or an array element. */
  private record LValue(Var local, Var base, FieldRef field, boolean isStatic, boolean array, Type type) {}

  private LValue lvalue(JCExpression lhs) {
    TreePath saved = path;
    path = new TreePath(path, lhs);
    try {
      JCExpression l = TreeInfo.skipParens(lhs);
      Symbol s = TreeInfo.symbol(l);
      if (l instanceof JCIdent && s instanceof VarSymbol v) {
        if (Captures.isLocal(v)) return new LValue(env.get(v), null, null, false, false, v.type);
        if (v.isStatic()) return new LValue(null, null, u.descriptors.field(v), true, false, v.type);
        return new LValue(null, outerInstance(v.owner), u.descriptors.field(v), false, false, v.type);
      }
      if (l instanceof JCFieldAccess fa && s instanceof VarSymbol v) {
        if (v.isStatic()) {
          if (!isTypeName(fa.selected)) expr(fa.selected);
          return new LValue(null, null, u.descriptors.field(v), true, false, v.type);
        }
        return new LValue(null, expr(fa.selected), u.descriptors.field(v), false, false, v.type);
      }
      if (l instanceof JCTree.JCArrayAccess a) {
        Var base = expr(a.indexed);
        expr(a.index);
        b.access(base, FieldRef.ARRAY_ELEMENT, constantIndex(a.index), true, pos(a));
        return new LValue(null, base, FieldRef.ARRAY_ELEMENT, false, true, a.type);
      }
      expr(l);
      return new LValue(null, null, null, false, false, l.type);
    } finally {
      path = saved;
    }
  }

  private Var read(LValue lv, SourcePos at) {
    if (lv.local() != null) return lv.local();
    if (lv.field() == null || !Descriptors.isReference(lv.type())) return null;
    Var t = temp(lv.type());
    if (lv.isStatic()) b.staticLoad(t, lv.field(), at);
    else b.load(t, lv.base(), lv.field(), at);
    return t;
  }

  private void write(LValue lv, Var v, SourcePos at) {
    if (lv.local() == null && lv.field() != null && !lv.isStatic() && !lv.array()) b.access(lv.base(), lv.field(), true, true, at);
    if (v == null) return;
    if (lv.local() != null) b.copy(lv.local(), v, at);
    else if (lv.field() == null) return;
    else if (lv.isStatic()) b.staticStore(lv.field(), v, at);
    else b.store(lv.base(), lv.field(), v, at);
  }

  private Var assign(JCAssign a) {
    LValue lv = lvalue(a.lhs);
    JCExpression rhs = TreeInfo.skipParens(a.rhs);
    if (isString(a.lhs.type) && rhs instanceof JCBinary bin && isStringConcat(bin) && concatReads(bin, a.lhs)) {
      accumulatingConcat = bin;
      accumulator = accumulator(a.lhs);
    }
    Var v = value(a.rhs, a.lhs.type);
    wrote(a.lhs);
    VarSymbol field = Descriptors.integralField(a.lhs);
    if (field != null) fieldWritten(field, storedRange(a));
    write(lv, v, pos(a));
    if (lv.local() != null && isNullLiteral(a.rhs)) b.nullAssignment(lv.local(), pos(a));
    return v;
  }

  private Var compoundAssign(JCAssignOp a) {
    Type lt = a.lhs.type;
    LValue lv = lvalue(a.lhs);
    if (a.getTag() == Tag.PLUS_ASG && isString(lt)) {
      read(lv, pos(a));
      expr(a.rhs);
      Var s = b.temp("java.lang.String");
      AllocSite site = b.alloc(s, SiteKind.STRING_CONCAT, "java.lang.String", pos(a),
          new AllocSite.Concat(accumulator(a.lhs), u.positions.text(a)));
      sitePaths.put(site.id(), path);
      write(lv, s, pos(a));
      return s;
    }
    expr(a.rhs);
    wrote(a.lhs);
    fieldWritten(Descriptors.integralField(a.lhs), null);
    return rebox(a, lv, lt); // Integer count; count += 1: unbox, add, box
  }

  /**
   * An in-place update {@code at} of the variable {@code lv} of type {@code t}
   * ({@code count += 1}, {@code count++}): when {@code t} is a box type, the new box it allocates,
   * written back to {@code lv}; otherwise (a primitive) null.
   */
  private Var rebox(JCTree at, LValue lv, Type t) {
    String box = Descriptors.isReference(t) ? u.descriptors.typeName(t) : null;
    if (box == null || Boxes.primitiveOf(box) == null) return null;
    Var boxed = boxSite(at, null, Boxes.primitiveOf(box), box, null, path);
    write(lv, boxed, pos(at));
    return boxed;
  }

  private Var unary(JCUnary un) {
    switch (un.getTag()) {
      case PREINC, PREDEC, POSTINC, POSTDEC -> {
        LValue lv = lvalue(un.arg);
        wrote(un.arg);
        fieldWritten(Descriptors.integralField(un.arg), null);
        return rebox(un, lv, un.arg.type); // Integer count; count++: unbox, increment, box
      }
      default -> {
        expr(un.arg);
        return null;
      }
    }
  }

  private Var binary(JCBinary bin) {
    if (isStringConcat(bin)) return concat(bin);
    expr(bin.lhs);
    expr(bin.rhs);
    return null;
  }

  private boolean isString(Type t) {
    return t != null && t.tsym == u.syms.stringType.tsym;
  }

  private boolean isStringConcat(JCBinary bin) {
    return bin.getTag() == Tag.PLUS && isString(bin.type) && ASTHelpers.constValue(bin) == null;
  }

  /** The operands of a maximal {@code +} chain on strings (through parentheses), left to right, without recursion. */
  private List<JCExpression> concatOperands(JCBinary top) {
    List<JCExpression> ops = new ArrayList<>();
    Deque<JCExpression> work = new ArrayDeque<>();
    work.push(top);
    while (!work.isEmpty()) {
      JCExpression e = work.pop();
      JCExpression s = TreeInfo.skipParens(e);
      if (s instanceof JCBinary bin && isStringConcat(bin)) {
        work.push(bin.rhs);
        work.push(bin.lhs);
      } else {
        ops.add(e);
      }
    }
    return ops;
  }

  /** One {@code STRING_CONCAT} site for the whole chain; the operands are evaluated in order. */
  private Var concat(JCBinary bin) {
    for (JCExpression op : concatOperands(bin)) {
      if (ASTHelpers.constValue(op) == null) expr(op);
    }
    AllocSite.Accumulator acc = null;
    if (accumulatingConcat == bin) {
      acc = accumulator;
      accumulatingConcat = null;
      accumulator = null;
    }
    Var s = b.temp("java.lang.String");
    AllocSite site = b.alloc(s, SiteKind.STRING_CONCAT, "java.lang.String", pos(bin),
        new AllocSite.Concat(acc, u.positions.text(bin)));
    sitePaths.put(site.id(), path);
    return s;
  }

  /** Whether a concatenation reads the variable it is assigned to ({@code s = s + x}, {@code s = x + s}). */
  private boolean concatReads(JCBinary bin, JCExpression lhs) {
    for (JCExpression op : concatOperands(bin)) {
      if (sameVariable(TreeInfo.skipParens(op), TreeInfo.skipParens(lhs))) return true;
    }
    return false;
  }

  private boolean sameVariable(JCExpression a, JCExpression b2) {
    Symbol sa = TreeInfo.symbol(a);
    if (sa == null || sa != TreeInfo.symbol(b2) || !(sa instanceof VarSymbol)) return false;
    return baseKey(a).equals(baseKey(b2));
  }

  private String baseKey(JCExpression e) {
    if (e instanceof JCFieldAccess fa) return SymbolicExpr.canonicalKey(u.positions.text(fa.selected));
    return "this";
  }

  /** The accumulator facts of an assignment to {@code lhs} whose new value concatenates its old value. */
  private AllocSite.Accumulator accumulator(JCExpression lhs) {
    JCExpression l = TreeInfo.skipParens(lhs);
    Symbol s = TreeInfo.symbol(l);
    if (!(s instanceof VarSymbol v)) return null;
    if (Captures.isLocal(v)) {
      LocalInfo li = locals.get(v);
      boolean across = li != null && li.loopDepth() < loopCount;
      return new AllocSite.Accumulator(v.name.toString(), false, across);
    }
    String name;
    if (l instanceof JCIdent) {
      name = v.isStatic() ? Descriptors.displayClass(v.enclClass()) + "." + v.name : "this." + v.name;
    } else {
      name = u.positions.text(l);
    }
    return new AllocSite.Accumulator(name, true, true);
  }

  // ---- fallback ----

  /**
   * A tree the lowering does not model: its direct sub-expressions are lowered (so their
   * allocations and calls are seen), and a reference result comes from an unknown call taking the
   * operands, which the engine treats conservatively.
   */
  private Var conservative(JCTree t) {
    List<JCExpression> kids = new ArrayList<>();
    List<JCStatement> kidsStmts = new ArrayList<>();
    new TreeScanner() {
      @Override
      public void scan(JCTree tree) {
        if (tree == null) return;
        if (tree == t) {
          tree.accept(this);
        } else if (tree instanceof JCExpression e) {
          kids.add(e);
        } else if (tree instanceof JCStatement st) {
          kidsStmts.add(st);
        } else {
          tree.accept(this);
        }
      }
    }.scan(t);
    List<Var> vars = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (JCExpression k : kids) {
      Var v = expr(k);
      if (v != null) {
        vars.add(v);
        types.add(v.type());
      }
    }
    for (JCStatement st : kidsStmts) stmt(st);
    if (!(t instanceof JCExpression e) || !Descriptors.isReference(e.type)) return null;
    Var r = temp(e.type);
    MethodRef unknown = new MethodRef("<unknown>", "<" + t.getTag().name().toLowerCase() + ">", types,
        u.descriptors.typeName(e.type), true);
    b.call(r, unknown, vars, List.of(), true, List.of(), pos(t));
    return r;
  }

  // ---- helpers ----

  private Var temp(Type t) {
    return b.temp(u.descriptors.typeName(t));
  }

  private SourcePos pos(JCTree t) {
    return u.positions.of(t);
  }

  private int currentDepth() {
    return baseDepth + loopCount;
  }

  /**
   * A constructor body: the instance field initializers and instance initializer blocks
   * ({@code inits}, in declaration order) run right after the {@code super(...)} call, as javac
   * compiles them; a constructor that delegates with {@code this(...)} does not run them.
   */
  void constructorBody(JCBlock body, List<JCTree> inits, TreePath classPath) {
    TreePath saved = path;
    path = new TreePath(path, body);
    try {
      int callIdx = -1;
      boolean delegates = false;
      for (int i = 0; i < body.stats.size(); i++) {
        if (body.stats.get(i) instanceof JCExpressionStatement es && es.expr instanceof JCMethodInvocation mi) {
          com.sun.tools.javac.util.Name n = TreeInfo.name(mi.meth);
          if (n != null && (n.contentEquals("super") || n.contentEquals("this"))) {
            callIdx = i;
            delegates = n.contentEquals("this");
            break;
          }
        }
      }
      if (callIdx < 0) initializers(inits, classPath);
      for (int i = 0; i < body.stats.size(); i++) {
        stmt(body.stats.get(i));
        if (i == callIdx && !delegates) initializers(inits, classPath);
      }
    } finally {
      path = saved;
    }
  }

  private void initializers(List<JCTree> inits, TreePath classPath) {
    for (JCTree d : inits) {
      if (d instanceof JCVariableDecl v) fieldInit(v, classPath);
      else if (d instanceof JCBlock blk) initializerBlock(blk, classPath);
    }
  }
}
