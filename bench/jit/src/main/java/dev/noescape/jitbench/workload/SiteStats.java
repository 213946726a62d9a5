package dev.noescape.jitbench.workload;

import dev.noescape.jitbench.compilelog.Frame;

/**
 * One allocation site of library code over a workload's C2 compilations.
 *
 * @param holder binary class name ({@code com.fasterxml.jackson.core.JsonFactory})
 * @param bci the allocation bytecode in the method, or the call that leads to it through inlined
 *     JDK code ({@code what} says which)
 * @param what {@code new T} / {@code newarray int[]}, or {@code via java.lang.Integer.valueOf: new
 *     java.lang.Integer} for an allocation inside an inlined JDK callee
 * @param compiles C2 compilations that compiled the site (its method parsed, the site's block not
 *     pruned)
 * @param eliminatedAll compilations in which every copy of the site was eliminated
 * @param eliminatedSome compilations in which at least one copy was
 * @param allocation for an allocation inside an inlined JDK callee counted on its own (one site per
 *     library call and allocation inside it), the allocation's method and bci; null for the
 *     library's own allocations and when every allocation under one library call is one site
 */
public record SiteStats(String holder, String method, String descriptor, int bci, int line, String what,
    int compiles, int eliminatedAll, int eliminatedSome, Frame allocation) {
  public SiteStats(String holder, String method, String descriptor, int bci, int line, String what,
      int compiles, int eliminatedAll, int eliminatedSome) {
    this(holder, method, descriptor, bci, line, what, compiles, eliminatedAll, eliminatedSome, null);
  }


  /** {@code scalar-replaced} (eliminated in every compile), {@code heap} (in none), {@code some}. */
  public String verdict() {
    if (eliminatedAll == compiles) return "scalar-replaced";
    if (eliminatedSome == 0) return "heap";
    return "some";
  }

  SiteStats add(boolean all, boolean some) {
    return new SiteStats(holder, method, descriptor, bci, line, what, compiles + 1,
        eliminatedAll + (all ? 1 : 0), eliminatedSome + (some ? 1 : 0), allocation);
  }

  /** {@code Class.method(desc)@bci}, then the allocation inside the callee when it is a site of its own: the site's key. */
  public String key() {
    return holder + "." + method + descriptor + "@" + bci + (allocation == null ? "" : " " + allocation);
  }
}
