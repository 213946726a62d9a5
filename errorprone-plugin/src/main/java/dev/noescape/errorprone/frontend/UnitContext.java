package dev.noescape.errorprone.frontend;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symtab;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.tree.JCTree;
import dev.noescape.errorprone.frontend.FrontEndResult.SiteKey;
import dev.noescape.errorprone.frontend.FrontEndResult.Skipped;
import dev.noescape.ir.MethodIR;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-compilation-unit state shared by the lowering classes: javac services, naming, the unit
 * index, the queue of bodies discovered while lowering others (lambda bodies, anonymous and local
 * classes, which inherit loop depth and hotness from the expression that creates them), and the
 * results collected so far.
 *
 * <p>Every body is lowered inside {@link #guard}: a fault while lowering one method is recorded in
 * {@link FrontEndResult#skipped()} and its partial output is dropped; the other methods go on.
 */
final class UnitContext {
  final VisitorState state;
  final Types types;
  final Symtab syms;
  final Positions positions;
  final Descriptors descriptors;
  final UnitIndex index;
  final LoopTripCounts trips;
  final String sourceFile;
  private final Set<String> hotNames;

  final List<MethodIR> methods = new ArrayList<>();
  final Map<SiteKey, TreePath> siteTrees = new HashMap<>();
  final Map<SiteKey, TreePath> paramTrees = new HashMap<>();
  final Map<String, TreePath> methodTrees = new LinkedHashMap<>();
  final List<Skipped> skipped = new ArrayList<>();
  final Map<SiteKey, List<String>> functionalBodies = new HashMap<>();

  private final Deque<Runnable> pending = new ArrayDeque<>();
  /** Lambda and class trees already queued: field initializers are lowered into every constructor, their bodies once. */
  private final Set<JCTree> queued = Collections.newSetFromMap(new IdentityHashMap<>());
  /** What each local class captures, recorded at its declaration, used at each {@code new}. */
  final Map<ClassSymbol, Captures.Result> localClassCaptures = new HashMap<>();

  UnitContext(CompilationUnitTree unit, VisitorState state, Set<String> hotNames) {
    this.state = state;
    this.types = state.getTypes();
    this.syms = state.getSymtab();
    this.positions = new Positions(unit, state);
    this.descriptors = new Descriptors(types);
    this.index = new UnitIndex(unit, types, descriptors);
    Type collection = null;
    Type map = null;
    try {
      collection = state.getTypeFromString("java.util.Collection");
      map = state.getTypeFromString("java.util.Map");
    } catch (RuntimeException e) {
      // no java.util on the class path: no Collection trip counts
    }
    this.trips = new LoopTripCounts(positions, types, collection, map);
    this.sourceFile = sourceFile(unit);
    this.hotNames = hotNames == null ? MethodIR.BUILTIN_HOT_ANNOTATIONS : hotNames;
  }

  /**
   * The source path: the file system path of the unit's URI when it has one (the normal case
   * for files javac reads), else the file object's name (in-memory sources in tests).
   */
  private static String sourceFile(CompilationUnitTree unit) {
    try {
      if (unit.getSourceFile() == null) return "<unknown>";
      String p = unit.getSourceFile().toUri().getPath();
      if (p != null && !p.isEmpty()) return p;
      return unit.getSourceFile().getName();
    } catch (RuntimeException e) {
      return unit.getSourceFile().getName();
    }
  }

  // ---- annotations ----

  /** Simple names of the annotations declared on a symbol. */
  static Set<String> annotationNames(Symbol s) {
    Set<String> out = new LinkedHashSet<>();
    try {
      for (Attribute.Compound a : s.getRawAttributes()) {
        out.add(a.type.tsym.getSimpleName().toString());
      }
    } catch (RuntimeException e) {
      // annotation types that do not resolve
    }
    return out;
  }

  /**
   * When {@code m} is not annotated {@code @NoAllocation} but a method it overrides is (in this
   * unit, another unit of the compilation or a class file: the annotation must then be retained in
   * the class file), that method's display name ({@code Handler.onTick}): the contract is inherited.
   */
  String inheritedContract(MethodSymbol m) {
    if (m == null || m.isStatic() || m.isConstructor() || annotationNames(m).contains(MethodIR.NO_ALLOCATION)) return null;
    try {
      for (MethodSymbol sup : com.google.errorprone.util.ASTHelpers.findSuperMethods(m, types)) {
        if (annotationNames(sup).contains(MethodIR.NO_ALLOCATION)) {
          return Descriptors.displayClass((ClassSymbol) sup.owner) + "." + sup.name;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // a supertype that does not complete: no inherited contract known
    }
    return null;
  }

  boolean isHot(Symbol s) {
    if (s == null) return false;
    for (String a : annotationNames(s)) {
      if (hotNames.contains(a)) return true;
    }
    return false;
  }

  // ---- queue ----

  /** Queues a lambda, anonymous or local class body once. */
  boolean enqueue(JCTree tree, Runnable lowering) {
    if (!queued.add(tree)) return false;
    pending.add(lowering);
    return true;
  }

  void drain() {
    Runnable r;
    while ((r = pending.poll()) != null) guard("(queued body)", r);
  }

  /** Runs one body's lowering; a fault is recorded as a skipped method. */
  void guard(String display, Runnable body) {
    try {
      body.run();
    } catch (StackOverflowError e) {
      skipped.add(new Skipped(display, "StackOverflowError: expression nested too deeply"));
    } catch (RuntimeException | AssertionError | LinkageError e) {
      skipped.add(new Skipped(display, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }
  }

  /** Adds a lowered body and its tree maps (only called when lowering finished). */
  void add(MethodIR ir, TreePath methodPath, BodyLowering body) {
    String key = ir.ref().key();
    methods.add(ir);
    if (methodPath != null) methodTrees.put(key, methodPath);
    body.sitePaths.forEach((id, p) -> siteTrees.put(new SiteKey(key, id), p));
    body.paramPaths.forEach((slot, p) -> paramTrees.put(new SiteKey(key, slot), p));
    body.bodies.forEach((id, keys) -> functionalBodies.put(new SiteKey(key, id), keys));
  }
}
