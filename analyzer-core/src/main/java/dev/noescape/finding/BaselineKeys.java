package dev.noescape.finding;

/**
 * The line-independent keys of the baseline file ({@code noescape-baseline.json}), built from a
 * finding's structure: its rule, enclosing method ({@link dev.noescape.ir.MethodRef#key()}), the
 * kind of its subject and the subject's frozen identity ({@link SubjectIdentity}). No line, column
 * or message goes in, so edits that move code or reword messages keep a baseline valid.
 *
 * <ul>
 *   <li>Format 2 (written since the release that made findings structured):
 *       {@code RuleId:methodKey:KIND:identity:occurrence}, for instance
 *       {@code BoxingAllocation:com.acme.Book#add(long):BOXING:boxing long to Long:1}.
 *       {@code KIND} is the site's {@link dev.noescape.ir.SiteKind} name, or {@code PARAM},
 *       {@code CALL}, {@code CONTRACT}; {@code occurrence} (1, 2, …) numbers the findings with the
 *       same key in report order, so twins (two {@code new int[]} in one method) stay distinct.
 *   <li>Format 1 (every release before): {@code RuleId:methodKey:identity}, twins counted in the
 *       file. Still read: {@link #v1} computes a finding's format-1 key from the same structure.
 * </ul>
 */
public final class BaselineKeys {
  private BaselineKeys() {}

  /** The format-1 key: {@code RuleId:methodKey:identity}. */
  public static String v1(Finding f) {
    return f.rule().id() + ":" + methodKey(f) + ":" + SubjectIdentity.of(f.subject());
  }

  /** The format-2 key without its occurrence: {@code RuleId:methodKey:KIND:identity}. */
  public static String v2(Finding f) {
    return f.rule().id() + ":" + methodKey(f) + ":" + kind(f.subject()) + ":" + SubjectIdentity.of(f.subject());
  }

  /** The format-2 key of the {@code occurrence}-th finding (from 1) with {@link #v2} key {@code v2}. */
  public static String v2(String v2, int occurrence) {
    return v2 + ":" + occurrence;
  }

  /** {@code BOXING}, {@code NEW_OBJECT}, …, {@code PARAM}, {@code CALL}, {@code CONTRACT}. */
  public static String kind(Subject s) {
    if (s instanceof Subject.Site site) return site.site().kind().name();
    if (s instanceof Subject.Param) return "PARAM";
    if (s instanceof Subject.Call) return "CALL";
    return "CONTRACT";
  }

  /** The method key, or "" when the finding has no method. */
  public static String methodKey(Finding f) {
    return f.method() == null ? "" : f.method().key();
  }
}
