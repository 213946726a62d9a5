package dev.noescape.ir;

import java.util.List;

/**
 * How messages name an allocation site, for both front ends: the one place where a site's
 * {@link AllocSite.Details} become words ({@code boxing int to Integer}, {@code new ArrayList<>()},
 * {@code lambda capturing 'limit'}). Front ends supply facts only; rules compose their messages
 * around this description. Wording may change between releases; baseline keys and fingerprints use
 * the frozen {@link SiteIdentity} instead.
 *
 * <p>Where the front end has the source (javac), a {@code new}, an array creation and a string
 * concatenation are named by the text the user wrote when it fits on one line in
 * {@value #MAX_TEXT} characters, else by a short form ({@code new Foo(…)}, {@code new int[]},
 * {@code int[] initializer}). Without the source (bytecode) and for every other kind, a site is
 * named by its identity, with the white space of a method reference's receiver collapsed.
 */
public final class SiteDescriptions {
  private SiteDescriptions() {}

  /** Longest source text a description quotes. */
  public static final int MAX_TEXT = 60;

  /** The description of {@code s}. */
  public static String describe(AllocSite s) {
    AllocSite.Details d = s.details();
    if (d instanceof AllocSite.Constructor c && c.written() != null) {
      return fits(c.written(), "new ") ? c.written() : "new " + s.simpleType() + "(…)";
    }
    if (d instanceof AllocSite.NewArray a && a.written() != null) {
      return fits(a.written(), "") ? a.written() : a.initializer() ? s.simpleType() + " initializer" : "new " + s.simpleType();
    }
    if (d instanceof AllocSite.Concat c && c.written() != null && fits(c.written(), "")) return c.written();
    if (d instanceof AllocSite.MethodReference) return SiteIdentity.of(s).replaceAll("\\s+", " ");
    return SiteIdentity.of(s);
  }

  /** {@code 'a', 'b'}: captured names as messages quote them. */
  public static String quotedNames(List<String> names) {
    return SiteIdentity.quotedNames(names);
  }

  private static boolean fits(String text, String prefix) {
    return text.length() <= MAX_TEXT && text.indexOf('\n') < 0 && text.startsWith(prefix);
  }
}
