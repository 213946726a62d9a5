package dev.noescape.engine;

import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.TypeHierarchy;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which code answers each target of a call statement: the one resolution the engine's
 * {@link Calls.Resolver} joins summaries over, and that rules explaining its results walk
 * ({@code AllocationContract}'s witness chains), so the two cannot disagree. One instance per run:
 * it caches what it learns of the program's class hierarchy.
 *
 * <p><b>What can run.</b> The front end names the callee (the method declaring it), the program's
 * implementations below it ({@link Stmt.Call#overrides()}) and whether dispatch may reach code
 * outside the program ({@link Stmt.Call#dispatchOpen()}). The receiver narrows that down:
 *
 * <ul>
 *   <li>an array ({@code bytes.clone()}, {@code array.equals(o)}): only the callee, Object's own
 *       method; nothing can override it;
 *   <li>a receiver whose class is known exactly ({@link ExactReceivers}: {@code new T()} in the same
 *       method): the one method that class selects ({@link TypeHierarchy#selectMethod});
 *   <li>otherwise the receiver's static type {@code S} ({@link Stmt.Call#receiverType()}): only the
 *       overrides declared in a subtype or supertype of {@code S} can run, and dispatch is closed
 *       when every subtype of {@code S} is in the program ({@link #closed}: final classes, and
 *       hierarchies closed by sealing or private constructors whose program subtypes are closed in
 *       turn).
 * </ul>
 *
 * <p>A megamorphic call ({@link Calls.Resolver#MEGAMORPHIC} or more implementations left after
 * that) is one unknown target. Otherwise, per target: a library summary when the library has one
 * (hand-checked models win over code we can see); else, when dispatch is closed, the program's
 * body; else, when dispatch is closed, a summary shipped for a body outside the program; else
 * unknown, {@link Unresolved#OVERRIDABLE} when the program has the body but dispatch may run
 * another one.
 */
public final class CallTargets {
  /** What answers a target. */
  public enum Kind {
    /** a library summary: a model, a generated JDK summary, or one shipped on the class path */
    LIBRARY,
    /** a shipped summary of a body outside the program, usable only because dispatch is closed */
    SHIPPED,
    /** the program's own body ({@link Target#program()}) */
    PROGRAM,
    /** nothing: every argument escapes ({@link Target#unresolved()}) */
    UNKNOWN
  }

  /** Why a target is {@link Kind#UNKNOWN}. */
  public enum Unresolved {
    /** no model, no body, no shipped summary */
    NO_SUMMARY,
    /** the program has a body, but a subclass outside the analyzed code may override it */
    OVERRIDABLE,
    /** too many implementations to follow ({@link Calls.Resolver#MEGAMORPHIC}) */
    MEGAMORPHIC
  }

  /**
   * One target of a call.
   *
   * @param summary the summary for {@link Kind#LIBRARY} and {@link Kind#SHIPPED}, else null
   * @param program the program method's index for {@link Kind#PROGRAM} (and for an
   *     {@link Unresolved#OVERRIDABLE} target: the body the program has), else -1
   * @param unresolved for {@link Kind#UNKNOWN}: why; else null
   * @param implementations for {@link Unresolved#MEGAMORPHIC}: how many, else 0
   */
  public record Target(MethodRef ref, Kind kind, MethodSummary summary, int program, Unresolved unresolved,
      int implementations) {
    /** {@code no summary}, {@code may be overridden outside the analyzed code}, {@code megamorphic (N implementations)}; null when resolved. */
    public String whyUnknown() {
      if (unresolved == null) return null;
      return switch (unresolved) {
        case NO_SUMMARY -> "no summary";
        case OVERRIDABLE -> "may be overridden outside the analyzed code";
        case MEGAMORPHIC -> "megamorphic (" + implementations + " implementations)";
      };
    }
  }

  /** Where summaries and bodies come from (each caches as it likes). */
  public interface Sources {
    /** The library's summary of {@code m}, or empty. */
    Optional<MethodSummary> library(MethodRef m);

    /** A summary shipped for {@code m}'s body outside the program, or null. */
    MethodSummary shipped(MethodRef m);

    /** The program method with this {@link MethodRef#key()}, or -1. */
    int program(String key);

    /** The library's protocol methods ({@link dev.noescape.summary.SummaryProvider#protocols()}). */
    List<MethodRef> protocols();
  }

  /**
   * The sources a rule resolves a run's calls against, after the engine: the program's methods by
   * key, the library's summaries (cached: they are asked per call) and the summaries shipped for
   * bodies outside the program.
   */
  public static Sources sources(List<MethodResult> methods, SummaryProvider library, SummaryProvider implementations) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < methods.size(); i++) index.put(methods.get(i).method().ref().key(), i);
    List<MethodRef> protocols = library.protocols();
    Map<MethodRef, Optional<MethodSummary>> libraryCache = new HashMap<>();
    return new Sources() {
      @Override
      public Optional<MethodSummary> library(MethodRef m) {
        return libraryCache.computeIfAbsent(m, k -> orEmpty(library.lookup(k)));
      }

      @Override
      public MethodSummary shipped(MethodRef m) {
        return orEmpty(implementations.lookup(m)).orElse(null);
      }

      @Override
      public int program(String key) {
        Integer i = index.get(key);
        return i == null ? -1 : i;
      }

      @Override
      public List<MethodRef> protocols() {
        return protocols;
      }
    };
  }

  private static Optional<MethodSummary> orEmpty(Optional<MethodSummary> s) {
    return s == null ? Optional.empty() : s;
  }

  private final TypeHierarchy hierarchy;
  private final Map<MethodIR, Map<Integer, String>> exact = new IdentityHashMap<>();
  private final Map<String, Boolean> closed = new HashMap<>();
  /** The protocol method each overridable target implements (empty: none). */
  private final Map<MethodRef, Optional<MethodRef>> protocolOf = new HashMap<>();
  /** Overrides left for a callee and a receiver type: {@code callee key + '@' + type}. */
  private final Map<String, List<MethodRef>> narrowed = new HashMap<>();
  /**
   * Whether the program declares each target abstract: asked for every target of every call each
   * time the call is resolved, and the javac hierarchy answers by searching the class's members.
   */
  private final Map<MethodRef, Boolean> abstractTargets = new HashMap<>();

  public CallTargets(TypeHierarchy hierarchy) {
    this.hierarchy = hierarchy == null ? TypeHierarchy.UNKNOWN : hierarchy;
  }

  /** The implementations a call may run: the callee, then the overrides its receiver allows. */
  record Dispatch(List<MethodRef> impls, boolean open) {}

  /** The targets of {@code c}, a call statement of {@code m}, in order: the callee, then its overrides. */
  public List<Target> of(MethodIR m, Stmt.Call c, Sources sources) {
    Dispatch d = dispatch(m, c);
    int n = d.impls().size();
    if (n > Calls.Resolver.MEGAMORPHIC) {
      // Too many bodies to follow; a protocol's contract still covers every one of them.
      MethodRef contract = protocol(c.callee(), sources);
      if (contract != null) return List.of(new Target(contract, Kind.LIBRARY, sources.library(contract).orElseThrow(), -1, null, 0));
      return List.of(new Target(c.callee(), Kind.UNKNOWN, null, -1, Unresolved.MEGAMORPHIC, n));
    }
    List<Target> out = new ArrayList<>(n);
    for (MethodRef t : d.impls()) {
      Target r;
      if (declaresAbstract(t) && sources.library(t).isEmpty()) {
        // An abstract method of the program never runs: with dispatch closed its overrides are all
        // there is; with dispatch open, overrides nobody sees may run instead.
        if (!d.open()) continue;
        r = new Target(t, Kind.UNKNOWN, null, -1, Unresolved.OVERRIDABLE, 0);
      } else {
        r = target(t, c.callee(), d.open(), sources);
      }
      MethodRef contract = r.unresolved() == Unresolved.OVERRIDABLE ? protocol(t, sources) : null;
      if (contract == null) {
        out.add(r);
        continue;
      }
      // The body the program has (if any), and the protocol's contract for the overrides it cannot see.
      if (r.program() >= 0) out.add(new Target(t, Kind.PROGRAM, null, r.program(), null, 0));
      Target unseen = new Target(contract, Kind.LIBRARY, sources.library(contract).orElseThrow(), -1, null, 0);
      if (!out.contains(unseen)) out.add(unseen);
    }
    if (out.isEmpty()) out.add(new Target(c.callee(), Kind.UNKNOWN, null, -1, Unresolved.NO_SUMMARY, 0));
    return out.size() == 1 ? List.of(out.get(0)) : out;
  }

  private boolean declaresAbstract(MethodRef t) {
    Boolean known = abstractTargets.get(t);
    if (known == null) abstractTargets.put(t, known = hierarchy.declaresAbstract(t.owner(), t.name(), t.paramTypes()));
    return known;
  }

  /**
   * The protocol method (TRUST ASSUMPTION 1 of jdk.models: {@code Object#equals},
   * {@code CharSequence#length}, {@code Comparable#compareTo}) that {@code t} implements, or null:
   * same name and arity, each parameter the same or a generic {@code Object} one
   * ({@code compareTo(MutableInt)} implements {@code compareTo(T)}), declared by a provable
   * supertype of {@code t}'s class.
   */
  private MethodRef protocol(MethodRef t, Sources sources) {
    Optional<MethodRef> known = protocolOf.get(t);
    if (known == null) protocolOf.put(t, known = Optional.ofNullable(findProtocol(t, sources)));
    return known.orElse(null);
  }

  private MethodRef findProtocol(MethodRef t, Sources sources) {
    for (MethodRef p : sources.protocols()) {
      if (!p.name().equals(t.name()) || p.paramTypes().size() != t.paramTypes().size()) continue;
      boolean params = true;
      for (int i = 0; i < p.paramTypes().size() && params; i++) {
        String pp = p.paramTypes().get(i);
        params = pp.equals(t.paramTypes().get(i)) || pp.equals("java.lang.Object") && !isPrimitive(t.paramTypes().get(i));
      }
      if (params && hierarchy.isSubtype(t.owner(), p.owner()) && sources.library(p).isPresent()) return p;
    }
    return null;
  }

  private static boolean isPrimitive(String type) {
    return type.indexOf('.') < 0 && !type.endsWith("[]");
  }

  /** Whether {@code c} has too many implementations to follow: see {@link Calls.Resolver#MEGAMORPHIC}. */
  public boolean megamorphic(MethodIR m, Stmt.Call c) {
    return dispatch(m, c).impls().size() > Calls.Resolver.MEGAMORPHIC;
  }

  Dispatch dispatch(MethodIR m, Stmt.Call c) {
    MethodRef callee = c.callee();
    boolean virtual = !c.overrides().isEmpty() || c.dispatchOpen();
    if (!virtual || callee.isStatic() || callee.isConstructor()) return all(c);
    String type = c.receiverType();
    String exactType = c.receiver() == null ? null : exactTypes(m).get(c.receiver().id());
    if (isArray(type) || isArray(exactType)) return new Dispatch(List.of(callee), false);
    if (exactType != null) {
      String owner = hierarchy.selectMethod(exactType, callee.name(), callee.paramTypes());
      if (owner != null) {
        MethodRef run = owner.equals(callee.owner()) ? callee
            : new MethodRef(owner, callee.name(), callee.paramTypes(), callee.returnType(), false);
        return new Dispatch(List.of(run), false);
      }
      type = exactType;
    }
    if (type == null || type.equals(callee.owner()) && c.overrides().isEmpty() && !closed(type)) return all(c);
    List<MethodRef> impls = narrowed.computeIfAbsent(callee.key() + "@" + type, k -> narrow(c, callee, k.substring(k.lastIndexOf('@') + 1)));
    return new Dispatch(impls, c.dispatchOpen() && !closed(type));
  }

  private static Dispatch all(Stmt.Call c) {
    if (c.overrides().isEmpty()) return new Dispatch(List.of(c.callee()), c.dispatchOpen());
    List<MethodRef> impls = new ArrayList<>(1 + c.overrides().size());
    impls.add(c.callee());
    impls.addAll(c.overrides());
    return new Dispatch(impls, c.dispatchOpen());
  }

  /**
   * The callee and the overrides a receiver of static type {@code type} can run: those declared in
   * a subtype of it (the receiver may be one) or in a supertype (it may inherit one).
   */
  private List<MethodRef> narrow(Stmt.Call c, MethodRef callee, String type) {
    List<MethodRef> impls = new ArrayList<>(1 + c.overrides().size());
    impls.add(callee);
    for (MethodRef o : c.overrides()) {
      if (hierarchy.mayBeSubtype(o.owner(), type) || hierarchy.mayBeSubtype(type, o.owner())) impls.add(o);
    }
    return List.copyOf(impls);
  }

  /**
   * Whether every subtype of {@code type} is known to the program: it has none, or all its direct
   * subtypes are in the program and closed themselves. A cycle (impossible in valid bytecode) counts
   * as open.
   */
  boolean closed(String type) {
    if (type == null) return false;
    if (isArray(type)) return true;
    Boolean known = closed.get(type);
    if (known != null) return known;
    closed.put(type, Boolean.FALSE); // while in progress: a cycle is open
    boolean c = switch (hierarchy.subclassing(type)) {
      case NONE -> true;
      case OPEN -> false;
      case PROGRAM -> {
        boolean all = true;
        for (String sub : hierarchy.directSubtypes(type)) {
          if (!closed(sub)) {
            all = false;
            break;
          }
        }
        yield all;
      }
    };
    closed.put(type, c);
    return c;
  }

  private Map<Integer, String> exactTypes(MethodIR m) {
    Map<Integer, String> e = exact.get(m);
    if (e == null) {
      e = ExactReceivers.of(m);
      exact.put(m, e.isEmpty() ? Map.of() : e);
    }
    return e;
  }

  private static boolean isArray(String type) {
    return type != null && type.endsWith("[]");
  }

  /**
   * What answers {@code t}, one implementation of a call to {@code callee}. For an implementation
   * outside the program, the library summary of the callee when there is one: the contract every
   * implementation of a described method honours (TRUST ASSUMPTION 3 of jdk.models); else that of
   * the implementation.
   */
  private static Target target(MethodRef t, MethodRef callee, boolean dispatchOpen, Sources sources) {
    int program = sources.program(t.key());
    if (program < 0 && t != callee && !t.owner().equals(callee.owner())) {
      // A library class's implementation of a method the library describes (an exact receiver
      // selecting ArrayList#iterator for List#iterator): the declared method's summary, as when the
      // receiver was not known. Every JDK implementation honours it (TRUST ASSUMPTION 3), and the
      // implementation's own lines are no better for the engine: ArrayList#iterator's fresh iterator
      // holding the list would make next() return the list itself.
      Optional<MethodSummary> contract = sources.library(callee);
      if (contract.isPresent()) return new Target(t, Kind.LIBRARY, contract.get(), -1, null, 0);
    }
    Optional<MethodSummary> lib = sources.library(t);
    if (lib.isPresent()) return new Target(t, Kind.LIBRARY, lib.get(), -1, null, 0);
    if (program >= 0) {
      return dispatchOpen
          ? new Target(t, Kind.UNKNOWN, null, program, Unresolved.OVERRIDABLE, 0)
          : new Target(t, Kind.PROGRAM, null, program, null, 0);
    }
    MethodSummary shipped = dispatchOpen ? null : sources.shipped(t);
    if (shipped != null) return new Target(t, Kind.SHIPPED, shipped, -1, null, 0);
    return new Target(t, Kind.UNKNOWN, null, -1, Unresolved.NO_SUMMARY, 0);
  }
}
