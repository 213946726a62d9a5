package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.engine.MethodResult;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One finding per call: a plain (fixed-arity) call that boxes two or more of its arguments
 * ({@code reader.apply(buffer, offset, remaining)} into an {@code IOTriFunction<byte[], Integer,
 * Integer, Integer>}) is one place to change, and the reader wants it on one line, as a
 * variable-arity call's boxes already are ({@link VarargsBoxes}). The first box of the call (site
 * order) is reported, its message naming the others ({@link BoxingAllocationRule}); {@link
 * RuleRunner} drops the others' findings. The first box's finding keeps its subject, so its
 * baseline key and fingerprint do not change; the others' keys go stale, as for {@link
 * RepeatedBoxes}.
 *
 * <p>Boxes of one call are grouped when each allocates, is passed straight to the call as an
 * argument ({@link BoxTarget.Kind#ARGUMENT} of the same call statement), is no element of a
 * varargs array (part of that call's finding) and is not boxed again in its iteration (a {@link
 * RepeatedBoxes} group says "box it once", a different fix). Of a call's boxes only those of the
 * same tier go together (a forced box, information, does not hide in a warning's message, nor a
 * warning in information's): the rule decides that per finding ({@link #sameFinding}).
 */
final class CallBoxes {
  private CallBoxes() {}

  /** The rule whose tier decides which boxes of a call share a finding; stateless. */
  private static final BoxingAllocationRule BOXING = new BoxingAllocationRule();

  /**
   * The boxes of {@code m} passed as arguments of one call, in groups of two or more in site order,
   * by the criteria of the class comment other than the tier; unmodifiable.
   */
  static List<List<AllocSite>> groups(MethodIR m) {
    return GROUPS.of(m);
  }

  /**
   * Every boxing site's message asks for its call's group ({@link #sameFinding}), as does
   * {@link RuleRunner}'s grouping, and each computation follows every box to its target
   * ({@link BoxTarget#of}): they are computed once per method.
   */
  private static final LastMethod<MethodIR, List<List<AllocSite>>> GROUPS = new LastMethod<>(CallBoxes::compute);

  private static List<List<AllocSite>> compute(MethodIR m) {
    // most methods box fewer than two values: no group, and nothing below to compute
    int allocating = 0;
    for (AllocSite s : m.sites()) if (s.kind() == SiteKind.BOXING && !s.neverAllocates() && ++allocating >= 2) break;
    if (allocating < 2) return List.of();
    Set<Integer> excluded = new HashSet<>();
    for (List<AllocSite> boxes : VarargsBoxes.byCall(m).values()) for (AllocSite b : boxes) excluded.add(b.id());
    for (var e : RepeatedBoxes.of(m).entrySet()) {
      excluded.add(e.getKey());
      for (AllocSite b : e.getValue()) excluded.add(b.id());
    }
    // the call statement is the group's identity: two calls of one method on a line are two calls
    Map<Stmt.Call, List<AllocSite>> byCall = new IdentityHashMap<>();
    Map<Stmt.Call, Integer> order = new LinkedHashMap<>();
    for (AllocSite s : m.sites()) {
      if (s.kind() != SiteKind.BOXING || s.neverAllocates() || excluded.contains(s.id())) continue;
      BoxTarget t = BoxTarget.of(m, s);
      // a box kept in a local on its way to the call is that local's: its declaration is its line
      if (t.kind() != BoxTarget.Kind.ARGUMENT || t.call() == null || t.kept() != null) continue;
      byCall.computeIfAbsent(t.call(), c -> new ArrayList<>()).add(s);
      order.putIfAbsent(t.call(), order.size());
    }
    List<List<AllocSite>> out = new ArrayList<>();
    for (Stmt.Call c : order.keySet()) {
      List<AllocSite> g = byCall.get(c);
      if (g.size() >= 2) out.add(List.copyOf(g));
    }
    return List.copyOf(out);
  }

  /**
   * The other boxes of {@code s}'s call whose findings {@code s}'s finding stands for, in site order:
   * those the rule reports with the same tier and the same reason for it ({@link
   * SiteRule#notAWarning}), when {@code s} is the first of them; empty when {@code s} is alone or
   * stands in another box's finding.
   */
  static List<AllocSite> sameFinding(MethodResult result, AllocSite s, RuleContext context) {
    MethodIR m = result.method();
    List<AllocSite> group = null;
    for (List<AllocSite> g : groups(m)) {
      for (AllocSite o : g) if (o.id() == s.id()) group = g;
    }
    if (group == null) return List.of();
    String tier = BOXING.notAWarning(result, m, s, context);
    List<AllocSite> peers = new ArrayList<>();
    for (AllocSite o : group) {
      if (BOXING.reports(m, o, context) && Objects.equals(tier, BOXING.notAWarning(result, m, o, context))) peers.add(o);
    }
    if (peers.size() < 2 || peers.get(0).id() != s.id()) return List.of();
    return List.copyOf(peers.subList(1, peers.size()));
  }

  /** {@code findings} of one method without the {@code BoxingAllocation} findings of boxes another box of the same call stands for. */
  static List<Finding> oneFindingPerCall(MethodResult result, List<Finding> findings, RuleContext context) {
    if (groups(result.method()).isEmpty()) return findings;
    Map<Integer, List<AllocSite>> heads = new HashMap<>();
    for (Finding f : findings) {
      if (f.rule() != RuleId.BOXING_ALLOCATION || !(f.subject() instanceof Subject.Site site)) continue;
      List<AllocSite> others = sameFinding(result, site.site(), context);
      if (!others.isEmpty()) heads.put(f.siteId(), others);
    }
    return heads.isEmpty() ? findings : RepeatedBoxes.standFor(findings, heads);
  }
}
