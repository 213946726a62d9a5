package dev.noescape.rules;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.CallTargets;
import dev.noescape.engine.MethodResult;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.StmtContext;
import dev.noescape.ir.Var;
import dev.noescape.summary.SummaryProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a call allocates on every call, at the least: the floor under which {@code VarargsAllocation}
 * does not call a varargs array worth a warning when the callee's own allocations dwarf it
 * ({@code emit("$T", type)} builds a code block per call: a builder, its lists, the block and its
 * copies; the {@code Object[1]} is a small part of that).
 *
 * <p><b>What counts.</b> A statement of a method counts when it runs on every call that returns
 * normally: outside every loop of the method, not under a condition ({@link StmtContext#conditional()}:
 * both front ends mark what not every normal exit passes through, an early {@code return} included),
 * not on a cold path and not in a {@code throw}'s operand. An allocation site there counts one
 * object when it allocates on every evaluation: {@code new}, an array, a varargs array, a capturing
 * lambda or method reference, an anonymous class, a non-constant concatenation (its string). A box
 * is left out (it may hit its cache). A call adds the least floor of the bodies dispatch leaves for
 * it ({@link CallTargets}, the engine's own resolution): a program body's floor; for a library
 * constructor or static method, what the library allocates inside it on every call as the
 * hand-read table says ({@link LibraryAllocations}: the {@code HashMap} inside {@code new
 * HashSet<>(c)}, the wrapper {@code Arrays.asList} returns), since library summaries say whether
 * a method may allocate, never how much it must; any other library, unknown or abstract target
 * adds nothing. So the figure is a lower bound and never a guess.
 *
 * <p><b>Recursion</b> adds nothing: a member of a cycle is not assumed to allocate in order to prove
 * that it does (the least fixpoint, as for never-returning methods). Calls nested deeper than
 * {@link #MAX_DEPTH} add nothing either, so a pathological call chain cannot overflow the stack.
 *
 * <p>Computed once per rules run over the whole program by the back end, before any per-method rerun
 * ({@link RuleContext#callAllocations()}), so that isolating a method does not change its advice.
 */
public final class CallAllocations {
  /** No program: every call's floor is zero. */
  public static final CallAllocations NONE = new CallAllocations(Map.of());

  /** Call chains followed at most this deep; deeper callees add nothing to the floor. */
  static final int MAX_DEPTH = 48;

  /** Counts are capped here: beyond it the figure says nothing more to a reader. */
  static final int CAP = 1000;

  /**
   * The floor of one call: {@code objects} allocated on every call, the first of them described for
   * a message ({@code new CodeBlock.Builder() at CodeBlock.java:105}), or null when there is none.
   */
  public record Floor(int objects, String first) {
    static final Floor ZERO = new Floor(0, null);

    Floor plus(Floor o) {
      if (o.objects == 0) return this;
      return new Floor(Math.min(CAP, objects + o.objects), first != null ? first : o.first);
    }
  }

  /** Per method key, per varargs site id: the floor of the call that receives the site's array. */
  private final Map<String, Map<Integer, Floor>> varargsCalls;

  private CallAllocations(Map<String, Map<Integer, Floor>> varargsCalls) {
    this.varargsCalls = varargsCalls;
  }

  /** The floor of the call that receives the array of varargs site {@code s} of {@code m}: zero when unknown. */
  public Floor ofVarargsCall(MethodIR m, AllocSite s) {
    Map<Integer, Floor> calls = varargsCalls.get(m.ref().key());
    Floor f = calls == null ? null : calls.get(s.id());
    return f == null ? Floor.ZERO : f;
  }

  /** The floors of every varargs call of {@code result}'s methods. */
  public static CallAllocations of(AnalysisResult result, SummaryProvider library, SummaryProvider implementations) {
    return new Walk(result, library, implementations).run();
  }

  private static final class Walk {
    private final List<MethodResult> methods;
    private final CallTargets.Sources sources;
    private final CallTargets targets;
    /** Per program method (index), its floor once known. */
    private final Floor[] floors;
    /** Methods on the current call chain: a call back into one of them adds nothing. */
    private final boolean[] onChain;

    Walk(AnalysisResult result, SummaryProvider library, SummaryProvider implementations) {
      this.methods = result.methods();
      this.sources = CallTargets.sources(methods, library, implementations);
      this.targets = new CallTargets(result.hierarchy());
      this.floors = new Floor[methods.size()];
      this.onChain = new boolean[methods.size()];
    }

    CallAllocations run() {
      Map<String, Map<Integer, Floor>> out = new HashMap<>();
      for (MethodResult r : methods) {
        MethodIR m = r.method();
        if (!VarargsBoxes.hasVarargsCall(m)) continue;
        Definitions defs = Definitions.of(m);
        Map<Integer, Floor> calls = new HashMap<>();
        for (Stmt st : m.stmts()) {
          if (!(st instanceof Stmt.Call c)) continue;
          for (Var a : c.args()) {
            AllocSite array = VarargsBoxes.allocatedOnce(defs, a);
            if (array == null || array.kind() != SiteKind.VARARGS_ARRAY) continue;
            Floor f = call(m, c, 0);
            if (f.objects() > 0) calls.put(array.id(), f);
          }
        }
        if (!calls.isEmpty()) out.put(m.ref().key(), Map.copyOf(calls));
      }
      return new CallAllocations(Map.copyOf(out));
    }

    /** The least floor of the bodies call {@code c} of {@code m} may run. */
    private Floor call(MethodIR m, Stmt.Call c, int depth) {
      if (depth >= MAX_DEPTH) return Floor.ZERO;
      Floor least = null;
      for (CallTargets.Target t : targets.of(m, c, sources)) {
        Floor f = t.kind() == CallTargets.Kind.PROGRAM && t.program() >= 0 ? method(t.program(), depth + 1) : library(m, c, t.ref());
        if (least == null || f.objects() < least.objects()) least = f;
        if (least.objects() == 0) break;
      }
      return least == null ? Floor.ZERO : least;
    }

    /** What library method {@code callee} allocates inside on every call ({@link LibraryAllocations}). */
    private static Floor library(MethodIR m, Stmt.Call c, MethodRef callee) {
      int n = LibraryAllocations.objects(callee);
      if (n == 0) return Floor.ZERO;
      return new Floor(n, "inside " + callee.displayName() + at(m, c.ctx().pos().line()));
    }

    private Floor method(int i, int depth) {
      if (floors[i] != null) return floors[i];
      if (onChain[i]) return Floor.ZERO;
      onChain[i] = true;
      Floor f = Floor.ZERO;
      MethodIR m = methods.get(i).method();
      for (Stmt st : m.stmts()) {
        if (!everyCall(st.ctx())) continue;
        if (st instanceof Stmt.Alloc a && allocatesEveryTime(a.site())) {
          f = f.plus(new Floor(1, a.site().description() + at(m, a.site().pos().line())));
        } else if (st instanceof Stmt.Call c) {
          f = f.plus(call(m, c, depth));
        }
      }
      onChain[i] = false;
      // Computed while callers were on the chain, the floor may leave out what a cycle through them
      // adds: a cut only lowers a floor, so it stays a lower bound and is kept (one walk a method).
      floors[i] = f;
      return f;
    }

    private static boolean everyCall(StmtContext ctx) {
      return ctx.loopId() < 0 && !ctx.conditional() && !ctx.isCold() && !ctx.inThrow();
    }

    private static boolean allocatesEveryTime(AllocSite s) {
      return s.kind() != SiteKind.BOXING;
    }

    /** {@code " at File.java:12"}: where in {@code m} an object counted. */
    private static String at(MethodIR m, int line) {
      String f = m.sourceFile();
      if (f == null) return " at " + m.ref().owner() + ":" + line;
      int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
      return " at " + f.substring(slash + 1) + ":" + line;
    }
  }
}
