package dev.noescape.engine;

import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Stmt;
import dev.noescape.summary.MethodSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which code answers each target of a call statement: the one resolution the engine's
 * {@link Calls.Resolver} joins summaries over, and that rules explaining its results walk
 * ({@code AllocationContract}'s witness chains), so the two cannot disagree.
 *
 * <p>A megamorphic call ({@link Calls.Resolver#MEGAMORPHIC} or more program implementations) is one
 * unknown target. Otherwise, per target (the callee, then each override the program declares): a
 * library summary when the library has one (hand-checked models win over code we can see); else,
 * when dispatch is closed, the program's body; else, when dispatch is closed, a summary shipped
 * for a body outside the program; else unknown.
 */
public final class CallTargets {
  private CallTargets() {}

  /** What answers a target. */
  public enum Kind {
    /** a library summary: a model, a generated JDK summary, or one shipped on the class path */
    LIBRARY,
    /** a shipped summary of a body outside the program, usable only because dispatch is closed */
    SHIPPED,
    /** the program's own body ({@link Target#program()}) */
    PROGRAM,
    /** nothing: every argument escapes ({@link Target#whyUnknown()}) */
    UNKNOWN
  }

  /**
   * One target of a call.
   *
   * @param summary the summary for {@link Kind#LIBRARY} and {@link Kind#SHIPPED}, else null
   * @param program the program method's index for {@link Kind#PROGRAM}, else -1
   * @param whyUnknown for {@link Kind#UNKNOWN}: {@code no summary}, {@code may be overridden
   *     outside the analyzed code} or {@code megamorphic (N implementations)}
   */
  public record Target(MethodRef ref, Kind kind, MethodSummary summary, int program, String whyUnknown) {}

  /** Where summaries and bodies come from (each caches as it likes). */
  public interface Sources {
    /** The library's summary of {@code m}, or empty. */
    Optional<MethodSummary> library(MethodRef m);

    /** A summary shipped for {@code m}'s body outside the program, or null. */
    MethodSummary shipped(MethodRef m);

    /** The program method with this {@link MethodRef#key()}, or -1. */
    int program(String key);
  }

  /** Whether {@code c} has too many implementations to follow: see {@link Calls.Resolver#MEGAMORPHIC}. */
  public static boolean megamorphic(Stmt.Call c) {
    return c.overrides().size() >= Calls.Resolver.MEGAMORPHIC;
  }

  /** The targets of {@code c}, in order: the callee, then its overrides. */
  public static List<Target> of(Stmt.Call c, Sources sources) {
    if (megamorphic(c)) {
      return List.of(new Target(c.callee(), Kind.UNKNOWN, null, -1,
          "megamorphic (" + (1 + c.overrides().size()) + " implementations)"));
    }
    List<Target> out = new ArrayList<>(1 + c.overrides().size());
    out.add(target(c.callee(), c.dispatchOpen(), sources));
    for (MethodRef o : c.overrides()) out.add(target(o, c.dispatchOpen(), sources));
    return out;
  }

  private static Target target(MethodRef t, boolean dispatchOpen, Sources sources) {
    Optional<MethodSummary> lib = sources.library(t);
    if (lib.isPresent()) return new Target(t, Kind.LIBRARY, lib.get(), -1, null);
    int program = sources.program(t.key());
    if (program >= 0) {
      return dispatchOpen
          ? new Target(t, Kind.UNKNOWN, null, -1, "may be overridden outside the analyzed code")
          : new Target(t, Kind.PROGRAM, null, program, null);
    }
    MethodSummary shipped = dispatchOpen ? null : sources.shipped(t);
    if (shipped != null) return new Target(t, Kind.SHIPPED, shipped, -1, null);
    return new Target(t, Kind.UNKNOWN, null, -1, "no summary");
  }
}
