package dev.noescape.engine;

import java.util.Set;

/**
 * What a computed summary's tags do not say but its callers inside the same run still apply (the
 * engine's {@code Calls.Extra} flags): a summary written out for other runs, where callers only see
 * the tags, must fold these into the tags or its result (see
 * {@link dev.noescape.models.generate.JdkSummaryGenerator}).
 *
 * @param resultHoldsGlobal the fresh result may hold global objects (a static's value was stored into it)
 * @param ownObjectsInto slots into whose content the method stores objects it allocated (a list's
 *     new backing array): a caller that loads the slot's fields directly would not see them
 * @param globalsInto slots into whose content the method stores global objects
 */
public record HiddenEffects(boolean resultHoldsGlobal, Set<Integer> ownObjectsInto, Set<Integer> globalsInto) {
  public HiddenEffects {
    ownObjectsInto = Set.copyOf(ownObjectsInto);
    globalsInto = Set.copyOf(globalsInto);
  }

  public static final HiddenEffects NONE = new HiddenEffects(false, Set.of(), Set.of());

  static HiddenEffects of(java.util.BitSet extra, int slots) {
    Set<Integer> own = new java.util.TreeSet<>();
    Set<Integer> global = new java.util.TreeSet<>();
    for (int j = 0; j < slots; j++) {
      if (extra.get(Calls.Extra.freshInto(j))) own.add(j);
      if (extra.get(Calls.Extra.globalInto(j))) global.add(j);
    }
    boolean ret = extra.get(Calls.Extra.RET_GLOBAL);
    return !ret && own.isEmpty() && global.isEmpty() ? NONE : new HiddenEffects(ret, own, global);
  }
}
