package dev.noescape.ir;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One method (or lambda body) lowered to the IR.
 *
 * @param ref the method; lambda bodies get a synthetic name ({@code lambda$load$0})
 * @param displayName how messages name it: {@code OrderBook.add}, {@code lambda in OrderBook.add}
 * @param sourceFile the source path as the front end knows it (for javac: the compilation unit's
 *     path; for bytecode: package path + SourceFile attribute)
 * @param pos position of the declaration
 * @param params parameter variables in summary-slot order ({@code this} first for instance methods);
 *     an entry is null for a primitive parameter, so indexes always match slots
 * @param paramPositions declaration position of each parameter, same indexes
 * @param stmts statements in program order (ordinals increase)
 * @param loops the loops of this body
 * @param sites every allocation site, indexed by {@link AllocSite#id()}
 * @param annotations simple names of the annotations on the method
 * @param hot whether allocation rules treat the whole body as hot ({@code @HotPath},
 *     {@code @NoAllocation}, a configured hot annotation, or inherited by a lambda body)
 * @param baseLoopDepth loop depth inherited by a lambda or anonymous-class body from the
 *     expression that creates it (plus one when handed to an iterating method); 0 for methods
 * @param synthetic true for a lambda body: never reported by {@code LeakingParameter}
 * @param inheritedContract when the method is not annotated {@code @NoAllocation} itself but
 *     overrides a method that is, that method's display name ({@code Handler.onTick}): the contract
 *     is inherited and {@code AllocationContract} checks the override; null otherwise
 * @param accesses every array element read or write, primitive ones included, in program
 *     order (for the model of C2's scalar replacement; the engine reads {@code stmts})
 * @param nullAssignments every {@code v = null} of a reference variable, in program order (the same)
 * @param flow which statements only lead to a failure once it is known which calls never return
 *     normally ({@link ThrowFlow}); {@link ThrowFlow#NONE} when the front end gave none
 * @param visibility which code can call the method ({@link Visibility}); {@link Visibility#PUBLIC}
 *     when the front end did not say
 * @param handles the methods this body refers to without calling them (lambda bodies, method
 *     references: {@link Handle}), in program order
 * @param control when the statements run relative to one another ({@link ControlFacts}: exclusive
 *     arms, cache misses, dominance); {@link ControlFacts#NONE} when the front end gave none
 * @param fieldWrites every write of an integral instance field, with the values it is proven to
 *     store ({@link FieldRanges}); empty when none or the front end recorded none
 */
public record MethodIR(
    MethodRef ref,
    String displayName,
    String sourceFile,
    SourcePos pos,
    List<Var> params,
    List<SourcePos> paramPositions,
    List<Stmt> stmts,
    List<Loop> loops,
    List<AllocSite> sites,
    Set<String> annotations,
    boolean hot,
    int baseLoopDepth,
    boolean synthetic,
    String inheritedContract,
    List<Access> accesses,
    List<NullAssignment> nullAssignments,
    ThrowFlow flow,
    Visibility visibility,
    List<Handle> handles,
    ControlFacts control,
    List<FieldRanges.Write> fieldWrites) {

  /**
   * The annotation simple names that make a method hot in any package, before any configured
   * ones: {@code @HotPath}, and {@code @NoAllocation} (a contract implies the method is hot).
   */
  public static final Set<String> BUILTIN_HOT_ANNOTATIONS = Set.of("HotPath", "NoAllocation");

  /**
   * Whether the code marks this method hot whatever the configuration says: {@link #hot()} (the
   * front ends set it, also for configured annotations) or a {@link #BUILTIN_HOT_ANNOTATIONS} one.
   */
  public boolean markedHot() {
    if (hot) return true;
    for (String a : annotations) if (BUILTIN_HOT_ANNOTATIONS.contains(a)) return true;
    return false;
  }

  /** A method that inherits no {@code @NoAllocation} contract. */
  public MethodIR(MethodRef ref, String displayName, String sourceFile, SourcePos pos, List<Var> params,
      List<SourcePos> paramPositions, List<Stmt> stmts, List<Loop> loops, List<AllocSite> sites, Set<String> annotations,
      boolean hot, int baseLoopDepth, boolean synthetic) {
    this(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations, hot, baseLoopDepth,
        synthetic, null, List.of(), List.of(), ThrowFlow.NONE, Visibility.PUBLIC, List.of(), ControlFacts.NONE, List.of());
  }

  /** A method without {@link ThrowFlow} facts. */
  public MethodIR(MethodRef ref, String displayName, String sourceFile, SourcePos pos, List<Var> params,
      List<SourcePos> paramPositions, List<Stmt> stmts, List<Loop> loops, List<AllocSite> sites, Set<String> annotations,
      boolean hot, int baseLoopDepth, boolean synthetic, String inheritedContract, List<Access> accesses,
      List<NullAssignment> nullAssignments) {
    this(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations, hot, baseLoopDepth,
        synthetic, inheritedContract, accesses, nullAssignments, ThrowFlow.NONE, Visibility.PUBLIC, List.of(), ControlFacts.NONE, List.of());
  }

  /** This method with another {@link Visibility} (a front end that learns it after lowering the body). */
  public MethodIR withVisibility(Visibility v) {
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations,
        hot, baseLoopDepth, synthetic, inheritedContract, accesses, nullAssignments, flow, v, handles, control, fieldWrites);
  }

  /** This method with other statements in the same order (and the same element accesses, null assignments, flow and control facts). */
  public MethodIR withStmts(List<Stmt> newStmts) {
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, newStmts, loops, sites, annotations,
        hot, baseLoopDepth, synthetic, inheritedContract, accesses, nullAssignments, flow, visibility, handles, control, fieldWrites);
  }

  /** This method with other {@link #control} facts ({@link CacheMisses#linkMappingFunctions}). */
  public MethodIR withControl(ControlFacts c) {
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations,
        hot, baseLoopDepth, synthetic, inheritedContract, accesses, nullAssignments, flow, visibility, handles, c, fieldWrites);
  }

  /** The simple name of the allocation contract's annotation, in any package. */
  public static final String NO_ALLOCATION = "NoAllocation";

  /** Whether the method is under the {@code @NoAllocation} contract: annotated, or inherited. */
  public boolean hasAllocationContract() {
    return annotations.contains(NO_ALLOCATION) || inheritedContract != null;
  }

  /** This method with an inherited contract (see {@link #inheritedContract()}); it becomes hot too. */
  public MethodIR withInheritedContract(String from) {
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations,
        true, baseLoopDepth, synthetic, from, accesses, nullAssignments, flow, visibility, handles, control, fieldWrites);
  }

  public MethodIR {
    params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    paramPositions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(paramPositions));
    stmts = List.copyOf(stmts);
    loops = List.copyOf(loops);
    sites = List.copyOf(sites);
    annotations = Set.copyOf(annotations);
    accesses = List.copyOf(accesses);
    nullAssignments = List.copyOf(nullAssignments);
    if (flow == null) flow = ThrowFlow.NONE;
    if (control == null) control = ControlFacts.NONE;
    if (visibility == null) visibility = Visibility.PUBLIC;
    handles = handles == null ? List.of() : List.copyOf(handles);
    fieldWrites = fieldWrites == null ? List.of() : List.copyOf(fieldWrites);
  }

  /**
   * This method with the loops and boxes {@link FieldRanges#apply} proved bounds for: {@code loops}
   * in place of its loops, each site of {@code sites}' keys replaced by its value, here and in the
   * statements that allocate it.
   */
  public MethodIR withFieldRanges(List<Loop> newLoops, Map<AllocSite, AllocSite> replaced) {
    List<AllocSite> newSites = new java.util.ArrayList<>(sites.size());
    for (AllocSite s : sites) newSites.add(replaced.getOrDefault(s, s));
    List<Stmt> newStmts = stmts;
    if (!replaced.isEmpty()) {
      newStmts = new java.util.ArrayList<>(stmts.size());
      for (Stmt st : stmts) {
        newStmts.add(st instanceof Stmt.Alloc a && replaced.containsKey(a.site())
            ? new Stmt.Alloc(a.target(), replaced.get(a.site()), a.ctx()) : st);
      }
    }
    return new MethodIR(ref, displayName, sourceFile, pos, params, paramPositions, newStmts, newLoops, newSites,
        annotations, hot, baseLoopDepth, synthetic, inheritedContract, accesses, nullAssignments, flow, visibility,
        handles, control, fieldWrites);
  }

  /** Where site {@code s}'s value is kept when it runs only on a cache miss ({@link CacheMisses}); null when it does not. */
  public CacheMisses.Miss cacheMiss(AllocSite s) {
    return control.cacheMisses().get(s.ctx().ordinal());
  }

  /** A method with no {@link Visibility} and no {@link Handle}s recorded (callable by any code). */
  public MethodIR(MethodRef ref, String displayName, String sourceFile, SourcePos pos, List<Var> params,
      List<SourcePos> paramPositions, List<Stmt> stmts, List<Loop> loops, List<AllocSite> sites, Set<String> annotations,
      boolean hot, int baseLoopDepth, boolean synthetic, String inheritedContract, List<Access> accesses,
      List<NullAssignment> nullAssignments, ThrowFlow flow) {
    this(ref, displayName, sourceFile, pos, params, paramPositions, stmts, loops, sites, annotations, hot, baseLoopDepth,
        synthetic, inheritedContract, accesses, nullAssignments, flow, Visibility.PUBLIC, List.of(), ControlFacts.NONE, List.of());
  }

  /** The loop with this id, or null for -1. */
  public Loop loop(int id) {
    return id < 0 ? null : loops.get(id);
  }

  public AllocSite site(int id) {
    return sites.get(id);
  }
}
