package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.finding.Subject;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Boxes;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One finding per repeated box: the same value boxed two or more times in one loop iteration
 * ({@code if (map.containsKey(i)) map.remove(i)}, {@code get(op.index) … put(op.index, …)}) is one
 * allocation too many, and one change fixes them all (box it once and reuse the box). The first box
 * is reported, its message listing the others ({@link BoxingAllocationRule}); {@link RuleRunner}
 * drops the others' findings. The first box's finding keeps its subject, so its baseline key and
 * fingerprint do not change.
 *
 * <p>Two boxes box the same value when the front ends gave them equal {@link Boxes.Value}s (the same
 * local or field with no write between them in program order, or the same constant), they box into
 * the same type, both allocate, both run in the same innermost loop, the first runs on every
 * iteration (so a later one runs in an iteration that has already boxed the value; an earlier
 * conditional box is left alone: it may be in a branch exclusive with the later ones), neither is on
 * a cold path, and neither is an element of a
 * varargs array (that box belongs to its call's finding, {@link VarargsBoxes}). A field read may
 * also change through a call between the two boxes: for a field, no call into code other than the
 * JDK's may come between them (a JDK collection's {@code get} or {@code containsKey} does not write
 * the program's fields).
 */
final class RepeatedBoxes {
  private RepeatedBoxes() {}

  /** The boxes of {@code m} that are boxed again in the same iteration, by site id, each with its later boxes in site order. */
  static Map<Integer, List<AllocSite>> of(MethodIR m) {
    Map<Integer, List<AllocSite>> out = new LinkedHashMap<>();
    for (List<AllocSite> group : sameValueGroups(m)) {
      List<AllocSite> g = new ArrayList<>(group);
      g.sort((a, b) -> Integer.compare(a.ctx().ordinal(), b.ctx().ordinal()));
      // The box that stands for the others runs on every iteration: then each later box reuses a box
      // made in the same iteration. An earlier conditional box may be in a branch exclusive with the
      // later ones ({@code if (…) get(i) else put(i, …)}): one box would save nothing there.
      int head = 0;
      while (head < g.size() && !g.get(head).ctx().oncePerIteration()) head++;
      if (head >= g.size() - 1) continue;
      AllocSite first = g.get(head);
      boolean field = ((AllocSite.Boxing) first.details()).value().kind() == Boxes.Value.Kind.FIELD;
      List<AllocSite> again = new ArrayList<>();
      for (AllocSite later : g.subList(head + 1, g.size())) {
        if (field && programCallBetween(m, first, later)) break;
        again.add(later);
      }
      if (!again.isEmpty()) out.put(first.id(), again);
    }
    return out;
  }

  /**
   * The boxes of {@code m} that box the same value into the same type in the same innermost loop,
   * in groups of two or more, by the criteria of the class comment other than which of them runs on
   * every iteration and the calls between them ({@link #of} applies those).
   */
  private static List<List<AllocSite>> sameValueGroups(MethodIR m) {
    return GROUPS.of(m);
  }

  /**
   * Every boxing site's message and tier ask for the groups ({@link #of}, {@link #sameValueInLoop},
   * and {@link RuleRunner}'s grouping), and each computation follows every box's target through the
   * method's statements ({@link BoxTarget#of}): they are computed once per method.
   */
  private static final LastMethod<MethodIR, List<List<AllocSite>>> GROUPS = new LastMethod<>(RepeatedBoxes::computeGroups);

  private static List<List<AllocSite>> computeGroups(MethodIR m) {
    Set<Integer> varargsElements = new HashSet<>();
    for (List<AllocSite> boxes : VarargsBoxes.byCall(m).values()) for (AllocSite b : boxes) varargsElements.add(b.id());
    Map<List<Object>, List<AllocSite>> groups = new LinkedHashMap<>();
    for (AllocSite s : m.sites()) {
      if (s.kind() != SiteKind.BOXING || s.neverAllocates() || s.loopDepth() <= 0 || s.ctx().isCold()
          || varargsElements.contains(s.id()) || !(s.details() instanceof AllocSite.Boxing b) || b.value() == null
          || keptInALocal(m, s)) {
        continue;
      }
      groups.computeIfAbsent(List.of(s.ctx().loopId(), s.type(), b.value()), k -> new ArrayList<>()).add(s);
    }
    List<List<AllocSite>> out = new ArrayList<>();
    for (List<AllocSite> g : groups.values()) if (g.size() >= 2) out.add(List.copyOf(g));
    return List.copyOf(out);
  }

  /**
   * The other boxes of the value boxed at {@code s} in the same loop, in site order, whether or not
   * {@link #of} makes them one finding (it does not when the first may be skipped in an iteration,
   * or a call between may change a field): the value is boxed more than once in the loop, and a box
   * kept in a local may serve several uses, so it has a local fix ({@link ForcedBoxes}). Empty when
   * there are none.
   */
  static List<AllocSite> sameValueInLoop(MethodIR m, AllocSite s) {
    for (List<AllocSite> g : sameValueGroups(m)) {
      List<AllocSite> others = new ArrayList<>(g.size());
      for (AllocSite o : g) if (o.id() != s.id()) others.add(o);
      if (others.size() < g.size()) return others;
    }
    return List.of();
  }

  /**
   * A box assigned to a named local ({@code Integer boxed = i;}) is the author's own box, with a
   * declaration a {@code @SuppressWarnings} can sit on, whatever later requires it: it is left alone
   * (grouping it would let a suppression of the first box hide the others).
   */
  private static boolean keptInALocal(MethodIR m, AllocSite s) {
    return BoxTarget.of(m, s).inNamedLocal();
  }

  /** Whether a call into code other than the JDK's runs between the two sites in program order. */
  private static boolean programCallBetween(MethodIR m, AllocSite first, AllocSite later) {
    for (Stmt st : m.stmts()) {
      int o = st.ctx().ordinal();
      if (o > first.ctx().ordinal() && o < later.ctx().ordinal() && st instanceof Stmt.Call c && !jdk(c.callee().owner())) {
        return true;
      }
    }
    return false;
  }

  private static boolean jdk(String owner) {
    return owner.startsWith("java.") || owner.startsWith("javax.") || owner.startsWith("jdk.");
  }

  /** {@code findings} of one method without the {@code BoxingAllocation} findings of boxes another box of the same value stands for. */
  static List<Finding> oneFindingPerValue(MethodIR m, List<Finding> findings) {
    boolean any = false;
    for (Finding f : findings) any |= f.rule() == RuleId.BOXING_ALLOCATION;
    if (!any) return findings;
    Map<Integer, List<AllocSite>> groups = of(m);
    return groups.isEmpty() ? findings : standFor(findings, groups);
  }

  /**
   * {@code findings} with each reported {@code BoxingAllocation} finding of a site among {@code
   * heads}' keys standing for the boxes listed under it: their findings are dropped, and its subject
   * names them ({@link Subject.Site#also}: the source mapping counts the boxes of its line). The
   * grouping of repeated boxes and of a call's boxes ({@link CallBoxes}) end alike.
   */
  static List<Finding> standFor(List<Finding> findings, Map<Integer, List<AllocSite>> heads) {
    Set<Integer> absorbed = new HashSet<>();
    for (Finding f : findings) {
      List<AllocSite> others = f.rule() == RuleId.BOXING_ALLOCATION ? heads.get(f.siteId()) : null;
      if (others != null) for (AllocSite s : others) absorbed.add(s.id());
    }
    if (absorbed.isEmpty()) return findings;
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.rule() != RuleId.BOXING_ALLOCATION) {
        out.add(f);
      } else if (!absorbed.contains(f.siteId())) {
        List<AllocSite> others = heads.get(f.siteId());
        out.add(others == null || !(f.subject() instanceof Subject.Site s) ? f : f.withSubject(s.standingFor(others)));
      }
    }
    return out;
  }
}
