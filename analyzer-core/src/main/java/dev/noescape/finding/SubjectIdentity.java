package dev.noescape.finding;

import dev.noescape.ir.SiteIdentity;

/**
 * The line-independent name of what a finding is about: the subject of baseline keys
 * ({@link BaselineKeys}), SARIF {@code partialFingerprints} and the JSON report's {@code subject}.
 *
 * <p><b>Frozen: a public contract.</b> Never change the text this gives for a given structure
 * (see {@link SiteIdentity} for sites): users' {@code noescape-baseline.json} files and GitHub code
 * scanning alerts are keyed by it. It is separate from message wording on purpose: messages may be
 * reworded, identities may not.
 *
 * <ul>
 *   <li>a site: {@link SiteIdentity#of} ({@code boxing int to Integer}, {@code new ArrayList<>()});
 *   <li>a parameter: {@code param items};
 *   <li>a call: {@code call List.add} ({@link dev.noescape.ir.MethodRef#displayName()});
 *   <li>a contract: {@code waiver without a reason}.
 * </ul>
 */
public final class SubjectIdentity {
  private SubjectIdentity() {}

  /** The identity of {@code s} ("" for null). */
  public static String of(Subject s) {
    if (s instanceof Subject.Site site) return SiteIdentity.of(site.site());
    if (s instanceof Subject.Param p) return "param " + p.name();
    if (s instanceof Subject.Call c) return "call " + c.callee().displayName();
    if (s instanceof Subject.Contract) return "waiver without a reason";
    return "";
  }
}
