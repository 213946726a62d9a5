package dev.noescape.ir;

import java.util.List;

/**
 * The identity of an allocation site: the part of a finding's identity
 * ({@code dev.noescape.finding.SubjectIdentity}) that names a site, rendered from its structure
 * only — never from the source text a front end may also have.
 *
 * <p><b>Frozen: a public contract.</b> Baseline keys ({@code noescape-baseline.json}) and SARIF
 * {@code partialFingerprints} (GitHub code scanning alerts) are built from this text, so the text
 * for a given structure must never change: changing it silently invalidates every user's baseline
 * and reopens their alerts. It is what the bytecode front end printed as a site's description and
 * subject up to the release with baseline format 1. Reword messages in {@link SiteDescriptions},
 * never here. A new kind of site or detail may get a new rendering; an existing one keeps its own.
 *
 * <table>
 *   <caption>The renderings</caption>
 *   <tr><th>site</th><th>identity</th></tr>
 *   <tr><td>{@code new}</td><td>{@code new ArrayList<>()}, {@code new Foo(a, b)}: {@code "new "}, the
 *       type as written ({@link AllocSite.Constructor#typeText}), the arguments' texts joined with
 *       {@code ", "} in parentheses; {@code new Foo(…)} (simple type name) when longer than 60
 *       characters</td></tr>
 *   <tr><td>array</td><td>{@code new int[n]}, {@code new int[…][]} (size unknown), {@code new int[][]}
 *       (none given)</td></tr>
 *   <tr><td>boxing</td><td>{@code boxing int to Integer}</td></tr>
 *   <tr><td>varargs</td><td>{@code varargs Object[] for String.format}</td></tr>
 *   <tr><td>lambda</td><td>{@code lambda capturing 'a', 'b'}</td></tr>
 *   <tr><td>method reference</td><td>{@code bound method reference this::flush}</td></tr>
 *   <tr><td>anonymous class</td><td>{@code anonymous Runnable} ({@code anonymous class} when the
 *       supertype is unknown)</td></tr>
 *   <tr><td>concatenation</td><td>{@code string +=} (it has an accumulator), else
 *       {@code string concatenation}</td></tr>
 * </table>
 */
public final class SiteIdentity {
  private SiteIdentity() {}

  /** Longest {@code new} identity before it is cut to {@code new T(…)}. */
  private static final int MAX_NEW = 60;

  /** The identity of {@code s}. */
  public static String of(AllocSite s) {
    AllocSite.Details d = s.details();
    if (d instanceof AllocSite.Constructor c) return newObject(s.simpleType(), c.typeText(), c.args());
    if (d instanceof AllocSite.NewArray a) return newArray(s.type(), a.sizeText());
    if (d instanceof AllocSite.Boxing b) return "boxing " + b.primitive() + " to " + s.simpleType();
    if (d instanceof AllocSite.Varargs v) return "varargs " + s.simpleType() + " for " + v.callee().displayName();
    if (d instanceof AllocSite.Lambda l) return "lambda capturing " + quotedNames(l.captured());
    if (d instanceof AllocSite.MethodReference r) return "bound method reference " + r.receiver() + "::" + r.method();
    if (d instanceof AllocSite.Anonymous a) {
      return "anonymous " + (a.supertype() == null ? "class" : BinaryNames.simple(a.supertype()));
    }
    return ((AllocSite.Concat) d).accumulator() != null ? "string +=" : "string concatenation";
  }

  /** {@code 'a', 'b'}. */
  static String quotedNames(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      if (sb.length() > 0) sb.append(", ");
      sb.append('\'').append(n).append('\'');
    }
    return sb.toString();
  }

  private static String newObject(String simpleType, String typeText, List<SymbolicExpr> args) {
    StringBuilder sb = new StringBuilder("new ").append(typeText).append('(');
    for (int i = 0; i < args.size(); i++) sb.append(i == 0 ? "" : ", ").append(args.get(i).text());
    String text = sb.append(')').toString();
    return text.length() <= MAX_NEW ? text : "new " + simpleType + "(…)";
  }

  private static String newArray(String arrayType, String sizeText) {
    int bracket = arrayType.indexOf('[');
    return "new " + BinaryNames.simple(arrayType.substring(0, bracket)) + "[" + (sizeText == null ? "…" : sizeText) + "]"
        + arrayType.substring(bracket + 2);
  }
}
