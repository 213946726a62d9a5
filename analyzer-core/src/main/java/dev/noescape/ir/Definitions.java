package dev.noescape.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that answers "where does this variable's value come from" in a method: its
 * definitions, and the walk back over them ({@link #walk}).
 *
 * <p>A <em>definition</em> of a variable is a statement that assigns it ({@link
 * Stmt#definedVar()}: an allocation, a copy or cast, a load of a field or an array element, a read
 * of a static field, a call's result), taken flow-insensitively: every definition anywhere in the
 * method, in program order, whatever the path to the use. A parameter's value comes from the caller;
 * the body may define it again.
 *
 * <p>A <em>walk</em> from a variable looks back through the definitions a {@link Walk} says to look
 * through, to the variables they read ({@link #sources}): a copy to its source, a load to the
 * object it reads from, a call to its arguments. It ends at the definitions it does not look
 * through ({@link Origins#definitions()}) and at parameters ({@link Origins#params()}). Each
 * variable is visited once, at the fewest steps from the start (breadth first), so a cycle of
 * copies ends. What the rules and the C2 model ask (is the receiver the caller's collection, may
 * the value be derived from the accumulator's old one, is it computed per call, does the loop assign
 * it) is a question about what one walk reached, asked by each caller with the {@link Walk} its
 * question needs.
 *
 * <p>The definitions depend on the statements alone and the rules ask about the sites of one method
 * one after the other, so {@link #of(MethodIR)} keeps the last method's definitions per thread
 * (compared by the identity of its immutable statement list, which every copy of the method made
 * with other facts shares): built once per method, not once per site, without a component on the
 * method (as {@code rules.LastMethod} keeps the rules' own per-method facts).
 */
public final class Definitions {
  /** The definitions asked for last on this thread: one entry, replaced by the next method. */
  private static final ThreadLocal<Definitions> LAST = new ThreadLocal<>();

  private final List<Stmt> stmts;
  private final Map<Var, List<Stmt>> byVar;

  private Definitions(List<Stmt> stmts) {
    this.stmts = stmts;
    Map<Var, List<Stmt>> out = new HashMap<>();
    for (Stmt st : stmts) {
      Var d = st.definedVar();
      if (d != null) out.computeIfAbsent(d, k -> new ArrayList<>(1)).add(st);
    }
    this.byVar = out;
  }

  /**
   * The definitions of {@code m}'s variables: the last method's asked about on this thread when it
   * is {@code m} (or a copy of it with the same statements), else built now.
   */
  public static Definitions of(MethodIR m) {
    Definitions last = LAST.get();
    if (last != null && last.stmts == m.stmts()) return last;
    Definitions d = new Definitions(m.stmts());
    LAST.set(d);
    return d;
  }

  /**
   * The definitions of the variables of {@code stmts}, a front end's statements before it builds
   * the {@link MethodIR} ({@link CacheMisses#decide}); not kept, since the builder's list still grows.
   */
  public static Definitions of(List<Stmt> stmts) {
    return new Definitions(stmts);
  }

  /** Every definition of {@code v}, in program order; empty for a variable the method never assigns. */
  public List<Stmt> all(Var v) {
    return byVar.getOrDefault(v, List.of());
  }

  /** The definition of {@code v} when the method assigns it exactly once; else null. */
  public Stmt only(Var v) {
    List<Stmt> d = all(v);
    return d.size() == 1 ? d.get(0) : null;
  }

  /**
   * What a walk looks through and how far. The differences between the callers' questions are
   * options here, not copies of the walk:
   *
   * @param through the definitions the walk looks through to the variables they read (a copy's
   *     source, a load's object, a call's receiver and arguments); the others end it
   * @param redefined whether a variable the method assigns more than once is looked through (each
   *     of its definitions, as alternatives); when false the walk stops there ({@link Origins#cut()}):
   *     a caller that asks what the value is, not what it may be, cannot tell which assignment
   *     reaches. Its skipped definitions count: one assignment in a loop and one before it are two
   * @param bound how far the walk examines definitions: those of variables fewer than {@code bound}
   *     steps from the start (one step looks through one definition); a variable {@code bound}
   *     steps away that has definitions to examine stops it ({@link Origins#cut()});
   *     {@link Integer#MAX_VALUE} for none
   * @param skip definitions the walk ignores, as if the method had not them (those in code a
   *     caller asks about separately, or outside the loop it asks about); a variable whose every
   *     definition is skipped ends the walk, still known
   * @param parameters whether a parameter's own assignments in the body are looked through too;
   *     when false a parameter ends the walk, standing for what the caller passed
   */
  public record Walk(Predicate<Stmt> through, boolean redefined, int bound, Predicate<Stmt> skip, boolean parameters) {
    /** Through copies and casts only, into every definition, without bound: {@link Origins#of}. */
    public static final Walk COPIES = new Walk(st -> st instanceof Stmt.Copy, true, Integer.MAX_VALUE, st -> false, false);

    /** This walk, looking through the definitions {@code newThrough} accepts instead. */
    public Walk lookingThrough(Predicate<Stmt> newThrough) {
      return new Walk(newThrough, redefined, bound, skip, parameters);
    }

    /** This walk, stopping at variables the method assigns more than once ({@link #redefined} false). */
    public Walk definedOnce() {
      return new Walk(through, false, bound, skip, parameters);
    }

    /** This walk, examining the definitions of variables fewer than {@code steps} steps away ({@link #bound}). */
    public Walk bounded(int steps) {
      return new Walk(through, redefined, steps, skip, parameters);
    }

    /** This walk, ignoring the definitions {@code ignored} accepts. */
    public Walk skipping(Predicate<Stmt> ignored) {
      return new Walk(through, redefined, bound, ignored, parameters);
    }

    /** This walk, looking through a parameter's own assignments in the body too. */
    public Walk intoParameters() {
      return new Walk(through, redefined, bound, skip, true);
    }
  }

  /**
   * The variables definition {@code d} reads the value it defines from, for a walk that looks
   * through it: a copy's source, the object a load reads from (a field of it or an element), a
   * call's receiver and arguments (what a call returns may be any of them, or made from them);
   * none for an allocation or a static field's read. Null slots (primitives, constants) are left out.
   */
  private static List<Var> sources(Stmt d) {
    List<Var> out = new ArrayList<>(1);
    if (d instanceof Stmt.Copy c) out.add(c.source());
    else if (d instanceof Stmt.Load l) out.add(l.base());
    else if (d instanceof Stmt.Call c) out.addAll(c.args());
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /** Where {@code v}'s value comes from, walking back as {@code walk} says ({@link Definitions}). */
  public Origins walk(Var v, Walk walk) {
    Reach r = new Reach(walk);
    r.visit(v, 0);
    return r.run();
  }

  /**
   * Where the value definition {@code d} assigns comes from: {@code d} taken as the only definition
   * of a variable the walk starts at (one of several definitions of a local, asked about alone).
   */
  public Origins walk(Stmt d, Walk walk) {
    Reach r = new Reach(walk);
    r.define(d, 0);
    return r.run();
  }

  /** One walk's state: breadth first, each variable at its fewest steps. */
  private final class Reach {
    private final Walk walk;
    private final Set<Var> reached = new LinkedHashSet<>();
    private final List<Stmt> ends = new ArrayList<>();
    private final ArrayDeque<Var> work = new ArrayDeque<>();
    private final Map<Var, Integer> steps = new HashMap<>();
    private final Set<Var> queued = new HashSet<>();
    private boolean complete = true;
    private boolean cut;

    Reach(Walk walk) {
      this.walk = walk;
    }

    void visit(Var v, int depth) {
      if (v == null || !queued.add(v)) return;
      steps.put(v, depth);
      work.add(v);
    }

    /** {@code d}, a definition the walk examines at {@code depth} steps: looked through, or an end. */
    void define(Stmt d, int depth) {
      if (!walk.through().test(d)) {
        ends.add(d);
        return;
      }
      for (Var s : sources(d)) visit(s, depth + 1);
    }

    Origins run() {
      while (!work.isEmpty()) {
        Var x = work.poll();
        int depth = steps.get(x);
        reached.add(x);
        if (x.isParam() && !walk.parameters()) continue;
        List<Stmt> defs = all(x);
        if (defs.isEmpty()) {
          complete &= x.isParam(); // nothing is known of a local no statement assigns
          continue;
        }
        List<Stmt> considered = new ArrayList<>(defs.size());
        for (Stmt d : defs) if (!walk.skip().test(d)) considered.add(d);
        if (considered.isEmpty()) continue;
        if (depth >= walk.bound() || defs.size() > 1 && !walk.redefined()) {
          cut = true;
          continue;
        }
        for (Stmt d : considered) define(d, depth);
      }
      return new Origins(List.copyOf(reached), List.copyOf(ends), complete, cut);
    }
  }
}
