package dev.noescape.rules;

import dev.noescape.engine.AnalysisResult;
import dev.noescape.engine.CallTargets;
import dev.noescape.engine.EscapeState;
import dev.noescape.engine.MethodResult;
import dev.noescape.engine.SiteResult;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.MethodRef;
import dev.noescape.ir.Reason;
import dev.noescape.ir.SiteDescriptions;
import dev.noescape.ir.SourcePos;
import dev.noescape.ir.Stmt;
import dev.noescape.summary.Allocates;
import dev.noescape.summary.MethodSummary;
import dev.noescape.summary.SummaryProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a method allocates, for {@link AllocationContractRule}: per statement, whether it allocates
 * itself (a site, a library call that may allocate or is unknown) or calls program methods; per
 * program method, the length of the shortest path to an allocating line, and the path itself.
 *
 * <p>Calls resolve exactly as the engine resolves them, through {@link CallTargets}: each target
 * (the callee and the overrides the program declares) takes a library summary when there is one
 * (models win over code we can see), else the program's body when dispatch is closed, else a
 * summary shipped for a body outside the program when dispatch is closed, else it is unknown; a
 * megamorphic call is unknown. The engine's own {@link MethodSummary#allocates()} of program
 * methods is not used: it counts every site, while the contract exempts {@code throw} operands,
 * cached boxes and (optionally) non-escaping objects, and a witness needs the allocating line anyway.
 *
 * <p>Distances are computed only over the methods the contract methods reach: a breadth-first
 * search backwards from the methods that allocate themselves (distance 0) along the call edges,
 * so recursion needs no special case (a cycle that allocates nowhere stays at "does not
 * allocate"). The path from a method takes its first statement, in program order, that allocates
 * itself or calls a method strictly closer to an allocation: it always ends.
 */
final class AllocationWitnesses {
  private static final int FAR = Integer.MAX_VALUE;

  /**
   * What one statement does against the contract.
   *
   * @param text the step when the statement allocates itself ({@code allocates new int[n]},
   *     {@code calls ArrayList.add (may allocate)}); null when it only calls program methods
   * @param targets the program methods it calls (indexes), when {@code text} is null
   * @param callee the callee of a call statement, else null
   * @param subject what the finding is about: the site, or the call
   */
  record Offense(String text, int[] targets, MethodRef callee, Subject subject) {}

  private final List<MethodResult> methods;
  private final CallTargets.Sources sources;
  private final CallTargets callTargets;
  private final boolean allowNoEscape;
  private final Map<Stmt, Offense> offenses = new IdentityHashMap<>();
  private final Map<Stmt, Boolean> clean = new IdentityHashMap<>();
  private int[] distance;

  AllocationWitnesses(AnalysisResult result, SummaryProvider library, SummaryProvider implementations,
      boolean allowNoEscape) {
    this.methods = result.methods();
    this.allowNoEscape = allowNoEscape;
    this.callTargets = new CallTargets(result.hierarchy());
    this.sources = CallTargets.sources(methods, library, implementations);
  }

  /** The offense of {@code st} in {@code mr}'s method, or null when it cannot allocate. */
  Offense offense(MethodResult mr, Stmt st) {
    if (clean.containsKey(st)) return null;
    Offense o = offenses.get(st);
    if (o == null) {
      o = classify(mr, st);
      if (o == null) {
        clean.put(st, Boolean.TRUE);
        return null;
      }
      offenses.put(st, o);
    }
    return o;
  }

  private Offense classify(MethodResult mr, Stmt st) {
    // The failure path: `throw new IllegalStateException("bad " + x)` may allocate.
    if (st.ctx().inThrow()) return null;
    if (st instanceof Stmt.Alloc a) {
      AllocSite s = a.site();
      if (s.neverAllocates()) return null;
      if (allowNoEscape) {
        SiteResult sr = RuleSupport.siteResult(mr, s);
        if (sr != null && sr.state() == EscapeState.NO_ESCAPE) return null;
      }
      return new Offense(phrase(s), null, null, new Subject.Site(s));
    }
    if (!(st instanceof Stmt.Call c)) return null;
    List<CallTargets.Target> all = callTargets.of(mr.method(), c, sources);
    int[] targets = new int[all.size()];
    int n = 0;
    Subject subject = new Subject.Call(c.callee());
    for (CallTargets.Target t : all) {
      String why = switch (t.kind()) {
        case LIBRARY, SHIPPED -> {
          Allocates al = t.summary().isUnknown() ? Allocates.UNKNOWN : t.summary().allocates();
          yield al == Allocates.YES ? "may allocate" : al == Allocates.UNKNOWN ? "may allocate: its summary does not say" : null;
        }
        case PROGRAM -> {
          targets[n++] = t.program();
          yield null;
        }
        case UNKNOWN -> "unknown: " + t.whyUnknown();
      };
      if (why != null) return new Offense(callText(c.callee(), t.ref()) + " (" + why + ")", null, c.callee(), subject);
    }
    return n == 0 ? null : new Offense(null, Arrays.copyOf(targets, n), c.callee(), subject);
  }

  /**
   * The path of an offense of {@code m}: its own step first, then one step per callee down to the
   * allocating line. Null for a call whose program targets do not allocate.
   */
  List<Reason> chain(String file, Stmt at, Offense o) {
    if (o.text() != null) return List.of(step(o.text(), at.ctx().pos()));
    ensureDistances();
    int best = best(o.targets());
    if (best < 0) return null;
    List<Reason> out = new ArrayList<>();
    out.add(step(callText(o.callee(), methods.get(best).method().ref()), at.ctx().pos()));
    int cur = best;
    while (cur >= 0) {
      MethodResult mr = methods.get(cur);
      int next = -1;
      for (Stmt st : mr.method().stmts()) {
        Offense so = offense(mr, st);
        if (so == null) continue;
        String who = mr.method().displayName() + " ";
        if (so.text() != null) {
          out.add(located(file, mr.method(), who + so.text(), st));
          break;
        }
        int b = best(so.targets());
        if (b >= 0 && distance[b] < distance[cur]) {
          out.add(located(file, mr.method(), who + callText(so.callee(), methods.get(b).method().ref()), st));
          next = b;
          break;
        }
      }
      cur = next;
    }
    return out;
  }

  /**
   * A step in a callee: with its position when the callee is in {@code file} (the finding's), else
   * with {@code (Pricing.java:9)} in the text, since a reason's position is read in the finding's file.
   */
  private static Reason located(String file, MethodIR m, String text, Stmt st) {
    SourcePos pos = st.ctx().pos();
    if (java.util.Objects.equals(file, m.sourceFile()) || pos == null || pos.line() <= 0) {
      return new Reason(Reason.Kind.PASSED_TO_CALL, text, pos);
    }
    String f = m.sourceFile() == null ? "?" : m.sourceFile().substring(m.sourceFile().lastIndexOf('/') + 1);
    return new Reason(Reason.Kind.PASSED_TO_CALL, text + " (" + f + ":" + pos.line() + ")", null);
  }

  private static Reason step(String text, SourcePos pos) {
    return new Reason(Reason.Kind.PASSED_TO_CALL, text, pos);
  }

  /** The target closest to an allocation, or -1 when none allocates. */
  private int best(int[] targets) {
    int best = -1;
    for (int t : targets) {
      if (distance[t] != FAR && (best < 0 || distance[t] < distance[best])) best = t;
    }
    return best;
  }

  /** {@code calls Book.add}, or {@code creates an Iterator: calls List.iterator} for {@code iterator()}. */
  private static String callText(MethodRef callee, MethodRef target) {
    String call = "calls " + target.displayName();
    boolean iterator = callee != null && callee.name().equals("iterator") && callee.paramTypes().isEmpty()
        && !callee.isStatic();
    return iterator ? "creates an Iterator: " + call : call;
  }

  /** How a step says what a site allocates. */
  static String phrase(AllocSite s) {
    return switch (s.kind()) {
      case BOXING -> "boxes " + BoxingAllocationRule.primitive(s) + " to " + s.simpleType();
      case VARARGS_ARRAY -> "allocates a varargs array"
          + (s.details() instanceof AllocSite.Varargs v && v.callee() != null ? " for " + v.callee().displayName() : "");
      case LAMBDA -> "creates a capturing lambda" + captures(s);
      case METHOD_REF -> "creates a bound method reference" + captures(s);
      case ANONYMOUS_CLASS -> "instantiates an anonymous class" + captures(s);
      case STRING_CONCAT -> "concatenates strings";
      // an array initializer reads {a, b} (javac quotes it): say what it is
      case NEW_ARRAY -> "allocates " + (s.details() instanceof AllocSite.NewArray a && a.initializer() ? "an array " : "")
          + s.description();
      case NEW_OBJECT -> "allocates " + s.description();
    };
  }

  private static String captures(AllocSite s) {
    if (!(s.details() instanceof AllocSite.Capture c) || c.captured().isEmpty()) return "";
    return " (captures " + SiteDescriptions.quotedNames(c.captured()) + ")";
  }

  /**
   * Distances over the methods reachable from the contract methods: forward to collect them and
   * their call edges, then breadth-first backwards from those that allocate themselves.
   */
  private void ensureDistances() {
    if (distance != null) return;
    int n = methods.size();
    distance = new int[n];
    Arrays.fill(distance, FAR);
    boolean[] seen = new boolean[n];
    List<List<Integer>> callers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) callers.add(null);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (methods.get(i).method().hasAllocationContract()) {
        seen[i] = true;
        work.add(i);
      }
    }
    ArrayDeque<Integer> bfs = new ArrayDeque<>();
    while (!work.isEmpty()) {
      int m = work.poll();
      MethodResult mr = methods.get(m);
      boolean direct = false;
      for (Stmt st : mr.method().stmts()) {
        Offense o = offense(mr, st);
        if (o == null) continue;
        if (o.text() != null) {
          direct = true;
          continue;
        }
        for (int t : o.targets()) {
          if (callers.get(t) == null) callers.set(t, new ArrayList<>());
          callers.get(t).add(m);
          if (!seen[t]) {
            seen[t] = true;
            work.add(t);
          }
        }
      }
      if (direct) {
        distance[m] = 0;
        bfs.add(m);
      }
    }
    while (!bfs.isEmpty()) {
      int t = bfs.poll();
      List<Integer> cs = callers.get(t);
      if (cs == null) continue;
      for (int c : cs) {
        if (distance[c] == FAR) {
          distance[c] = distance[t] + 1;
          bfs.add(c);
        }
      }
    }
  }
}
