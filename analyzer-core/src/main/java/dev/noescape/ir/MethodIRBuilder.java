package dev.noescape.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link MethodIR} in program order. Front ends call it while they walk a method; tests
 * use it to write IR by hand.
 *
 * <p>It tracks the loop and branch structure so each statement gets its {@link StmtContext}:
 * {@link #beginLoop}/{@link #endLoop} around a loop, {@link #beginConditional}/
 * {@link #endConditional} around code that may not run on every path through an iteration (an
 * {@code if} arm, a {@code case}, a {@code catch}, the right operand of {@code &&}), and
 * {@link #jump} after a {@code break}, {@code continue}, {@code return} or {@code throw} that may
 * skip the rest of an iteration; {@link #beginBlock}/{@link #endBlock} around a block's statements,
 * or {@link #givenPlace}/{@link #placeOrder}, for what runs whenever a statement runs ({@link Dominance}).
 */
public final class MethodIRBuilder {
  private final MethodRef ref;
  private final String displayName;
  private final String sourceFile;
  private final SourcePos pos;
  private final List<Var> params = new ArrayList<>();
  private final List<SourcePos> paramPositions = new ArrayList<>();
  private final List<Var> vars = new ArrayList<>();
  private final List<Stmt> stmts = new ArrayList<>();
  private final List<AllocSite> sites = new ArrayList<>();
  private final List<Access> accesses = new ArrayList<>();
  private final List<NullAssignment> nullAssignments = new ArrayList<>();
  private final List<Loop> loops = new ArrayList<>();
  private final Deque<OpenLoop> loopStack = new ArrayDeque<>();
  private final Set<String> annotations = new LinkedHashSet<>();
  private int conditionalDepth;
  /** A {@code return} was lowered: statements outside loops lowered after it do not run on every call. */
  private boolean returned;
  private int throwDepth;
  /** Open cold regions, innermost first, each with the number of loops open when it began. */
  private final Deque<OpenCold> cold = new ArrayDeque<>();

  private record OpenCold(ColdPath why, int openLoops) {}
  private int ordinal;
  private int temps;
  private boolean hot;
  private int baseLoopDepth;
  private boolean synthetic;
  private boolean classInitialization;
  private Visibility visibility = Visibility.PUBLIC;
  private final List<Handle> handles = new ArrayList<>();
  private final IntListBuf flowFrom = new IntListBuf(), flowTo = new IntListBuf(), flowCall = new IntListBuf();
  private final List<int[]> flowSucc = new ArrayList<>();
  private final java.util.BitSet flowThrows = new java.util.BitSet();
  private int flowEntry = -1;
  private final List<Arms.Branch> branches = new ArrayList<>();
  private final java.util.Map<Integer, Arms.Arm> armOf = new java.util.HashMap<>();
  private final Deque<OpenArm> openArms = new ArrayDeque<>();
  private Arms.Arm givenArm;
  private final List<CacheMisses.Guard> guards = new ArrayList<>();
  private final List<java.util.BitSet> guarded = new ArrayList<>();
  private final Deque<Integer> openGuards = new ArrayDeque<>();
  private final IntListBuf placeOf = new IntListBuf();
  /** The nearest dominating and post-dominating place of each place ({@link Dominance}). */
  private final PlaceLinks placeBefore = new PlaceLinks();
  private final PlaceLinks placeAfter = new PlaceLinks();
  private final Deque<OpenBlock> blocks = new ArrayDeque<>();
  private int givenPlace = -1;

  /**
   * A block the javac front end is lowering ({@link #beginBlock}): where its statements run whenever
   * another does ({@link Dominance}).
   */
  private static final class OpenBlock {
    final int loopId;
    final int conditionalDepth;
    /** The last statement directly in the block, not under a condition: it dominates what follows. */
    int lastUnconditional = -1;
    /** The statements of the block (and of blocks nested in it) whose post-dominator is not found yet. */
    final List<Integer> pending = new ArrayList<>();

    OpenBlock(int loopId, int conditionalDepth) {
      this.loopId = loopId;
      this.conditionalDepth = conditionalDepth;
    }
  }

  /** An arm the javac front end is lowering ({@link #beginArm}). */
  private static final class OpenArm {
    final Arms.Arm arm;
    final int loopId;
    final int conditionalDepth;
    boolean jumped;

    OpenArm(Arms.Arm arm, int loopId, int conditionalDepth) {
      this.arm = arm;
      this.loopId = loopId;
      this.conditionalDepth = conditionalDepth;
    }
  }

  private static final class OpenLoop {
    final int id;
    final int parentId;
    final int depth;
    final LoopKind kind;
    final SourcePos pos;
    final SymbolicExpr tripCount;
    final String noTripCountReason;
    final int firstOrdinal;
    final int conditionalDepthAtEntry;
    final boolean headerLine;
    boolean retry;
    boolean jumped;
    FieldRanges.Bound indexBound;

    OpenLoop(int id, int parentId, int depth, LoopKind kind, SourcePos pos, SymbolicExpr tripCount,
        String noTripCountReason, int firstOrdinal, int conditionalDepthAtEntry, boolean headerLine) {
      this.headerLine = headerLine;
      this.id = id;
      this.parentId = parentId;
      this.depth = depth;
      this.kind = kind;
      this.pos = pos;
      this.tripCount = tripCount;
      this.noTripCountReason = noTripCountReason;
      this.firstOrdinal = firstOrdinal;
      this.conditionalDepthAtEntry = conditionalDepthAtEntry;
    }
  }

  public MethodIRBuilder(MethodRef ref, String displayName, String sourceFile, SourcePos pos) {
    this.ref = ref;
    this.displayName = displayName;
    this.sourceFile = sourceFile;
    this.pos = pos;
  }

  // ---- method attributes ----

  public MethodIRBuilder hot(boolean hot) {
    this.hot = hot;
    return this;
  }

  public MethodIRBuilder baseLoopDepth(int depth) {
    this.baseLoopDepth = depth;
    return this;
  }

  public MethodIRBuilder synthetic(boolean synthetic) {
    this.synthetic = synthetic;
    return this;
  }

  /**
   * The whole body runs only while its class is initialized ({@link ColdPath#CLASS_INIT}): an enum's
   * constructor, which only its static initializer calls. A {@code <clinit>} is without a call.
   */
  public MethodIRBuilder classInitialization(boolean only) {
    this.classInitialization = only;
    return this;
  }

  /** Which code can call the method ({@link MethodIR#visibility()}); {@link Visibility#PUBLIC} unless set. */
  public MethodIRBuilder visibility(Visibility v) {
    this.visibility = v == null ? Visibility.PUBLIC : v;
    return this;
  }

  /**
   * Records that the body refers to {@code methodKey} without calling it (a lambda body it creates,
   * a method reference): {@link Handle}; {@code site} is the functional object's site, or null.
   */
  public void handle(String methodKey, AllocSite site) {
    handle(methodKey, site, null);
  }

  /** {@link #handle(String, AllocSite)} of a functional object that implements {@code type} ({@link Handle#type}). */
  public void handle(String methodKey, AllocSite site, String type) {
    handles.add(new Handle(methodKey, site == null ? -1 : site.id(), type));
  }

  /**
   * Records that the functional object of the last handle of {@code methodKey} is argument slot
   * {@code slot} of {@code call} ({@link Handle#call}): the front end made it as that argument.
   */
  public void passesHandle(String methodKey, Stmt.Call call, int slot) {
    for (int i = handles.size() - 1; i >= 0; i--) {
      Handle h = handles.get(i);
      if (h.method().equals(methodKey)) {
        handles.set(i, new Handle(h.method(), h.site(), call.ctx().ordinal(), slot, h.type()));
        return;
      }
    }
  }

  public MethodIRBuilder annotation(String simpleName) {
    annotations.add(simpleName);
    return this;
  }

  public MethodRef ref() {
    return ref;
  }

  // ---- variables ----

  /** The next parameter slot, reference-typed. Call in slot order ({@code this} first). */
  public Var param(String name, String type, SourcePos declPos) {
    Var v = new Var(vars.size(), name, type, params.size());
    vars.add(v);
    params.add(v);
    paramPositions.add(declPos);
    return v;
  }

  /** The next parameter slot, primitive: no variable, but the slot is kept. */
  public void primitiveParam(SourcePos declPos) {
    params.add(null);
    paramPositions.add(declPos);
  }

  public Var local(String name, String type) {
    Var v = new Var(vars.size(), name, type, -1);
    vars.add(v);
    return v;
  }

  public Var temp(String type) {
    return local("$t" + temps++, type);
  }

  // ---- structure ----

  /** Opens a loop; statements added until {@link #endLoop()} are inside it. Returns its id. */
  public int beginLoop(LoopKind kind, SourcePos loopPos, SymbolicExpr tripCount, String noTripCountReason) {
    return beginLoop(kind, loopPos, true, tripCount, noTripCountReason);
  }

  /**
   * Opens a loop whose position may be only the first line of its body ({@code headerLine} false,
   * {@link Loop#headerLine()}). Returns its id.
   */
  public int beginLoop(LoopKind kind, SourcePos loopPos, boolean headerLine, SymbolicExpr tripCount,
      String noTripCountReason) {
    OpenLoop parent = loopStack.peek();
    int id = nextLoopId++; // ids in opening order, so Loop ids index MethodIR.loops()
    OpenLoop l = new OpenLoop(id, parent == null ? -1 : parent.id, currentDepth() + 1, kind, loopPos,
        tripCount, tripCount == null ? noTripCountReason : null, ordinal, conditionalDepth, headerLine);
    loopStack.push(l);
    return id;
  }

  private int nextLoopId;

  /** Marks the innermost open loop as a retry loop ({@link Loop#retry()}). */
  public void retryLoop() {
    loopStack.peek().retry = true;
  }

  /** The innermost open loop's index counts up to a field ({@link Loop#indexBound()}). */
  public void loopIndexBound(FieldRanges.Bound bound) {
    loopStack.peek().indexBound = bound;
  }

  public void endLoop() {
    OpenLoop l = loopStack.pop();
    Loop done = new Loop(l.id, l.parentId, l.depth, l.kind, l.pos, l.tripCount, l.noTripCountReason,
        l.firstOrdinal, Math.max(l.firstOrdinal, ordinal - 1), l.headerLine, l.retry, l.indexBound);
    loops.add(done);
    loops.sort((a, b) -> Integer.compare(a.id(), b.id()));
  }

  public void beginConditional() {
    conditionalDepth++;
  }

  public void endConditional() {
    conditionalDepth--;
  }

  /**
   * Statements added until the matching {@link #endThrow()} evaluate the operand of a {@code throw}
   * ({@link StmtContext#inThrow()}). Nests (a lambda body inside a thrown expression is a separate
   * method and not affected).
   */
  public void beginThrow() {
    throwDepth++;
  }

  public void endThrow() {
    throwDepth--;
  }

  /**
   * Statements added until the matching {@link #endCold()} are on the cold path {@code why}
   * ({@link StmtContext#cold()}); nested regions keep the outermost reason, except that a region
   * that does not cover nested loops ({@link ColdPath#coversNestedLoops()}) leaves out the loops
   * opened inside it. A static initializer
   * ({@code <clinit>}) is {@link ColdPath#CLASS_INIT} throughout without a call
   * ({@link #classInitialization}).
   */
  public void beginCold(ColdPath why) {
    cold.push(new OpenCold(why, loopStack.size()));
  }

  public void endCold() {
    cold.pop();
  }

  /** The cold path of the next statement: the outermost open region that covers it, else the method's own. */
  private ColdPath currentCold() {
    if (classInitialization || ref.isStaticInitializer()) return ColdPath.CLASS_INIT;
    for (var it = cold.descendingIterator(); it.hasNext(); ) {
      OpenCold c = it.next();
      if (c.why().coversNestedLoops() || c.openLoops() == loopStack.size()) return c.why();
    }
    return throwDepth > 0 ? ColdPath.ERROR : ColdPath.NONE;
  }

  /**
   * After a {@code break}/{@code continue}/{@code return}/{@code throw} that may leave the current
   * iteration early: later statements of the {@code loopsLeft} innermost loops (all loops for
   * {@code return}/{@code throw}: pass {@link Integer#MAX_VALUE}) no longer run on every path, and
   * no later statement post-dominates the earlier ones of the blocks left ({@link Dominance}: the
   * blocks of those loops and of the innermost one, which a {@code switch}'s {@code break} leaves).
   */
  public void jump(int loopsLeft) {
    // any jump ends "once in the arm" for the rest of every open arm (a switch's break too: conservative)
    for (OpenArm a : openArms) a.jumped = true;
    Set<Integer> left = new java.util.HashSet<>();
    OpenLoop innermost = loopStack.peek();
    left.add(innermost == null ? -1 : innermost.id); // a switch's break or a yield leaves a block of this loop
    int n = 0;
    for (OpenLoop l : loopStack) {
      if (n++ >= loopsLeft) break;
      l.jumped = true;
      left.add(l.id);
    }
    // what precedes the jump in the blocks it leaves is not followed by what comes after them on every path
    for (OpenBlock blk : blocks) if (loopsLeft == Integer.MAX_VALUE || left.contains(blk.loopId)) blk.pending.clear();
  }

  /**
   * A {@code return} statement was just lowered. Statements outside loops lowered after it no longer
   * run on every path to a normal return ({@link StmtContext#conditional()}): the code after {@code
   * if (done) return;} runs only when not done, as the bytecode front end finds by post-dominance. A
   * front end reading trees calls this; statements that follow a return in source order are only
   * reachable around it (the one at a method's end has none after it).
   */
  public void returned() {
    returned = true;
  }

  /**
   * The exit test just lowered is the innermost loop's own condition, written at the top of a body
   * that the loop enters without a test ({@code while (true) { x = next(); if (x == null) break; …
   * }}): its jump leaves the loop rather than skipping part of an iteration, so later statements still
   * run once per iteration, as they would after {@code while ((x = next()) != null)}. The bytecode
   * front end reads such a test as the loop's header test; a front end reading trees calls this.
   */
  public void loopConditionTested() {
    OpenLoop l = loopStack.peek();
    if (l != null) l.jumped = false;
  }

  /**
   * 1 when the innermost open loop is a retry loop ({@link Loop#retry()}), else 0: the loop depth a
   * lambda or anonymous-class body created here inherits leaves it out, as the rules do for the
   * site itself, since the loop normally runs its body once.
   */
  public int innermostRetry() {
    OpenLoop l = loopStack.peek();
    return l != null && l.retry ? 1 : 0;
  }

  /** The number of loops currently open (not counting the inherited base depth). */
  public int openLoops() {
    return loopStack.size();
  }

  private int currentDepth() {
    return baseLoopDepth + loopStack.size();
  }

  // ---- arms of branches (Arms) ----

  /**
   * Opens a branch of {@code arms} arms at the current position (javac: the tree's
   * {@code if}/{@code else}, {@code ?:}, {@code switch}); its arms are lowered between
   * {@link #beginArm} and {@link #endArm}, each inside {@link #beginConditional}. Returns its id.
   */
  public int beginBranch(int arms) {
    OpenLoop l = loopStack.peek();
    int parent = Arms.NOWHERE, parentArm = -1;
    Arms.Arm in = openArm(l);
    if (in != null) {
      parent = in.branch();
      parentArm = in.arm();
    } else if (l != null ? !l.jumped && conditionalDepth == l.conditionalDepthAtEntry : conditionalDepth == 0 && !returned) {
      parent = Arms.ROOT; // once per iteration, or outside loops on every path to a normal return
    }
    return declareBranch(l == null ? -1 : l.id, arms, parent, parentArm);
  }

  /** Statements added until {@link #endArm} are in arm {@code arm} of {@code branch} (call after {@link #beginConditional}). */
  public void beginArm(int branch, int arm) {
    OpenLoop l = loopStack.peek();
    openArms.push(new OpenArm(new Arms.Arm(branch, arm), l == null ? -1 : l.id, conditionalDepth));
  }

  public void endArm() {
    openArms.pop();
  }

  /**
   * Declares a branch found in the control flow (bytecode), with where it runs once: the arm
   * {@code parentArm} of {@code parentBranch}, {@link Arms#ROOT} or {@link Arms#NOWHERE}. Returns its id.
   */
  public int declareBranch(int loopId, int arms, int parentBranch, int parentArm) {
    branches.add(new Arms.Branch(loopId, arms, parentBranch, parentArm));
    return branches.size() - 1;
  }

  /** The arm the next statements run exactly once in, as the bytecode front end found it; null for none. */
  public void givenArm(Arms.Arm arm) {
    givenArm = arm;
  }

  /** The innermost open arm of loop {@code l} (null: outside loops) that a statement added now runs exactly once in, or null. */
  private Arms.Arm openArm(OpenLoop l) {
    OpenArm a = openArms.peek();
    return a != null && a.loopId == (l == null ? -1 : l.id) && !a.jumped && a.conditionalDepth == conditionalDepth ? a.arm : null;
  }

  // ---- what runs whenever a statement does (Dominance) ----

  /**
   * Opens a block of statements (javac: a {@code { … }} block, a method's or lambda's body): its
   * statements added directly, not under a condition, dominate the later statements of the block and
   * of blocks nested in it, and post-dominate the earlier ones unless a {@link #jump} came between
   * ({@link Dominance}). A front end that gives places itself ({@link #givenPlace}) does not call it.
   */
  public void beginBlock() {
    OpenLoop l = loopStack.peek();
    blocks.push(new OpenBlock(l == null ? -1 : l.id, conditionalDepth));
  }

  /**
   * Closes the block {@link #beginBlock} opened: its statements still waiting for a post-dominator
   * wait in the enclosing block, when that is of the same loop.
   */
  public void endBlock() {
    OpenBlock done = blocks.pop();
    OpenBlock outer = blocks.peek();
    if (outer != null && outer.loopId == done.loopId) outer.pending.addAll(done.pending);
  }

  /** The place the next statements are in, as the bytecode front end found it ({@link Dominance}); -1 for none. */
  public void givenPlace(int place) {
    givenPlace = place;
  }

  /**
   * Declares the nearest place of {@code place}'s loop that dominates it ({@code before}) and the
   * nearest that post-dominates it ({@code after}), -1 for none, as the bytecode front end found
   * them in the control flow ({@link Dominance}).
   */
  public void placeOrder(int place, int before, int after) {
    if (before >= 0) placeBefore.put(place, before);
    if (after >= 0) placeAfter.put(place, after);
  }

  /**
   * The place of the statement at {@code ordinal}, added now in the innermost open block: the
   * statement itself; -1 outside a block of its loop {@code l}.
   */
  private int blockPlace(int ordinal, OpenLoop l) {
    OpenBlock blk = blocks.peek();
    int loopId = l == null ? -1 : l.id;
    if (blk == null || blk.loopId != loopId) return -1;
    for (OpenBlock b : blocks) {
      if (b.loopId != loopId) break;
      if (b.lastUnconditional >= 0) {
        placeBefore.put(ordinal, b.lastUnconditional);
        break;
      }
    }
    if (conditionalDepth == blk.conditionalDepth) {
      for (int p : blk.pending) placeAfter.put(p, ordinal);
      blk.pending.clear();
      blk.lastUnconditional = ordinal;
    }
    blk.pending.add(ordinal);
    return ordinal;
  }

  private Dominance dominance() {
    if (placeBefore.places == 0 && placeAfter.places == 0) return Dominance.NONE;
    int[] of = placeOf.toArray();
    int places = Math.max(placeBefore.places, placeAfter.places);
    for (int p : of) places = Math.max(places, p + 1);
    return new Dominance(of, placeBefore.toArray(places), placeAfter.toArray(places));
  }

  /**
   * A link from place to place ({@link Dominance#before}, {@link Dominance#after}), -1 for none:
   * an array indexed by place, since every statement of a bytecode body is a place and boxed map
   * entries cost more than the links themselves.
   */
  private static final class PlaceLinks {
    private int[] next = new int[0];
    /** One more than the largest place linked from or to, 0 while nothing is linked. */
    int places;

    void put(int from, int to) {
      if (from >= next.length) {
        int old = next.length;
        next = java.util.Arrays.copyOf(next, Math.max(from + 1, old * 2));
        java.util.Arrays.fill(next, old, next.length, -1);
      }
      next[from] = to;
      places = Math.max(places, Math.max(from, to) + 1);
    }

    /** The links of places {@code 0..places-1}. */
    int[] toArray(int places) {
      int[] out = java.util.Arrays.copyOf(next, places);
      if (places > next.length) java.util.Arrays.fill(out, next.length, places, -1);
      return out;
    }
  }

  // ---- guards a cache miss may pass (CacheMisses) ----

  /**
   * Declares a guard of code that runs only when {@code g} holds ({@code x == null}, {@code
   * !m.containsKey(k)}); the statements it guards are added between {@link #beginGuarded} and
   * {@link #endGuarded}, and {@link #build} decides from them whether it is a cache miss
   * ({@link CacheMisses#decide}). Returns its id.
   */
  public int guard(CacheMisses.Guard g) {
    guards.add(g);
    guarded.add(new java.util.BitSet());
    return guards.size() - 1;
  }

  /** Statements added until the matching {@link #endGuarded} run only when guard {@code id} holds; guards nest. */
  public void beginGuarded(int id) {
    openGuards.push(id);
  }

  public void endGuarded() {
    openGuards.pop();
  }

  /** The context the next statement will get. Each call consumes one ordinal. */
  public StmtContext ctx(SourcePos at) {
    OpenLoop l = loopStack.peek();
    boolean once = l != null && !l.jumped && conditionalDepth == l.conditionalDepthAtEntry;
    if (!once) {
      Arms.Arm arm = givenArm != null ? givenArm : openArm(l);
      if (arm != null) armOf.put(ordinal, arm);
    }
    boolean conditional = conditionalDepth > (l == null ? 0 : l.conditionalDepthAtEntry) || l == null && returned;
    for (int g : openGuards) guarded.get(g).set(ordinal);
    placeOf.add(givenPlace >= 0 ? givenPlace : blockPlace(ordinal, l));
    return new StmtContext(at, l == null ? -1 : l.id, currentDepth(), once, ordinal++, throwDepth > 0, conditional,
        currentCold());
  }

  // ---- statements ----

  /** Adds an allocation site and the statement {@code target = new site}. */
  public AllocSite alloc(Var target, SiteKind kind, String type, SourcePos at, AllocSite.Details details) {
    StmtContext c = ctx(at);
    AllocSite s = new AllocSite(sites.size(), kind, type, c, details);
    sites.add(s);
    stmts.add(new Stmt.Alloc(target, s, c));
    return s;
  }

  public void copy(Var target, Var source, SourcePos at) {
    if (target == null || source == null) return;
    stmts.add(new Stmt.Copy(target, source, ctx(at)));
  }

  public void load(Var target, Var base, FieldRef field, SourcePos at) {
    if (target == null || base == null) return;
    stmts.add(new Stmt.Load(target, base, field, ctx(at)));
  }

  /** A write of an integral instance field, and the values it is proven to store ({@link FieldRanges.Write}). */
  public void fieldWrite(FieldRef field, boolean sealed, Boxes.Range range) {
    fieldWrites.add(new FieldRanges.Write(field, sealed, range));
  }

  private final List<FieldRanges.Write> fieldWrites = new ArrayList<>();

  public void store(Var base, FieldRef field, Var value, SourcePos at) {
    if (base == null || value == null) return;
    stmts.add(new Stmt.Store(base, field, value, ctx(at)));
  }

  public void staticLoad(Var target, FieldRef field, SourcePos at) {
    if (target == null) return;
    stmts.add(new Stmt.StaticLoad(target, field, ctx(at)));
  }

  public void staticStore(FieldRef field, Var value, SourcePos at) {
    if (value == null) return;
    stmts.add(new Stmt.StaticStore(field, value, ctx(at)));
  }

  public Stmt.Call call(Var result, MethodRef callee, List<Var> args, List<SymbolicExpr> argExprs,
      boolean dispatchOpen, List<MethodRef> overrides, SourcePos at) {
    return call(result, callee, args, argExprs, dispatchOpen, overrides, null, at);
  }

  /** A virtual call whose receiver's static type the front end knows ({@link Stmt.Call#receiverType()}). */
  public Stmt.Call call(Var result, MethodRef callee, List<Var> args, List<SymbolicExpr> argExprs,
      boolean dispatchOpen, List<MethodRef> overrides, String receiverType, SourcePos at) {
    List<SymbolicExpr> exprs = new ArrayList<>(argExprs);
    while (exprs.size() < args.size()) exprs.add(null);
    Stmt.Call c = new Stmt.Call(result, callee, args, exprs, dispatchOpen, overrides, receiverType, ctx(at));
    stmts.add(c);
    return c;
  }

  /** A call with no symbolic argument forms and closed dispatch. */
  public Stmt.Call call(Var result, MethodRef callee, List<Var> args, SourcePos at) {
    return call(result, callee, args, List.of(), false, List.of(), at);
  }

  public void ret(Var value, SourcePos at) {
    if (value == null) return;
    stmts.add(new Stmt.Return(value, ctx(at)));
  }

  public void thr(Var value, SourcePos at) {
    if (value == null) return;
    stmts.add(new Stmt.Throw(value, ctx(at)));
  }

  /**
   * Records a read or write of an instance field or array element of {@code base} (any type; see
   * {@link Access}). It takes the next ordinal, as a statement would, so it orders with them.
   */
  public void access(Var base, FieldRef field, boolean constantIndex, boolean write, SourcePos at) {
    if (base == null) return;
    accesses.add(new Access(base, field, constantIndex, write, ctx(at)));
  }

  /** Records {@code target = null} (see {@link NullAssignment}). */
  public void nullAssignment(Var target, SourcePos at) {
    if (target == null) return;
    nullAssignments.add(new NullAssignment(target, ctx(at)));
  }

  public void monitor(Var value, SourcePos at) {
    if (value == null) return;
    stmts.add(new Stmt.Monitor(value, ctx(at)));
  }

  // ---- flow towards failures (ThrowFlow) ----

  /** How many statements have been added: the index the next one gets. */
  public int stmtCount() {
    return stmts.size();
  }

  /** The statement at index {@code i} (added earlier). */
  public Stmt stmtAt(int i) {
    return stmts.get(i);
  }

  /** The index of the last call statement among {@code [from, to)}, or -1. */
  public int lastCall(int from, int to) {
    for (int i = Math.min(to, stmts.size()) - 1; i >= from; i--) if (stmts.get(i) instanceof Stmt.Call) return i;
    return -1;
  }

  /**
   * Adds a {@link ThrowFlow} node for statements {@code [from, to)}; returns its id (nodes are
   * numbered in the order they are added, so a front end may name successors it adds later, or set
   * them later with {@link #flowSuccessors}).
   *
   * @param call the statement index of the call whose never returning makes the node throwing, or -1
   * @param throwsHere whether the node ends in a throw
   * @param succ the node's normal successors
   */
  public int flowNode(int from, int to, int call, boolean throwsHere, int[] succ) {
    int id = flowFrom.size;
    flowFrom.add(from);
    flowTo.add(to);
    flowCall.add(call);
    if (throwsHere) flowThrows.set(id);
    flowSucc.add(succ);
    return id;
  }

  /** Sets the successors of node {@code node}. */
  public void flowSuccessors(int node, int... succ) {
    flowSucc.set(node, succ);
  }

  /** The node every path of the method starts at ({@link ThrowFlow#entry()}). */
  public void flowEntry(int node) {
    flowEntry = node;
  }

  /** A growable int array (the flow of a big method has a node per bytecode statement). */
  private static final class IntListBuf {
    int[] a = new int[8];
    int size;

    void add(int v) {
      if (size == a.length) a = java.util.Arrays.copyOf(a, size * 2);
      a[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, size);
    }
  }

  public MethodIR build() {
    if (!loopStack.isEmpty()) throw new IllegalStateException("unclosed loop in " + ref.key());
    ThrowFlow flow = ThrowFlow.NONE;
    if (flowFrom.size > 0) {
      int[] start = new int[flowSucc.size() + 1];
      for (int i = 0; i < flowSucc.size(); i++) start[i + 1] = start[i] + flowSucc.get(i).length;
      int[] succ = new int[start[flowSucc.size()]];
      for (int i = 0; i < flowSucc.size(); i++) System.arraycopy(flowSucc.get(i), 0, succ, start[i], flowSucc.get(i).length);
      flow = new ThrowFlow(flowFrom.toArray(), flowTo.toArray(), flowCall.toArray(), flowThrows, start, succ, flowEntry);
      if (!flow.decidable()) flow = ThrowFlow.NONE; // no throw, no call: keep nothing
    }
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites,
        annotations, hot, baseLoopDepth, synthetic, null, accesses, nullAssignments, flow, visibility, handles,
        new ControlFacts(branches.isEmpty() ? Arms.NONE : new Arms(branches, armOf, Arms.armsOf(armOf, errorLoggingCalls())),
            CacheMisses.decide(stmts, guards, guarded), dominance()),
        fieldWrites);
  }

  /**
   * Which calls log at error level, by the callee's owner and name as the front end names them
   * (javac the declaring class, bytecode the receiver's static type): the front ends pass the
   * library data ({@code models.LoggingGuards.isErrorLogging}); none by default.
   */
  public MethodIRBuilder errorLogging(java.util.function.BiPredicate<String, String> isErrorLogging) {
    this.isErrorLogging = isErrorLogging;
    return this;
  }

  private java.util.function.BiPredicate<String, String> isErrorLogging = (owner, name) -> false;

  /** The ordinals of the calls that log at error level ({@link #errorLogging}): {@link Arms#errorLogging}. */
  private List<Integer> errorLoggingCalls() {
    List<Integer> out = new ArrayList<>();
    for (Stmt st : stmts) {
      if (st instanceof Stmt.Call c && c.callee() != null && isErrorLogging.test(c.callee().owner(), c.callee().name())) {
        out.add(c.ctx().ordinal());
      }
    }
    return out;
  }
}
