package dev.noescape.engine;

import java.util.List;

/**
 * Why a method runs only once, during class initialization: every call of it in the program is in
 * a static initializer or in another such method, and no code outside the program can call it
 * ({@link OneTimeMethods} decides it). Names, not sentences: the rules word it.
 *
 * @param roots the display names of the classes whose static initializer reaches the method: when
 *     {@code through} is null, the classes of all its callers (each a static initializer); else the
 *     class of the static initializer a shortest chain of calls starts from. Sorted, at least one
 * @param through null when every caller is a static initializer; else the display name of the
 *     caller that is not one and is nearest a static initializer ({@code Foo.a}, {@code lambda in
 *     Foo.<clinit>}; the method itself when only its recursion and static initializers call it)
 * @param depth the length of that chain: 1 when a static initializer calls it directly
 */
public record OneTime(List<String> roots, String through, int depth) {
  public OneTime {
    roots = List.copyOf(roots);
  }
}
