package dev.noescape.finding;

import dev.noescape.ir.AllocSite;
import dev.noescape.ir.MethodRef;
import java.util.List;

/**
 * What a finding is about, as structure: an allocation site, a parameter, a call, or the method's
 * allocation contract. Everything downstream of the rules (source mapping, reports, baselines, the
 * front ends' tree lookups) reads this, never the message: the message is wording, this is data.
 * Its line-independent name is {@link SubjectIdentity#of}.
 */
public sealed interface Subject permits Subject.Site, Subject.Param, Subject.Call, Subject.Contract {

  /**
   * An allocation site of the finding's method, with every fact its front end supplied.
   *
   * @param also the other sites whose findings this one stands for (the other boxes of one call,
   *     the later boxes of one value: {@code rules.CallBoxes}, {@code rules.RepeatedBoxes}), in site
   *     order; they are not part of the subject's identity, but where they share its line the
   *     source mapping counts them to tell which expression of the line the finding is at
   * @param lineMates the other sites of the method of the site's kind on its line, whether or not
   *     they are reported, in site order: the source mapping counts those that read alike (the same
   *     {@link SubjectIdentity}, as for {@code also}), so that a line's one reported box of two
   *     ({@code c.compare(midVal, key)}, only {@code key}'s a warning) still gets its column. Not part
   *     of the identity.
   */
  record Site(AllocSite site, List<AllocSite> also, List<AllocSite> lineMates) implements Subject {
    public Site {
      also = also == null ? List.of() : List.copyOf(also);
      lineMates = lineMates == null ? List.of() : List.copyOf(lineMates);
    }

    /** A site that stands for the sites {@code also}, with no line mates known. */
    public Site(AllocSite site, List<AllocSite> also) {
      this(site, also, List.of());
    }

    /** A site that stands for no other. */
    public Site(AllocSite site) {
      this(site, List.of(), List.of());
    }

    /** This site standing for {@code others} as well, its line mates kept. */
    public Site standingFor(List<AllocSite> others) {
      return new Site(site, others, lineMates);
    }
  }

  /**
   * A declared parameter of the finding's method.
   *
   * @param slot its summary slot ({@code this} is slot 0 of instance methods)
   * @param name its source name
   */
  record Param(int slot, String name) implements Subject {}

  /** A call of the finding's method ({@code AllocationContract}: a callee that may allocate). */
  record Call(MethodRef callee) implements Subject {}

  /** The method's {@code @NoAllocation} contract itself (a waiver of it that states no reason). */
  record Contract() implements Subject {}

  /** The site, or null for the other subjects. */
  default AllocSite site() {
    return this instanceof Site s ? s.site() : null;
  }
}
