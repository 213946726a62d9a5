package dev.noescape.rules;

import dev.noescape.catalog.RuleId;
import dev.noescape.finding.Finding;
import dev.noescape.ir.AllocSite;
import dev.noescape.ir.Definitions;
import dev.noescape.ir.FieldRef;
import dev.noescape.ir.MethodIR;
import dev.noescape.ir.SiteKind;
import dev.noescape.ir.Stmt;
import dev.noescape.ir.Var;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One finding per call: the boxes a variable-arity call packs into its implicit array
 * ({@code String.format("%d:%d", a, b)} boxes {@code a} and {@code b} only to store them into its
 * {@code Object[]}) are part of the call's allocation. {@code VarargsAllocation} lists them in its
 * message and {@link RuleRunner} drops their {@code BoxingAllocation} findings when the call is
 * reported, so a call is one line, not three; the call's finding keeps its own subject (its
 * baseline key and fingerprint do not change).
 *
 * <p>A box belongs to a call when the IR stores the boxing site's variable, as an array element,
 * straight into the variable of the call's varargs site, and each of the two variables is defined
 * by that one allocation only (both front ends lower the call's arguments into fresh temporaries).
 */
final class VarargsBoxes {
  private VarargsBoxes() {}

  /**
   * Boxing sites of {@code m} by the id of the varargs site whose array holds their box, in site
   * order; unmodifiable.
   */
  static Map<Integer, List<AllocSite>> byCall(MethodIR m) {
    return BY_CALL.of(m);
  }

  /**
   * Each varargs site's message asks for its boxes ({@link VarargsAllocationRule}), as do the
   * grouping of repeated boxes and {@link #oneFindingPerCall}, and each computation walks the
   * method's statements twice: they are computed once per method, not once per call.
   */
  private static final LastMethod<MethodIR, Map<Integer, List<AllocSite>>> BY_CALL = new LastMethod<>(VarargsBoxes::compute);

  private static Map<Integer, List<AllocSite>> compute(MethodIR m) {
    if (!hasVarargsCall(m)) return Map.of();
    Definitions defs = Definitions.of(m);
    Map<Integer, List<AllocSite>> out = new LinkedHashMap<>();
    for (Stmt st : m.stmts()) {
      if (!(st instanceof Stmt.Store store) || !FieldRef.ARRAY_ELEMENT.equals(store.field())) continue;
      AllocSite array = allocatedOnce(defs, store.base());
      AllocSite box = allocatedOnce(defs, store.value());
      if (array == null || box == null || array.kind() != SiteKind.VARARGS_ARRAY || box.kind() != SiteKind.BOXING
          || box.neverAllocates()) {
        continue;
      }
      out.computeIfAbsent(array.id(), k -> new ArrayList<>()).add(box);
    }
    out.replaceAll((call, boxes) -> List.copyOf(boxes));
    return Collections.unmodifiableMap(out); // not Map.copyOf: the calls stay in site order
  }

  /**
   * {@code findings} of one method without the {@code BoxingAllocation} findings whose box is an
   * element of an array that has a {@code VarargsAllocation} finding among them.
   */
  static List<Finding> oneFindingPerCall(MethodIR m, List<Finding> findings) {
    Set<Integer> calls = new HashSet<>();
    for (Finding f : findings) if (f.rule() == RuleId.VARARGS_ALLOCATION && f.siteId() >= 0) calls.add(f.siteId());
    if (calls.isEmpty()) return findings;
    Set<Integer> absorbed = new HashSet<>();
    for (var e : byCall(m).entrySet()) {
      if (calls.contains(e.getKey())) for (AllocSite box : e.getValue()) absorbed.add(box.id());
    }
    if (absorbed.isEmpty()) return findings;
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.rule() != RuleId.BOXING_ALLOCATION || !absorbed.contains(f.siteId())) out.add(f);
    }
    return out;
  }

  /** Whether {@code m} makes a variable-arity call's array anywhere. */
  static boolean hasVarargsCall(MethodIR m) {
    for (AllocSite s : m.sites()) if (s.kind() == SiteKind.VARARGS_ARRAY) return true;
    return false;
  }

  /**
   * The site of the allocation that is the one definition of {@code v} ({@link Definitions#only}),
   * or null: both front ends lower a varargs call's array and the values stored into it into such
   * temporaries, so they name the array a call receives ({@link CallAllocations}) and the boxes
   * stored into it.
   */
  static AllocSite allocatedOnce(Definitions defs, Var v) {
    return v != null && defs.only(v) instanceof Stmt.Alloc a ? a.site() : null;
  }
}
