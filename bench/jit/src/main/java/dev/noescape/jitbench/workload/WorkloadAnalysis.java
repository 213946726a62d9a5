package dev.noescape.jitbench.workload;

import dev.noescape.jitbench.classfile.ClassSource;
import dev.noescape.jitbench.classfile.CodeIndex;
import dev.noescape.jitbench.classfile.MethodCode;
import dev.noescape.jitbench.compilelog.Elimination;
import dev.noescape.jitbench.compilelog.Frame;
import dev.noescape.jitbench.compilelog.Parse;
import dev.noescape.jitbench.compilelog.Task;
import dev.noescape.jitbench.compilelog.Trap;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Per allocation site of the reported code, in how many C2 compilations it was compiled and in how
 * many C2 eliminated it. An allocation is compiled when its method was parsed into the compilation
 * (as the compiled method or inlined into it) and its block was not cut off by an uncommon trap
 * ({@code unstable_if} "taken never" cuts the jump, "taken always" the fall-through; an
 * {@code unloaded}/{@code uninitialized} trap at the allocation replaces it; any other trap at a
 * branch, such as {@code null_check}, cuts the arm that can only throw). Each compiled copy
 * is identified by its JVM state (method and bci, then every caller and call bci), the same chain
 * an {@code <eliminate_allocation>} entry lists, so an elimination is matched to exactly one copy.
 * An allocation inside a JDK method is attributed to the innermost reported frame: the library's
 * call that led to it; either all of them under one call as one site (the first way this bench
 * counted), or, {@code perCalleeAllocation}, one site per call and allocation inside it (method and
 * bci where the log reports it), which the C2 model's predictions for callees' allocations name.
 *
 * <p>What the log cannot say: an allocation removed as dead code (all its uses folded away) is not
 * logged as eliminated and counts as heap here; the probe suite measures how often that happens.
 */
public final class WorkloadAnalysis {
  private final CodeIndex code;
  private final Predicate<String> reported;
  private final boolean perCalleeAllocation;
  private final Map<String, SiteStats> sites = new TreeMap<>();
  private int pruned;
  private int compiles;

  /** {@code reported}: whether a class (binary name) is code whose sites are reported. */
  public WorkloadAnalysis(ClassSource classes, Predicate<String> reported) {
    this(classes, reported, false);
  }

  /** {@code perCalleeAllocation}: one site per library call and allocation inside its inlined callees. */
  public WorkloadAnalysis(ClassSource classes, Predicate<String> reported, boolean perCalleeAllocation) {
    this.code = new CodeIndex(classes);
    this.reported = reported;
    this.perCalleeAllocation = perCalleeAllocation;
  }

  /** Adds every successful C2 compilation of a log. */
  public void addAll(List<Task> tasks) {
    for (Task t : tasks) if (t.isC2() && t.success()) add(t);
  }

  /** The sites, by key. */
  public Map<String, SiteStats> sites() {
    return sites;
  }

  /**
   * How much was read: C2 compilations, and compiled copies of sites left out because an uncommon
   * trap cut their block off.
   */
  public record Totals(int compilations, int pruned) {}

  public Totals totals() {
    return new Totals(compiles, pruned);
  }

  private void add(Task task) {
    compiles++;
    Set<List<Frame>> eliminated = new HashSet<>();
    for (Elimination e : task.eliminations()) if (!e.kind().equals("lock")) eliminated.add(e.chain());
    // Per site of this compilation: copies, eliminated copies.
    Map<String, int[]> counts = new HashMap<>();
    Map<String, SiteStats> proto = new HashMap<>();
    for (Parse p : task.parses()) {
      if (p.method() == null) continue;
      MethodCode mc = code.code(p.method());
      if (mc == null) continue;
      Set<Integer> cutJump = new HashSet<>();
      Set<Integer> cutFall = new HashSet<>();
      Set<Integer> replaced = new HashSet<>();
      Set<Integer> trapped = new HashSet<>();
      for (Trap trap : p.traps()) {
        if ("unstable_if".equals(trap.reason())) {
          if ("taken never".equals(trap.comment())) cutJump.add(trap.bci());
          else if ("taken always".equals(trap.comment())) cutFall.add(trap.bci());
        } else if ("unloaded".equals(trap.reason()) || "uninitialized".equals(trap.reason())) {
          replaced.add(trap.bci());
        } else {
          trapped.add(trap.bci());
        }
      }
      BitSet reachable = mc.reachable(cutJump, cutFall, trapped);
      for (MethodCode.Allocation a : mc.allocations()) {
        if (!reachable.get(a.bci()) || replaced.contains(a.bci())) {
          pruned++;
          continue;
        }
        List<Frame> chain = p.chainAt(a.bci());
        count(chain, a.opcode() + " " + a.type(), eliminated.contains(chain), counts, proto);
      }
    }
    // Boxing C2 removed before it was inlined: logged only as eliminated.
    for (Elimination e : task.eliminations()) {
      if (e.kind().equals("boxing") && !e.chain().isEmpty()) count(e.chain(), "boxing " + e.type(), true, counts, proto);
    }
    for (Map.Entry<String, int[]> c : counts.entrySet()) {
      int[] n = c.getValue();
      SiteStats before = sites.getOrDefault(c.getKey(), proto.get(c.getKey()));
      sites.put(c.getKey(), before.add(n[1] == n[0], n[1] > 0));
    }
  }

  private void count(List<Frame> chain, String what, boolean eliminated, Map<String, int[]> counts,
      Map<String, SiteStats> proto) {
    for (int k = 0; k < chain.size(); k++) {
      Frame f = chain.get(k);
      if (f.method() == null || !reported.test(f.method().holder())) continue;
      MethodCode mc = code.code(f.method());
      String desc = k == 0 ? what : "via " + chain.get(0).method().holder() + "." + chain.get(0).method().name() + ": " + what;
      SiteStats s = new SiteStats(f.method().holder(), f.method().name(), f.method().descriptor(), f.bci(),
          mc == null ? 0 : mc.line(f.bci()), desc, 0, 0, 0, k > 0 && perCalleeAllocation ? chain.get(0) : null);
      proto.putIfAbsent(s.key(), s);
      int[] n = counts.computeIfAbsent(s.key(), x -> new int[2]);
      n[0]++;
      if (eliminated) n[1]++;
      return;
    }
  }
}
