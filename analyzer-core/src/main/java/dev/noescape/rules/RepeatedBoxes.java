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
 * the same type, both allocate, both run in the same innermost loop, they can run in one iteration
 * ({@link #together}: not on exclusive arms), neither is on a cold path, and neither is an element
 * of a varargs array (that box belongs to its call's finding, {@link VarargsBoxes}). One box stands
 * for a later one when it runs whenever the later one does ({@link #standsFor}): then every iteration
 * that makes the later box has already boxed the value. A field read may
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
      // The first box that stands for a later one heads the finding; each later box it stands for
      // reuses a box made in the same iteration. A conditional box stands for none of the boxes
      // outside its arm ({@code if (…) get(i); put(i, …)}): one box would be made on iterations that
      // made none.
      for (int head = 0; head < g.size() - 1; head++) {
        AllocSite first = g.get(head);
        boolean field = ((AllocSite.Boxing) first.details()).value().kind() == Boxes.Value.Kind.FIELD;
        List<AllocSite> again = new ArrayList<>();
        for (AllocSite later : g.subList(head + 1, g.size())) {
          if (field && programCallBetween(m, first, later)) break;
          if (standsFor(m, first, later)) again.add(later);
        }
        if (!again.isEmpty()) {
          out.put(first.id(), again);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether the box at {@code first} stands for the later box {@code later} of the same value in the
   * same innermost loop: {@code first} runs whenever {@code later} runs, in the same iteration. It
   * does when it runs once on every iteration ({@link dev.noescape.ir.StmtContext#oncePerIteration}),
   * when its arm is {@code later}'s or encloses it ({@link dev.noescape.ir.Arms#runsWhenever}: {@code
   * minus.add(x); plus.add(x);} inside one arm), or when it dominates or post-dominates {@code later}
   * within the iteration ({@link dev.noescape.ir.Dominance#runsWhenever}).
   */
  private static boolean standsFor(MethodIR m, AllocSite first, AllocSite later) {
    int f = first.ctx().ordinal(), l = later.ctx().ordinal();
    return first.ctx().oncePerIteration() || m.control().arms().runsWhenever(f, l) || m.control().dominance().runsWhenever(f, l);
  }

  /**
   * Whether the boxes at {@code a} and {@code b}, of one value in one loop, can both run in one
   * iteration: they are not on exclusive arms of a branch ({@link dev.noescape.ir.Arms#exclusive}:
   * {@code if (cmp == 0) list.add(i); else if (cmp < 0) list.add(i);}). Boxes that never run
   * together are not a value boxed twice: boxing it once before the branch would box on every
   * iteration instead of on each arm's. When the arms are not known, they may run together.
   */
  private static boolean together(MethodIR m, AllocSite a, AllocSite b) {
    return !m.control().arms().exclusive(a.ctx().ordinal(), b.ctx().ordinal());
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
    for (List<AllocSite> g : groups.values()) {
      // a box that can run in one iteration with none of the others is no repeat: it leaves the group
      List<AllocSite> kept = new ArrayList<>(g.size());
      for (AllocSite s : g) {
        boolean withAnother = false;
        for (AllocSite o : g) withAnother |= o.id() != s.id() && together(m, s, o);
        if (withAnother) kept.add(s);
      }
      if (kept.size() >= 2) out.add(List.copyOf(kept));
    }
    return List.copyOf(out);
  }

  /**
   * The other boxes of the value boxed at {@code s} in the same loop that can run in the same
   * iteration as it ({@link #together}), in site order, whether or not
   * {@link #of} makes them one finding (it does not when the first may be skipped in an iteration,
   * or a call between may change a field): the value is boxed more than once in the loop, and a box
   * kept in a local may serve several uses, so it has a local fix ({@link ForcedBoxes}). Empty when
   * there are none.
   */
  static List<AllocSite> sameValueInLoop(MethodIR m, AllocSite s) {
    for (List<AllocSite> g : sameValueGroups(m)) {
      List<AllocSite> others = new ArrayList<>(g.size());
      boolean member = false;
      for (AllocSite o : g) {
        if (o.id() == s.id()) member = true;
        else if (together(m, s, o)) others.add(o);
      }
      if (member) return others;
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
